namespace CurationPipeline.Calibration;

/// <summary>
/// A judge-scored response whose two scores are more than the gap apart: under <c>review_policy: required</c>
/// a human expert's score decides. The review store takes these records as its queue.
/// </summary>
public sealed record CalibrationDispute(
    string ItemId,
    string Dataset,
    string Solver,
    string Response,
    string Scorer1,
    double Score1,
    string Scorer2,
    double Score2)
{
    /// <summary>Absolute difference of the two scores.</summary>
    public double Gap => Math.Abs(Score1 - Score2);
}
