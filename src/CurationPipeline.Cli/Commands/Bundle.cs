namespace CurationPipeline.Cli.Commands;

/// <summary>
/// The pipelines (with their prompts) and raw inputs that ship with `curate`: copied beside the program by every build
/// and inside the tool package, laid out as in the repository, so a pipeline's <c>../raw/...</c> paths resolve there.
/// </summary>
internal static class Bundle
{
    public static string Pipelines => Path.Combine(AppContext.BaseDirectory, "pipelines");

    public static string Raw => Path.Combine(AppContext.BaseDirectory, "raw");

    /// <summary>A folder under raw/: the current folder's when it has one (a clone of the repository), else the bundled one.</summary>
    public static string RawFolder(string relative = "")
    {
        var local = Path.GetFullPath(Path.Combine("raw", relative));
        return Directory.Exists(local) ? local : Path.Combine(Raw, relative);
    }

    /// <summary>A path as given when something is there, else the bundled file of that bare name (`maturity`).</summary>
    public static string PathOrBundled(string value)
    {
        var bundled = Path.Combine(Pipelines, value + ".yaml");
        return !File.Exists(value) && !Directory.Exists(value) && Path.GetFileName(value) == value && File.Exists(bundled) ? bundled : value;
    }
}
