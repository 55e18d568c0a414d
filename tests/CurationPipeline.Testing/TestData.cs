namespace CurationPipeline.Testing;

/// <summary>
/// The public data that tests and benchmarks read. Small samples are vendored under
/// <c>tests/data/external</c>, in the same layout as the public datasets folder, so that a clone with nothing
/// beside it has them. The full datasets (<c>curate datasets fetch</c>) are read from the folder named by
/// <c>CURATE_EXTERNAL_DATA</c>; tests that need them skip, saying why, when it is not set.
/// </summary>
public static class TestData
{
    /// <summary>The environment variable naming the folder of the full public datasets.</summary>
    public const string ExternalVariable = "CURATE_EXTERNAL_DATA";

    /// <summary>The skip reason of a test that needs the full public datasets when the variable is not set.</summary>
    public const string ExternalNotSet = "CURATE_EXTERNAL_DATA is not set; run `curate datasets fetch` and set it to run this test";

    /// <summary>The repository root: the first folder above the running assembly that holds CurationPipeline.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The folder of the vendored samples (<c>tests/data/external</c>).</summary>
    public static string Samples => Path.Combine(RepositoryRoot, "tests", "data", "external");

    /// <summary>The folder named by <c>CURATE_EXTERNAL_DATA</c>, or null when it is not set.</summary>
    public static string? ExternalFolder =>
        Environment.GetEnvironmentVariable(ExternalVariable) is { Length: > 0 } value ? Path.GetFullPath(value) : null;

    /// <summary>A vendored sample file or folder, e.g. <c>cehrner/dev.json</c>; a missing one is an error naming it.</summary>
    public static string Sample(string relative)
    {
        var path = Path.Combine(Samples, relative);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"vendored sample missing: {path} (see tests/data/README.md)", path);
    }

    /// <summary>
    /// The files under <paramref name="folder"/> that a relative pattern names: its last part may hold <c>*</c> and
    /// <c>?</c> (<c>cblue-cmeee/CMeEE_dev*.json</c> takes the upstream file and a sample of it alike). Sorted ordinally.
    /// </summary>
    public static IReadOnlyList<string> Match(string folder, string pattern)
    {
        var directory = Path.GetDirectoryName(Path.Combine(folder, pattern))!;
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var files = Directory.GetFiles(directory, Path.GetFileName(pattern), new EnumerationOptions { MatchCasing = MatchCasing.CaseSensitive });
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    /// <summary>The files of the <c>CURATE_EXTERNAL_DATA</c> folder that a pattern names; empty when it is not set.</summary>
    public static IReadOnlyList<string> External(string pattern) =>
        ExternalFolder is { } folder ? Match(folder, pattern) : [];

    /// <summary>
    /// A file or folder of the <c>CURATE_EXTERNAL_DATA</c> folder when it is there, else the vendored sample of the
    /// same name: the default data of the benchmarks.
    /// </summary>
    public static string ExternalOrSample(string relative) =>
        ExternalFolder is { } folder && Path.Combine(folder, relative) is var path && (File.Exists(path) || Directory.Exists(path))
            ? path
            : Path.Combine(Samples, relative);

    /// <summary>
    /// Why a test that reads these patterns from the <c>CURATE_EXTERNAL_DATA</c> folder cannot run, or null when
    /// every pattern matches a file there.
    /// </summary>
    public static string? WhyExternalMissing(params string[] patterns)
    {
        if (ExternalFolder is not { } folder)
        {
            return ExternalNotSet;
        }

        var missing = patterns.Where(p => Match(folder, p).Count == 0).ToList();
        return missing.Count == 0
            ? null
            : $"CURATE_EXTERNAL_DATA ({folder}) holds no file matching {string.Join(", ", missing)}; run `curate datasets fetch` into it to run this test";
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CurationPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (the folder of CurationPipeline.sln) not found above " + AppContext.BaseDirectory);
    }
}
