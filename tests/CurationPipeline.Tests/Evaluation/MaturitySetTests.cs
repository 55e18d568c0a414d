using CurationPipeline.Calibration.Offline;
using CurationPipeline.Evaluation;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Evaluation;

/// <summary>A hand-made maturity scenario set (tests/data/maturity-set: 30 English items) and their scoring types.</summary>
public sealed class MaturitySetTests
{
    [Fact]
    public void The_set_has_every_scenario_at_its_level_and_type()
    {
        var items = MaturitySet.Load(RepoPaths.File("tests/data/maturity-set/scenarios.yaml"));
        var scenarios = items.GroupBy(i => i.Dataset).ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal(["CFF", "CNMLE", "CTC", "DEC", "MDT", "RBQ", "RRG", "TLV", "TNM", "UDC"], scenarios.Keys.Order(StringComparer.Ordinal));
        Assert.All(scenarios.Values, s => Assert.True(s.Count >= 3));
        Assert.Equal(MaturityType.A, MaturityItem.Type(scenarios["CNMLE"][0]));
        Assert.All(new[] { "CTC", "CFF", "TLV", "UDC", "RBQ", "DEC" }, c => Assert.Equal(MaturityType.B, MaturityItem.Type(scenarios[c][0])));
        Assert.All(new[] { "RRG", "TNM", "MDT" }, c => Assert.Equal(MaturityType.C, MaturityItem.Type(scenarios[c][0])));
        Assert.Equal("L4", scenarios["TNM"][0].SecondaryDimension);
        Assert.All(items, Evaluator.Validate);
    }

    [Fact]
    public async Task A_model_that_follows_the_formats_gets_full_logical_accuracy_and_trials_average()
    {
        var items = MaturitySet.Load(RepoPaths.File("tests/data/maturity-set/scenarios.yaml")).Where(i => MaturityItem.Type(i) == MaturityType.B).ToList();
        var exact = new ReferenceModel();
        var result = await new Evaluator([exact], RubricOverlapScorer.Pair(), new EvaluationOptions { Trials = 2 }).RunAsync(items);

        Assert.Equal(items.Count * 2, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.True(r.Correct, $"{r.ItemId}: {r.Error}"));
        Assert.Equal(100, EvaluationSummary.From(result.Rows, 0).Models[0].Average);
    }

    [Fact]
    public void A_scenario_with_a_bad_type_is_named_in_the_error()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("m.yaml"), "scenarios:\n  - { code: XYZ, level: L0, type: D, file: x.jsonl }\n");
        var e = Assert.Throws<FormatException>(() => MaturitySet.Load(dir.File("m.yaml")));
        Assert.Contains("XYZ", e.Message, StringComparison.Ordinal);
        Assert.Contains("'type'", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Answers with the item's own reference: the format every Type B item asks for.</summary>
    private sealed class ReferenceModel : IEvaluatedModel
    {
        public string Name => "reference";

        public string Engine => "test:reference";

        public Task<string> AnswerAsync(Items.BenchmarkItem item, string prompt, int trial, CancellationToken cancellationToken = default) =>
            Task.FromResult(item.Answer!);
    }
}
