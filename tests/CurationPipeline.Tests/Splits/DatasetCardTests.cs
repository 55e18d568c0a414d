using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Sampling;
using CurationPipeline.Splits;
using YamlDotNet.RepresentationModel;

namespace CurationPipeline.Tests.Splits;

public sealed class DatasetCardTests
{
    // The hub's size categories and the task categories a card may name (huggingface_hub's DatasetCardData).
    private static readonly string[] SizeCategories = ["n<1K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "1M<n<10M", "10M<n<100M"];
    private static readonly string[] HubTasks = ["multiple-choice", "question-answering", "token-classification", "text-generation"];

    private static SplitFile Split(string dataset, int hard, int medium, int easy, string engine) => new(dataset, $"data/{dataset}/test-00000-of-00001.parquet", hard + medium + easy, hard + medium)
    {
        Stats = new SplitStats(hard + medium + easy,
            new Dictionary<string, int> { ["Hard"] = hard, ["Medium"] = medium, ["Easy"] = easy },
            new Dictionary<string, int> { ["approved"] = easy, ["unreviewed"] = hard + medium },
            new Dictionary<string, int> { [engine] = hard + medium + easy },
            DepartmentSpread.Of([(["Cardiology"], ["Internal Medicine"])])),
    };

    private static string Render(CardSection card, params SplitFile[] splits) => DatasetCard.Render(new DatasetCardInfo
    {
        Pipeline = "demo",
        Description = "A demo whose targets are 200 items per dataset.",
        ReviewPolicy = "recorded",
        Engines = new Dictionary<string, string> { ["generator"] = "offline" },
        Dimensions = splits.ToDictionary(s => s.Dataset, _ => ("FundCap", "MedKQA", "Med. Knowledge")),
        Scoring = new Dictionary<string, ScoringMethod> { ["Exam"] = ScoringMethod.Accuracy, ["Notes"] = ScoringMethod.MicroF1, ["Empty"] = ScoringMethod.Judge },
        Metadata = new Dictionary<string, string>(),
        Card = card,
    }, splits, new SamplingReport([]));

    private static YamlMappingNode Header(string card)
    {
        var lines = card.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("---", lines[0]);
        var end = Array.IndexOf(lines, "---", 1);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(string.Join('\n', lines[1..end])));
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static List<string> List(YamlMappingNode node, string key) => [.. ((YamlSequenceNode)node[key]).Children.Select(c => ((YamlScalarNode)c).Value!)];

    [Fact]
    public void The_yaml_header_parses_and_carries_the_hubs_metadata()
    {
        var card = Render(new CardSection { PrettyName = "Demo: \"quoted\" name", License = "cc-by-nc-4.0", Tags = ["chinese"] },
            Split("Exam", 300, 500, 200, "offline:p1-templates/1"), Split("Notes", 3, 0, 0, "offline:p3-lexicon/1"), Split("Empty", 0, 0, 0, ""));
        var header = Header(card);

        Assert.Equal("Demo: \"quoted\" name", Scalar(header, "pretty_name"));
        Assert.Equal("cc-by-nc-4.0", Scalar(header, "license"));
        Assert.Equal(["zh", "en"], List(header, "language"));
        Assert.Equal(["1K<n<10K"], List(header, "size_categories"));
        Assert.Subset(SizeCategories.ToHashSet(), List(header, "size_categories").ToHashSet());
        // Exam is multiple choice, Notes extraction; the empty split names no task.
        Assert.Equal(["multiple-choice", "question-answering", "token-classification"], List(header, "task_categories"));
        Assert.Subset(HubTasks.ToHashSet(), List(header, "task_categories").ToHashSet());
        Assert.Equal(["medical", "clinical", "benchmark", "chinese"], List(header, "tags"));

        var configs = ((YamlSequenceNode)header["configs"]).Children.Cast<YamlMappingNode>().ToList();
        Assert.Equal(["Exam", "Notes", "Empty"], configs.Select(c => Scalar(c, "config_name")));
        Assert.Single(configs, c => c.Children.ContainsKey("default") && Scalar(c, "default") == "true");
        Assert.Equal("true", Scalar(configs[0], "default"));
        var files = (YamlMappingNode)((YamlSequenceNode)configs[1]["data_files"]).Children.Single();
        Assert.Equal(("test", "data/Notes/test-*.parquet"), (Scalar(files, "split"), Scalar(files, "path")));

        var info = ((YamlSequenceNode)header["dataset_info"]).Children.Cast<YamlMappingNode>()
            .ToDictionary(c => Scalar(c, "config_name"), c => Scalar((YamlMappingNode)((YamlSequenceNode)c["splits"]).Children.Single(), "num_examples"));
        Assert.Equal(new Dictionary<string, string> { ["Exam"] = "1000", ["Notes"] = "3", ["Empty"] = "0" }, info);
    }

    [Fact]
    public void The_body_states_what_the_files_hold_per_split_and_how_to_cite_the_method()
    {
        var card = Render(new CardSection(), Split("Exam", 30, 50, 20, "offline:p1-templates/1"));

        Assert.Contains("100 items in 1 datasets", card, StringComparison.Ordinal);
        Assert.Contains("| Exam | FundCap / MedKQA | Med. Knowledge | 100 | 30 / 50 / 20 | 20 | 80 | `offline:p1-templates/1` (100) |", card, StringComparison.Ordinal);
        Assert.Contains("| Exam | 20 | 80 | 0 | 0 |", card, StringComparison.Ordinal); // review status
        Assert.Contains("## Departments", card, StringComparison.Ordinal);
        Assert.Contains("@misc{he2025mlb", card, StringComparison.Ordinal);
        Assert.Contains("MLB}: A Scenario-Driven Benchmark for Evaluating Large Language Models in Clinical Applications", card, StringComparison.Ordinal);
        Assert.Equal("demo", Scalar(Header(card), "pretty_name"));
        Assert.Equal("unknown", Scalar(Header(card), "license"));
        Assert.DoesNotContain("reference/", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(999, "n<1K")]
    [InlineData(1_000, "1K<n<10K")]
    [InlineData(2_308, "1K<n<10K")]
    [InlineData(10_000, "10K<n<100K")]
    [InlineData(1_000_000, "1M<n<10M")]
    public void Size_categories_follow_the_hubs_bounds(long items, string category) => Assert.Equal(category, DatasetCard.SizeCategory(items));
}
