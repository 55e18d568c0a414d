namespace CurationPipeline.Llm;

/// <summary>
/// Where the response cache lives: one file in the user's cache folder, shared by every run and evaluation
/// of the user, unless a run names another file or none.
/// </summary>
public static class CacheLocation
{
    /// <summary>The file name inside the cache folder.</summary>
    public const string FileName = "model-cache.db";

    /// <summary>
    /// <c>$XDG_CACHE_HOME/curate/model-cache.db</c> when that variable holds an absolute path, else the platform's
    /// cache folder: <c>~/.cache</c> on Linux, <c>~/Library/Caches</c> on macOS, the local application data folder on Windows.
    /// </summary>
    public static string Default(Func<string, string?>? getEnvironmentVariable = null)
    {
        var env = getEnvironmentVariable ?? Environment.GetEnvironmentVariable;
        var xdg = env("XDG_CACHE_HOME");
        string root;
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
        {
            root = xdg;
        }
        else if (OperatingSystem.IsWindows())
        {
            root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        }
        else
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify);
            root = OperatingSystem.IsMacOS() ? Path.Combine(home, "Library", "Caches") : Path.Combine(home, ".cache");
        }

        return Path.Combine(root, "curate", FileName);
    }

    /// <summary>
    /// The cache file of a run: none with <paramref name="disabled"/>; else <paramref name="explicitPath"/> (a command-line
    /// option), else <paramref name="configuredPath"/> (a key of the pipeline file, relative to <paramref name="configuredBase"/>),
    /// else <see cref="Default"/>.
    /// </summary>
    public static string? Resolve(string? explicitPath, bool disabled, string? configuredPath = null, string? configuredBase = null)
    {
        if (disabled)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }

        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var expanded = configuredPath.StartsWith("~/", StringComparison.Ordinal)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), configuredPath[2..])
                : configuredPath;
            return Path.GetFullPath(Path.IsPathRooted(expanded) ? expanded : Path.Combine(configuredBase ?? ".", expanded));
        }

        return Default();
    }
}
