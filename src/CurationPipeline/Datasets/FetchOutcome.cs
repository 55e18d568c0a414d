namespace CurationPipeline.Datasets;

/// <summary>What became of one file.</summary>
public enum FileStatus
{
    /// <summary>It was there already with the right checksum; nothing was downloaded.</summary>
    AlreadyPresent,
    Downloaded,

    /// <summary>Taken from the path given with <c>--from</c>.</summary>
    Taken,

    /// <summary>Download or verification failed (the detail says why).</summary>
    Failed,

    /// <summary>It has no URL and no <c>--from</c> path was given: it comes from the dataset's login page.</summary>
    NeedsFile,

    /// <summary>The <c>--from</c> path does not hold it.</summary>
    NotFound,

    /// <summary>An optional file that could not be had; the dataset is complete without it.</summary>
    Skipped,
}

/// <summary>One file's outcome.</summary>
/// <param name="Detail">Why it failed, or where it came from; without the URL.</param>
/// <param name="Url">The URL it was (or would have been) downloaded from.</param>
public sealed record FileOutcome(DatasetEntry Dataset, DatasetFile File, string Destination, FileStatus Status, string? Detail = null, Uri? Url = null)
{
    /// <summary><c>dataset/path</c>, as messages name the file.</summary>
    public string Label => FetchLabel.Of(Dataset, File);

    /// <summary>The file is in place with the right checksum.</summary>
    public bool InPlace => Status is FileStatus.AlreadyPresent or FileStatus.Downloaded or FileStatus.Taken;
}

/// <summary>One dataset's outcome.</summary>
public sealed record DatasetOutcome(DatasetEntry Dataset, string Folder, IReadOnlyList<FileOutcome> Files)
{
    /// <summary>Every file the readers need is in place and verified.</summary>
    public bool Complete => Files.All(f => f.InPlace || f.File.Optional);

    /// <summary>Incomplete only because files that come from a login page were not given (or not found where given).</summary>
    public bool WaitsForFile => !Complete && Files.Where(f => !f.InPlace && !f.File.Optional).All(f => f.Status is FileStatus.NeedsFile or FileStatus.NotFound);
}

/// <summary>Hears what a fetch does while it works (progress, notes) and each file's outcome as it is known.</summary>
public interface IFetchObserver
{
    /// <summary>A transfer moved: <paramref name="bytes"/> of <paramref name="total"/> (null when unknown) are on disk.</summary>
    void Transfer(string label, long bytes, long? total);

    /// <summary>The transfer under that label ended, complete or not.</summary>
    void TransferEnded(string label);

    /// <summary>Something worth telling: a resume, a retry, a file that differs and is fetched again.</summary>
    void Note(string label, string message);

    void Done(FileOutcome outcome);
}

internal static class FetchLabel
{
    public static string Of(DatasetEntry dataset, DatasetFile file) => dataset.Name + "/" + file.Path;
}
