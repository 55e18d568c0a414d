using CurationPipeline.Items;

namespace CurationPipeline.Evaluation;

/// <summary>How an evaluation runs.</summary>
public sealed class EvaluationOptions
{
    /// <summary>Repeated runs per item and model; results are averaged over them.</summary>
    public int Trials { get; init; } = 1;

    /// <summary>Item x model x trial units answered at the same time.</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>Two judge scores further apart than this (on 0..1) make a dispute.</summary>
    public double DisputeGap { get; init; } = PaperConstants.DisputeGap;

    /// <summary>Human decisions on disputes, by <see cref="DisputeRecord.KeyOf"/>; a decision here is final.</summary>
    public IReadOnlyDictionary<string, double> HumanDecisions { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Called after each finished unit with the count so far.</summary>
    public Action<int>? OnUnitDone { get; init; }
}

/// <summary>What an evaluation produced: result rows in item, model, trial order, and the disputes.</summary>
public sealed record EvaluationResult(IReadOnlyList<ResultRow> Rows, IReadOnlyList<DisputeRecord> Disputes);
