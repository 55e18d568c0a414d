using CurationPipeline.Items;
using CurationPipeline.Sampling;

namespace CurationPipeline.Tests.Sampling;

/// <summary>Hand-built pools that cannot supply a cell: the best sample, and the report's words.</summary>
public sealed class ShortfallTests
{
    private static readonly string[] RiskKey = ["risk_type"];

    [Fact]
    public void Ten_hard_items_for_n_200_report_fifty_hard_short_taken_as_medium()
    {
        var pool = TestPools.Block("A", Difficulty.Hard, 10)
            .Concat(TestPools.Block("A", Difficulty.Medium, 145))
            .Concat(TestPools.Block("A", Difficulty.Easy, 95))
            .Concat(TestPools.Block("B", Difficulty.Medium, 150))
            .Concat(TestPools.Block("B", Difficulty.Easy, 100))
            .ToList();
        var spec = new SamplingSpec("DS", 200, DifficultyRatio.Default, RiskKey);

        var result = new StratifiedSampler().Sample(pool, spec, 3);

        var r = result.Report;
        Assert.Equal(new LevelCounts(10, 150, 40), r.SampleByDifficulty);
        Assert.False(r.RatioExact);
        var shortfall = Assert.Single(r.Shortfalls);
        Assert.Equal(Difficulty.Hard, shortfall.Level);
        Assert.Null(shortfall.Stratum);
        Assert.Equal(50, shortfall.Missing);
        Assert.Equal([new Replacement(Difficulty.Medium, 50)], shortfall.Replacements);
        Assert.Equal(
            "dataset 'DS': Hard short by 50 item(s) (target 60, the pool has 10 eligible Hard); took 50 Medium instead; short in stratum 'A' by 20, stratum 'B' by 30.",
            shortfall.Text);

        // Both strata keep their proportional 100 places; the cells say which stratum lacked Hard items.
        Assert.All(r.Strata, s => Assert.Equal(100, s.Sample.Total));
        Assert.True(r.WithinOneItem);
        var cells = r.CellShortfalls.Where(c => c.Level == Difficulty.Hard).ToList();
        Assert.Equal(["A", "B"], cells.Select(c => c.Stratum));
        Assert.Equal("dataset 'DS', stratum 'A': Hard short by 20 item(s) (its share is 30, the pool has 10 eligible Hard); took 20 Medium in this stratum instead.", cells[0].Text);
        Assert.Equal("dataset 'DS', stratum 'B': Hard short by 30 item(s) (its share is 30, the pool has 0 eligible Hard); took 30 Medium in this stratum instead.", cells[1].Text);

        // Inside each stratum the nearest-level rule holds too: Easy keeps its 20, Medium takes Hard's places.
        Assert.Equal([new LevelCounts(10, 70, 20), new LevelCounts(0, 80, 20)], r.Strata.Select(s => s.Sample));
        Assert.Contains("Hard short by 50", new SamplingReport([result.Report]).ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_shortfall_raises_the_same_text()
    {
        var pool = TestPools.Block("A", Difficulty.Hard, 10).Concat(TestPools.Block("A", Difficulty.Medium, 400)).Concat(TestPools.Block("A", Difficulty.Easy, 100)).ToList();
        var spec = new SamplingSpec("DS", 200, DifficultyRatio.Default, RiskKey);
        var report = new StratifiedSampler().Sample(pool, spec, 1).Report;

        var e = Assert.Throws<SamplingException>(() => new StratifiedSampler().Sample(pool, spec with { FailOnShortfall = true }, 1));

        Assert.Equal(Assert.Single(report.Shortfalls).Text, e.Message);
        Assert.StartsWith("dataset 'DS': Hard short by 50 item(s)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Medium_short_takes_hard_then_easy()
    {
        var pool = TestPools.Block("A", Difficulty.Hard, 70).Concat(TestPools.Block("A", Difficulty.Medium, 30)).Concat(TestPools.Block("A", Difficulty.Easy, 200)).ToList();
        var r = new StratifiedSampler().Sample(pool, new SamplingSpec("DS", 200, DifficultyRatio.Default, RiskKey), 3).Report;

        Assert.Equal(new LevelCounts(70, 30, 100), r.SampleByDifficulty);
        var s = Assert.Single(r.Shortfalls);
        Assert.Equal([new Replacement(Difficulty.Hard, 10), new Replacement(Difficulty.Easy, 60)], s.Replacements);
        Assert.StartsWith("dataset 'DS': Medium short by 70 item(s) (target 100, the pool has 30 eligible Medium); took 10 Hard and 60 Easy instead", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Easy_short_takes_medium()
    {
        var pool = TestPools.Block("A", Difficulty.Hard, 100).Concat(TestPools.Block("A", Difficulty.Medium, 300)).Concat(TestPools.Block("A", Difficulty.Easy, 5)).ToList();
        var r = new StratifiedSampler().Sample(pool, new SamplingSpec("DS", 200, DifficultyRatio.Default, RiskKey), 3).Report;

        Assert.Equal(new LevelCounts(60, 135, 5), r.SampleByDifficulty);
        Assert.StartsWith("dataset 'DS': Easy short by 35 item(s) (target 40, the pool has 5 eligible Easy); took 35 Medium instead", Assert.Single(r.Shortfalls).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pool_smaller_than_n_is_taken_whole_and_the_empty_places_reported()
    {
        var pool = TestPools.Block("A", Difficulty.Hard, 20).Concat(TestPools.Block("A", Difficulty.Medium, 100)).Concat(TestPools.Block("B", Difficulty.Easy, 30)).ToList();
        var result = new StratifiedSampler().Sample(pool, new SamplingSpec("DS", 200, DifficultyRatio.Default, RiskKey), 3);

        Assert.Equal(150, result.SelectedIds.Count);
        var texts = result.Report.Shortfalls.Select(s => s.Text).ToList();
        Assert.Equal("dataset 'DS': the pool has 150 eligible item(s) for a target of 200; all 150 sampled, 50 place(s) left empty.", texts[0]);
        Assert.StartsWith("dataset 'DS': Hard short by 40 item(s) (target 60, the pool has 20 eligible Hard); nothing could take their places", texts[1], StringComparison.Ordinal);
        Assert.StartsWith("dataset 'DS': Easy short by 10 item(s) (target 40, the pool has 30 eligible Easy); nothing could take their places", texts[2], StringComparison.Ordinal);
        Assert.Equal(3, texts.Count);
    }

    [Fact]
    public void When_ratio_and_allocation_conflict_the_ratio_wins_and_each_deviation_is_reported()
    {
        // One level per stratum: shares are 30/30/30, the ratio needs 27 Hard, 45 Medium, 18 Easy.
        var pool = TestPools.Block("H", Difficulty.Hard, 300).Concat(TestPools.Block("M", Difficulty.Medium, 300)).Concat(TestPools.Block("E", Difficulty.Easy, 300)).ToList();
        var r = new StratifiedSampler().Sample(pool, new SamplingSpec("DS", 90, DifficultyRatio.Default, RiskKey), 5).Report;

        Assert.True(r.RatioExact);
        Assert.Empty(r.Shortfalls);
        Assert.False(r.WithinOneItem);
        Assert.Equal(15, r.LargestDeviation);
        Assert.Equal(15, r.Steps.AllocationWidenedBy);
        Assert.Contains("dataset 'DS', stratum 'M': 45 sampled for a proportional share of 30 (+15).", r.Notes);
        Assert.Contains("dataset 'DS', stratum 'E': 18 sampled for a proportional share of 30 (-12).", r.Notes);
        Assert.Contains("dataset 'DS', stratum 'H': 27 sampled for a proportional share of 30 (-3).", r.Notes);
        Assert.StartsWith("dataset 'DS': the exact ratio could not be met within one item", r.Notes[0], StringComparison.Ordinal);
    }
}
