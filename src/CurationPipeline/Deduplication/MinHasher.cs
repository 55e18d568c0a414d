using System.Runtime.CompilerServices;

namespace CurationPipeline.Deduplication;

/// <summary>
/// Character n-gram sets and their MinHash signature. The signature is one-permutation MinHash with densification
/// (Shrivastava 2017): every n-gram is hashed once into one of <c>bands × rows</c> bins, a bin keeps its smallest value,
/// and an empty bin borrows from the bin a fixed hash chain leads to, so the signature costs one hash per n-gram.
/// Task and context n-grams are hashed apart, so a task's n-gram never equals a context's.
/// </summary>
public sealed class MinHasher(DedupSettings settings)
{
    private const ulong TaskSeed = 0x9E3779B97F4A7C15;
    private const ulong ContextSeed = 0xC2B2AE3D27D4EB4F;
    private const ulong ReferenceSeed = 0x165667B19E3779F9;

    public DedupSettings Settings { get; } = settings;

    public DedupSignature Sign(DedupText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var task = Shingles(text.Task, TaskSeed);
        var context = Shingles(text.Context, ContextSeed);
        var reference = Shingles(text.Reference, ReferenceSeed);
        ulong? stem = text.Stem.Length - 1 >= Settings.StemMinChars ? Hash(text.Stem) : null;
        return new DedupSignature(Distinct(task), Distinct(context), Distinct(reference), stem, Bands([task, context, reference]));
    }

    private ulong[] Shingles(string text, ulong seed)
    {
        var n = Settings.Ngram;
        if (text.Length == 0)
        {
            return [];
        }

        var count = Math.Max(1, text.Length - n + 1);
        var hashes = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            var h = seed;
            var end = Math.Min(text.Length, i + n);
            for (var j = i; j < end; j++)
            {
                h = (h ^ text[j]) * 0x100000001B3;
            }

            hashes[i] = Mix(h);
        }

        return hashes;
    }

    /// <summary>A 64-bit hash of a whole text (the stem of a multiple-choice question).</summary>
    private static ulong Hash(string text)
    {
        var h = 0xCBF29CE484222325;
        foreach (var c in text)
        {
            h = (h ^ c) * 0x100000001B3;
        }

        return Mix(h);
    }

    /// <summary>The distinct low 32 bits of the n-gram hashes, sorted: the set exact Jaccard is computed on.</summary>
    private static uint[] Distinct(ulong[] hashes)
    {
        if (hashes.Length == 0)
        {
            return [];
        }

        var values = new uint[hashes.Length];
        for (var i = 0; i < hashes.Length; i++)
        {
            values[i] = (uint)hashes[i];
        }

        Array.Sort(values);
        var k = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (k == 0 || values[i] != values[k - 1])
            {
                values[k++] = values[i];
            }
        }

        return k == values.Length ? values : values[..k];
    }

    private uint[] Bands(ulong[][] parts)
    {
        var bins = Settings.Bands * Settings.Rows;
        Span<uint> min = bins <= 1024 ? stackalloc uint[bins] : new uint[bins];
        min.Fill(uint.MaxValue);
        Span<bool> filled = bins <= 1024 ? stackalloc bool[bins] : new bool[bins];
        var any = false;
        foreach (var part in parts)
        {
            foreach (var h in part)
            {
                any |= Put(h, min, filled, bins);
            }
        }

        var keys = new uint[Settings.Bands];
        if (!any)
        {
            return keys;
        }

        for (var i = 0; i < bins; i++)
        {
            if (!filled[i])
            {
                var j = i;
                for (ulong attempt = 1; !filled[j]; attempt++)
                {
                    j = (int)(((Mix(((ulong)i << 32) | attempt) >> 32) * (ulong)bins) >> 32);
                }

                min[i] = min[j];
            }
        }

        for (var b = 0; b < Settings.Bands; b++)
        {
            var h = (ulong)b * 0xD6E8FEB86659FD93;
            for (var r = 0; r < Settings.Rows; r++)
            {
                h = Mix(h ^ min[(b * Settings.Rows) + r]);
            }

            keys[b] = (uint)h;
        }

        return keys;
    }

    private static bool Put(ulong h, Span<uint> min, Span<bool> filled, int bins)
    {
        var bin = (int)(((h >> 32) * (ulong)bins) >> 32);
        var value = (uint)h;
        if (value < min[bin] || !filled[bin])
        {
            min[bin] = value;
        }

        filled[bin] = true;
        return true;
    }

    /// <summary>The splitmix64 finaliser.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}

/// <summary>An item's n-gram sets (task, context, reference; sorted distinct hashes), its stem when long enough, and its LSH band keys.</summary>
public sealed record DedupSignature(uint[] Task, uint[] Context, uint[] Reference, ulong? Stem, uint[] BandKeys)
{
    /// <summary>The smallest of the parts' Jaccard similarities; a part empty in both counts as equal.</summary>
    public double Similarity(DedupSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Math.Min(Jaccard(Task, other.Task), Math.Min(Jaccard(Context, other.Context), Jaccard(Reference, other.Reference)));
    }

    public bool IsEmpty => Task.Length == 0 && Context.Length == 0 && Reference.Length == 0;

    private static double Jaccard(uint[] a, uint[] b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }

        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)common / (a.Length + b.Length - common);
    }
}
