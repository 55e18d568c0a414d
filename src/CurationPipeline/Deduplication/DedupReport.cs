namespace CurationPipeline.Deduplication;

/// <summary>What the <c>dedup</c> stage found, as it goes; <see cref="Summary"/> is the part run.json and the report carry.</summary>
public sealed class DedupReport
{
    public long Checked { get; set; }

    public long DuplicatesWithin { get; set; }

    public long DuplicatesAcross { get; set; }

    public Dictionary<string, long> Contaminated { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> AgainstRecords { get; } = new(StringComparer.Ordinal);

    public List<KeptItem> Kept { get; } = [];

    public List<ContaminationMatch> Matches { get; } = [];

    public DedupSummary Summary(DedupSettings settings, IReadOnlyList<string> missingAgainst)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clusters = Kept.Where(k => k.Cluster.Count > 0)
            .Select(k => new DuplicateCluster(k.Id, k.Dataset, [.. k.Cluster]))
            .ToList();
        return new DedupSummary
        {
            Threshold = settings.Threshold,
            Ngram = settings.Ngram,
            Checked = Checked,
            Kept = Checked - DuplicatesWithin - DuplicatesAcross - Contaminated.Values.Sum(),
            Clusters = clusters.Count,
            DuplicatesWithin = DuplicatesWithin,
            DuplicatesAcross = DuplicatesAcross,
            Contaminated = new SortedDictionary<string, long>(Contaminated, StringComparer.Ordinal),
            AgainstRecords = new SortedDictionary<string, int>(AgainstRecords, StringComparer.Ordinal),
            MissingAgainst = missingAgainst,
            ClusterList = clusters,
            ContaminationList = [.. Matches],
        };
    }
}

/// <summary>run.json's <c>dedup</c>: the settings, the counts, and every cluster and contamination match.</summary>
public sealed record DedupSummary
{
    public double Threshold { get; init; }

    public int Ngram { get; init; }

    /// <summary>Items the stage received.</summary>
    public long Checked { get; init; }

    /// <summary>Items passed on: not a duplicate of an earlier item nor contaminated.</summary>
    public long Kept { get; init; }

    /// <summary>Kept items that had at least one duplicate.</summary>
    public int Clusters { get; init; }

    /// <summary>Items rejected as duplicates of a kept item of their own dataset.</summary>
    public long DuplicatesWithin { get; init; }

    /// <summary>Items rejected as duplicates of a kept item of another dataset.</summary>
    public long DuplicatesAcross { get; init; }

    /// <summary>Items rejected as matching a public benchmark record, per benchmark source.</summary>
    public IReadOnlyDictionary<string, long> Contaminated { get; init; } = new Dictionary<string, long>();

    /// <summary>Records read from each public benchmark source checked against.</summary>
    public IReadOnlyDictionary<string, int> AgainstRecords { get; init; } = new Dictionary<string, int>();

    /// <summary>Optional benchmark sources of <c>decontaminate.against</c> whose files were not there.</summary>
    public IReadOnlyList<string> MissingAgainst { get; init; } = [];

    [System.Text.Json.Serialization.JsonPropertyName("clusters_list")]
    public IReadOnlyList<DuplicateCluster> ClusterList { get; init; } = [];

    [System.Text.Json.Serialization.JsonPropertyName("contamination_list")]
    public IReadOnlyList<ContaminationMatch> ContaminationList { get; init; } = [];
}

/// <summary>A kept item and its rejected duplicates.</summary>
public sealed record DuplicateCluster(string Kept, string Dataset, IReadOnlyList<ClusterMember> Duplicates);
