namespace CurationPipeline.Calibration;

/// <summary>Receives the calibration rows of each item; must accept calls from many items at once.</summary>
public interface ICalibrationSink
{
    ValueTask WriteAsync(IReadOnlyList<CalibrationRow> rows, CancellationToken cancellationToken = default);
}
