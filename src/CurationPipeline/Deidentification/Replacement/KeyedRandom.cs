namespace CurationPipeline.Deidentification;

/// <summary>
/// A small deterministic generator (SplitMix64) seeded from a keyed hash: cheap to create per value and
/// defined here, so surrogates do not depend on a runtime's <see cref="System.Random"/> algorithm.
/// </summary>
internal sealed class KeyedRandom(ulong seed)
{
    private ulong _state = seed;

    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    private ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
