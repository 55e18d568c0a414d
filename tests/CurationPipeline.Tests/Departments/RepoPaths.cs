namespace CurationPipeline.Tests.Departments;

/// <summary>Folders of the repository and of the shared external samples.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Calibration.PublicItems.RepoRoot;

    public static string Raw => Path.Combine(Root, "raw");

    public static string External => Environment.GetEnvironmentVariable("CURATE_EXTERNAL_DATA") ?? Path.Combine(Root, "..", "shared", "data", "external");
}
