namespace CurationPipeline.Sampling;

/// <summary>One stratum in a sampling report: the eligible pool, its proportional share, the sample.</summary>
/// <param name="Quota">The exact proportional share N * pool / eligible.</param>
/// <param name="Deviation">Sampled minus quota; within one item when |Deviation| &lt; 1.</param>
public sealed record StratumReport(
    string Stratum,
    LevelCounts Pool,
    double Quota,
    LevelCounts Sample,
    double Deviation);
