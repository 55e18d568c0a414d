using CurationPipeline.Composition;
using CurationPipeline.Paradigms.ClinicalReasoning;
using CurationPipeline.Paradigms.EhrExtraction;
using CurationPipeline.Paradigms.KnowledgeProbing;
using CurationPipeline.Paradigms.SafetyScenarios;
using CurationPipeline.Reference;

namespace CurationPipeline.Tests.Paradigms;

public sealed class OfflineGeneratorsTests
{
    [Theory]
    [InlineData("MAExam", typeof(OfflineKnowledgeProbing))]
    [InlineData("MACompliance", typeof(OfflineSafetyScenarios))]
    [InlineData("MAEEDisease", typeof(OfflineEhrExtraction))]
    [InlineData("MARecord", typeof(OfflineClinicalReasoning))]
    public void Each_paradigm_has_its_engine(string dataset, Type engine) =>
        Assert.IsType(engine, TestDatasets.Engine(dataset));

    [Fact]
    public void A_bad_option_names_the_dataset_and_the_allowed_values()
    {
        var dataset = TestDatasets.Named("MAExam");
        dataset.Options["variant"] = "quiz";
        var e = Assert.Throws<ArgumentException>(() => Extensions.Bundled.Paradigms.CreateOffline(dataset, RawFiles.Reference));
        Assert.StartsWith("dataset MAExam: P1 variant 'quiz' is unknown; use one of exam,", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_option_names_the_key()
    {
        var dataset = TestDatasets.Named("MAEESymp");
        dataset.Options.Clear();
        var e = Assert.Throws<ArgumentException>(() => Extensions.Bundled.Paradigms.CreateOffline(dataset, RawFiles.Reference));
        Assert.Equal("dataset MAEESymp: options.entity_type is required by the P3 engine", e.Message);
    }

    [Fact]
    public void Public_datasets_have_no_offline_generator()
    {
        var e = Assert.Throws<ArgumentException>(() => Extensions.Bundled.Paradigms.CreateOffline(TestDatasets.Named("CMExam"), RawFiles.Reference));
        Assert.Contains("no offline engine", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_knowledge_table_names_the_file()
    {
        using var empty = new CurationPipeline.Testing.TempDirectory();
        var e = Assert.Throws<InvalidDataException>(() => Extensions.Bundled.Paradigms.CreateOffline(TestDatasets.Named("MAExam"), new ReferenceData(empty.Path)));
        Assert.EndsWith("diseases.csv: knowledge table not found", e.Message, StringComparison.Ordinal);
    }
}
