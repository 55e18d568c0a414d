using CurationPipeline.Calibration;
using CurationPipeline.Items;

namespace CurationPipeline.Evaluation;

/// <summary>An offline calibration solver used as a baseline "model": deterministic, no endpoint, no cost.</summary>
public sealed class OfflineModel(ICalibrationSolver solver) : IEvaluatedModel
{
    public string Name => solver.Name;

    public string Engine => solver.Name;

    public async Task<string> AnswerAsync(BenchmarkItem item, string prompt, int trial, CancellationToken cancellationToken = default) =>
        (await solver.AnswerAsync(item, trial, cancellationToken)).Response;
}
