using CurationPipeline.Evaluation;
using CurationPipeline.Items;

namespace CurationPipeline.Tests.Evaluation;

/// <summary>Known-answer checks of the scoring rules, computed by hand.</summary>
public sealed class ScoringTests
{
    [Fact]
    public void Micro_F1_pools_counts_over_items_instead_of_averaging_item_F1()
    {
        // Item 1: TP 1, FP 0, FN 0 (F1 1). Item 2: TP 1, FP 3, FN 3 (F1 2/8 = 0.25).
        // Pooled: TP 2, FP 3, FN 3 -> 2*2 / (2*2 + 3 + 3) = 0.4; the mean of item F1 would be 0.625.
        var rows = new[]
        {
            new ResultRow { Dataset = "MAEESymp", Scoring = "micro-f1", TruePositives = 1, FalsePositives = 0, FalseNegatives = 0, FinalScore = 1 },
            new ResultRow { Dataset = "MAEESymp", Scoring = "micro-f1", TruePositives = 1, FalsePositives = 3, FalseNegatives = 3, FinalScore = 0.25 },
        };
        Assert.Equal(40.0, ScoreMath.Dataset(rows)!.Value, 9);
    }

    [Fact]
    public async Task Extraction_counts_come_from_the_parsed_response()
    {
        var item = EvalItems.Extraction("ex-1", ("symptom", "头痛"), ("symptom", "发热"), ("symptom", "咳嗽"));
        var model = new ScriptedModel(_ => "symptom：头痛\nsymptom：发热\nsymptom：乏力");
        var result = await new Evaluator([model], CurationPipeline.Calibration.Offline.RubricOverlapScorer.Pair(), new EvaluationOptions()).RunAsync([item]);

        var row = Assert.Single(result.Rows);
        Assert.Equal((2, 1, 1), (row.TruePositives!.Value, row.FalsePositives!.Value, row.FalseNegatives!.Value));
        Assert.Equal(2.0 / 3, row.FinalScore, 9);
    }

    [Fact]
    public void Cohens_kappa_and_the_table_5_figures_match_a_hand_computation()
    {
        // 50 cases: TP 20, FP 5, FN 10, TN 15. p_o = 0.7; judge yes 0.5, expert yes 0.6 -> p_e = 0.5; kappa = 0.4.
        var pairs = Enumerable.Repeat((true, true), 20).Concat(Enumerable.Repeat((true, false), 5))
            .Concat(Enumerable.Repeat((false, true), 10)).Concat(Enumerable.Repeat((false, false), 15));
        var m = AgreementMetrics.From(pairs);

        Assert.Equal(0.7, m.Accuracy, 9);
        Assert.Equal(0.8, m.Precision, 9);
        Assert.Equal(2.0 / 3, m.Recall, 9);
        Assert.Equal(2 * 0.8 * (2.0 / 3) / (0.8 + 2.0 / 3), m.F1, 9);
        Assert.Equal(0.4, m.Kappa, 9);
        Assert.Contains("| j | 0.7000 | 0.8000 | 0.6667 | 0.7273 | 0.4000 | 50 |", JudgeAgreement.ToMarkdown("j", m), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Analysis...\nPredicted Answer Score\n\\boxed{72}", 72)]
    [InlineData("first \\boxed{10} then corrected \\boxed{85.5}", 85.5)]
    [InlineData("Accuracy: 90\nHallucination: -20\nReadability: -10", 60)]
    [InlineData("Accuracy 30, Hallucination 25, Readability 25", 0)]
    [InlineData("\\boxed{140}", 100)]
    public void The_judge_total_is_read_from_boxed_or_computed_by_the_formula(string verdict, double expected) =>
        Assert.Equal(expected, JudgeTemplate.ReadTotal(verdict));

    [Fact]
    public void A_verdict_without_any_score_is_not_read() => Assert.Null(JudgeTemplate.ReadTotal("The answer looks fine."));

    [Fact]
    public void Shuffles_are_deterministic_keep_the_right_content_and_start_from_the_original_order()
    {
        var item = EvalItems.Choice(1)[0];
        var orders = OptionShuffle.Orders(item.Id, 5, 0);
        Assert.Equal([0, 1, 2, 3, 4], orders[0]);
        Assert.Equal(3, orders.Select(o => string.Join(",", o)).Distinct().Count());
        Assert.Equal(orders.Select(o => string.Join(",", o)), OptionShuffle.Orders(item.Id, 5, 0).Select(o => string.Join(",", o)));
        Assert.NotEqual(orders[0], OptionShuffle.Orders(item.Id, 5, 1)[0]);
        foreach (var order in orders)
        {
            var shown = OptionShuffle.Present(item, order);
            Assert.Equal(EvalItems.RightOption(item), shown.Options[AnswerLetters.Index(shown.Answer![0])]);
        }
    }

    [Theory]
    [InlineData("json", "[{\"indicator_name\": \"x\", \"indicator_result\": 0}]", "```json\n[{\"indicator_name\": \"x\", \"indicator_result\": 0}]\n```", true)]
    [InlineData("json", "[{\"indicator_name\": \"x\", \"indicator_result\": 0}]", "{\"indicator_name\": \"other\", \"indicator_result\": 0}", true)]
    [InlineData("json", "[{\"indicator_name\": \"x\", \"indicator_result\": 0}]", "{\"indicator_result\": 1}", false)]
    [InlineData("json", "[{\"indicator_name\": \"x\", \"indicator_result\": 0}]", "The result is {\"indicator_result\": 0}", false)]
    [InlineData("boolean", "false", "False.", true)]
    [InlineData("boolean", "false", "false, because the dates differ", false)]
    [InlineData("terms", "superficial arteries, superficial veins", "Superficial veins, superficial arteries", true)]
    [InlineData("terms", "superficial arteries, superficial veins", "superficial arteries", false)]
    public void Type_B_needs_the_exact_format_and_the_key_fields(string format, string answer, string response, bool correct)
    {
        var item = EvalItems.Item("b-1", "CFF", "L1", ScoringMethod.Accuracy) with
        {
            Answer = answer,
            Attributes = new Dictionary<string, string> { ["maturity_type"] = "B", ["answer_format"] = format, ["key_fields"] = "indicator_result" },
        };
        Assert.Equal(correct, LogicalAccuracy.Score(item, response).Correct);
    }

    [Fact]
    public void The_type_C_total_is_the_template_formula() => Assert.Equal(55, JudgeTemplate.Total(80, 15, 10));

    [Fact]
    public void The_average_is_the_mean_of_the_dimension_scores_as_in_table_4()
    {
        var rows = new[]
        {
            new ResultRow { Model = "m", Dataset = "A1", SecondaryDimension = "MedKQA", Scoring = "accuracy", FinalScore = 1 },
            new ResultRow { Model = "m", Dataset = "A2", SecondaryDimension = "MedKQA", Scoring = "accuracy", FinalScore = 0 },
            new ResultRow { Model = "m", Dataset = "A2", SecondaryDimension = "MedKQA", Scoring = "accuracy", FinalScore = 0 },
            new ResultRow { Model = "m", Dataset = "B1", SecondaryDimension = "MedSE", Scoring = "judge", FinalScore = 0.9 },
        };
        var m = EvaluationSummary.From(rows, 0).Models[0];
        Assert.Equal(50, m.ByDimension["MedKQA"]!.Value, 9);   // mean of datasets 100 and 0
        Assert.Equal(90, m.ByDimension["MedSE"]!.Value, 9);
        Assert.Equal(70, m.Average!.Value, 9);
    }

    private sealed class ScriptedModel(Func<string, string> reply) : IEvaluatedModel
    {
        public string Name => "scripted";

        public string Engine => "test:scripted";

        public Task<string> AnswerAsync(BenchmarkItem item, string prompt, int trial, CancellationToken cancellationToken = default) => Task.FromResult(reply(prompt));
    }
}
