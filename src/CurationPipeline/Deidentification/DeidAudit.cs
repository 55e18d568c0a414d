using System.Collections.Concurrent;
using System.Text.Json;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Thread-safe counts of detections per source and category. It never holds a detected value, so it
/// can be written to a run's outputs as it is.
/// </summary>
public sealed class DeidAudit
{
    private static readonly int CategoryCount = PhiCategories.All.Count;
    private readonly ConcurrentDictionary<string, long[]> _bySource = new(StringComparer.Ordinal);
    private long _texts;

    /// <summary>Adds <paramref name="n"/> detections of <paramref name="category"/> in <paramref name="source"/>.</summary>
    public void Record(string source, PhiCategory category, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var counts = _bySource.GetOrAdd(source ?? "", _ => new long[CategoryCount]);
        Interlocked.Add(ref counts[(int)category], n);
    }

    /// <summary>Counts one scanned text (with or without findings).</summary>
    public void RecordText() => Interlocked.Increment(ref _texts);

    /// <summary>How many texts were scanned.</summary>
    public long Texts => Interlocked.Read(ref _texts);

    /// <summary>Counts per source, then per category (categories with zero are left out).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<PhiCategory, int>> BySource =>
        _bySource.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<PhiCategory, int>)Snapshot(kv.Value), StringComparer.Ordinal);

    /// <summary>Counts per category over all sources.</summary>
    public IReadOnlyDictionary<PhiCategory, int> Totals
    {
        get
        {
            var sum = new long[CategoryCount];
            foreach (var counts in _bySource.Values)
            {
                for (var i = 0; i < CategoryCount; i++)
                {
                    sum[i] += Interlocked.Read(ref counts[i]);
                }
            }

            return Snapshot(sum);
        }
    }

    /// <summary>All detections.</summary>
    public int Total => Totals.Values.Sum();

    /// <summary>The audit as indented JSON: texts, totals, and per-source counts (no values).</summary>
    public string ToJson()
    {
        var doc = new Dictionary<string, object>
        {
            ["texts"] = Texts,
            ["total"] = Total,
            ["totals"] = Totals.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value),
            ["by_source"] = BySource.ToDictionary(
                kv => kv.Key,
                kv => kv.Value.ToDictionary(c => c.Key.ToString(), c => c.Value)),
        };
        return JsonSerializer.Serialize(doc, JsonOptions);
    }

    private static Dictionary<PhiCategory, int> Snapshot(long[] counts)
    {
        var d = new Dictionary<PhiCategory, int>();
        for (var i = 0; i < counts.Length; i++)
        {
            var v = Interlocked.Read(ref counts[i]);
            if (v > 0)
            {
                d[(PhiCategory)i] = (int)v;
            }
        }

        return d;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
