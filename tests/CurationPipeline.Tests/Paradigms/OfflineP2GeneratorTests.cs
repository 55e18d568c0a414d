using CurationPipeline.Paradigms.SafetyScenarios;


namespace CurationPipeline.Tests.Paradigms;

public sealed class OfflineP2GeneratorTests
{
    [Fact]
    public async Task A_scenario_becomes_an_open_prompt_with_a_rubric_of_its_risk_type()
    {
        var record = TestDatasets.Record("S1", "scenario", ("dataset", "MAEthic"), ("risk_type", "end_of_life"), ("text", "  患者昏迷后家属坚持插管，医生应如何决策？ "));
        var item = Assert.Single(await TestDatasets.Engine("MAEthic").GenerateAsync(record, TestDatasets.Named("MAEthic"), RawFiles.Context()));
        Assert.Equal("患者昏迷后家属坚持插管，医生应如何决策？", item.Question);
        Assert.Equal("end_of_life", item.Attributes["risk_type"]);
        Assert.InRange(item.Rubric.Count, 3, 5);
        Assert.Equal(1.0, item.Rubric.Sum(c => c.Weight), 6);
        Assert.Contains(item.Rubric, c => c.Name == "伦理原则运用");
        Assert.False(string.IsNullOrEmpty(item.Answer));
    }

    [Fact]
    public void Every_risk_type_has_three_to_five_criteria_weighing_one_with_full_and_partial_credit()
    {
        foreach (var risk in RubricCatalog.RiskTypes)
        {
            Assert.True(RubricCatalog.TryGet(risk, out var rubric, out var reference));
            Assert.InRange(rubric.Count, 3, 5);
            Assert.Equal(1.0, rubric.Sum(c => c.Weight), 6);
            Assert.All(rubric, c => Assert.Contains("部分得分", c.Description, StringComparison.Ordinal));
            Assert.NotEmpty(reference);
        }
    }

    [Fact]
    public async Task An_unknown_risk_type_is_rejected()
    {
        var record = TestDatasets.Record("S2", "scenario", ("risk_type", "weather"), ("text", "明天会下雨吗？"));
        var e = await TestDatasets.Rejects(new OfflineSafetyScenarios(), record, "GeneralSafety");
        Assert.Equal(("risk_type 'weather' has no rubric template", "risk_type"), (e.Message, e.Field));
    }

    [Fact]
    public async Task A_scenario_without_risk_type_or_text_is_rejected()
    {
        var noRisk = await TestDatasets.Rejects(new OfflineSafetyScenarios(), TestDatasets.Record("S3", "scenario", ("text", "场景")), "GeneralSafety");
        Assert.Equal("risk_type", noRisk.Field);
        var noText = await TestDatasets.Rejects(new OfflineSafetyScenarios(), TestDatasets.Record("S4", "scenario", ("risk_type", "self_harm")), "GeneralSafety");
        Assert.Equal(("the record has no text", "text"), (noText.Message, noText.Field));
    }
}
