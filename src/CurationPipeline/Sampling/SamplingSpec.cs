using CurationPipeline.Core;

namespace CurationPipeline.Sampling;

/// <summary>
/// What to sample from one dataset: the target size, the Hard:Medium:Easy ratio and the coverage keys
/// (<c>department</c> for department-tagged datasets, otherwise attribute names such as <c>risk_type</c>;
/// several keys combine). A key naming the difficulty level is ignored: the ratio already covers it.
/// </summary>
public sealed record SamplingSpec(
    string Dataset,
    int TargetN,
    DifficultyRatio Ratio,
    IReadOnlyList<string> Keys,
    ReviewPolicy Policy = ReviewPolicy.Recorded,
    bool FailOnShortfall = false)
{
    /// <summary>What a pipeline file says to sample from one of its datasets.</summary>
    public static SamplingSpec For(PipelineDefinition pipeline, DatasetDefinition dataset)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(dataset);
        return new(dataset.Name, dataset.TargetN, DifficultyRatio.Parse(pipeline.Sampling.Ratio), dataset.SamplingKeys, pipeline.ReviewPolicy, pipeline.Sampling.FailOnShortfall);
    }

    /// <summary>Checks the specification and returns the stratum keys actually used (difficulty keys dropped).</summary>
    internal IReadOnlyList<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Dataset))
        {
            throw new SamplingException("sampling spec: field 'dataset' is empty");
        }

        if (TargetN < 0)
        {
            throw new SamplingException($"sampling spec for dataset '{Dataset}': field 'target_n' is {TargetN}; it must be 0 or more");
        }

        if (Ratio.Hard < 0 || Ratio.Medium < 0 || Ratio.Easy < 0 || Ratio.Total == 0)
        {
            throw new SamplingException($"sampling spec for dataset '{Dataset}': field 'ratio' is {Ratio}; it needs non-negative parts and at least one above 0");
        }

        if (Keys is null)
        {
            throw new SamplingException($"sampling spec for dataset '{Dataset}': field 'keys' is missing");
        }

        var keys = new List<string>();
        for (var i = 0; i < Keys.Count; i++)
        {
            var key = Keys[i];
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new SamplingException($"sampling spec for dataset '{Dataset}': field 'keys' entry {i + 1} is empty");
            }

            var trimmed = key.Trim();
            if (StratumKeys.IsDifficultyKey(trimmed))
            {
                continue;
            }

            if (keys.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                throw new SamplingException($"sampling spec for dataset '{Dataset}': field 'keys' names '{trimmed}' twice");
            }

            keys.Add(trimmed);
        }

        return keys;
    }
}
