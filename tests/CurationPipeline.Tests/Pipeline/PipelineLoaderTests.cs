using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Sources;
using CurationPipeline.Testing;
using CurationPipeline.Tests.Calibration;

namespace CurationPipeline.Tests.Pipeline;

public class PipelineLoaderTests
{
    private const string Minimal = """
        name: demo
        sources:
          - { name: notes, path: notes.jsonl, format: jsonl, kind: ehr }
        datasets:
          - name: MAEESymp
            primary: FundCap
            secondary: MedRU
            task: Info. Extraction
            paradigm: P3
            source: proprietary
            type: open-ended
            scoring: micro-f1
            target_n: 10
            inputs: [notes]
        """;

    [Fact]
    public void Bundled_mlb_pipeline_describes_all_22_datasets_of_table_1()
    {
        var definition = PipelineLoader.Load(RepoPaths.File("pipelines/mlb.yaml"));

        Assert.Equal(22, definition.Datasets.Count);
        Assert.Equal(4250, definition.Datasets.Sum(d => d.TargetN));
        Assert.Equal(68361, definition.Datasets.Sum(d => d.OriginalN));
        Assert.Equal(17, definition.Datasets.Count(d => d.Source == SourceKind.Proprietary));
        Assert.Equal(5, definition.Datasets.Count(d => d.Paradigm == Paradigm.Public));
        Assert.Equal(64, definition.ConfigHash.Length);
    }

    [Fact]
    public void Public_sources_take_the_upstream_dev_files_and_their_samples_but_no_other_split()
    {
        using var dir = new TempDirectory();
        var files = new[]
        {
            "cmexam/val.csv", "cmexam/val.sample500.csv", "cmexam/train.csv", "cmexam/test.csv",
            "cblue-cmeee/CMeEE_dev.json", "cblue-cmeee/CMeEE_dev.sample500.json", "cblue-cmeee/CMeEE_train.json",
            "cblue-cmeie/CMeIE_dev.json", "cblue-cmeie/CMeIE_dev.sample800.jsonl", "cblue-cmeie/CMeIE_train.json",
            "cblue-chip-cdn/CHIP-CDN_dev.json", "cblue-chip-cdn/CHIP-CDN_train.json",
            "cblue-chip-cdee/CHIP-CDEE_dev.json", "cblue-chip-cdee/CHIP-CDEE_test.json",
        };
        foreach (var file in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dir.File(file))!);
            File.WriteAllText(dir.File(file), "");
        }

        var definition = PublicItems.Pipeline();
        PublicItems.PointPublicSourcesAt(definition, dir.Path);
        string[] Taken(string source) =>
            [.. SourcePaths.Expand(definition.Sources.Single(s => s.Name == source).Path).Select(f => Path.GetRelativePath(dir.Path, f).Replace('\\', '/'))];

        Assert.Equal(["cmexam/val.csv", "cmexam/val.sample500.csv"], Taken("cmexam"));
        Assert.Equal(["cblue-cmeee/CMeEE_dev.json", "cblue-cmeee/CMeEE_dev.sample500.json"], Taken("cmeee"));
        Assert.Equal(["cblue-cmeie/CMeIE_dev.json", "cblue-cmeie/CMeIE_dev.sample800.jsonl"], Taken("cmeie"));
        Assert.Equal(["cblue-chip-cdn/CHIP-CDN_dev.json"], Taken("chip_cdn"));
        Assert.Equal(["cblue-chip-cdee/CHIP-CDEE_dev.json"], Taken("chip_cdee"));

        // The vendored samples are laid out the same way.
        PublicItems.PointPublicSourcesAt(definition, TestData.Samples);
        Assert.Equal([TestData.Sample("cmexam/val.sample500.csv")], SourcePaths.Expand(definition.Sources.Single(s => s.Name == "cmexam").Path));
    }

    [Fact]
    public void Minimal_pipeline_binds_with_documented_defaults()
    {
        var definition = PipelineLoader.Parse(Minimal, "demo.yaml");

        Assert.Equal(ReviewPolicy.Recorded, definition.ReviewPolicy);
        Assert.Equal(64, definition.Stages.BoundedCapacity);
        Assert.Equal("3:5:2", definition.Sampling.Ratio);
        Assert.Single(definition.Datasets);
    }

    [Fact]
    public void A_misspelled_key_names_file_line_and_key()
    {
        var yaml = Minimal.Replace("target_n: 10", "traget_n: 10", StringComparison.Ordinal);

        var e = Assert.Throws<PipelineConfigException>(() => PipelineLoader.Parse(yaml, "demo.yaml"));

        Assert.Equal("demo.yaml", e.File);
        Assert.Equal(13, e.Line);
        Assert.Equal("datasets[0].traget_n", e.Key);
        Assert.Contains("unknown key", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("demo.yaml:13:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelled_top_level_key_is_an_error()
    {
        var e = Assert.Throws<PipelineConfigException>(() => PipelineLoader.Parse("nmae: x\n" + Minimal, "demo.yaml"));

        Assert.Equal(1, e.Line);
        Assert.Equal("nmae", e.Key);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_its_key()
    {
        var yaml = Minimal.Replace("target_n: 10", "target_n: ten", StringComparison.Ordinal);

        var e = Assert.Throws<PipelineConfigException>(() => PipelineLoader.Parse(yaml, "demo.yaml"));

        Assert.Equal(13, e.Line);
        Assert.Equal("datasets[0].target_n", e.Key);
    }

    [Theory]
    [InlineData("scoring: micro-f1", "scoring: f1", "datasets[0].scoring", 12)]
    [InlineData("paradigm: P3", "paradigm: P7", "datasets[0].paradigm", 9)]
    [InlineData("inputs: [notes]", "inputs: [note]", "datasets[0]", 5)]
    [InlineData("secondary: MedRU", "secondary: MedXX", "datasets[0].secondary", 7)]
    public void A_wrong_value_is_named_with_its_line(string from, string to, string key, int line)
    {
        var e = Assert.Throws<PipelineConfigException>(() => PipelineLoader.Parse(Minimal.Replace(from, to, StringComparison.Ordinal), "demo.yaml"));

        Assert.Equal(key, e.Key);
        Assert.Equal(line, e.Line);
    }

    [Fact]
    public void Options_bind_to_their_types()
    {
        var yaml = "review_policy: required\ndeidentification: { mode: mask }\n" + Minimal;

        var definition = PipelineLoader.Parse(yaml, "demo.yaml");

        Assert.Equal(ReviewPolicy.Required, definition.ReviewPolicy);
        Assert.Equal(DeidentificationMode.Mask, definition.Deidentification.Mode);
        Assert.Equal(new SourceFormat("jsonl"), definition.Sources[0].Format);
        var dataset = definition.Datasets[0];
        Assert.Equal((Paradigm.P3, SourceKind.Proprietary, QuestionType.OpenEnded, ScoringMethod.MicroF1), (dataset.Paradigm, dataset.Source, dataset.Type, dataset.Scoring));
    }

    [Theory]
    [InlineData("review_policy: requird", "review_policy", "must be 'required' or 'recorded'")]
    [InlineData("deidentification: { mode: blur }", "deidentification.mode", "must be 'surrogate' or 'mask'")]
    public void A_misspelled_option_names_file_line_key_and_the_values_there_are(string line, string key, string problem)
    {
        var e = Assert.Throws<PipelineConfigException>(() => PipelineLoader.Parse(line + "\n" + Minimal, "demo.yaml"));

        Assert.Equal($"demo.yaml:1: {key}: {problem}", e.Message);
    }

    [Fact]
    public void A_dataset_without_a_scoring_key_names_the_values_there_are()
    {
        var e = Assert.Throws<PipelineConfigException>(() => PipelineLoader.Parse(Minimal.Replace("    scoring: micro-f1\n", "", StringComparison.Ordinal), "demo.yaml"));

        Assert.Equal(("datasets[0].scoring", "must be 'accuracy', 'micro-f1' or 'judge'"), (e.Key, e.Problem));
    }

    [Fact]
    public void Multiple_choice_datasets_must_be_scored_by_accuracy()
    {
        var yaml = Minimal.Replace("type: open-ended", "type: multiple-choice", StringComparison.Ordinal);

        var e = Assert.Throws<PipelineConfigException>(() => PipelineLoader.Parse(yaml, "demo.yaml"));

        Assert.Contains("accuracy", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Source_paths_expand_environment_variables_with_defaults()
    {
        Assert.Equal("/data/x.csv", PipelineLoader.ExpandVariables("${CURATE_TEST_UNSET_VARIABLE:-/data}/x.csv"));
        Assert.Equal("x", PipelineLoader.ExpandVariables("x"));
    }
}
