using System.Globalization;
using CurationPipeline.Items;

namespace CurationPipeline.Sampling;

/// <summary>Turns the balanced counts into a <see cref="DatasetSamplingReport"/>, with the shortfall sentences.</summary>
internal sealed class ReportBuilder(
    SamplingSpec spec,
    int seed,
    IndexedPool pool,
    StratumAllocation allocation,
    LevelPlan plan,
    int[] cells,
    SamplingSteps steps,
    bool droppedMinOne)
{
    private static readonly Difficulty[] Order = [Difficulty.Hard, Difficulty.Medium, Difficulty.Easy];

    public DatasetSamplingReport Build()
    {
        var strata = new List<StratumReport>();
        var sampleLevels = new int[3];
        for (var s = 0; s < pool.StratumNames.Length; s++)
        {
            var sampled = Cells(cells, s);
            for (var d = 0; d < 3; d++)
            {
                sampleLevels[d] += sampled[d];
            }

            var quota = allocation.Quota[s];
            strata.Add(new StratumReport(
                pool.StratumNames[s],
                LevelCounts.FromIndexed(Cells(pool.Capacity, s)),
                Math.Round(quota, 4),
                LevelCounts.FromIndexed(sampled),
                Math.Round(sampled.Sum() - quota, 4)));
        }

        var cellShortfalls = CellShortfalls();
        var largest = strata.Count == 0 ? 0 : strata.Max(r => Math.Abs(r.Deviation));
        var targets = LevelCounts.FromIndexed(plan.Targets);
        var sample = LevelCounts.FromIndexed(sampleLevels);
        return new DatasetSamplingReport
        {
            Dataset = spec.Dataset,
            TargetN = spec.TargetN,
            Ratio = spec.Ratio.ToString(),
            Keys = [.. spec.Keys],
            Policy = spec.Policy,
            Seed = seed,
            PoolSize = pool.PoolSize,
            Ineligible = pool.Ineligible.OrderBy(p => p.Key).ToDictionary(p => p.Key, p => p.Value),
            Targets = targets,
            PoolByDifficulty = LevelCounts.FromIndexed(plan.Available),
            SampleByDifficulty = sample,
            Strata = strata,
            StrataInPool = strata.Count,
            StrataInSample = strata.Count(r => r.Sample.Total > 0),
            LargestDeviation = largest,
            WithinOneItem = largest < 1,
            RatioExact = sample == targets,
            Shortfalls = DatasetShortfalls(cellShortfalls),
            CellShortfalls = cellShortfalls,
            Steps = steps,
            Notes = Notes(strata),
        };
    }

    private static int[] Cells(int[] source, int s) => [source[s * 3], source[(s * 3) + 1], source[(s * 3) + 2]];

    private List<Shortfall> DatasetShortfalls(List<Shortfall> cellShortfalls)
    {
        var list = new List<Shortfall>();
        var eligible = plan.Available.Sum();
        if (eligible < spec.TargetN)
        {
            list.Add(new Shortfall(spec.Dataset, null, null, spec.TargetN, eligible, spec.TargetN - eligible, [], spec.TargetN - eligible,
                Invariant($"dataset '{spec.Dataset}': the pool has {eligible} eligible item(s) for a target of {spec.TargetN}; all {eligible} sampled, {spec.TargetN - eligible} place(s) left empty.")));
        }

        foreach (var level in Order)
        {
            var d = (int)level;
            var missing = plan.Targets[d] - Math.Min(plan.Targets[d], plan.Available[d]);
            if (missing == 0)
            {
                continue;
            }

            var replacements = plan.Moves.Where(m => m.Short == level).Select(m => new Replacement(m.By, m.Count)).ToList();
            var text = Invariant($"dataset '{spec.Dataset}': {level} short by {missing} item(s) (target {plan.Targets[d]}, the pool has {plan.Available[d]} eligible {level}); ");
            text += replacements.Count == 0 ? "nothing could take their places" : "took " + Describe(replacements) + " instead";
            if (plan.Unfilled[d] > 0 && replacements.Count > 0)
            {
                text += Invariant($"; {plan.Unfilled[d]} place(s) left empty");
            }

            var strata = cellShortfalls.Where(c => c.Level == level).ToList();
            if (strata.Count > 0)
            {
                text += "; short in " + string.Join(", ", strata.Take(8).Select(c => Invariant($"stratum '{c.Stratum}' by {c.Missing}")));
                text += strata.Count > 8 ? Invariant($" and {strata.Count - 8} more stratum(s)") : "";
            }

            list.Add(new Shortfall(spec.Dataset, null, level, plan.Targets[d], plan.Available[d], missing, replacements, plan.Unfilled[d], text + "."));
        }

        return list;
    }

    /// <summary>A stratum whose share of a level (its sampled size split by the ratio) exceeds what it holds.</summary>
    private List<Shortfall> CellShortfalls()
    {
        var list = new List<Shortfall>();
        for (var s = 0; s < pool.StratumNames.Length; s++)
        {
            var sampled = Cells(cells, s);
            var (h, m, e) = spec.Ratio.Allocate(sampled.Sum());
            var share = new int[3];
            share[(int)Difficulty.Hard] = h;
            share[(int)Difficulty.Medium] = m;
            share[(int)Difficulty.Easy] = e;
            var spare = new int[3];
            for (var d = 0; d < 3; d++)
            {
                spare[d] = Math.Max(0, sampled[d] - share[d]);
            }

            foreach (var level in Order)
            {
                var d = (int)level;
                var have = pool.Capacity[(s * 3) + d];
                if (have >= share[d])
                {
                    continue;
                }

                var missing = share[d] - have;
                var left = missing;
                var replacements = new List<Replacement>();
                foreach (var sub in LevelPlan.Substitutes(level))
                {
                    var take = Math.Min(left, spare[(int)sub]);
                    if (take > 0)
                    {
                        spare[(int)sub] -= take;
                        left -= take;
                        replacements.Add(new Replacement(sub, take));
                    }
                }

                var name = pool.StratumNames[s];
                var text = Invariant($"dataset '{spec.Dataset}', stratum '{name}': {level} short by {missing} item(s) (its share is {share[d]}, the pool has {have} eligible {level}); ");
                text += replacements.Count > 0 ? "took " + Describe(replacements) + " in this stratum instead" : "its places went to other strata";
                text += left > 0 && replacements.Count > 0 ? Invariant($"; {left} made up in other strata.") : ".";
                list.Add(new Shortfall(spec.Dataset, name, level, share[d], have, missing, replacements, 0, text));
            }
        }

        return list;
    }

    private List<string> Notes(List<StratumReport> strata)
    {
        var notes = new List<string>();
        if (steps.AllocationWidenedBy > 0)
        {
            var off = strata.Where(r => Math.Abs(r.Deviation) >= 1).ToList();
            var what = plan.Targets.AsSpan().SequenceEqual(plan.Effective) ? "the exact ratio" : "the level counts left by the shortfalls";
            notes.Add(Invariant($"dataset '{spec.Dataset}': {what} could not be met within one item of proportional allocation; the ratio wins and {off.Count} stratum(s) deviate, by up to {strata.Max(r => Math.Abs(r.Deviation)):0.##} item(s)."));
            notes.AddRange(off.Select(r => Invariant($"dataset '{spec.Dataset}', stratum '{r.Stratum}': {r.Sample.Total} sampled for a proportional share of {r.Quota:0.##} ({r.Deviation:+0.##;-0.##}).")));
        }

        if (droppedMinOne)
        {
            notes.Add(Invariant($"dataset '{spec.Dataset}': the exact ratio needed some strata to be left out of the sample despite N >= the number of strata."));
        }

        return notes;
    }

    private static string Describe(IEnumerable<Replacement> replacements) =>
        string.Join(" and ", replacements.Select(r => Invariant($"{r.Count} {r.Level}")));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
