using CurationPipeline.Testing;

namespace CurationPipeline.Tests;

/// <summary>Paths inside the repository, found from the test assembly's folder.</summary>
internal static class RepoPaths
{
    public static string Root => TestData.RepositoryRoot;

    public static string Raw => Path.Combine(Root, "raw");

    public static string File(string relative) => Path.Combine(Root, relative);
}
