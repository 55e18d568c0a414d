using System.Runtime.CompilerServices;

namespace CurationPipeline.Sampling;

/// <summary>
/// The seeded draw order. Every candidate gets a 64-bit position from a counter-based generator:
/// SplitMix64 of (FNV-1a of its id) mixed with the seed's own SplitMix64 stream. Sorting by position
/// (ties by ordinal id) is a uniformly shuffled order that depends only on the ids and the seed, never
/// on the order the pool arrived in, the process or the platform.
/// </summary>
internal static class DrawOrder
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public static ulong SeedStream(int seed) => Mix(unchecked((ulong)(uint)seed + 0x9E3779B97F4A7C15UL));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Position(string id, ulong seedStream)
    {
        var h = FnvOffset;
        foreach (var ch in id)
        {
            h ^= ch;
            h = unchecked(h * FnvPrime);
        }

        return Mix(h ^ seedStream);
    }

    /// <summary>The SplitMix64 output function.</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
