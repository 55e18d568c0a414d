namespace CurationPipeline.Sources;

/// <summary>
/// Where the public datasets (CMExam, the CBLUE sets and the other public samples) are read from and where
/// <c>curate datasets fetch</c> puts them: the folder named by <c>CURATE_EXTERNAL_DATA</c>, else
/// <c>curate/datasets</c> in the user's data folder (<c>$XDG_DATA_HOME</c>, <c>~/.local/share</c> on Linux,
/// <c>%LOCALAPPDATA%</c> on Windows).
/// </summary>
public static class PublicDataFolder
{
    /// <summary>The environment variable that names the folder.</summary>
    public const string Variable = "CURATE_EXTERNAL_DATA";

    /// <summary>The folder used when <see cref="Variable"/> is not set.</summary>
    public static string Default
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            var root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
                ? xdg
                : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(root))
            {
                root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            }

            return Path.Combine(root, "curate", "datasets");
        }
    }

    /// <summary>The folder in effect: <see cref="Variable"/> when set, else <see cref="Default"/>.</summary>
    public static string Current =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? Path.GetFullPath(value) : Default;
}
