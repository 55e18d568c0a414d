using CurationPipeline.Items;

namespace CurationPipeline.Sampling;

/// <summary>Item counts per difficulty level.</summary>
public sealed record LevelCounts(int Hard, int Medium, int Easy)
{
    /// <summary>All three together.</summary>
    public int Total => Hard + Medium + Easy;

    /// <summary>The count of one level.</summary>
    public int Of(Difficulty level) => level switch
    {
        Difficulty.Hard => Hard,
        Difficulty.Medium => Medium,
        _ => Easy,
    };

    /// <summary>Builds from an array indexed by the <see cref="Difficulty"/> value.</summary>
    internal static LevelCounts FromIndexed(IReadOnlyList<int> byLevel) =>
        new(byLevel[(int)Difficulty.Hard], byLevel[(int)Difficulty.Medium], byLevel[(int)Difficulty.Easy]);

    public override string ToString() => $"{Hard}/{Medium}/{Easy}";
}
