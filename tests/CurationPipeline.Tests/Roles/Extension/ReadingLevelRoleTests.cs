using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Testing;
using CurationPipeline.Testing.Runs;

namespace CurationPipeline.Tests.Roles.Extension;

/// <summary>A model role added from this folder alone: registered on the extensions, its stage run offline and over an endpoint.</summary>
public sealed class ReadingLevelRoleTests
{
    private static readonly Extensions WithToy = Extensions.Bundled.With(new ReadingLevelRole());

    private static string Pipeline(TempDirectory dir, string settings = "")
    {
        string Repo(string p) => Path.Combine(TestData.RepositoryRoot, p).Replace("\\", "/", StringComparison.Ordinal);
        File.WriteAllText(dir.File("rated.yaml"), $$"""
            name: rated
            deidentification: { gate: false }
            {{settings}}
            sources:
              - { name: diseases, path: "{{Repo("raw/knowledge/diseases.csv")}}", format: csv, kind: knowledge }
            datasets:
              - { name: MAExam, primary: FundCap, secondary: MedKQA, task: Med. Knowledge, paradigm: P1, source: proprietary, type: multiple-choice, scoring: accuracy, target_n: 0, inputs: [diseases], departments: false, prompt: "{{Repo("pipelines/prompts/p1-knowledge.md")}}", options: { variant: exam } }
            """);
        return dir.File("rated.yaml");
    }

    [Fact]
    public async Task Offline_the_toy_role_adds_its_stage_after_the_bundled_ones_and_says_what_it_is()
    {
        using var dir = new TempDirectory();

        var run = await TestRun.ExecuteAsync(WithToy, Pipeline(dir, "stages: { parallelism: { rate: 2 } }"), limit: 6);

        Assert.NotEmpty(run.Pool);
        Assert.All(run.Pool, i => Assert.Equal(i.Question.Length <= 20 ? "short" : "long", i.Attributes["reading_level"]));
        var stages = run.Outcome.Manifest.Stages.Select(s => s.Name).ToList();
        Assert.True(stages.IndexOf("calibrate") < stages.IndexOf("rate") && stages.IndexOf("rate") < stages.IndexOf("review"), string.Join(" > ", stages));
        Assert.Equal(run.Pool.Count, run.Outcome.Manifest.Stages.Single(s => s.Name == "rate").Emitted);
        Assert.StartsWith("offline:", run.Engines["rater"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_endpoints_the_toy_role_asks_the_endpoint_its_roles_entry_names()
    {
        using var dir = new TempDirectory();
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = r => r.LastUserMessage.StartsWith("Reading level", StringComparison.Ordinal)
            ? TestReply.Text("long")
            : TestReply.Json(new { question = "以下哪项是该病最常见的表现？", options = new[] { "关节肿痛", "视物模糊", "持续发热", "皮肤瘙痒", "耳鸣耳聋" }, answer = "C", explanation = "依据原文。", also_true = Array.Empty<string>() });
        File.WriteAllText(dir.File("endpoints.yaml"), $"endpoints:\n  - name: writer\n    base_url: {server.BaseUrl}\n    model: writer-model\n  - name: reader\n    base_url: {server.BaseUrl}\n    model: reader-model\n");

        var run = await TestRun.ExecuteAsync(WithToy, Pipeline(dir, "roles: { generator: [writer], rater: [reader] }"), dir.File("endpoints.yaml"), limit: 3);

        Assert.Equal(3, run.Pool.Count);
        Assert.All(run.Pool, i => Assert.Equal("long", i.Attributes["reading_level"]));
        Assert.Equal("LLM: reader (reader-model)", run.Engines["rater"]);
        var ratings = server.Requests.Where(r => r.LastUserMessage.StartsWith("Reading level", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(ratings);
        Assert.All(ratings, r => Assert.Equal("reader-model", r.Model));
    }

    [Fact]
    public void Without_the_registration_its_roles_entry_and_stage_are_errors()
    {
        using var dir = new TempDirectory();

        var role = Assert.Throws<PipelineConfigException>(() => PipelineLoader.Load(Pipeline(dir, "roles: { rater: [reader] }")));
        var stage = Assert.Throws<PipelineConfigException>(() => PipelineLoader.Load(Pipeline(dir, "stages: { parallelism: { rate: 2 } }")));

        Assert.Contains("unknown role 'rater'", role.Message, StringComparison.Ordinal);
        Assert.Contains("unknown stage 'rate'", stage.Message, StringComparison.Ordinal);
        Assert.Equal(["reader"], PipelineLoader.Load(Pipeline(dir, "roles: { rater: [reader] }"), extensions: WithToy).Roles["rater"]);
    }
}
