namespace CurationPipeline.Sources;

/// <summary>
/// The files a source's path names. The last part of the path may hold <c>*</c> and <c>?</c>
/// (<c>cblue-cmeee/CMeEE_dev*.json</c>), so that one pipeline reads a dataset's full upstream file and a sample
/// of it alike; the matches are read in ordinal order of their names.
/// </summary>
public static class SourcePaths
{
    /// <summary>True when the path's file name is a pattern.</summary>
    public static bool IsPattern(string path) => Path.GetFileName(path).AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>The existing files the path names: itself, or the files its pattern matches (possibly none).</summary>
    public static IReadOnlyList<string> Expand(string path)
    {
        if (!IsPattern(path))
        {
            return File.Exists(path) ? [path] : [];
        }

        var folder = Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            return [];
        }

        var files = Directory.GetFiles(folder, Path.GetFileName(path), new EnumerationOptions { MatchCasing = MatchCasing.CaseSensitive, RecurseSubdirectories = false });
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }
}
