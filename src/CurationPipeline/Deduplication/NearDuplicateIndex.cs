namespace CurationPipeline.Deduplication;

/// <summary>
/// The kept items' signatures, found again by LSH: an item's band keys look up the earlier entries that share a band,
/// and each such candidate is checked by exact Jaccard similarity of the n-gram sets. Not thread-safe: items are looked
/// up and added in one order, which is what makes the kept item of a cluster the same on every run.
/// </summary>
public sealed class NearDuplicateIndex<T>(DedupSettings settings)
{
    private readonly BandTable[] _bands = [.. Enumerable.Range(0, settings.Bands).Select(_ => new BandTable())];
    private readonly Dictionary<ulong, int> _stems = [];
    private readonly List<DedupSignature> _signatures = [];
    private readonly List<T> _values = [];
    private int[] _seen = [];
    private int _query;

    public int Count => _values.Count;

    /// <summary>
    /// The most similar entry at or above the threshold (the earliest on a tie), else the entry asking the same
    /// multiple-choice question with other options, or null.
    /// </summary>
    public DedupMatch<T>? Find(DedupSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.IsEmpty)
        {
            return null;
        }

        if (_seen.Length < _values.Count)
        {
            Array.Resize(ref _seen, Math.Max(16, _values.Count * 2));
        }

        _query++;
        var best = -1;
        var bestSimilarity = 0.0;
        for (var b = 0; b < _bands.Length; b++)
        {
            for (var entry = _bands[b].Head(signature.BandKeys[b]); entry >= 0; entry = _bands[b].Next(entry))
            {
                if (_seen[entry] == _query)
                {
                    continue;
                }

                _seen[entry] = _query;
                var similarity = signature.Similarity(_signatures[entry]);
                if (similarity >= settings.Threshold && (similarity > bestSimilarity || (similarity == bestSimilarity && entry < best)))
                {
                    best = entry;
                    bestSimilarity = similarity;
                }
            }
        }

        if (best >= 0)
        {
            return new DedupMatch<T>(_values[best], bestSimilarity, SameQuestion: false);
        }

        return signature.Stem is { } stem && _stems.TryGetValue(stem, out var same)
            ? new DedupMatch<T>(_values[same], signature.Similarity(_signatures[same]), SameQuestion: true)
            : null;
    }

    /// <summary>Adds an entry; later lookups find it.</summary>
    public void Add(DedupSignature signature, T value)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var entry = _values.Count;
        _values.Add(value);
        if (signature.Stem is { } stem)
        {
            _stems.TryAdd(stem, entry);
        }

        for (var b = 0; b < _bands.Length; b++)
        {
            _bands[b].Add(signature.BandKeys[b], entry);
        }

        // The band keys are not needed again; the n-gram sets are.
        _signatures.Add(signature with { BandKeys = [] });
    }

    /// <summary>
    /// One band's entries by key: an open-addressing table of keys and the newest entry with each, and per entry the next
    /// older entry with the same key (a chain). Smaller than a dictionary of lists by far at a million entries.
    /// </summary>
    private sealed class BandTable
    {
        private uint[] _keys = new uint[16];
        private int[] _heads = new int[16];
        private int _used;
        private int[] _next = new int[16];

        public int Head(uint key)
        {
            for (var slot = Slot(key); ; slot = slot + 1 == _keys.Length ? 0 : slot + 1)
            {
                if (_heads[slot] == 0)
                {
                    return -1;
                }

                if (_keys[slot] == key)
                {
                    return _heads[slot] - 1;
                }
            }
        }

        public int Next(int entry) => _next[entry];

        public void Add(uint key, int entry)
        {
            // Linear probing, filled to three quarters at most.
            if ((_used + 1) * 4L > _keys.Length * 3L)
            {
                Grow();
            }

            if (entry >= _next.Length)
            {
                Array.Resize(ref _next, Math.Max(entry + 1, _next.Length + (_next.Length / 2)));
            }

            var slot = Slot(key);
            while (_heads[slot] != 0 && _keys[slot] != key)
            {
                slot = slot + 1 == _keys.Length ? 0 : slot + 1;
            }

            if (_heads[slot] == 0)
            {
                _used++;
                _keys[slot] = key;
                _next[entry] = -1;
            }
            else
            {
                _next[entry] = _heads[slot] - 1;
            }

            // Heads are stored plus one, so that zero marks an empty slot.
            _heads[slot] = entry + 1;
        }

        private void Grow()
        {
            var keys = _keys;
            var heads = _heads;
            _keys = new uint[keys.Length + (keys.Length / 2)];
            _heads = new int[_keys.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                if (heads[i] != 0)
                {
                    var slot = Slot(keys[i]);
                    while (_heads[slot] != 0)
                    {
                        slot = slot + 1 == _keys.Length ? 0 : slot + 1;
                    }

                    _keys[slot] = keys[i];
                    _heads[slot] = heads[i];
                }
            }
        }

        /// <summary>The key's home slot: its spread hash scaled to the table's length (no power of two needed).</summary>
        private int Slot(uint key) => (int)(((ulong)Spread(key) * (ulong)_keys.Length) >> 32);

        private static uint Spread(uint key) => key * 0x9E3779B1;
    }
}

/// <summary>What an item matched: the entry, the similarity, and whether it matched by asking the same question (other options).</summary>
public readonly record struct DedupMatch<T>(T Value, double Similarity, bool SameQuestion);
