using System.Runtime.CompilerServices;
using CurationPipeline.Items;

namespace CurationPipeline.Sampling;

/// <summary>
/// Draws a sample of one dataset with proportional coverage over its strata and an exact
/// Hard:Medium:Easy ratio: (1) a coverage sample drawn in seeded order within each stratum, (2) gap
/// filling by targeted draws and give-backs, (3) swaps within strata, then verification of ratio and
/// coverage. docs/sampling.md states the rules for ties, rounding and pools that cannot supply a cell.
/// </summary>
public sealed class StratifiedSampler
{
    /// <summary>
    /// Samples <paramref name="spec"/>.Dataset from <paramref name="pool"/> (other datasets are ignored).
    /// The same pool (in any order), spec and seed always give the same ids in the same order.
    /// </summary>
    /// <exception cref="SamplingException">Bad spec, duplicate ids, or a shortfall under FailOnShortfall.</exception>
    public SampleResult Sample(IReadOnlyList<SampleCandidate> pool, SamplingSpec spec, int seed)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(spec);
        var keys = new StratumKeys(spec.Validate());
        var indexed = IndexedPool.Build(pool, spec, keys, seed);
        var strata = indexed.StratumNames.Length;
        var (hard, medium, easy) = spec.Ratio.Allocate(spec.TargetN);
        var targets = new int[3];
        targets[(int)Difficulty.Hard] = hard;
        targets[(int)Difficulty.Medium] = medium;
        targets[(int)Difficulty.Easy] = easy;
        var available = new int[3];
        var stratumCounts = new long[strata];
        for (var s = 0; s < strata; s++)
        {
            for (var d = 0; d < 3; d++)
            {
                available[d] += indexed.Capacity[(s * 3) + d];
                stratumCounts[s] += indexed.Capacity[(s * 3) + d];
            }
        }

        var plan = LevelPlan.Compute(targets, available);
        var n = Math.Min(spec.TargetN, indexed.Count);
        var allocation = StratumAllocation.Compute(n, stratumCounts);
        int[] cells;
        SamplingSteps steps;
        var droppedMinOne = false;
        if (n == indexed.Count)
        {
            cells = (int[])indexed.Capacity.Clone();
            steps = new SamplingSteps(n, 0, 0, 0, 0);
        }
        else
        {
            var initial = InitialCells(indexed, allocation);
            var balancer = new CellBalancer(indexed.Capacity, initial, allocation, plan.Effective, WantedCells(indexed, allocation, spec.Ratio));
            balancer.Run();
            cells = [.. balancer.Cells];
            droppedMinOne = balancer.DroppedMinOne;
            steps = new SamplingSteps(n, balancer.Draws, balancer.Swaps, balancer.Chains, balancer.Widened);
        }

        var selected = Select(indexed, cells);
        Verify(indexed, selected, cells, plan, spec);
        var ids = new string[selected.Length];
        for (var i = 0; i < selected.Length; i++)
        {
            ids[i] = indexed.Ids[selected[i]];
        }

        var report = new ReportBuilder(spec, seed, indexed, allocation, plan, cells, steps, droppedMinOne).Build();
        if (spec.FailOnShortfall && report.Shortfalls.Count > 0)
        {
            throw new SamplingException(string.Join('\n', report.Shortfalls.Select(f => f.Text)));
        }

        return new SampleResult(spec, ids, report);
    }

    /// <summary>
    /// Samples several datasets from one pool with the same seed (each dataset's draw order still differs,
    /// since it comes from its own ids). Under FailOnShortfall the first dataset that falls short throws.
    /// </summary>
    public IReadOnlyList<SampleResult> SampleAll(IReadOnlyList<SampleCandidate> pool, IEnumerable<SamplingSpec> specs, int seed)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var results = new List<SampleResult>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            if (spec is not null && !seen.Add(spec.Dataset))
            {
                throw new SamplingException($"sampling specs: dataset '{spec.Dataset}' is listed twice");
            }

            results.Add(Sample(pool, spec!, seed));
        }

        return results;
    }

    /// <summary>Step 1: the first allocated ranks of each stratum, counted per level.</summary>
    private static int[] InitialCells(IndexedPool pool, StratumAllocation allocation)
    {
        var cells = new int[pool.Capacity.Length];
        for (var s = 0; s < pool.StratumNames.Length; s++)
        {
            var start = pool.StratumStart[s];
            for (var k = 0; k < allocation.Initial[s]; k++)
            {
                cells[(s * 3) + pool.LevelOf[pool.StratumRanks[start + k]]]++;
            }
        }

        return cells;
    }

    /// <summary>Each stratum's share of each level by the ratio, with the nearest-level rule inside the stratum.</summary>
    private static int[] WantedCells(IndexedPool pool, StratumAllocation allocation, DifficultyRatio ratio)
    {
        var wanted = new int[pool.Capacity.Length];
        for (var s = 0; s < pool.StratumNames.Length; s++)
        {
            var (hard, medium, easy) = ratio.Allocate(allocation.Initial[s]);
            var share = new int[3];
            share[(int)Difficulty.Hard] = hard;
            share[(int)Difficulty.Medium] = medium;
            share[(int)Difficulty.Easy] = easy;
            var plan = LevelPlan.Compute(share, pool.Capacity[(s * 3)..((s * 3) + 3)]);
            plan.Effective.CopyTo(wanted, s * 3);
        }

        return wanted;
    }

    /// <summary>
    /// The first cells[s, d] items of each cell in draw order: the coverage sample's items of a cell come
    /// first, so a give-back drops the latest drawn and a targeted draw takes the next in line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] Select(IndexedPool pool, int[] cells)
    {
        var selected = new List<int>(cells.Sum());
        Span<int> need = stackalloc int[3];
        for (var s = 0; s < pool.StratumNames.Length; s++)
        {
            need[0] = cells[s * 3];
            need[1] = cells[(s * 3) + 1];
            need[2] = cells[(s * 3) + 2];
            var left = need[0] + need[1] + need[2];
            for (var i = pool.StratumStart[s]; i < pool.StratumStart[s + 1] && left > 0; i++)
            {
                var rank = pool.StratumRanks[i];
                var d = pool.LevelOf[rank];
                if (need[d] > 0)
                {
                    need[d]--;
                    left--;
                    selected.Add(rank);
                }
            }
        }

        var result = selected.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>The verification step: the drawn items must match the balanced counts exactly.</summary>
    private static void Verify(IndexedPool pool, int[] selected, int[] cells, LevelPlan plan, SamplingSpec spec)
    {
        var counted = new int[cells.Length];
        var levels = new int[3];
        foreach (var rank in selected)
        {
            counted[(pool.StratumOf[rank] * 3) + pool.LevelOf[rank]]++;
            levels[pool.LevelOf[rank]]++;
        }

        if (!counted.AsSpan().SequenceEqual(cells) || !levels.AsSpan().SequenceEqual(plan.Effective))
        {
            throw new InvalidOperationException($"dataset '{spec.Dataset}': the drawn sample does not match the balanced cell counts; this is a defect in the sampler");
        }
    }
}
