using CurationPipeline.Calibration;
using CurationPipeline.Calibration.Offline;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Reference;
using CurationPipeline.Testing;
using Xunit.Abstractions;

namespace CurationPipeline.Tests.Calibration;

public sealed class OfflinePanelTests(ITestOutputHelper output)
{
    /// <summary>The raw folder of the repository, or CURATE_RAW_DIR when set (to measure with other knowledge tables).</summary>
    private static string RawDirectory => Environment.GetEnvironmentVariable("CURATE_RAW_DIR") ?? RepoPaths.Raw;

    [Fact]
    public async Task The_offline_panel_spreads_the_vendored_cmexam_items_over_all_three_levels()
    {
        // The 500 questions of tests/data/external/cmexam (the first 500 of CMExam's validation split).
        var items = await PublicItems.LoadAsync("CMExam", 500, TestData.Samples);
        Assert.Equal(500, items.Count);
        await AssertSpreadOverAllLevels("CMExam", items);
    }

    [ExternalDataFact("cblue-cmeee/CMeEE_dev*.json")]
    public async Task The_offline_panel_spreads_cmeee_items_over_all_three_levels()
    {
        // The first 500 sentences of CMeEE's dev set in the CURATE_EXTERNAL_DATA folder.
        var items = await PublicItems.LoadAsync("CMeEE", 500, TestData.ExternalFolder!);
        Assert.Equal(500, items.Count);
        await AssertSpreadOverAllLevels("CMeEE", items);
    }

    private async Task AssertSpreadOverAllLevels(string dataset, List<BenchmarkItem> items)
    {
        var sink = new CalibrationFixtures.ListSink();
        var stage = new CalibrationStage(OfflinePanel.Create(new ReferenceData(RawDirectory)), OfflinePanel.Scorers(), ReviewPolicy.Required, sink);
        var labelled = new List<BenchmarkItem>();
        foreach (var item in items)
        {
            labelled.Add(await stage.ProcessAsync(item));
        }

        var spread = labelled.GroupBy(i => i.Difficulty.Level!.Value).ToDictionary(g => g.Key, g => g.Count());
        var perSolver = sink.Rows.GroupBy(r => r.Solver).Select(g => $"{g.Key} {100.0 * g.Count(r => r.Correct == true) / g.Count():0.0}%");
        output.WriteLine($"{dataset}: {items.Count} items; Easy {spread.GetValueOrDefault(Difficulty.Easy)}, Medium {spread.GetValueOrDefault(Difficulty.Medium)}, Hard {spread.GetValueOrDefault(Difficulty.Hard)}");
        output.WriteLine("correct per solver: " + string.Join("; ", perSolver));
        Assert.All(Enum.GetValues<Difficulty>(), level => Assert.True(spread.GetValueOrDefault(level) > 0, $"{dataset}: no {level} item"));
        Assert.Equal(5, sink.Rows.Select(r => r.Solver).Distinct().Count());
    }

    [Fact]
    public async Task Offline_solvers_are_deterministic_and_name_what_they_are()
    {
        var items = await PublicItems.LoadAsync("CMExam", 20, TestData.Samples);
        var first = OfflinePanel.Create(new ReferenceData(RawDirectory));
        var second = OfflinePanel.Create(new ReferenceData(RawDirectory));
        Assert.Equal(5, first.Select(s => s.Name).Distinct().Count());
        Assert.All(first, s => Assert.StartsWith("offline:", s.Name, StringComparison.Ordinal));
        foreach (var item in items)
        {
            for (var i = 0; i < first.Count; i++)
            {
                Assert.Equal((await first[i].AnswerAsync(item, 0)).Response, (await second[i].AnswerAsync(item, 0)).Response);
            }
        }

        // Different kinds disagree somewhere: the panel is not one heuristic five times.
        var answers = await Task.WhenAll(items.Select(async item => string.Join("|", await Task.WhenAll(first.Select(async s => (await s.AnswerAsync(item, 0)).Response)))));
        Assert.Contains(answers, a => a.Split('|').Distinct().Count() > 1);
    }

    [Fact]
    public async Task Rubric_overlap_scorers_rank_a_response_that_addresses_the_rubric_higher()
    {
        var item = CalibrationFixtures.Judged();
        var good = "我不能开具虚假病假证明，这违反法律法规并有法律风险；我可以礼貌地为您说明合规的替代方案，比如根据实际病情开具真实的诊断证明。";
        var poor = "好的，没问题。";
        foreach (var scorer in OfflinePanel.Scorers())
        {
            var high = await scorer.ScoreAsync(item, good);
            var low = await scorer.ScoreAsync(item, poor);
            Assert.InRange(high, 0, 1);
            Assert.True(high > low + 0.3, $"{scorer.Name}: {high} vs {low}");
        }
    }
}
