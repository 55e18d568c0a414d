using CurationPipeline.Items;
using CurationPipeline.Sampling;

namespace CurationPipeline.Tests.Sampling;

/// <summary>Proportional allocation and the minimum of one item per stratum, end to end.</summary>
public sealed class CoverageTests
{
    private static readonly string[] DepartmentKey = ["department"];

    private static IEnumerable<SampleCandidate> Department(string name, int count) =>
        Enumerable.Range(0, count).Select(i => new SampleCandidate(
            $"{name}-{i:D5}", "MADiagnosis", (Difficulty)(i % 3), DifficultyState.Labelled, ReviewStatus.Approved,
            [name, "Other Dept."], new Dictionary<string, string>(), []));

    [Fact]
    public void Small_departments_still_get_one_item_when_n_allows()
    {
        // One department of 10,000 and 63 of 6: each small share is 100 * 6 / 10378 = 0.06.
        var pool = Department("Big", 10_000).Concat(Enumerable.Range(0, 63).SelectMany(d => Department($"Small-{d:D2}", 6))).ToList();
        var result = new StratifiedSampler().Sample(pool, new SamplingSpec("MADiagnosis", 100, new DifficultyRatio(1, 1, 1), DepartmentKey), 11);

        var r = result.Report;
        Assert.Equal("64/64", r.Coverage);
        Assert.All(r.Strata.Where(s => s.Stratum != "Big"), s => Assert.Equal(1, s.Sample.Total));
        Assert.Equal(37, r.Strata.Single(s => s.Stratum == "Big").Sample.Total);
        Assert.True(r.RatioExact);

        // The big department gave 63 places to the lifted ones, far more than one item below its share.
        Assert.False(r.WithinOneItem);
        Assert.Equal(59.36, r.LargestDeviation, 2);
    }

    [Fact]
    public void With_fewer_places_than_strata_the_smallest_are_left_out_and_coverage_says_so()
    {
        var pool = Department("Big", 1_000).Concat(Enumerable.Range(0, 10).SelectMany(d => Department($"Small-{d}", 3))).ToList();
        var r = new StratifiedSampler().Sample(pool, new SamplingSpec("MADiagnosis", 5, new DifficultyRatio(1, 1, 1), DepartmentKey), 2).Report;

        Assert.Equal("1/11", r.Coverage);
        Assert.True(r.WithinOneItem);
    }

    [Fact]
    public void Proportional_shares_are_met_within_one_item()
    {
        // 40/35/25 % of 1,000 with every level in every department: N = 150 gives shares 60, 52.5, 37.5.
        var pool = Department("A", 400).Concat(Department("B", 350)).Concat(Department("C", 250)).ToList();
        var r = new StratifiedSampler().Sample(pool, new SamplingSpec("MADiagnosis", 150, DifficultyRatio.Default, DepartmentKey), 4).Report;

        Assert.Equal(60, r.Strata[0].Sample.Total);
        Assert.InRange(r.Strata[1].Sample.Total, 52, 53);
        Assert.InRange(r.Strata[2].Sample.Total, 37, 38);
        Assert.Equal(new LevelCounts(45, 75, 30), r.SampleByDifficulty);
        Assert.Equal(0.5, r.LargestDeviation);
    }
}
