using CurationPipeline.Items;

namespace CurationPipeline.Calibration;

/// <summary>Rates an open-ended response against the item's rubric (and reference answer, when it has one).</summary>
public interface IResponseScorer
{
    /// <summary>Name written to the calibration table, e.g. <c>offline:rubric-overlap/a</c>.</summary>
    string Name { get; }

    /// <summary>A score from 0 (fails every criterion) to 1 (meets all of them).</summary>
    Task<double> ScoreAsync(BenchmarkItem item, string response, CancellationToken cancellationToken = default);
}
