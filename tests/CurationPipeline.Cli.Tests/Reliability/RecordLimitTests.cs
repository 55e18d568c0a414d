using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests.Reliability;

/// <summary>The work one record may cause is bounded: by its size when read, by time in every stage; past either it is a reject naming it and the run goes on.</summary>
public sealed class RecordLimitTests
{
    [Fact]
    public async Task A_record_over_max_record_bytes_is_a_reject_naming_file_record_and_limit_and_the_run_goes_on()
    {
        using var dir = new TempDirectory();
        var notes = File.ReadLines(CliHarness.RepoFile("raw/ehr/notes.jsonl")).Take(3).ToList();
        var large = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(large.ToString()) < (2 << 20))
        {
            large.Append(JsonDocument.Parse(notes[large.Length % 3]).RootElement.GetProperty("text").GetString()).Append('\n');
        }

        notes.Insert(1, JsonSerializer.Serialize(new { id = "LARGE-1", patient_id = "P-L1", text = large.ToString() }));
        File.WriteAllLines(dir.File("notes.jsonl"), notes);
        var pipeline = WriteEhrPipeline(dir, "rejects: { max_fraction: 0.5 }");

        var (exit, output) = await CliHarness.RunAsync("run", pipeline, "--out", dir.File("out"), "--raw", CliHarness.RepoFile("raw"));

        Assert.True(exit == 0, output);
        var reject = Assert.Single(Rejects(dir.File("out")));
        Assert.Equal("read", reject.GetProperty("stage").GetString());
        Assert.EndsWith("notes.jsonl", reject.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.Equal("LARGE-1", reject.GetProperty("record").GetString());
        Assert.Contains("over limits.max_record_bytes (1048576)", reject.GetProperty("reason").GetString(), StringComparison.Ordinal);
        using var run = JsonDocument.Parse(File.ReadAllText(dir.File("out/run.json")));
        Assert.True(run.RootElement.GetProperty("counts_balanced").GetBoolean());
        Assert.Equal(["E0001", "E0002", "E0003"], await PoolRecords(dir.File("out")));
    }

    [Fact]
    public async Task A_limit_of_zero_reads_the_large_record()
    {
        using var dir = new TempDirectory();
        var note = JsonDocument.Parse(File.ReadLines(CliHarness.RepoFile("raw/ehr/notes.jsonl")).First()).RootElement.GetProperty("text").GetString()!;
        File.WriteAllLines(dir.File("notes.jsonl"), [JsonSerializer.Serialize(new { id = "LARGE-1", patient_id = "P-L1", text = string.Concat(Enumerable.Repeat(note + "\n", 1200)) })]);
        var pipeline = WriteEhrPipeline(dir, "limits: { max_record_bytes: 0 }");

        var (exit, output) = await CliHarness.RunAsync("run", pipeline, "--out", dir.File("out"), "--raw", CliHarness.RepoFile("raw"));

        Assert.True(exit == 0, output);
        Assert.Empty(Rejects(dir.File("out")));
        Assert.Equal(["LARGE-1"], await PoolRecords(dir.File("out")));
    }

    [Fact]
    public async Task A_record_past_the_time_budget_is_a_reject_naming_it_and_the_limit_and_the_run_goes_on()
    {
        using var dir = new TempDirectory();
        await using var server = await OpenAiTestServer.StartAsync();
        LlmTestPipeline.WriteEndpoints(dir, server);
        using var hold = new ManualResetEventSlim(false);
        server.Responder = request =>
        {
            // The first note's extraction never answers within the budget; the others do.
            if (request.Messages.First(m => m.Role == "user").Content.Contains("意识障碍、头晕4天", StringComparison.Ordinal))
            {
                hold.Wait(TimeSpan.FromMinutes(2));
            }

            return KilledRunTests.Answer(request);
        };
        var pipeline = LlmTestPipeline.Write(dir, "budget", 10);
        File.WriteAllText(pipeline, File.ReadAllText(pipeline).Replace("sources:", "limits: { record_timeout: 3 }\nrejects: { max_fraction: 0.5 }\nsources:", StringComparison.Ordinal));

        var watch = Stopwatch.StartNew();
        var (exit, output) = await CliHarness.RunAsync("run", pipeline, "--out", dir.File("out"), "--endpoints", dir.File("endpoints.yaml"), "--limit", "3",
            "--raw", CliHarness.RepoFile("raw"), "--cache", dir.File("cache.db"));
        hold.Set();

        Assert.True(exit == 0, output);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"the run took {watch.Elapsed}: the budget did not end the hanging record's work");
        var reject = Assert.Single(Rejects(dir.File("out")));
        Assert.Equal("generate", reject.GetProperty("stage").GetString());
        Assert.Equal("E0001", reject.GetProperty("record").GetString());
        Assert.Equal("MAEESymp", reject.GetProperty("dataset").GetString());
        Assert.Contains("limits.record_timeout (3 s)", reject.GetProperty("reason").GetString(), StringComparison.Ordinal);
        using var run = JsonDocument.Parse(File.ReadAllText(dir.File("out/run.json")));
        Assert.True(run.RootElement.GetProperty("counts_balanced").GetBoolean());
        var records = await PoolRecords(dir.File("out"), "dataset || ':' || source_record");
        Assert.Contains("MAEESymp:E0002", records);
        Assert.Contains("MAEESymp:E0003", records);
        Assert.DoesNotContain("MAEESymp:E0001", records);
    }

    /// <summary>A pipeline extracting symptoms from notes.jsonl in <paramref name="dir"/> on the offline engines; <paramref name="extra"/> is added at the top level.</summary>
    private static string WriteEhrPipeline(TempDirectory dir, string extra)
    {
        File.WriteAllText(dir.File("ehr.yaml"), $"""
            name: ehr
            {extra}
            sources:
              - {"{"} name: ehr, path: notes.jsonl, format: jsonl, kind: ehr {"}"}
            datasets:
              - {"{"} name: MAEESymp, primary: FundCap, secondary: MedRU, task: Info. Extraction, paradigm: P3, source: proprietary, type: open-ended, scoring: micro-f1, target_n: 3, inputs: [ehr], departments: false, options: {"{"} entity_type: symptom {"}"} {"}"}
            """);
        return dir.File("ehr.yaml");
    }

    private static async Task<List<string>> PoolRecords(string output, string what = "source_record") =>
        [.. (await DuckDb.QueryAsync($"SELECT DISTINCT {what} AS r FROM {DuckDb.Literal(Path.Combine(output, "pool.parquet"))} ORDER BY r")).Select(r => r.GetProperty("r").GetString()!)];

    private static List<JsonElement> Rejects(string output) =>
        [.. File.ReadLines(Path.Combine(output, "rejects.jsonl")).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement)];
}
