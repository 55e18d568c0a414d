using System.Runtime.CompilerServices;
using CurationPipeline.Items;

namespace CurationPipeline.Sampling;

/// <summary>
/// The eligible candidates of one dataset, indexed once: sorted into the seeded draw order (rank), each
/// with its stratum and level, bucketed by stratum, and counted per (stratum, level) cell.
/// </summary>
internal sealed class IndexedPool
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private IndexedPool(string[] ids, int[] stratumOf, byte[] levelOf, string[] strata, int poolSize, Dictionary<IneligibleReason, int> ineligible)
    {
        Ids = ids;
        StratumOf = stratumOf;
        LevelOf = levelOf;
        StratumNames = strata;
        PoolSize = poolSize;
        Ineligible = ineligible;
        Capacity = new int[strata.Length * CellBalancer.Levels];
        StratumStart = new int[strata.Length + 1];
        for (var r = 0; r < ids.Length; r++)
        {
            Capacity[(stratumOf[r] * CellBalancer.Levels) + levelOf[r]]++;
            StratumStart[stratumOf[r] + 1]++;
        }

        for (var s = 0; s < strata.Length; s++)
        {
            StratumStart[s + 1] += StratumStart[s];
        }

        // Bucket the ranks by stratum; each bucket stays in draw order.
        StratumRanks = new int[ids.Length];
        var next = StratumStart[..^1];
        for (var r = 0; r < ids.Length; r++)
        {
            StratumRanks[next[stratumOf[r]]++] = r;
        }
    }

    /// <summary>Ids by rank (the seeded draw order).</summary>
    public string[] Ids { get; }

    public int[] StratumOf { get; }

    /// <summary>Level by rank, as the <see cref="Items.Difficulty"/> value.</summary>
    public byte[] LevelOf { get; }

    /// <summary>Stratum names in ordinal order; a stratum's index is its position here.</summary>
    public string[] StratumNames { get; }

    /// <summary>Eligible items per cell (s * 3 + level).</summary>
    public int[] Capacity { get; }

    /// <summary>Ranks grouped by stratum: stratum s owns StratumRanks[StratumStart[s]..StratumStart[s + 1]].</summary>
    public int[] StratumRanks { get; }

    public int[] StratumStart { get; }

    /// <summary>Candidates of the dataset, eligible or not.</summary>
    public int PoolSize { get; }

    public Dictionary<IneligibleReason, int> Ineligible { get; }

    public int Count => Ids.Length;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IndexedPool Build(IReadOnlyList<SampleCandidate> pool, SamplingSpec spec, StratumKeys keys, int seed)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var seedStream = DrawOrder.SeedStream(seed);

        // One pass in input order reads everything needed from the candidates (sequential memory);
        // after the sort only these small arrays are touched.
        var positions = new ulong[pool.Count];
        var order = new int[pool.Count];
        var inputIds = new string[pool.Count];
        var inputStratum = new int[pool.Count];
        var inputLevel = new byte[pool.Count];
        var stratumIndex = new Dictionary<string, int>(StringComparer.Ordinal);

        // Pools read from Parquet share one string instance per distinct stratum value: looking those up by
        // reference first saves hashing the text of every candidate.
        var byInstance = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        var ineligible = new Dictionary<IneligibleReason, int>();
        var poolSize = 0;
        var count = 0;
        for (var i = 0; i < pool.Count; i++)
        {
            var c = pool[i] ?? throw new SamplingException($"dataset '{spec.Dataset}': pool entry {i + 1} is null");
            if (!string.Equals(c.Dataset, spec.Dataset, StringComparison.Ordinal))
            {
                continue;
            }

            poolSize++;
            if (string.IsNullOrEmpty(c.Id))
            {
                throw new SamplingException($"dataset '{spec.Dataset}': pool entry {i + 1} has an empty field 'id'");
            }

            var reason = Eligibility.Check(c, spec.Policy);
            if (reason != IneligibleReason.None)
            {
                ineligible[reason] = ineligible.GetValueOrDefault(reason) + 1;
                continue;
            }

            var level = c.Difficulty!.Value;
            if ((uint)level > (uint)Difficulty.Hard)
            {
                throw new SamplingException($"dataset '{spec.Dataset}': item '{c.Id}' has an unknown value {(int)level} in field 'difficulty'");
            }

            var name = keys.StratumOf(c);
            if (!byInstance.TryGetValue(name, out var s))
            {
                if (!stratumIndex.TryGetValue(name, out s))
                {
                    s = stratumIndex.Count;
                    stratumIndex.Add(name, s);
                }

                if (byInstance.Count < 4096)
                {
                    byInstance.Add(name, s);
                }
            }

            positions[count] = DrawOrder.Position(c.Id, seedStream);
            order[count] = count;
            inputIds[count] = c.Id;
            inputStratum[count] = s;
            inputLevel[count] = (byte)level;
            count++;
        }

        // Sort by position; equal positions (one in 2^64 per pair, or the same id twice) by ordinal id,
        // so the order never depends on the input order.
        RadixSort.Sort(positions.AsSpan(0, count), order.AsSpan(0, count));
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && positions[end] == positions[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(order, start, end - start, Comparer<int>.Create((x, y) => string.CompareOrdinal(inputIds[x], inputIds[y])));
                for (var k = start + 1; k < end; k++)
                {
                    if (string.Equals(inputIds[order[k - 1]], inputIds[order[k]], StringComparison.Ordinal))
                    {
                        throw new SamplingException($"dataset '{spec.Dataset}': item id '{inputIds[order[k]]}' appears more than once among the eligible candidates");
                    }
                }
            }

            start = end;
        }

        var names = stratumIndex.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var remap = new int[names.Length];
        for (var s = 0; s < names.Length; s++)
        {
            remap[stratumIndex[names[s]]] = s;
        }

        var ids = new string[count];
        var stratumOf = new int[count];
        var levels = new byte[count];
        for (var r = 0; r < count; r++)
        {
            var i = order[r];
            ids[r] = inputIds[i];
            stratumOf[r] = remap[inputStratum[i]];
            levels[r] = inputLevel[i];
        }

        return new IndexedPool(ids, stratumOf, levels, names, poolSize, ineligible);
    }
}
