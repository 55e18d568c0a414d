using System.Text.Json;
using CurationPipeline.Items;
using CurationPipeline.Sampling;

namespace CurationPipeline.Tests.Sampling;

/// <summary>Seeded determinism, output order, and the rendered reports.</summary>
public sealed class DeterminismAndReportTests
{
    private static List<SampleCandidate> Pool() =>
        [.. TestPools.Random(new Random(99), 4000, 40).Where(c => c.Dataset == "DS")];

    [Fact]
    public void Same_seed_gives_the_same_ids_in_the_same_order_whatever_the_input_order()
    {
        var pool = Pool();
        var spec = new SamplingSpec("DS", 500, DifficultyRatio.Default, ["risk_type"]);
        var first = new StratifiedSampler().Sample(pool, spec, 42).SelectedIds;

        foreach (var shuffle in new[] { 1, 2, 3 })
        {
            Assert.Equal(first, new StratifiedSampler().Sample(TestPools.Shuffled(pool, shuffle), spec, 42).SelectedIds);
        }

        var reversed = Enumerable.Reverse(pool).ToList();
        Assert.Equal(first, new StratifiedSampler().Sample(reversed, spec, 42).SelectedIds);
    }

    [Fact]
    public void Ten_seeds_give_ten_different_samples()
    {
        var pool = Pool();
        var spec = new SamplingSpec("DS", 500, DifficultyRatio.Default, ["risk_type"]);
        var samples = Enumerable.Range(1, 10).Select(seed => new StratifiedSampler().Sample(pool, spec, seed).SelectedIds.Order(StringComparer.Ordinal).ToList()).ToList();

        for (var i = 0; i < samples.Count; i++)
        {
            for (var j = i + 1; j < samples.Count; j++)
            {
                Assert.NotEqual(samples[i], samples[j]);
            }
        }
    }

    [Fact]
    public void Output_order_is_a_shuffle_not_grouped_by_stratum_or_difficulty()
    {
        var pool = Pool();
        var result = new StratifiedSampler().Sample(pool, new SamplingSpec("DS", 500, DifficultyRatio.Default, ["risk_type"]), 8);
        var byId = pool.ToDictionary(c => c.Id);
        var levels = result.SelectedIds.Select(id => byId[id].Difficulty).ToList();
        var changes = levels.Zip(levels.Skip(1)).Count(p => p.First != p.Second);

        // Grouped output would change level twice; a shuffle of 150/250/100 changes about 310 times.
        Assert.InRange(changes, 200, 499);
        Assert.NotEqual(result.SelectedIds.Order(StringComparer.Ordinal), result.SelectedIds);
    }

    [Fact]
    public void Json_and_markdown_carry_distributions_coverage_and_shortfalls()
    {
        var pool = TestPools.Block("A", Difficulty.Hard, 10).Concat(TestPools.Block("A", Difficulty.Medium, 300)).Concat(TestPools.Block("B|C", Difficulty.Easy, 300)).ToList();
        pool.Add(TestPools.Candidate("gone", Difficulty.Hard, "A", review: ReviewStatus.Rejected));
        var a = new StratifiedSampler().Sample(pool, new SamplingSpec("DS", 200, DifficultyRatio.Default, ["risk_type"]), 1);
        var other = new StratifiedSampler().Sample(TestPools.Block("A", Difficulty.Medium, 50, "MAHalt").ToList(), new SamplingSpec("MAHalt", 20, new DifficultyRatio(0, 1, 0), ["risk_type"]), 1);
        var report = SamplingReport.From([a, other]);

        using var json = JsonDocument.Parse(report.ToJson());
        var datasets = json.RootElement.GetProperty("datasets");
        Assert.Equal(2, datasets.GetArrayLength());
        var ds = datasets[0];
        Assert.Equal("DS", ds.GetProperty("dataset").GetString());
        Assert.Equal(10, ds.GetProperty("sample_by_difficulty").GetProperty("hard").GetInt32());
        Assert.Equal(150, ds.GetProperty("sample_by_difficulty").GetProperty("medium").GetInt32());
        Assert.Equal(60, ds.GetProperty("targets").GetProperty("hard").GetInt32());
        Assert.Equal("2/2", ds.GetProperty("coverage").GetString());
        Assert.Equal(1, ds.GetProperty("ineligible").GetProperty("rejected").GetInt32());
        Assert.Equal(611, ds.GetProperty("pool_size").GetInt32());
        Assert.False(ds.GetProperty("within_one_item").GetBoolean()); // B|C holds only Easy: 40 of its 98.36
        Assert.Equal(58.36, ds.GetProperty("largest_deviation").GetDouble(), 2);
        Assert.Equal("hard", ds.GetProperty("shortfalls")[0].GetProperty("level").GetString());
        Assert.Equal(50, ds.GetProperty("shortfalls")[0].GetProperty("missing").GetInt32());
        Assert.Equal("MAHalt", datasets[1].GetProperty("dataset").GetString());

        var md = report.ToMarkdown();
        Assert.Contains("## DS", md, StringComparison.Ordinal);
        Assert.Contains("| sample | 10 | 150 | 40 | 200 |", md, StringComparison.Ordinal);
        Assert.Contains("| pool (eligible) | 10 | 300 | 300 | 610 |", md, StringComparison.Ordinal);
        Assert.Contains("Pool: 611 candidate(s), 610 eligible; left out: 1 rejected.", md, StringComparison.Ordinal);
        Assert.Contains("- Coverage: 2/2 strata in the sample", md, StringComparison.Ordinal);
        Assert.Contains("- dataset 'DS': Hard short by 50 item(s)", md, StringComparison.Ordinal);
        Assert.Contains("| B\\|C |", md, StringComparison.Ordinal);
        Assert.Contains("## MAHalt", md, StringComparison.Ordinal);
        Assert.Contains("- dataset 'DS': the level counts left by the shortfalls could not be met within one item of proportional allocation; the ratio wins and 2 stratum(s) deviate, by up to 58.36 item(s).", md, StringComparison.Ordinal);
        Assert.Contains("- dataset 'DS', stratum 'B|C': 40 sampled for a proportional share of 98.36 (-58.36).", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_named_dataset_is_sampled()
    {
        var pool = TestPools.Block("A", Difficulty.Medium, 50, "ONE").Concat(TestPools.Block("A", Difficulty.Medium, 50, "TWO")).ToList();
        var result = new StratifiedSampler().Sample(pool, new SamplingSpec("TWO", 30, new DifficultyRatio(0, 1, 0), ["risk_type"]), 1);
        Assert.Equal(30, result.SelectedIds.Count);
        Assert.All(result.SelectedIds, id => Assert.StartsWith("TWO-", id, StringComparison.Ordinal));
        Assert.Equal(50, result.Report.PoolSize);
    }

    [Fact]
    public void Sample_all_runs_each_dataset_and_rejects_a_dataset_listed_twice()
    {
        var pool = TestPools.Block("A", Difficulty.Medium, 50, "ONE").Concat(TestPools.Block("A", Difficulty.Hard, 50, "TWO")).ToList();
        var specs = new[]
        {
            new SamplingSpec("ONE", 10, new DifficultyRatio(0, 1, 0), ["risk_type"]),
            new SamplingSpec("TWO", 20, new DifficultyRatio(1, 0, 0), ["risk_type"]),
        };

        var results = new StratifiedSampler().SampleAll(pool, specs, 3);

        Assert.Equal([10, 20], results.Select(r => r.SelectedIds.Count));
        Assert.Equal(["ONE", "TWO"], SamplingReport.From(results).Datasets.Select(d => d.Dataset));
        var e = Assert.Throws<SamplingException>(() => new StratifiedSampler().SampleAll(pool, [specs[0], specs[0]], 3));
        Assert.Equal("sampling specs: dataset 'ONE' is listed twice", e.Message);
    }
}
