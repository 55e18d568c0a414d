using CurationPipeline.Items;

namespace CurationPipeline.Sampling;

/// <summary>
/// What the sampler needs to know about one item: its id, dataset, difficulty, review state and the
/// values its strata are read from. Built from a <see cref="BenchmarkItem"/> or directly from columns.
/// </summary>
public sealed record SampleCandidate(
    string Id,
    string Dataset,
    Difficulty? Difficulty,
    DifficultyState DifficultyState,
    ReviewStatus Review,
    IReadOnlyList<string> Departments,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> Flags)
{
    /// <summary>The flag that keeps an item out of every sample.</summary>
    public const string ExcludeFlag = "exclude";

    /// <summary>Takes the sampling-relevant fields of an item.</summary>
    public static SampleCandidate From(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new SampleCandidate(
            item.Id,
            item.Dataset,
            item.Difficulty.Level,
            item.Difficulty.State,
            item.Review,
            item.Departments,
            item.Attributes,
            item.Flags);
    }
}
