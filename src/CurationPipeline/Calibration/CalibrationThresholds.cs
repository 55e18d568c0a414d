using CurationPipeline.Items;

namespace CurationPipeline.Calibration;

/// <summary>
/// The thresholds of section 3.4 (defaults) or a researcher's own, for <see cref="Relabel"/>. The consensus
/// counts default to the panel size (Easy: all correct) and one less (Medium); the paper's panel of five
/// gives 5 / 4 / &lt;=3.
/// </summary>
public sealed record CalibrationThresholds
{
    /// <summary>The paper's thresholds.</summary>
    public static CalibrationThresholds Paper { get; } = new();

    /// <summary>Correct answers needed for Easy; null means all of the panel.</summary>
    public int? EasyCorrect { get; init; }

    /// <summary>Correct answers needed for Medium; null means all of the panel but one.</summary>
    public int? MediumCorrect { get; init; }

    /// <summary>An extraction response is correct when its micro-F1 is strictly above this.</summary>
    public double F1Correct { get; init; } = PaperConstants.F1Correct;

    /// <summary>Easy when the mean final score is strictly above this.</summary>
    public double EasyScore { get; init; } = PaperConstants.EasyScore;

    /// <summary>Medium when the mean final score is at least this (and at most <see cref="EasyScore"/>); Hard below.</summary>
    public double MediumScore { get; init; } = PaperConstants.MediumScore;

    /// <summary>Two scores are disputed when they differ by strictly more than this.</summary>
    public double DisputeGap { get; init; } = PaperConstants.DisputeGap;

    /// <summary>Checks the values make sense; throws naming the first that does not.</summary>
    public void Validate()
    {
        if (F1Correct is < 0 or > 1)
        {
            throw new ArgumentException($"F1 threshold {F1Correct} is outside 0..1");
        }

        if (MediumScore > EasyScore)
        {
            throw new ArgumentException($"medium score threshold {MediumScore} is above the easy threshold {EasyScore}");
        }

        if (DisputeGap < 0)
        {
            throw new ArgumentException($"dispute gap {DisputeGap} is negative");
        }

        if (EasyCorrect is { } e && MediumCorrect is { } m && m > e)
        {
            throw new ArgumentException($"medium count {m} is above the easy count {e}");
        }
    }
}
