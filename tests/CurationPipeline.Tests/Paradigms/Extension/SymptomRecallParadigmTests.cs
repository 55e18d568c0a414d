using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Testing;
using CurationPipeline.Testing.Runs;

namespace CurationPipeline.Tests.Paradigms.Extension;

/// <summary>A paradigm added from this folder alone: registered on the extensions, named by a pipeline file, run end to end.</summary>
public sealed class SymptomRecallParadigmTests
{
    private static readonly Extensions WithToy = Extensions.Bundled.With(new SymptomRecallParadigm());

    private static string Pipeline(TempDirectory dir)
    {
        File.WriteAllLines(dir.File("notes.jsonl"),
        [
            """{"id":"n1","text":"患者咳嗽三天。"}""",
            """{"id":"n2","text":"夜间发热，伴乏力。"}""",
            """{"id":"n3","text":"无明显不适。"}""",
            """{"id":"n4","text":"患者自述近一个月以来反复出现阵发性头痛，以午后及劳累后明显，休息后可稍缓解。"}""",
        ]);
        File.WriteAllText(dir.File("recall.md"), "Which symptom does this note name? Answer as JSON {\"symptom\": ...}.\n\n{{source_text}}\n");
        File.WriteAllText(dir.File("toy.yaml"), """
            name: toy
            deidentification: { gate: false }
            sources:
              - { name: notes, path: notes.jsonl, format: jsonl, kind: ehr }
            datasets:
              - { name: Recall, primary: FundCap, secondary: MedKQA, task: Symptom Recall, paradigm: TOY, source: proprietary, type: multiple-choice, scoring: accuracy, target_n: 0, inputs: [notes], prompt: recall.md }
            """);
        return dir.File("toy.yaml");
    }

    [Fact]
    public async Task A_pipeline_naming_the_toy_paradigm_runs_its_offline_engine_and_its_rules()
    {
        using var dir = new TempDirectory();

        var run = await TestRun.ExecuteAsync(WithToy, Pipeline(dir));

        Assert.Equal(["n1", "n2"], run.Pool.Select(i => i.Provenance.SourceRecord));
        Assert.All(run.Pool, i => Assert.Equal(SymptomRecallParadigm.Toy, i.Paradigm));
        Assert.Equal(["A", "B"], run.Pool.Select(i => i.Answer));
        Assert.Equal("symptom-recall/1", run.Pool[0].Provenance.Engine);
        var rejects = run.Rejects();
        Assert.Contains(rejects, r => r is { Stage: "generate", Record: "n3", Reason: "the note names none of the five symptoms" });
        Assert.Contains(rejects, r => r.Stage == "validate" && r.Record == "n4" && r.Reason.Contains("at most 40 characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Over_an_endpoint_the_toy_paradigm_asks_the_model()
    {
        using var dir = new TempDirectory();
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = r => TestReply.Json(new { symptom = r.LastUserMessage.Contains("发热", StringComparison.Ordinal) ? "发热" : "皮疹" });
        File.WriteAllText(dir.File("endpoints.yaml"), $"endpoints:\n  - name: local\n    base_url: {server.BaseUrl}\n    model: test-model\n");

        var run = await TestRun.ExecuteAsync(WithToy, Pipeline(dir), dir.File("endpoints.yaml"));

        Assert.Equal(["E", "B", "E"], run.Pool.Select(i => i.Answer));
        Assert.All(run.Pool, i => Assert.Equal("llm:local/test-model", i.Provenance.Engine));
        Assert.Contains(run.Rejects(), r => r.Stage == "validate" && r.Record == "n4");
    }

    [Fact]
    public void Without_the_registration_a_pipeline_naming_it_is_an_error_naming_file_and_key()
    {
        using var dir = new TempDirectory();

        var e = Assert.Throws<PipelineConfigException>(() => PipelineLoader.Load(Pipeline(dir)));

        Assert.Equal((6, "datasets[0].paradigm"), (e.Line, e.Key));
        Assert.Contains("toy.yaml", e.Message, StringComparison.Ordinal);
        Assert.True(PipelineLoader.Load(Pipeline(dir), extensions: WithToy).Datasets.Single().Paradigm == SymptomRecallParadigm.Toy);
    }
}
