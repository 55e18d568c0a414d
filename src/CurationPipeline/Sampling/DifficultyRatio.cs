using System.Globalization;
using CurationPipeline.Items;

namespace CurationPipeline.Sampling;

/// <summary>A Hard:Medium:Easy ratio such as 3:5:2, turned into per-level targets by largest remainder.</summary>
public readonly record struct DifficultyRatio(int Hard, int Medium, int Easy)
{
    /// <summary>The paper's 3:5:2.</summary>
    public static DifficultyRatio Default { get; } = new(3, 5, 2);

    /// <summary>The sum of the three parts.</summary>
    public int Total => Hard + Medium + Easy;

    /// <summary>The part of one level.</summary>
    public int PartOf(Difficulty level) => level switch
    {
        Difficulty.Hard => Hard,
        Difficulty.Medium => Medium,
        _ => Easy,
    };

    /// <summary>Reads "H:M:E" (three non-negative integers, not all 0; spaces allowed).</summary>
    public static DifficultyRatio Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("difficulty ratio is empty; expected Hard:Medium:Easy such as 3:5:2");
        }

        var parts = text.Split(':');
        if (parts.Length != 3)
        {
            throw new FormatException($"difficulty ratio '{text}' has {parts.Length} part(s); expected Hard:Medium:Easy such as 3:5:2");
        }

        var values = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (!int.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new FormatException($"difficulty ratio '{text}': part {i + 1} ('{parts[i].Trim()}') is not a non-negative integer");
            }
        }

        var ratio = new DifficultyRatio(values[0], values[1], values[2]);
        if (ratio.Hard + (long)ratio.Medium + ratio.Easy > int.MaxValue)
        {
            throw new FormatException($"difficulty ratio '{text}' is too large");
        }

        return ratio.Total == 0
            ? throw new FormatException($"difficulty ratio '{text}' is all zero; at least one part must be above 0")
            : ratio;
    }

    /// <summary>
    /// Splits <paramref name="n"/> by the ratio with largest-remainder rounding; ties go to the larger part,
    /// then in the order Hard, Medium, Easy.
    /// </summary>
    public (int Hard, int Medium, int Easy) Allocate(int n)
    {
        if (Total <= 0)
        {
            throw new InvalidOperationException($"difficulty ratio {this} cannot allocate: its parts sum to {Total}");
        }

        var shares = LargestRemainder.Allocate(n, [Hard, Medium, Easy]);
        return (shares[0], shares[1], shares[2]);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Hard}:{Medium}:{Easy}");
}
