using System.Text.Json;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests;

/// <summary>The README's first command, read back by DuckDB.</summary>
public class MainJobTests
{
    [Fact]
    public async Task The_bundled_pipeline_writes_a_pool_and_splits_that_duckdb_reads()
    {
        using var dir = new TempDirectory();
        var outDir = dir.File("mlb");

        // The vendored public samples (CMExam among them) stand for the public datasets folder; the CBLUE sets are not
        // there, so their four datasets stay empty (DatasetsFetchTests fills all five and checks all 22 datasets).
        var (exit, output) = await CliHarness.RunAsync("run", CliHarness.RepoFile("pipelines/mlb.yaml"), "--out", outDir, "--public-data", TestData.Samples);

        Assert.True(exit is 0 or 1, output);
        var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "run.json"))).RootElement;
        Assert.True(run.GetProperty("counts_balanced").GetBoolean());
        var pool = Path.Combine(outDir, "pool.parquet");
        var byDataset = await DuckDb.QueryAsync($"SELECT dataset, count(*) AS n FROM {DuckDb.Literal(pool)} GROUP BY dataset");
        var proprietary = new[]
        {
            "MAExam", "MAHalt", "GeneralSafety", "MASafety", "MACompliance", "MAEthic", "MAEESymp", "MAEEDisease", "MAEEMedic",
            "MAEEOper", "MAKnowledge", "MAGuidance", "MAReport", "MAMedication", "MAInspection", "MADiagnosis", "MARecord",
        };
        var datasets = byDataset.Select(r => r.GetProperty("dataset").GetString()!).ToHashSet();
        Assert.Superset(proprietary.ToHashSet(), datasets);
        Assert.Contains("CMExam", datasets); // read from --public-data
        Assert.Equal(run.GetProperty("pool_items").GetInt64(), byDataset.Sum(r => N(r.GetProperty("n"))));

        // Duplicates: the same drug question of MASafety and MAMedication is kept once; the public CMExam sample was read to check against.
        var dedup = run.GetProperty("dedup");
        Assert.True(dedup.GetProperty("against_records").GetProperty("cmexam").GetInt32() > 0);
        var rejects = File.ReadAllLines(Path.Combine(outDir, "rejects.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(rejects, r => r.GetProperty("stage").GetString() == "dedup" && r.GetProperty("dataset").GetString() == "MAMedication"
            && r.GetProperty("reason").GetString()!.Contains("in MASafety", StringComparison.Ordinal));
        var asked = await DuckDb.QueryAsync($"SELECT question, count(*) AS n FROM {DuckDb.Literal(pool)} WHERE paradigm = 'P1' AND context IS NULL GROUP BY question HAVING count(*) > 1");
        Assert.Empty(asked);
        Assert.Equal(dedup.GetProperty("duplicates_within").GetInt64() + dedup.GetProperty("duplicates_across").GetInt64()
            + dedup.GetProperty("contaminated").EnumerateObject().Sum(p => p.Value.GetInt64()), rejects.Count(r => r.GetProperty("stage").GetString() == "dedup"));

        var columns = await DuckDb.QueryAsync($"DESCRIBE SELECT * FROM {DuckDb.Literal(pool)}");
        string TypeOf(string column) => columns.Single(c => c.GetProperty("column_name").GetString() == column).GetProperty("column_type").GetString()!;
        Assert.Equal("VARCHAR[]", TypeOf("options"));
        Assert.Equal("VARCHAR[]", TypeOf("departments"));
        Assert.Equal("INTEGER", TypeOf("difficulty_correct"));
        Assert.Equal("DOUBLE", TypeOf("difficulty_score"));

        // Every split holds what run.json says, and the P1 items carry five options and engine provenance.
        foreach (var split in run.GetProperty("splits").EnumerateObject())
        {
            var file = Path.Combine(outDir, "data", split.Name, "test-00000-of-00001.parquet");
            var rows = await DuckDb.QueryAsync($"SELECT count(*) AS n, count(DISTINCT id) AS ids, min(engine_kind) AS kind FROM {DuckDb.Literal(file)}");
            Assert.Equal(split.Value.GetInt32(), N(rows[0].GetProperty("n")));
            Assert.Equal(split.Value.GetInt32(), N(rows[0].GetProperty("ids")));
        }

        var exam = await DuckDb.QueryAsync($"SELECT len(options) AS k, answer, engine_kind FROM {DuckDb.Literal(Path.Combine(outDir, "data/MAExam/test-00000-of-00001.parquet"))}");
        Assert.NotEmpty(exam);
        Assert.All(exam, r => Assert.Equal(5, N(r.GetProperty("k"))));
        Assert.All(exam, r => Assert.Equal("offline", r.GetProperty("engine_kind").GetString()));

        // P3: one representation of the reference. Every entity's text stands at its offsets in the note, and the answer is
        // the rendering of the entities, also in the items whose note the PHI gate redacted after the spans were found.
        var redacted = 0;
        foreach (var dataset in new[] { "MAEESymp", "MAEEDisease", "MAEEMedic", "MAEEOper" })
        {
            var extraction = await DuckDb.QueryAsync($"SELECT id, context, answer, entities, flags FROM {DuckDb.Literal(Path.Combine(outDir, "data", dataset, "test-00000-of-00001.parquet"))}");
            Assert.NotEmpty(extraction);
            foreach (var row in extraction)
            {
                var note = row.GetProperty("context").GetString()!;
                var entities = JsonSerializer.Deserialize<List<Items.GoldEntity>>(row.GetProperty("entities").GetString()!, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;
                Assert.NotEmpty(entities);
                Assert.All(entities, e => Assert.Equal(e.Text, note[e.Start!.Value..e.End!.Value]));
                Assert.Equal(string.Join("；", entities.OrderBy(e => e.Start).Select(e => $"{e.Text} [{e.Start},{e.End})")), row.GetProperty("answer").GetString());
                redacted += row.GetProperty("flags").EnumerateArray().Any(f => f.GetString() == "phi-redacted") ? 1 : 0;
            }
        }

        Assert.True(redacted > 0);

        // The run checked what it wrote; checking again from the files alone finds nothing.
        Assert.Contains("check: ok, no violation", output, StringComparison.Ordinal);
        var (checkExit, checkOutput) = await CliHarness.RunAsync("check", outDir);
        Assert.Equal(0, checkExit);
        Assert.Contains("check: ok, no violation", checkOutput, StringComparison.Ordinal);

        var card = File.ReadAllText(Path.Combine(outDir, "README.md"));
        Assert.Equal(22, card.Split("  data_files:").Length - 1); // one config per dataset (dataset_info repeats the names)
        Assert.Single(card.Split('\n'), l => l == "  default: true");
        Assert.Contains($"{run.GetProperty("splits").EnumerateObject().Sum(s => s.Value.GetInt32())} items in", card, StringComparison.Ordinal);
        Assert.Contains("path: data/MAReport/test-*.parquet", card, StringComparison.Ordinal);
        var report = File.ReadAllText(Path.Combine(outDir, "report.md"));
        Assert.Contains("offline", report, StringComparison.Ordinal);
        Assert.Contains($"items waiting for a human score (disputed judgements, never sampled): {run.GetProperty("pending_human_scores").GetInt32()}", report, StringComparison.Ordinal);
        Assert.Contains("## Reviewer agreement", report, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "review.db")));

        // Relabelling from the calibration table with the paper's thresholds reproduces the pool's labels, with no model.
        var relabelled = dir.File("relabelled.parquet");
        var (relabelExit, relabelOut) = await CliHarness.RunAsync("relabel", "--calibration", Path.Combine(outDir, "calibration.parquet"), "--pool", outDir, "--out", relabelled);
        Assert.Equal(0, relabelExit);
        Assert.Contains("MAExam", relabelOut, StringComparison.Ordinal);
        var differ = await DuckDb.QueryAsync($"SELECT count(*) AS n FROM {DuckDb.Literal(pool)} a JOIN {DuckDb.Literal(relabelled)} b USING (id) WHERE a.difficulty IS DISTINCT FROM b.difficulty");
        Assert.Equal(0, N(differ[0].GetProperty("n")));

        // A researcher's new sample from the labelled pool: exact 3:5:2 for 50 CMExam items, and a new seed differs.
        var sample = dir.File("sample.parquet");
        var (sampleExit, _) = await CliHarness.RunAsync("sample", "--pool", outDir, "--out", sample, "--dataset", "CMExam", "--n", "50", "--seed", "3");
        Assert.Equal(0, sampleExit); // the sample passed its own check
        var levels = await DuckDb.QueryAsync($"SELECT difficulty, count(*) AS n FROM {DuckDb.Literal(sample)} GROUP BY difficulty");
        Assert.Equal((15, 25, 10), (Level("Hard"), Level("Medium"), Level("Easy")));
        Assert.True(File.Exists(dir.File("sample.sampling.md")));
        var other = dir.File("other.parquet");
        Assert.Equal(0, (await CliHarness.RunAsync("sample", "--pool", outDir, "--out", other, "--dataset", "CMExam", "--n", "50", "--seed", "4")).Exit);
        var overlap = await DuckDb.QueryAsync($"SELECT count(*) AS n FROM {DuckDb.Literal(sample)} a JOIN {DuckDb.Literal(other)} b USING (id)");
        Assert.True(N(overlap[0].GetProperty("n")) < 50);

        int Level(string level) => levels.Where(r => r.GetProperty("difficulty").GetString() == level).Select(r => N(r.GetProperty("n"))).SingleOrDefault();
    }

    /// <summary>DuckDB returns BIGINT counts as JSON strings.</summary>
    private static int N(JsonElement value) => int.Parse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture);
}
