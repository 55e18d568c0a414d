using CurationPipeline.Items;
using CurationPipeline.Parquet;

namespace CurationPipeline.Splits;

/// <summary>What a written split holds, counted from the file itself: the card and the report state these, never targets.</summary>
public sealed record SplitStats(
    int Rows,
    IReadOnlyDictionary<string, int> Difficulty,
    IReadOnlyDictionary<string, int> ReviewStatus,
    IReadOnlyDictionary<string, int> Engines,
    DepartmentSpread Departments)
{
    /// <summary>The difficulty key of an item without a level.</summary>
    public const string NoLevel = "unlabelled";

    /// <summary>Reads the split's columns that the counts need.</summary>
    public static async Task<SplitStats> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var rows = new List<StatsRow>();
        await foreach (var row in ParquetSerializer.ReadAsync<StatsRow>(path, cancellationToken))
        {
            rows.Add(row);
        }

        static IReadOnlyDictionary<string, int> By(IEnumerable<string> keys) =>
            keys.GroupBy(k => k, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new SplitStats(
            rows.Count,
            By(rows.Select(r => r.Difficulty ?? NoLevel)),
            By(rows.Select(r => r.ReviewStatus)),
            By(rows.Select(r => r.Engine)),
            DepartmentSpread.Of([.. rows.Select(r => ((IReadOnlyList<string>)r.Departments, (IReadOnlyList<string>)r.DepartmentGroups))]));
    }

    /// <summary>The columns of an item row the counts read (the reader skips the rest).</summary>
    private sealed class StatsRow
    {
        public string? Difficulty { get; set; }
        public string ReviewStatus { get; set; } = "";
        public string Engine { get; set; } = "";
        public List<string> Departments { get; set; } = [];
        public List<string> DepartmentGroups { get; set; } = [];
    }
}
