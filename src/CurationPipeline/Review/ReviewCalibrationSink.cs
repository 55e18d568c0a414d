using CurationPipeline.Calibration;

namespace CurationPipeline.Review;

/// <summary>Stores judge-scored calibration rows and queues the disputed ones before passing rows on.</summary>
internal sealed class ReviewCalibrationSink(ReviewStage stage, ReviewStore store, ICalibrationSink? inner) : ICalibrationSink
{
    public async ValueTask WriteAsync(IReadOnlyList<CalibrationRow> rows, CancellationToken cancellationToken = default)
    {
        store.RecordCalibrationRows(rows);
        foreach (var r in rows.Where(r => r.Disputed && r.Score1 is not null && r.Score2 is not null && r.Trial == 0))
        {
            stage.AddDispute(new ScoreDispute(ReviewKind.CalibrationDispute, r.ItemId, r.Dataset, r.Solver, r.Response,
                r.Scorer1 ?? "scorer-1", r.Score1!.Value, r.Scorer2 ?? "scorer-2", r.Score2!.Value));
        }

        if (inner is not null)
        {
            await inner.WriteAsync(rows, cancellationToken);
        }
    }
}
