namespace CurationPipeline.Sampling;

/// <summary>
/// Proportional allocation of the sample over strata. Each stratum's quota is N * (its eligible
/// items) / (all eligible items); places are given by largest remainder (ties: larger stratum, then
/// name order). When N is at least the number of strata, a stratum whose share rounded to 0 is lifted
/// to 1; the place comes from the stratum most above its quota among those holding 2 or more, so both
/// stay within one item of their quota whenever that is possible at all.
/// </summary>
internal sealed class StratumAllocation
{
    private StratumAllocation(int[] initial, int[] floor, int[] ceil, double[] quota, bool minOne)
    {
        Initial = initial;
        Floor = floor;
        Ceil = ceil;
        Quota = quota;
        MinOne = minOne;
    }

    /// <summary>Places per stratum for the initial coverage sample.</summary>
    public int[] Initial { get; }

    /// <summary>Floor of each quota.</summary>
    public int[] Floor { get; }

    /// <summary>Ceiling of each quota.</summary>
    public int[] Ceil { get; }

    /// <summary>The exact proportional share.</summary>
    public double[] Quota { get; }

    /// <summary>Whether every stratum is owed at least one item (N >= number of strata).</summary>
    public bool MinOne { get; }

    public static StratumAllocation Compute(int n, IReadOnlyList<long> counts)
    {
        var s = counts.Count;
        long total = counts.Sum();
        var floor = new int[s];
        var ceil = new int[s];
        var quota = new double[s];
        for (var i = 0; i < s; i++)
        {
            if (total == 0)
            {
                continue;
            }

            var product = checked(n * counts[i]);
            floor[i] = (int)(product / total);
            ceil[i] = floor[i] + (product % total == 0 ? 0 : 1);
            quota[i] = (double)product / total;
        }

        var initial = LargestRemainder.Allocate(n, counts);
        var minOne = s > 0 && n >= s && n <= total;
        if (minOne)
        {
            // Donors ordered by how far they sit above their quota (most first), then by name order.
            var donors = new PriorityQueue<int, (double Excess, int Index)>(
                Comparer<(double Excess, int Index)>.Create((x, y) => x.Excess != y.Excess ? y.Excess.CompareTo(x.Excess) : x.Index.CompareTo(y.Index)));
            for (var j = 0; j < s; j++)
            {
                if (initial[j] >= 2)
                {
                    donors.Enqueue(j, (initial[j] - quota[j], j));
                }
            }

            for (var i = 0; i < s; i++)
            {
                if (initial[i] > 0)
                {
                    continue;
                }

                // n >= s guarantees a donor with two or more places.
                var donor = donors.Dequeue();
                initial[donor]--;
                initial[i] = 1;
                if (initial[donor] >= 2)
                {
                    donors.Enqueue(donor, (initial[donor] - quota[donor], donor));
                }
            }
        }

        return new StratumAllocation(initial, floor, ceil, quota, minOne);
    }
}
