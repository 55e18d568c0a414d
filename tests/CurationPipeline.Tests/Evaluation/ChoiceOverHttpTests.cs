using CurationPipeline.Calibration.Offline;
using CurationPipeline.Evaluation;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Evaluation;

/// <summary>Multiple-choice evaluation of models behind the loopback OpenAI server, over real HTTP.</summary>
public sealed class ChoiceOverHttpTests
{
    private static readonly IReadOnlyList<Items.BenchmarkItem> Items = EvalItems.Choice(60);

    private static string Right(string prompt)
    {
        var item = Items.Single(i => prompt.Contains(i.Question, StringComparison.Ordinal));
        return LoopbackModels.LetterOf(prompt, EvalItems.RightOption(item)) ?? "?";
    }

    private static async Task<EvaluationResult> RunAsync(LoopbackModels models, string model) =>
        await new Evaluator([models.Model(model)], RubricOverlapScorer.Pair(), new EvaluationOptions { Concurrency = 8 }).RunAsync(Items);

    [Fact]
    public async Task A_model_that_always_answers_A_scores_near_zero()
    {
        await using var models = await LoopbackModels.StartAsync(["always-a"], (_, _) => "A");
        var result = await RunAsync(models, "always-a");

        Assert.Equal(60 * 3, models.Server.ChatRequests);
        var accuracy = result.Rows.Average(r => r.FinalScore);
        Assert.True(accuracy <= 0.05, $"always-A accuracy {accuracy:P1}");
        // Without the shuffles it would score the 12 items whose answer is A.
        Assert.Equal(12, Items.Count(i => i.Answer == "A"));
        Assert.All(result.Rows, r => Assert.Equal(3, r.Presentations.Distinct().Count()));
    }

    [Fact]
    public async Task A_model_that_is_always_right_scores_100_percent_and_the_summary_says_so()
    {
        await using var models = await LoopbackModels.StartAsync(["oracle"], (_, prompt) => "答案：" + Right(prompt));
        var result = await RunAsync(models, "oracle");

        Assert.All(result.Rows, r => Assert.True(r.Correct, r.ParsedAnswer));
        // Parsed answers are reported in the original option letters: the same letter in all three presentations.
        Assert.All(result.Rows, r => Assert.Single(r.ParsedAnswer.Split('|').Distinct()));
        var summary = EvaluationSummary.From(result.Rows, 0);
        Assert.Equal(100, summary.Models[0].ByDimension["MedKQA"]);
        Assert.Equal(100, summary.Models[0].Average);
        Assert.Equal("llm:oracle", Assert.Single(summary.Models[0].Engines));
    }

    [Fact]
    public async Task An_answer_in_prose_is_parsed_and_an_unparseable_one_is_kept_and_counted_wrong()
    {
        await using var models = await LoopbackModels.StartAsync(["prose", "vague"], (model, prompt) => model == "prose"
            ? $"Let me think about each option in turn. Considering the mechanism, the answer is {Right(prompt)}, since the others do not fit."
            : "It depends on the clinical context; more information is needed.");
        var prose = await RunAsync(models, "prose");
        var vague = await RunAsync(models, "vague");

        Assert.All(prose.Rows, r => Assert.True(r.Correct));
        Assert.All(vague.Rows, r =>
        {
            Assert.False(r.Correct);
            Assert.Contains("unparsed", r.Flags);
            Assert.Contains("more information is needed", r.RawResponse, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_rerun_with_the_same_cache_makes_no_call_and_gives_the_same_rows()
    {
        using var dir = new TempDirectory();
        IReadOnlyList<ResultRow> first;
        await using (var models = await LoopbackModels.StartAsync(["oracle"], (_, prompt) => Right(prompt), dir.File("cache.db")))
        {
            first = (await RunAsync(models, "oracle")).Rows;
        }

        await using var again = await LoopbackModels.StartAsync(["oracle"], (_, _) => "E", dir.File("cache.db"));
        var second = (await RunAsync(again, "oracle")).Rows;

        Assert.Equal(0, again.Server.ChatRequests);
        Assert.Equal(first.Select(r => (r.ItemId, r.ParsedAnswer, r.Correct)), second.Select(r => (r.ItemId, r.ParsedAnswer, r.Correct)));
    }
}
