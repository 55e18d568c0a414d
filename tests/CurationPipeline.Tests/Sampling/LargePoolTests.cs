using CurationPipeline.Items;
using CurationPipeline.Sampling;

namespace CurationPipeline.Tests.Sampling;

/// <summary>Pools large enough to be scanned in parts on several threads behave as small ones do.</summary>
public class LargePoolTests
{
    private static readonly SamplingSpec Spec = new("DS", 2_000, DifficultyRatio.Default, ["risk_type"]);

    [Fact]
    public void The_sample_and_report_do_not_depend_on_the_input_order()
    {
        var pool = TestPools.Random(new Random(31), 150_000, 40);
        Assert.True(pool.Count >= 2 * IndexedPool.ParallelScanFrom);
        var first = new StratifiedSampler().Sample(pool, Spec, 5);

        var shuffled = new StratifiedSampler().Sample(TestPools.Shuffled(pool, 9), Spec, 5);
        Assert.Equal(first.SelectedIds, shuffled.SelectedIds);
        Assert.Equal(new SamplingReport([first.Report]).ToJson(), new SamplingReport([shuffled.Report]).ToJson());

        // Recorded policy: unreviewed items count as eligible; rejected, in review, pending and excluded do not.
        var eligible = pool.Where(c => c.Dataset == "DS" && c.Review is ReviewStatus.Approved or ReviewStatus.Unreviewed
            && c.DifficultyState == DifficultyState.Labelled && !c.Flags.Contains("exclude")).ToList();
        var report = first.Report;
        Assert.Equal(pool.Count(c => c.Dataset == "DS"), report.PoolSize);
        Assert.Equal(pool.Count(c => c.Dataset == "DS") - eligible.Count, report.Ineligible.Values.Sum());
        Assert.Equal(eligible.Count(c => c.Difficulty == Difficulty.Hard), report.PoolByDifficulty.Hard);
        Assert.Equal(2_000, first.SelectedIds.Count);
        Assert.Equal(first.SelectedIds.Count, first.SelectedIds.Distinct().Count());
    }

    [Fact]
    public void A_duplicate_id_in_different_parts_is_found()
    {
        var pool = Enumerable.Range(0, 140_000).Select(i => TestPools.Candidate($"id-{i}", (Difficulty)(i % 3), $"s{i % 7}")).ToList();
        pool[139_000] = TestPools.Candidate("id-10", Difficulty.Hard, "s1");

        var e = Assert.Throws<SamplingException>(() => new StratifiedSampler().Sample(pool, Spec, 1));
        Assert.Equal("dataset 'DS': item id 'id-10' appears more than once among the eligible candidates", e.Message);
    }

    [Fact]
    public void The_first_bad_entry_in_input_order_is_reported()
    {
        var pool = Enumerable.Range(0, 140_000).Select(i => TestPools.Candidate($"id-{i}", (Difficulty)(i % 3), $"s{i % 7}")).ToList();
        pool[130_000] = null!;
        pool[120_000] = TestPools.Candidate("", Difficulty.Easy, "s1");
        var e = Assert.Throws<SamplingException>(() => new StratifiedSampler().Sample(pool, Spec, 1));
        Assert.Equal("dataset 'DS': pool entry 120001 has an empty field 'id'", e.Message);

        pool[20] = null!;
        e = Assert.Throws<SamplingException>(() => new StratifiedSampler().Sample(pool, Spec, 1));
        Assert.Equal("dataset 'DS': pool entry 21 is null", e.Message);
    }
}
