using CurationPipeline.Core;

namespace CurationPipeline.Sampling;

/// <summary>
/// How one dataset was sampled: the pool and the sample by difficulty and by stratum, coverage, the
/// largest deviation from proportional allocation, the shortfalls and the steps taken.
/// </summary>
public sealed record DatasetSamplingReport
{
    public required string Dataset { get; init; }

    public required int TargetN { get; init; }

    /// <summary>The ratio as written, e.g. "3:5:2".</summary>
    public required string Ratio { get; init; }

    public required IReadOnlyList<string> Keys { get; init; }

    public required ReviewPolicy Policy { get; init; }

    public required int Seed { get; init; }

    /// <summary>Candidates of the dataset in the pool, eligible or not.</summary>
    public required int PoolSize { get; init; }

    /// <summary>Candidates left out, by reason (only reasons that occurred).</summary>
    public required IReadOnlyDictionary<IneligibleReason, int> Ineligible { get; init; }

    /// <summary>Per-level targets from the ratio by largest remainder.</summary>
    public required LevelCounts Targets { get; init; }

    /// <summary>Eligible pool by difficulty.</summary>
    public required LevelCounts PoolByDifficulty { get; init; }

    /// <summary>The sample by difficulty.</summary>
    public required LevelCounts SampleByDifficulty { get; init; }

    /// <summary>Every stratum with eligible items, in name order.</summary>
    public required IReadOnlyList<StratumReport> Strata { get; init; }

    public required int StrataInPool { get; init; }

    public required int StrataInSample { get; init; }

    /// <summary>Largest |sampled - quota| over the strata.</summary>
    public required double LargestDeviation { get; init; }

    /// <summary>True when every stratum is within one item of its proportional share.</summary>
    public required bool WithinOneItem { get; init; }

    /// <summary>True when the sample meets the per-level targets exactly.</summary>
    public required bool RatioExact { get; init; }

    /// <summary>Shortfalls of the dataset as a whole (these fail the run under FailOnShortfall).</summary>
    public required IReadOnlyList<Shortfall> Shortfalls { get; init; }

    /// <summary>Strata that could not supply their share of a level; the dataset ratio may still be exact.</summary>
    public required IReadOnlyList<Shortfall> CellShortfalls { get; init; }

    public required SamplingSteps Steps { get; init; }

    /// <summary>Sentences on anything a reader should know (allocation given way for the ratio, ...).</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Coverage as "in sample / in pool".</summary>
    public string Coverage => $"{StrataInSample}/{StrataInPool}";

    public int SampleSize => SampleByDifficulty.Total;
}

/// <summary>What the iterative procedure did.</summary>
/// <param name="InitialDraw">Items of the coverage sample (step 1).</param>
/// <param name="GapDraws">Targeted draws from the remaining pool, each with a give-back (step 2).</param>
/// <param name="Swaps">Exchanges within a stratum (step 3).</param>
/// <param name="ChainMoves">Moves that needed a chain of exchanges across strata.</param>
/// <param name="AllocationWidenedBy">Items by which the allocation bounds had to widen for the ratio.</param>
public sealed record SamplingSteps(int InitialDraw, int GapDraws, int Swaps, int ChainMoves, int AllocationWidenedBy);
