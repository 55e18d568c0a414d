using System.Globalization;
using System.Text;

namespace CurationPipeline.Hosting;

/// <summary>
/// One part of a sharded run: shard <see cref="Index"/> of <see cref="Count"/> (counted from 0, as Kubernetes does).
/// A source record belongs to the shard its identity (source, file name, record id) hashes to, so which shard
/// takes a record never depends on the order or the machine the records are read in.
/// </summary>
public sealed record ShardSpec
{
    public ShardSpec(int index, int count)
    {
        if (count < 1 || index < 0 || index >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"shard {index} of {count}: the index must be from 0 to count - 1, the count at least 1");
        }

        Index = index;
        Count = count;
    }

    public int Index { get; }

    public int Count { get; }

    /// <summary>The shard's name in file and folder names: <c>I-of-N</c>.</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"{Index}-of-{Count}");

    /// <summary>The shard's own folder under the run's output folder: <c>shards/I-of-N</c>.</summary>
    public string Folder(string outputDirectory) => Path.Combine(outputDirectory, "shards", Name);

    /// <summary>The shard's part of the pool: <c>pool/part-I-of-N.parquet</c> under the run's output folder.</summary>
    public string PoolPart(string outputDirectory) => Path.Combine(outputDirectory, "pool", $"part-{Name}.parquet");

    /// <summary>Parses <c>I/N</c>; null when the text is not of that form.</summary>
    public static ShardSpec? TryParse(string text)
    {
        var parts = (text ?? "").Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index < count)
        {
            return new ShardSpec(index, count);
        }

        return null;
    }

    /// <summary>True when the record identified by (<paramref name="source"/>, <paramref name="file"/>, <paramref name="record"/>) belongs to this shard.</summary>
    public bool Takes(string source, string file, string record) => (int)(Hash(source, Path.GetFileName(file), record) % (ulong)Count) == Index;

    /// <summary>FNV-1a over the UTF-8 bytes of the three parts (a separator between them), then a SplitMix64 finish.</summary>
    internal static ulong Hash(string source, string file, string record)
    {
        var h = 14695981039346656037UL;
        foreach (var part in (ReadOnlySpan<string>)[source, file, record])
        {
            foreach (var b in Encoding.UTF8.GetBytes(part ?? ""))
            {
                h = unchecked((h ^ b) * 1099511628211UL);
            }

            h = unchecked((h ^ 0x1F) * 1099511628211UL);
        }

        unchecked
        {
            h += 0x9E3779B97F4A7C15UL;
            h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
            h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
            return h ^ (h >> 31);
        }
    }
}
