using CurationPipeline.Calibration;
using CurationPipeline.Items;

namespace CurationPipeline.Tests.Calibration;

/// <summary>Each threshold of section 3.4 on both sides of its boundary.</summary>
public sealed class DifficultyRulesTests
{
    private static readonly CalibrationThresholds Paper = CalibrationThresholds.Paper;

    [Theory]
    [InlineData(5, Difficulty.Easy)]
    [InlineData(4, Difficulty.Medium)]
    [InlineData(3, Difficulty.Hard)]
    [InlineData(0, Difficulty.Hard)]
    public void Consensus_of_five(int correct, Difficulty expected)
    {
        var label = DifficultyRules.FromCorrectCount(correct, 5, ScoringMethod.Accuracy, Paper);
        Assert.Equal(expected, label.Level);
        Assert.Equal(correct, label.CorrectCount);
        Assert.Equal(5, label.PanelSize);
        Assert.Equal(DifficultyState.Labelled, label.State);
    }

    [Theory]
    [InlineData(3, Difficulty.Easy)]
    [InlineData(2, Difficulty.Medium)]
    [InlineData(1, Difficulty.Hard)]
    public void A_panel_of_three_scales_the_rule_and_says_so(int correct, Difficulty expected)
    {
        var label = DifficultyRules.FromCorrectCount(correct, 3, ScoringMethod.Accuracy, Paper);
        Assert.Equal(expected, label.Level);
        Assert.Contains("scaled", label.Method, StringComparison.Ordinal);
        Assert.DoesNotContain("scaled", DifficultyRules.FromCorrectCount(5, 5, ScoringMethod.Accuracy, Paper).Method, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.8, false)]
    [InlineData(0.8000001, true)]
    [InlineData(0.7999999, false)]
    [InlineData(1.0, true)]
    public void F1_must_be_strictly_above_0_8(double f1, bool correct) =>
        Assert.Equal(correct, DifficultyRules.IsCorrectF1(f1, Paper));

    [Fact]
    public void F1_of_exactly_0_8_computed_from_counts_is_not_correct()
    {
        // TP 4, FP 1, FN 1: 8 / 10.
        var f1 = new MicroF1.Counts(4, 1, 1).F1;
        Assert.False(DifficultyRules.IsCorrectF1(f1, Paper));
        Assert.True(DifficultyRules.IsCorrectF1(new MicroF1.Counts(5, 1, 0).F1, Paper)); // 10 / 11
    }

    [Theory]
    [InlineData(0.7000001, Difficulty.Easy)]
    [InlineData(0.7, Difficulty.Medium)]
    [InlineData(0.65, Difficulty.Medium)]
    [InlineData(0.6, Difficulty.Medium)]
    [InlineData(0.5999999, Difficulty.Hard)]
    public void Mean_score_bands(double mean, Difficulty expected) =>
        Assert.Equal(expected, DifficultyRules.FromMeanScore(mean, 5, Paper).Level);

    [Fact]
    public void A_mean_of_0_7_reached_through_floating_point_stays_medium()
    {
        var mean = new[] { 0.5, 0.5, 0.85, 0.8, 0.85 }.Average(); // 0.7000000000000001 in binary
        Assert.True(mean > 0.7);
        Assert.Equal(Difficulty.Medium, DifficultyRules.FromMeanScore(mean, 5, Paper).Level);
    }

    [Theory]
    [InlineData(0.85, 0.6, false)] // 0.25000000000000006 in binary: exactly the gap, not above it
    [InlineData(0.5, 0.75, false)]
    [InlineData(0.5, 0.7500001, true)]
    [InlineData(0.9, 0.6, true)]
    [InlineData(0.6, 0.9, true)]
    public void Dispute_when_the_gap_is_strictly_above_0_25(double a, double b, bool disputed) =>
        Assert.Equal(disputed, DifficultyRules.IsDisputed(a, b, Paper));

    [Fact]
    public void Other_thresholds_move_the_boundaries()
    {
        var lenient = new CalibrationThresholds { F1Correct = 0.5, EasyScore = 0.5, MediumScore = 0.4, EasyCorrect = 4, MediumCorrect = 2 };
        Assert.True(DifficultyRules.IsCorrectF1(0.6, lenient));
        Assert.Equal(Difficulty.Easy, DifficultyRules.FromMeanScore(0.55, 5, lenient).Level);
        Assert.Equal(Difficulty.Easy, DifficultyRules.FromCorrectCount(4, 5, ScoringMethod.Accuracy, lenient).Level);
        Assert.Equal(Difficulty.Medium, DifficultyRules.FromCorrectCount(2, 5, ScoringMethod.Accuracy, lenient).Level);
        Assert.Throws<ArgumentException>(() => new CalibrationThresholds { EasyScore = 0.5, MediumScore = 0.6 }.Validate());
    }
}
