using CurationPipeline.Calibration;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Testing;
using static CurationPipeline.Tests.Calibration.CalibrationFixtures;

namespace CurationPipeline.Tests.Calibration;

public sealed class RelabelTests
{
    private const string All = "sym：发热；sym：咳嗽；dis：肺炎；dru：阿莫西林；pro：胸部CT";
    private const string F1Of08 = "sym：发热；sym：咳嗽；dis：肺炎；dru：阿莫西林；pro：头颅CT";

    [Fact]
    public async Task The_table_alone_recomputes_the_labels_and_other_thresholds_change_them()
    {
        using var dir = new TempDirectory();
        var path = dir.File("calibration.parquet");
        var panel = Panel("答案：C", "C", "sym：发热", "(C)", "选C");
        var extraction = new CalibrationStage(Panel(All, F1Of08, F1Of08, All, All), Scorers(_ => 0.5, _ => 0.5), ReviewPolicy.Required, null);
        BenchmarkItem mc, ee, oe;
        await using (var table = await CalibrationTable.CreateAsync(path))
        {
            var scorers = Scorers(r => r == "答案：C" ? 0.9 : 0.7, r => r == "答案：C" ? 0.6 : 0.7);
            mc = await new CalibrationStage(panel, scorers, ReviewPolicy.Required, table).ProcessAsync(Choice());
            ee = await new CalibrationStage(Panel(All, F1Of08, F1Of08, All, All), scorers, ReviewPolicy.Required, table).ProcessAsync(Extraction());
            oe = await new CalibrationStage(panel, scorers, ReviewPolicy.Required, table).ProcessAsync(Judged());
            Assert.False(File.Exists(path)); // nothing visible before completion
            await table.CompleteAsync();
        }

        Assert.Equal(Difficulty.Medium, mc.Difficulty.Level);      // 4 of 5 ("sym：发热" is no choice)
        Assert.Equal(Difficulty.Hard, ee.Difficulty.Level);        // 3 of 5 above 0.8
        Assert.Equal(DifficultyState.PendingHuman, oe.Difficulty.State); // one pair 0.9 / 0.6

        var rows = await CalibrationTable.ReadAsync(path);
        Assert.Equal(15, rows.Count);
        var paper = ById(Relabel.Run(rows, CalibrationThresholds.Paper, ReviewPolicy.Required));
        Assert.Equal(mc.Difficulty, paper[mc.Id].Label);
        Assert.Equal(ee.Difficulty, paper[ee.Id].Label);
        Assert.Equal(oe.Difficulty, paper[oe.Id].Label);

        // A researcher's thresholds: F1 > 0.75 counts, a gap up to 0.35 is tolerated.
        var other = ById(Relabel.Run(rows, new CalibrationThresholds { F1Correct = 0.75, DisputeGap = 0.35 }, ReviewPolicy.Required));
        Assert.Equal(Difficulty.Easy, other[ee.Id].Label.Level);
        Assert.Equal(DifficultyState.Labelled, other[oe.Id].Label.State);
        Assert.Equal(0.71, other[oe.Id].Label.MeanScore!.Value, 6); // 0.75, 0.7 x4
        Assert.Equal(Difficulty.Easy, other[oe.Id].Label.Level);

        // Under "recorded" the disputed mean stands and is marked unsettled.
        var recorded = ById(Relabel.Run(rows, CalibrationThresholds.Paper, ReviewPolicy.Recorded));
        Assert.True(recorded[oe.Id].DisputeUnsettled);
        Assert.Equal(DifficultyState.Labelled, recorded[oe.Id].Label.State);

        // A human score settles the dispute.
        rows.Single(r => r.Disputed).HumanScore = 0.2;
        var settled = ById(Relabel.Run(rows, CalibrationThresholds.Paper, ReviewPolicy.Required));
        Assert.Equal(Difficulty.Medium, settled[oe.Id].Label.Level); // (0.2 + 0.7 x4) / 5 = 0.6
        Assert.False(settled[oe.Id].DisputeUnsettled);
    }

    [Fact]
    public async Task Concurrent_items_all_reach_the_table_and_duckdb_reads_the_columns()
    {
        using var dir = new TempDirectory();
        var path = dir.File("calibration.parquet");
        await using (var table = await CalibrationTable.CreateAsync(path))
        {
            var stage = new CalibrationStage(Panel("答案：C", "A", "C", "C", "C"), Scorers(_ => 0.5, _ => 0.5), ReviewPolicy.Required, table);
            await Parallel.ForEachAsync(Enumerable.Range(0, 60), new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (i, ct) => await stage.ProcessAsync(Choice($"mc-{i}"), ct));
            await table.CompleteAsync();
        }

        var rows = await CalibrationTable.ReadAsync(path);
        Assert.Equal(300, rows.Count);
        Assert.Equal(60, rows.Select(r => r.ItemId).Distinct().Count());

        var row = (await DuckDb.QueryAsync($"SELECT count(*) AS n, sum(CASE WHEN correct THEN 1 ELSE 0 END) AS ok, string_agg(DISTINCT solver, ',' ORDER BY solver) AS solvers FROM '{path}'"))[0];
        Assert.Equal("300", row.GetProperty("n").ToString());
        Assert.Equal("240", row.GetProperty("ok").ToString());
        var columns = await DuckDb.QueryAsync($"SELECT string_agg(column_name, ',') AS c FROM (DESCRIBE SELECT * FROM '{path}')");
        var names = columns[0].GetProperty("c").GetString()!.Split(',');
        foreach (var expected in new[] { "item_id", "dataset", "solver", "kind", "response", "parsed", "correct", "f1", "score_1", "score_2", "disputed", "final_score" })
        {
            Assert.Contains(expected, names);
        }
    }

    private static Dictionary<string, RelabelledItem> ById(IReadOnlyList<RelabelledItem> items) => items.ToDictionary(i => i.ItemId);
}
