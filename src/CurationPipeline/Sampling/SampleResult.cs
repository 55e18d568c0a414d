namespace CurationPipeline.Sampling;

/// <summary>The sample of one dataset: the ids in output order (the seeded draw order) and its report.</summary>
public sealed record SampleResult(SamplingSpec Spec, IReadOnlyList<string> SelectedIds, DatasetSamplingReport Report);
