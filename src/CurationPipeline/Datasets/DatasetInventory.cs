namespace CurationPipeline.Datasets;

/// <summary>Where a dataset stands in a folder.</summary>
public enum DatasetPresence
{
    /// <summary>Every required file is there with the right checksum.</summary>
    Verified,

    /// <summary>No required file is there.</summary>
    Missing,

    /// <summary>Some required files are there and verified, others are not there.</summary>
    Incomplete,

    /// <summary>A file is there with another checksum (another version, or damaged).</summary>
    Differs,
}

/// <summary>A dataset's state in a folder: which required files are missing and which differ.</summary>
public sealed record DatasetState(DatasetEntry Dataset, string Folder, DatasetPresence Presence, IReadOnlyList<string> Missing, IReadOnlyList<string> Differing)
{
    /// <summary>Files the readers need.</summary>
    public int Required => Dataset.Files.Count(f => !f.Optional);

    /// <summary>In words, for <c>curate datasets list</c>.</summary>
    public string Describe() => Presence switch
    {
        DatasetPresence.Verified => "present, verified",
        DatasetPresence.Missing when Dataset.NeedsLogin => "missing: needs --from (login)",
        DatasetPresence.Missing => "missing",
        DatasetPresence.Incomplete => $"incomplete: {Required - Missing.Count} of {Required} files ({Names(Missing)} missing)",
        _ => $"differs from the manifest: {Names(Differing)}",
    };

    private static string Names(IReadOnlyList<string> files) =>
        files.Count <= 3 ? string.Join(", ", files) : $"{string.Join(", ", files.Take(3))} and {files.Count - 3} more";
}

/// <summary>Checks datasets in a folder against the manifest's checksums, downloading nothing.</summary>
public static class DatasetInventory
{
    public static async Task<DatasetState> CheckAsync(DatasetEntry dataset, string root, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(root, dataset.FolderName);
        var missing = new List<string>();
        var differing = new List<string>();
        foreach (var file in dataset.Files.Where(f => !f.Optional))
        {
            var path = Path.Combine(folder, file.Path);
            if (!File.Exists(path))
            {
                missing.Add(file.Path);
            }
            else if (!await file.Checksum.MatchesAsync(path, cancellationToken))
            {
                differing.Add(file.Path);
            }
        }

        var required = dataset.Files.Count(f => !f.Optional);
        var presence = differing.Count > 0 ? DatasetPresence.Differs
            : missing.Count == 0 ? DatasetPresence.Verified
            : missing.Count == required ? DatasetPresence.Missing
            : DatasetPresence.Incomplete;
        return new DatasetState(dataset, folder, presence, missing, differing);
    }
}
