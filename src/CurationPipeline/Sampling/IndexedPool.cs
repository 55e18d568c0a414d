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

        // One pass in input order reads everything needed from the candidates (sequential memory); after the
        // sort only these small arrays are touched. A large pool is scanned in parts on several threads; each
        // part fills its own range of the arrays, and the parts are then joined in input order.
        var inputs = new ScanArrays(pool.Count);
        var parts = pool.Count >= ParallelScanFrom ? Math.Clamp(Environment.ProcessorCount, 1, 8) : 1;
        var scans = new PartScan[parts];
        Parallel.For(0, parts, p =>
        {
            var from = (int)((long)pool.Count * p / parts);
            var to = (int)((long)pool.Count * (p + 1) / parts);
            scans[p] = PartScan.Run(pool, from, to, spec, keys, seedStream, inputs);
        });

        // The first error in input order wins, whichever part met it first.
        foreach (var scan in scans)
        {
            if (scan.Error is not null)
            {
                throw scan.Error;
            }
        }

        var names = scans.SelectMany(scan => scan.Strata.Keys).Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var global = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < names.Length; s++)
        {
            global[names[s]] = s;
        }

        var count = 0;
        var poolSize = 0;
        var ineligible = new Dictionary<IneligibleReason, int>();
        foreach (var scan in scans)
        {
            var remap = new int[scan.Strata.Count];
            foreach (var (name, local) in scan.Strata)
            {
                remap[local] = global[name];
            }

            inputs.Join(scan.From, scan.Count, count, remap);
            count += scan.Count;
            poolSize += scan.PoolSize;
            foreach (var (reason, n) in scan.Ineligible)
            {
                ineligible[reason] = ineligible.GetValueOrDefault(reason) + n;
            }
        }

        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        RadixSort.Sort(inputs.Positions.AsSpan(0, count), order);
        var positions = inputs.Positions;
        var inputIds = inputs.Ids;

        // Equal positions (one in 2^64 per pair, or the same id twice) are ordered by ordinal id, so the
        // order never depends on the input order.
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

        var ids = new string[count];
        var stratumOf = new int[count];
        var levels = new byte[count];
        for (var r = 0; r < count; r++)
        {
            var i = order[r];
            ids[r] = inputIds[i];
            stratumOf[r] = inputs.Strata[i];
            levels[r] = inputs.Levels[i];
        }

        return new IndexedPool(ids, stratumOf, levels, names, poolSize, ineligible);
    }

    /// <summary>Pools from this size on are scanned on several threads.</summary>
    internal const int ParallelScanFrom = 1 << 16;

    /// <summary>Per eligible candidate, in input order: draw position, id, stratum (local to a part until joined) and level.</summary>
    private sealed class ScanArrays(int size)
    {
        public ulong[] Positions { get; } = new ulong[size];

        public string[] Ids { get; } = new string[size];

        public int[] Strata { get; } = new int[size];

        public byte[] Levels { get; } = new byte[size];

        /// <summary>Moves a part's entries from its own range to <paramref name="to"/> (never later), mapping its strata to global ones.</summary>
        public void Join(int from, int count, int to, int[] remap)
        {
            for (var k = 0; k < count; k++)
            {
                Positions[to + k] = Positions[from + k];
                Ids[to + k] = Ids[from + k];
                Strata[to + k] = remap[Strata[from + k]];
                Levels[to + k] = Levels[from + k];
            }
        }
    }

    /// <summary>The scan of pool entries [From, To): eligible entries go to the arrays from index From on.</summary>
    private sealed class PartScan
    {
        public int From { get; private init; }

        public int Count { get; private set; }

        public int PoolSize { get; private set; }

        public Dictionary<string, int> Strata { get; } = new(StringComparer.Ordinal);

        public Dictionary<IneligibleReason, int> Ineligible { get; } = [];

        public SamplingException? Error { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static PartScan Run(IReadOnlyList<SampleCandidate> pool, int from, int to, SamplingSpec spec, StratumKeys keys, ulong seedStream, ScanArrays into)
        {
            var scan = new PartScan { From = from };

            // Pools read from Parquet share one string instance per distinct stratum value: looking those up by
            // reference first saves hashing the text of every candidate.
            var byInstance = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
            var at = from;
            try
            {
                for (var i = from; i < to; i++)
                {
                    var c = pool[i] ?? throw new SamplingException($"dataset '{spec.Dataset}': pool entry {i + 1} is null");
                    if (!string.Equals(c.Dataset, spec.Dataset, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    scan.PoolSize++;
                    if (string.IsNullOrEmpty(c.Id))
                    {
                        throw new SamplingException($"dataset '{spec.Dataset}': pool entry {i + 1} has an empty field 'id'");
                    }

                    var reason = Eligibility.Check(c, spec.Policy);
                    if (reason != IneligibleReason.None)
                    {
                        scan.Ineligible[reason] = scan.Ineligible.GetValueOrDefault(reason) + 1;
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
                        if (!scan.Strata.TryGetValue(name, out s))
                        {
                            s = scan.Strata.Count;
                            scan.Strata.Add(name, s);
                        }

                        if (byInstance.Count < 4096)
                        {
                            byInstance.Add(name, s);
                        }
                    }

                    into.Positions[at] = DrawOrder.Position(c.Id, seedStream);
                    into.Ids[at] = c.Id;
                    into.Strata[at] = s;
                    into.Levels[at] = (byte)level;
                    at++;
                }
            }
            catch (SamplingException e)
            {
                scan.Error = e;
            }

            scan.Count = at - from;
            return scan;
        }
    }
}
