namespace CurationPipeline.Deduplication;

/// <summary>
/// Deduplicates a list in one call: signatures are computed in parallel, then the items are taken in list order against
/// the kept ones, exactly as the <c>dedup</c> stage takes them in flow order.
/// </summary>
public static class Deduplicator
{
    private const int Chunk = 65536;

    /// <summary>For each item, the index of the kept item it duplicates, or its own index when it is kept.</summary>
    public static int[] Run(IReadOnlyList<DedupText> texts, DedupSettings settings, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var hasher = new MinHasher(settings);
        var index = new NearDuplicateIndex<int>(settings);
        var kept = new int[texts.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };

        // Signatures are made a chunk at a time, so that those of rejected items never pile up.
        var signatures = new DedupSignature[Math.Min(texts.Count, Chunk)];
        for (var start = 0; start < texts.Count; start += Chunk)
        {
            var count = Math.Min(Chunk, texts.Count - start);
            Parallel.For(0, count, options, i => signatures[i] = hasher.Sign(texts[start + i]));
            for (var i = 0; i < count; i++)
            {
                var item = start + i;
                if (index.Find(signatures[i]) is { } match)
                {
                    kept[item] = match.Value;
                }
                else
                {
                    kept[item] = item;
                    index.Add(signatures[i], item);
                }
            }
        }

        return kept;
    }
}
