using CurationPipeline.Evaluation;

namespace CurationPipeline.Tests.Evaluation;

/// <summary>Open-ended scoring by judges behind the loopback server: agreement, disputes, a third judge, a human decision.</summary>
public sealed class JudgeOverHttpTests
{
    private static readonly IReadOnlyList<Items.BenchmarkItem> Items = [EvalItems.OpenEnded("oe-1"), EvalItems.OpenEnded("oe-2")];

    private static Task<LoopbackModels> StartAsync(int scoreA, int scoreB) =>
        LoopbackModels.StartAsync(["model", "judge-a", "judge-b", "judge-c"], (model, prompt) => model switch
        {
            "model" => "应尊重患者的知情权，耐心沟通。",
            "judge-a" => $"Evaluation Analysis\nGood coverage.\n\nPredicted Answer Score\n\\boxed{{{scoreA}}}",
            "judge-b" => $"Accuracy: {scoreB + 10}\nHallucination: -5\nReadability: -5\nPredicted Answer Score\n\\boxed{{{scoreB}}}",
            _ => prompt.Contains("Gold Standard Answer", StringComparison.Ordinal) ? "\\boxed{70}" : "no template",
        });

    [Fact]
    public async Task Judges_within_the_gap_give_the_mean_and_no_dispute()
    {
        await using var m = await StartAsync(80, 60);
        var result = await new Evaluator([m.Model("model")], [m.Judge("judge-a"), m.Judge("judge-b")], new EvaluationOptions()).RunAsync(Items);

        Assert.Empty(result.Disputes);
        Assert.All(result.Rows, r => Assert.Equal(0.70, r.FinalScore, 6));
        Assert.All(result.Rows, r => Assert.Equal((0.8, 0.6), (r.JudgeA!.Value, r.JudgeB!.Value)));
    }

    [Fact]
    public async Task A_gap_above_a_quarter_is_a_dispute_and_without_an_arbiter_the_mean_stands_flagged()
    {
        await using var m = await StartAsync(90, 40);
        var result = await new Evaluator([m.Model("model")], [m.Judge("judge-a"), m.Judge("judge-b")], new EvaluationOptions()).RunAsync(Items);

        Assert.Equal(2, result.Disputes.Count);
        var d = result.Disputes[0];
        Assert.Equal([0.9, 0.4], d.Scores);
        Assert.Equal("unsettled", d.DecidedBy);
        Assert.Equal("应尊重患者的知情权，耐心沟通。", d.Response);
        Assert.All(result.Rows, r =>
        {
            Assert.Equal(0.65, r.FinalScore, 6);
            Assert.Contains("dispute-unsettled", r.Flags);
        });
        var back = DisputeRecord.FromJson(d.ToJson());
        Assert.Equal(d.Id, back.Id);
        Assert.Equal(d.Scores, back.Scores);
    }

    [Fact]
    public async Task A_third_judge_settles_a_dispute_and_a_human_decision_overrides_it()
    {
        await using var m = await StartAsync(90, 40);
        var judges = new[] { m.Judge("judge-a"), m.Judge("judge-b"), m.Judge("judge-c") };
        var human = new Dictionary<string, double>(StringComparer.Ordinal) { [DisputeRecord.KeyOf("oe-2", "model", 0)] = 0.2 };
        var result = await new Evaluator([m.Model("model")], judges, new EvaluationOptions { HumanDecisions = human }).RunAsync(Items);

        Assert.Equal(0.70, result.Rows[0].FinalScore, 6);
        Assert.Contains("adjudicated-by-judge", result.Rows[0].Flags);
        Assert.Equal("judge:judge-c", result.Disputes[0].DecidedBy);
        Assert.Equal(0.2, result.Rows[1].FinalScore, 6);
        Assert.Equal("human", result.Disputes[1].DecidedBy);
    }
}
