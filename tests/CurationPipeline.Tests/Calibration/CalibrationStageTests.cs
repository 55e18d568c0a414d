using CurationPipeline.Calibration;
using CurationPipeline.Core;
using CurationPipeline.Items;
using static CurationPipeline.Tests.Calibration.CalibrationFixtures;

namespace CurationPipeline.Tests.Calibration;

public sealed class CalibrationStageTests
{
    private static CalibrationStage Stage(IReadOnlyList<ICalibrationSolver> panel, ICalibrationSink? sink = null, ReviewPolicy policy = ReviewPolicy.Required,
        IReadOnlyList<IResponseScorer>? scorers = null) =>
        new(panel, scorers ?? Scorers(_ => 0.5, _ => 0.5), policy, sink);

    [Theory]
    [InlineData(5, Difficulty.Easy)]
    [InlineData(4, Difficulty.Medium)]
    [InlineData(3, Difficulty.Hard)]
    public async Task Multiple_choice_counts_correct_answers_in_any_phrasing(int correct, Difficulty expected)
    {
        string[] right = ["答案是C", "选C", "(C)", "The answer is C", "阿司匹林"];
        var responses = right.Take(correct).Concat(Enumerable.Repeat("答案：A", 5 - correct)).ToArray();
        var sink = new ListSink();
        var item = await Stage(Panel(responses), sink).ProcessAsync(Choice());
        Assert.Equal(expected, item.Difficulty.Level);
        Assert.Equal(correct, item.Difficulty.CorrectCount);
        Assert.Equal(5, sink.Rows.Count);
        Assert.Equal(correct, sink.Rows.Count(r => r.Correct == true));
        Assert.All(sink.Rows.Take(correct), r => Assert.Equal("C", r.Parsed));
    }

    [Fact]
    public async Task A_choice_is_right_by_content_when_two_options_have_the_same_text()
    {
        var item = Choice() with { Options = ["青霉素", "阿司匹林", "阿司匹林", "地塞米松", "奥美拉唑"], Answer = "B" };
        var labelled = await Stage(Panel("B", "C", "答案：B", "C.", "选C")).ProcessAsync(item);
        Assert.Equal(5, labelled.Difficulty.CorrectCount);
    }

    [Fact]
    public async Task Extraction_is_correct_only_above_0_8()
    {
        const string all = "sym：发热；sym：咳嗽；dis：肺炎；dru：阿莫西林；pro：胸部CT";           // F1 1
        const string f1Of08 = "sym：发热；sym：咳嗽；dis：肺炎；dru：阿莫西林；pro：头颅CT";      // TP 4, FP 1, FN 1: 0.8
        const string f1Of089 = "[{\"type\":\"sym\",\"text\":\"发热\"},{\"type\":\"sym\",\"text\":\"咳嗽\"},{\"type\":\"dis\",\"text\":\"肺炎\"},{\"type\":\"dru\",\"text\":\"阿莫西林\"}]"; // 8/9
        var sink = new ListSink();
        var item = await Stage(Panel(all, f1Of089, f1Of08, all, all), sink).ProcessAsync(Extraction());
        Assert.Equal(Difficulty.Medium, item.Difficulty.Level);
        Assert.Equal(4, item.Difficulty.CorrectCount);
        var row = sink.Rows.Single(r => r.Solver == "scripted:3");
        Assert.Equal(0.8, row.F1);
        Assert.False(row.Correct);
        Assert.True(sink.Rows.Single(r => r.Solver == "scripted:2").Correct);
    }

    [Theory]
    [InlineData(0.7, 0.8, Difficulty.Easy)]     // mean 0.75
    [InlineData(0.6, 0.8, Difficulty.Medium)]   // mean 0.7 exactly
    [InlineData(0.5, 0.7, Difficulty.Medium)]   // mean 0.6 exactly
    [InlineData(0.5, 0.65, Difficulty.Hard)]    // mean 0.575
    public async Task Judge_items_take_the_mean_final_score(double s1, double s2, Difficulty expected)
    {
        var item = await Stage(Panel("r1", "r2", "r3", "r4", "r5"), scorers: Scorers(_ => s1, _ => s2)).ProcessAsync(Judged());
        Assert.Equal(DifficultyState.Labelled, item.Difficulty.State);
        Assert.Equal(expected, item.Difficulty.Level);
        Assert.False(item.HasFlag(CalibrationStage.DisputeUnsettledFlag));
    }

    [Fact]
    public async Task A_gap_above_0_25_waits_for_a_human_under_required_and_is_recorded_as_a_dispute()
    {
        var sink = new ListSink();
        // Response "bad" is scored 0.9 and 0.6 (gap 0.3); others agree.
        var stage = Stage(Panel("ok", "ok2", "bad", "ok3", "ok4"), sink, ReviewPolicy.Required,
            Scorers(_ => 0.9, r => r == "bad" ? 0.6 : 0.9));
        var item = await stage.ProcessAsync(Judged());
        Assert.Equal(DifficultyState.PendingHuman, item.Difficulty.State);
        Assert.Null(item.Difficulty.Level);
        var dispute = Assert.Single(stage.Disputes);
        Assert.Equal(("oe-1", "scripted:3", 0.9, 0.6), (dispute.ItemId, dispute.Solver, dispute.Score1, dispute.Score2));
        var row = sink.Rows.Single(r => r.Disputed);
        Assert.Null(row.FinalScore);
        Assert.Equal(0.6, row.Score2);
    }

    [Fact]
    public async Task A_gap_of_exactly_0_25_is_not_a_dispute()
    {
        var stage = Stage(Panel("a", "b", "c", "d", "e"), policy: ReviewPolicy.Required, scorers: Scorers(_ => 0.85, _ => 0.6));
        var item = await stage.ProcessAsync(Judged());
        Assert.Equal(DifficultyState.Labelled, item.Difficulty.State);
        Assert.Equal(Difficulty.Easy, item.Difficulty.Level); // mean 0.725
        Assert.Empty(stage.Disputes);
    }

    [Fact]
    public async Task Under_recorded_the_mean_of_a_disputed_pair_stands_and_the_item_is_flagged()
    {
        var stage = Stage(Panel("a", "b", "c", "d", "e"), policy: ReviewPolicy.Recorded, scorers: Scorers(r => r == "c" ? 1.0 : 0.8, r => r == "c" ? 0.2 : 0.8));
        var item = await stage.ProcessAsync(Judged());
        Assert.Equal(DifficultyState.Labelled, item.Difficulty.State);
        // Means: 0.8 x4, 0.6 -> 0.76.
        Assert.Equal(0.76, item.Difficulty.MeanScore!.Value, 6);
        Assert.Equal(Difficulty.Easy, item.Difficulty.Level);
        Assert.True(item.HasFlag(CalibrationStage.DisputeUnsettledFlag));
        Assert.Single(stage.Disputes);
    }

    [Fact]
    public async Task Bad_items_and_failing_solvers_throw_with_the_item_named()
    {
        var noAnswer = Choice() with { Answer = "F" };
        var e = await Assert.ThrowsAsync<ItemInvalidException>(() => Stage(Panel("A", "B")).ProcessAsync(noAnswer));
        Assert.Contains("mc-1", e.Message, StringComparison.Ordinal);
        Assert.Equal("answer", e.Field);
        var outOfRange = Stage(Panel("a", "b"), scorers: Scorers(_ => 1.5, _ => 0.5));
        await Assert.ThrowsAsync<InvalidOperationException>(() => outOfRange.ProcessAsync(Judged()));
        Assert.Throws<ArgumentException>(() => Stage(Panel("only one")));
        Assert.Throws<ArgumentException>(() => new CalibrationStage(Panel("a", "b"), [new ScriptedScorer("s", _ => 1)], ReviewPolicy.Required, null));
    }
}
