using System.Collections.Frozen;

namespace CurationPipeline.Deidentification;

/// <summary>
/// The Chinese surnames the name recogniser knows: the union of the published lists embedded from
/// Resources/surnames (the Hundred Family Surnames, CC-CEDICT, Unihan; sources and licences in SOURCE.md there),
/// 898 single and 68 compound surnames.
/// </summary>
internal static class SurnameInventory
{
    private const string ResourcePrefix = "CurationPipeline.Deidentification.surnames.";

    private static readonly bool[] Single = new bool[0x9FFF - 0x4E00 + 1];

    /// <summary>Every surname of the inventory, single and compound, in ordinal order.</summary>
    public static IReadOnlyList<string> All { get; }

    /// <summary>The compound (two-character) surnames.</summary>
    public static FrozenSet<string> Compound { get; }

    static SurnameInventory()
    {
        var all = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in (ReadOnlySpan<string>)["baijiaxing.txt", "cedict.txt", "unihan.txt"])
        {
            foreach (var line in ReadLines(file))
            {
                if (line.Length is 1 or 2 && line.All(ChineseLexicon.IsHan))
                {
                    all.Add(line);
                }
            }
        }

        foreach (var s in all.Where(s => s.Length == 1))
        {
            Single[s[0] - 0x4E00] = true;
        }

        All = [.. all];
        Compound = all.Where(s => s.Length == 2).ToFrozenSet(StringComparer.Ordinal);
        CompoundLookup = Compound.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True when <paramref name="c"/> is a single-character surname of the inventory.</summary>
    public static bool IsSingle(char c) => c is >= '\u4e00' and <= '\u9fff' && Single[c - 0x4E00];

    /// <summary>True when the two characters at <paramref name="i"/> are a compound surname.</summary>
    public static bool IsCompoundAt(string text, int i) => i + 1 < text.Length && CompoundLookup.Contains(text.AsSpan(i, 2));

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CompoundLookup;

    /// <summary>The lines of an embedded surname resource (empty lines skipped).</summary>
    internal static IEnumerable<string> ReadLines(string file)
    {
        using var stream = typeof(SurnameInventory).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"embedded surname list {file} is missing from the assembly");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
