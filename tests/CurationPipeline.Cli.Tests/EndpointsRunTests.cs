using System.Text.Json;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests;

/// <summary>`curate run --endpoints` against a loopback OpenAI-compatible server scripted as a model.</summary>
public class EndpointsRunTests
{
    private static string Pipeline(TempDirectory dir) => LlmTestPipeline.Write(dir, "llm-demo", 3);

    [Fact]
    public async Task The_llm_engines_produce_the_same_item_shapes_and_bad_answers_become_rejects_with_the_raw_text()
    {
        using var dir = new TempDirectory();
        await using var server = await OpenAiTestServer.StartAsync();
        var asked = new Dictionary<string, int>();
        server.Responder = request =>
        {
            var prompt = request.Messages.First(m => m.Role == "user").Content;
            lock (asked)
            {
                asked[prompt] = asked.GetValueOrDefault(prompt) + 1;
            }

            if (prompt.Contains("\"entities\"", StringComparison.Ordinal))
            {
                // Offsets deliberately wrong: the engine must locate the text itself.
                return TestReply.Json(new { entities = new[] { new { type = "symptom", text = LlmTestPipeline.SourceOf(prompt)[..2], start = 9999, end = 10001 } } });
            }

            if (LlmTestPipeline.SourceOf(prompt).Contains("D001", StringComparison.Ordinal) || prompt.Contains("record D001", StringComparison.Ordinal))
            {
                return TestReply.NotRequestedJson(); // this record never gets a usable answer
            }

            return asked[prompt] == 1
                ? TestReply.Text("Sure! Here is a question about it.") // the first answer is prose: re-asked
                : LlmTestPipeline.ExamAnswer();
        };
        LlmTestPipeline.WriteEndpoints(dir, server);

        var (exit, output) = await CliHarness.RunAsync("run", Pipeline(dir), "--out", dir.File("out"), "--endpoints", dir.File("endpoints.yaml"),
            "--limit", "4", "--raw", CliHarness.RepoFile("raw"), "--cache", dir.File("cache.db"));

        Assert.True(exit is 0 or 1, output);
        var run = JsonDocument.Parse(File.ReadAllText(dir.File("out/run.json"))).RootElement;
        Assert.True(run.GetProperty("counts_balanced").GetBoolean());
        Assert.Contains("LLM: local (test-model)", run.GetProperty("engines").GetProperty("generator").GetString(), StringComparison.Ordinal);
        Assert.True(run.GetProperty("models").ValueKind == JsonValueKind.Object);

        var pool = Path.Combine(dir.File("out"), "pool.parquet");
        var items = await DuckDb.QueryAsync($"SELECT dataset, engine, engine_kind, len(options) AS k, answer, entities, flags, context FROM {DuckDb.Literal(pool)}");
        var exam = items.Where(i => i.GetProperty("dataset").GetString() == "MAExam").ToList();
        var ner = items.Where(i => i.GetProperty("dataset").GetString() == "MAEESymp").ToList();
        Assert.True(exam.Count == 3, File.ReadAllText(dir.File("out/rejects.jsonl"))); // 4 records, one of them never answered usably
        Assert.All(exam, i => Assert.Equal("llm:local/test-model", i.GetProperty("engine").GetString()));
        Assert.All(exam, i => Assert.Equal("C", i.GetProperty("answer").GetString()));
        Assert.Equal(4, ner.Count);
        foreach (var item in ner)
        {
            var entity = JsonDocument.Parse(item.GetProperty("entities").GetString()!).RootElement[0];
            var (start, end) = (entity.GetProperty("start").GetInt32(), entity.GetProperty("end").GetInt32()); // repaired from 9999
            Assert.Equal(entity.GetProperty("text").GetString(), item.GetProperty("context").GetString()![start..end]);
            Assert.Contains("prelabel", item.GetProperty("flags").ToString(), StringComparison.Ordinal);
        }

        var rejectsText = File.ReadAllText(dir.File("out/rejects.jsonl"));
        var reject = JsonDocument.Parse(Assert.Single(File.ReadAllLines(dir.File("out/rejects.jsonl")))).RootElement;
        Assert.True(reject.TryGetProperty("raw_response", out _), rejectsText);
        Assert.Equal("generate", reject.GetProperty("stage").GetString());
        Assert.Contains("cannot give that as JSON", reject.GetProperty("raw_response").GetString(), StringComparison.Ordinal);

        // Resuming: a second run over the same output folder answers from the cache, with no new request.
        var before = server.ChatRequests;
        var (again, _) = await CliHarness.RunAsync("run", Pipeline(dir), "--out", dir.File("out"), "--endpoints", dir.File("endpoints.yaml"),
            "--limit", "4", "--raw", CliHarness.RepoFile("raw"), "--cache", dir.File("cache.db"));
        Assert.True(again is 0 or 1);
        Assert.Equal(before, server.ChatRequests);
    }
}
