using CurationPipeline.Calibration.Offline;
using CurationPipeline.Evaluation;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Evaluation;

/// <summary>An endpoint that keeps failing costs its rows their score, not the whole run.</summary>
public sealed class FailedCallTests
{
    [Fact]
    public async Task Failed_calls_are_flagged_rows_and_extraction_gold_still_counts()
    {
        await using var models = await LoopbackModels.StartAsync(["down"], (_, _) => "A");
        models.Server.Responder = _ => TestReply.Error(400);
        var items = new List<Items.BenchmarkItem>(EvalItems.Choice(2)) { EvalItems.Extraction("ex-1", ("symptom", "头痛"), ("symptom", "发热")) };

        var result = await new Evaluator([models.Model("down")], RubricOverlapScorer.Pair(), new EvaluationOptions()).RunAsync(items);

        Assert.Equal(3, result.Rows.Count);
        Assert.All(result.Rows, r =>
        {
            Assert.Contains("call-failed", r.Flags);
            Assert.False(r.Correct);
            Assert.False(string.IsNullOrEmpty(r.Error));
        });
        Assert.Equal(2, result.Rows[2].FalseNegatives);
        Assert.Equal(0, ScoreMath.Dataset([result.Rows[2]]));
    }
}
