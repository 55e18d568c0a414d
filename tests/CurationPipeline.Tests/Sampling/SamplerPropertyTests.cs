using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Sampling;

namespace CurationPipeline.Tests.Sampling;

/// <summary>Properties that must hold for any pool: checked over many seeded random pools.</summary>
public sealed class SamplerPropertyTests
{
    private const int CasesPerBatch = 25;

    public static TheoryData<int> Batches() => [.. Enumerable.Range(0, 16)];

    [Theory]
    [MemberData(nameof(Batches))]
    public void Random_pools_meet_ratio_allocation_and_eligibility_rules(int batch)
    {
        for (var c = 0; c < CasesPerBatch; c++)
        {
            CheckCase((batch * CasesPerBatch) + c);
        }
    }

    [Theory]
    [InlineData(10_001)]
    [InlineData(10_002)]
    [InlineData(10_003)]
    public void Larger_random_pools_meet_the_same_rules(int caseSeed)
    {
        CheckCase(caseSeed, maxSize: 40_000);
    }

    [Fact]
    public void Different_seeds_give_different_samples_on_random_pools()
    {
        var sampler = new StratifiedSampler();
        int compared = 0, differed = 0;
        for (var caseSeed = 0; caseSeed < 120; caseSeed++)
        {
            var (pool, spec) = RandomCase(caseSeed);
            var eligible = pool.Count(p => p.Dataset == "DS" && IsEligible(p, spec.Policy));
            if (spec.TargetN < 10 || eligible < spec.TargetN + 50)
            {
                continue;
            }

            compared++;
            var a = sampler.Sample(pool, spec, 1).SelectedIds;
            var b = sampler.Sample(pool, spec, 2).SelectedIds;
            differed += a.ToHashSet().SetEquals(b) ? 0 : 1;
        }

        Assert.True(compared >= 30, $"only {compared} cases had room to differ");
        Assert.Equal(compared, differed);
    }

    private static void CheckCase(int caseSeed, int maxSize = 3000)
    {
        var (pool, spec) = RandomCase(caseSeed, maxSize);
        var seed = (caseSeed * 7919) + 13;
        var result = new StratifiedSampler().Sample(pool, spec, seed);
        var context = $"case {caseSeed} (pool {pool.Count}, N {spec.TargetN}, ratio {spec.Ratio}, policy {spec.Policy})";

        var eligible = pool.Where(p => p.Dataset == "DS" && IsEligible(p, spec.Policy)).ToDictionary(p => p.Id);
        var ids = result.SelectedIds;
        Assert.True(ids.Distinct().Count() == ids.Count, $"{context}: duplicate ids");
        Assert.All(ids, id => Assert.True(eligible.ContainsKey(id), $"{context}: {id} is not an eligible pool item"));
        var n = Math.Min(spec.TargetN, eligible.Count);
        Assert.True(ids.Count == n, $"{context}: {ids.Count} sampled, expected {n}");

        var sample = ids.Select(id => eligible[id]).ToList();
        var (th, tm, te) = spec.Ratio.Allocate(spec.TargetN);
        var target = new Dictionary<Difficulty, int> { [Difficulty.Hard] = th, [Difficulty.Medium] = tm, [Difficulty.Easy] = te };
        var levels = Enum.GetValues<Difficulty>();
        var poolLevels = levels.ToDictionary(d => d, d => eligible.Values.Count(p => p.Difficulty == d));
        var sampleLevels = levels.ToDictionary(d => d, d => sample.Count(p => p.Difficulty == d));
        var ratioFeasible = eligible.Count >= spec.TargetN && levels.All(d => poolLevels[d] >= target[d]);
        if (ratioFeasible)
        {
            Assert.True(levels.All(d => sampleLevels[d] == target[d]), $"{context}: ratio not exact though feasible");
            Assert.True(result.Report.RatioExact, context);
        }

        // No level is robbed beyond necessity: each gets at least min(target, available).
        Assert.True(levels.All(d => sampleLevels[d] >= Math.Min(target[d], poolLevels[d])), $"{context}: a level got less than it could");

        var strata = eligible.Values.GroupBy(p => p.Attributes["risk_type"]).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (eligible.Count > spec.TargetN && ratioFeasible)
        {
            var lower = new int[strata.Count];
            var upper = new int[strata.Count];
            var cells = new int[strata.Count, 3];
            for (var s = 0; s < strata.Count; s++)
            {
                var quota = (decimal)spec.TargetN * strata[s].Count() / eligible.Count;
                lower[s] = (int)Math.Floor(quota);
                upper[s] = (int)Math.Ceiling(quota);
                if (spec.TargetN >= strata.Count)
                {
                    lower[s] = Math.Max(1, lower[s]);
                    upper[s] = Math.Max(1, upper[s]);
                }

                foreach (var d in levels)
                {
                    cells[s, (int)d] = strata[s].Count(p => p.Difficulty == d);
                }
            }

            if (FeasibilityOracle.Feasible(lower, upper, cells, [te, tm, th]))
            {
                for (var s = 0; s < strata.Count; s++)
                {
                    var got = sample.Count(p => p.Attributes["risk_type"] == strata[s].Key);
                    Assert.True(got >= lower[s] && got <= upper[s], $"{context}: stratum {strata[s].Key} has {got}, bounds [{lower[s]}, {upper[s]}]");
                }

                Assert.True(result.Report.WithinOneItem, $"{context}: report says not within one item");
                Assert.True(result.Report.StrataInSample == (spec.TargetN >= strata.Count ? strata.Count : result.Report.StrataInSample), context);
            }
        }

        Assert.Equal(strata.Count, result.Report.StrataInPool);
        Assert.Equal(sample.Select(p => p.Attributes["risk_type"]).Distinct().Count(), result.Report.StrataInSample);

        var shuffled = TestPools.Shuffled(pool, caseSeed + 1);
        Assert.Equal(ids, new StratifiedSampler().Sample(shuffled, spec, seed).SelectedIds);
    }

    private static (List<SampleCandidate> Pool, SamplingSpec Spec) RandomCase(int caseSeed, int maxSize = 3000)
    {
        var rng = new Random(caseSeed);
        var size = caseSeed % 10 == 0 ? rng.Next(0, 30) : rng.Next(maxSize > 3000 ? maxSize / 2 : 0, maxSize);
        var strata = rng.Next(1, 65);
        var pool = TestPools.Random(rng, size, strata);
        var n = caseSeed % 13 == 0 ? rng.Next(0, size + 50) : rng.Next(0, Math.Max(1, size / 2));
        var ratio = caseSeed % 5 == 0
            ? new DifficultyRatio(rng.Next(0, 6), rng.Next(0, 6), rng.Next(1, 6))
            : DifficultyRatio.Default;
        var policy = rng.Next(2) == 0 ? ReviewPolicy.Required : ReviewPolicy.Recorded;
        return (pool, new SamplingSpec("DS", n, ratio, ["risk_type", "difficulty level"], policy));
    }

    internal static bool IsEligible(SampleCandidate c, ReviewPolicy policy) =>
        (c.Review == ReviewStatus.Approved || (c.Review == ReviewStatus.Unreviewed && policy == ReviewPolicy.Recorded))
        && c.DifficultyState == DifficultyState.Labelled
        && c.Difficulty is not null
        && !c.Flags.Contains("exclude");
}
