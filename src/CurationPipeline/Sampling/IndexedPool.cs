namespace CurationPipeline.Sampling;

/// <summary>
/// The eligible candidates of one dataset, indexed once: sorted into the seeded draw order (rank), each
/// with its stratum and level, bucketed by stratum, and counted per (stratum, level) cell.
/// </summary>
internal sealed class IndexedPool
{
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

    public static IndexedPool Build(IReadOnlyList<SampleCandidate> pool, SamplingSpec spec, StratumKeys keys, int seed)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var seedStream = DrawOrder.SeedStream(seed);
        var entries = new List<Entry>();
        var chosen = new List<SampleCandidate>();
        var ineligible = new Dictionary<IneligibleReason, int>();
        var poolSize = 0;
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

            entries.Add(new Entry(DrawOrder.Position(c.Id, seedStream), chosen.Count, c.Id));
            chosen.Add(c);
        }

        var sorted = entries.ToArray();
        Array.Sort(sorted, EntryComparer.Instance);
        var ids = new string[sorted.Length];
        var rawStratum = new int[sorted.Length];
        var levels = new byte[sorted.Length];
        var stratumIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < sorted.Length; r++)
        {
            var c = chosen[sorted[r].Index];
            if (r > 0 && string.Equals(ids[r - 1], c.Id, StringComparison.Ordinal))
            {
                throw new SamplingException($"dataset '{spec.Dataset}': item id '{c.Id}' appears more than once among the eligible candidates");
            }

            ids[r] = c.Id;
            levels[r] = (byte)c.Difficulty!.Value;
            var name = keys.StratumOf(c);
            if (!stratumIndex.TryGetValue(name, out var s))
            {
                s = stratumIndex.Count;
                stratumIndex.Add(name, s);
            }

            rawStratum[r] = s;
        }

        var names = stratumIndex.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var remap = new int[names.Length];
        for (var s = 0; s < names.Length; s++)
        {
            remap[stratumIndex[names[s]]] = s;
        }

        for (var r = 0; r < rawStratum.Length; r++)
        {
            rawStratum[r] = remap[rawStratum[r]];
        }

        return new IndexedPool(ids, rawStratum, levels, names, poolSize, ineligible);
    }

    private readonly record struct Entry(ulong Position, int Index, string Id);

    private sealed class EntryComparer : IComparer<Entry>
    {
        public static readonly EntryComparer Instance = new();

        public int Compare(Entry x, Entry y)
        {
            var c = x.Position.CompareTo(y.Position);
            return c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}
