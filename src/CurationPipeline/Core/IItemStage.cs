using CurationPipeline.Items;

namespace CurationPipeline.Core;

/// <summary>
/// A stage that enriches items (calibration, department tagging). It may throw for one item; the host
/// turns that into a reject. <see cref="Name"/> is the stage name in counts and rejects.
/// </summary>
public interface IItemStage
{
    StageName Name { get; }

    /// <summary>Whether the stage applies to items of this dataset; others pass through untouched.</summary>
    bool AppliesTo(BenchmarkItem item);

    /// <summary>Whether items must pass one at a time, in flow order (the stage's result depends on the items before).</summary>
    bool Sequential => false;

    Task<BenchmarkItem> ProcessAsync(BenchmarkItem item, CancellationToken cancellationToken = default);
}
