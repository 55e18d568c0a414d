using System.Runtime.CompilerServices;

namespace CurationPipeline.Sampling;

/// <summary>
/// Sorts 64-bit keys with an int payload by least-significant-digit radix sort (16-bit digits, four
/// stable counting passes). For a million uniformly random draw positions this is several times faster
/// than a comparison sort; the order of equal keys is left as it came in.
/// </summary>
internal static class RadixSort
{
    private const int DigitBits = 16;
    private const int Buckets = 1 << DigitBits;

    public static void Sort(Span<ulong> keys, Span<int> items)
    {
        if (keys.Length != items.Length)
        {
            throw new ArgumentException("keys and items differ in length", nameof(items));
        }

        if (keys.Length < 4096)
        {
            keys.Sort(items);
            return;
        }

        var keyBuffer = new ulong[keys.Length];
        var itemBuffer = new int[keys.Length];
        var counts = new int[Buckets];
        Span<ulong> fromKeys = keys, toKeys = keyBuffer;
        Span<int> fromItems = items, toItems = itemBuffer;
        for (var shift = 0; shift < 64; shift += DigitBits)
        {
            Array.Clear(counts);
            foreach (var key in fromKeys)
            {
                counts[(int)(key >> shift) & (Buckets - 1)]++;
            }

            // A digit every key shares moves nothing: skip the pass.
            if (counts[(int)(fromKeys[0] >> shift) & (Buckets - 1)] == fromKeys.Length)
            {
                continue;
            }

            var total = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var c = counts[b];
                counts[b] = total;
                total += c;
            }

            for (var i = 0; i < fromKeys.Length; i++)
            {
                var key = fromKeys[i];
                var at = counts[(int)(key >> shift) & (Buckets - 1)]++;
                toKeys[at] = key;
                toItems[at] = fromItems[i];
            }

            var swapKeys = fromKeys;
            fromKeys = toKeys;
            toKeys = swapKeys;
            var swapItems = fromItems;
            fromItems = toItems;
            toItems = swapItems;
        }

        // An odd number of passes leaves the result in the scratch buffers.
        if (!Unsafe.AreSame(ref fromKeys[0], ref keys[0]))
        {
            fromKeys.CopyTo(keys);
            fromItems.CopyTo(items);
        }
    }
}
