using System.Globalization;
using CurationPipeline.Items;

namespace CurationPipeline.Calibration;

/// <summary>
/// The three rules of section 3.4 as pure functions. Comparisons round to nine decimals first, so that a
/// mean or gap that is exactly on a boundary in decimal (0.7, 0.25) is not pushed across it by binary
/// floating point (0.6 + 0.8 = 1.4000000000000001).
/// </summary>
public static class DifficultyRules
{
    /// <summary>An extraction response counts as correct when its micro-F1 is strictly above the threshold.</summary>
    public static bool IsCorrectF1(double f1, CalibrationThresholds thresholds) => Round(f1) > thresholds.F1Correct;

    /// <summary>Two scores are disputed when they differ by strictly more than the gap.</summary>
    public static bool IsDisputed(double score1, double score2, CalibrationThresholds thresholds) =>
        Round(Math.Abs(score1 - score2)) > thresholds.DisputeGap;

    /// <summary>Consensus rule: Easy when at least the easy count is correct, Medium at the medium count, else Hard.</summary>
    public static DifficultyLabel FromCorrectCount(int correct, int panelSize, ScoringMethod scoring, CalibrationThresholds thresholds)
    {
        if (panelSize < 2)
        {
            throw new ArgumentException($"a consensus rule needs a panel of at least two solvers, not {panelSize}");
        }

        var easy = thresholds.EasyCorrect ?? panelSize;
        var medium = thresholds.MediumCorrect ?? panelSize - 1;
        var level = correct >= easy ? Difficulty.Easy : correct >= medium ? Difficulty.Medium : Difficulty.Hard;
        var what = scoring == ScoringMethod.MicroF1
            ? string.Create(CultureInfo.InvariantCulture, $"correct = micro-F1 > {thresholds.F1Correct}; ")
            : "correct = chosen option content matches the answer; ";
        var rule = string.Create(CultureInfo.InvariantCulture,
            $"consensus of {panelSize}: Easy if >= {easy} correct, Medium if >= {medium}, Hard otherwise");
        if (panelSize != PaperConstants.PanelSize && thresholds.EasyCorrect is null && thresholds.MediumCorrect is null)
        {
            rule += " (the paper's 5 / 4 / <=3 of five, scaled to this panel as all / all but one / fewer)";
        }

        return new DifficultyLabel(DifficultyState.Labelled, level, correct, null, panelSize, what + rule);
    }

    /// <summary>Mean-score rule: Easy above the easy threshold, Medium from the medium threshold up to it (both inclusive), Hard below.</summary>
    public static DifficultyLabel FromMeanScore(double mean, int panelSize, CalibrationThresholds thresholds, int unsettledDisputes = 0)
    {
        var m = Round(mean);
        var level = m > thresholds.EasyScore ? Difficulty.Easy : m >= thresholds.MediumScore ? Difficulty.Medium : Difficulty.Hard;
        var method = string.Create(CultureInfo.InvariantCulture,
            $"mean final judge score over {panelSize} responses: Easy > {thresholds.EasyScore}, Medium {thresholds.MediumScore}-{thresholds.EasyScore}, Hard < {thresholds.MediumScore}; dispute when the two scores differ by > {thresholds.DisputeGap}");
        if (unsettledDisputes > 0)
        {
            method += string.Create(CultureInfo.InvariantCulture, $"; {unsettledDisputes} disputed response(s) settled by the mean of the two scores, not by a human");
        }

        return new DifficultyLabel(DifficultyState.Labelled, level, null, Math.Round(mean, 6), panelSize, method);
    }

    /// <summary>The label of an item whose disputed responses wait for a human: no level is guessed.</summary>
    public static DifficultyLabel Pending(int panelSize, int disputes, CalibrationThresholds thresholds) =>
        new(DifficultyState.PendingHuman, null, null, null, panelSize,
            string.Create(CultureInfo.InvariantCulture,
                $"{disputes} response(s) with judge scores more than {thresholds.DisputeGap} apart wait for a human expert's score"));

    /// <summary>The scoring name used in the calibration table.</summary>
    public static string ScoringName(ScoringMethod scoring) => scoring switch
    {
        ScoringMethod.Accuracy => "accuracy",
        ScoringMethod.MicroF1 => "micro-f1",
        ScoringMethod.Judge => "judge",
        _ => throw new ArgumentOutOfRangeException(nameof(scoring), scoring, "unknown scoring method"),
    };

    private static double Round(double value) => Math.Round(value, 9);
}
