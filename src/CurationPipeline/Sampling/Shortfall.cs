using CurationPipeline.Items;

namespace CurationPipeline.Sampling;

/// <summary>A place the pool could not fill with the level asked for, and what took it instead.</summary>
/// <param name="Stratum">The stratum, or null for the dataset as a whole.</param>
/// <param name="Level">The short level, or null when the pool is smaller than the target size.</param>
/// <param name="Target">Items of the level wanted (the stratum's share by the ratio, or the dataset target).</param>
/// <param name="Available">Eligible items of the level in the pool (or the stratum).</param>
/// <param name="Missing">Target minus what could be taken.</param>
/// <param name="Replacements">Items of other levels that took the missing places.</param>
/// <param name="Unfilled">Places left empty because nothing could take them.</param>
/// <param name="Text">The sentence in the report, naming dataset, stratum, level and counts.</param>
public sealed record Shortfall(
    string Dataset,
    string? Stratum,
    Difficulty? Level,
    int Target,
    int Available,
    int Missing,
    IReadOnlyList<Replacement> Replacements,
    int Unfilled,
    string Text);

/// <summary>Items of one level that took another level's places.</summary>
public sealed record Replacement(Difficulty Level, int Count);
