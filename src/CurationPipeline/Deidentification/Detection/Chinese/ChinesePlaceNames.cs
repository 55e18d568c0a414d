using System.Collections.Frozen;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Place names without their unit (北京, 昆明, 延边, 海淀) from the published administrative divisions of China, and
/// the short names of widely known hospitals that hold no place (协和, 湘雅, 华西); Resources/places/SOURCE.md.
/// </summary>
internal static class ChinesePlaceNames
{
    private const int MaxLength = 8;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Places = Load("places.txt");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Hospitals = Load("hospitals.txt");

    /// <summary>The length of the longest place name starting <paramref name="s"/>, or 0.</summary>
    public static int PlaceAt(ReadOnlySpan<char> s)
    {
        for (var n = Math.Min(MaxLength, s.Length); n >= 2; n--)
        {
            if (Places.Contains(s[..n]))
            {
                return n;
            }
        }

        return 0;
    }

    /// <summary>True when <paramref name="name"/> is a hospital's short name (协和 of 协和医院).</summary>
    public static bool IsHospital(ReadOnlySpan<char> name) => Hospitals.Contains(name);

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Load(string file)
    {
        using var stream = typeof(ChinesePlaceNames).Assembly.GetManifestResourceStream("CurationPipeline.Deidentification.places." + file)
            ?? throw new InvalidOperationException($"embedded place list {file} is missing from the CurationPipeline assembly");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var names = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                names.Add(line);
            }
        }

        return names.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
