using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Common Chinese words of two to four characters (jieba's small dictionary, MIT; Resources/words/SOURCE.md), to tell
/// a name from an ordinary word where the context alone does not: "患者通过…", "请教医生", "中医师".
/// </summary>
internal static class ChineseWords
{
    /// <summary>The count from which a word tagged as a person name (a noisy tag: 米粉, 谢谢) is a common word too.</summary>
    private const int NameTaggedCount = 300;

    /// <summary>The count from which a word not tagged as a name is very common (年龄, 相同, 经常).</summary>
    private const int VeryCommonCount = 300;

    /// <summary>Each word's count, negative for a word tagged as a person name.</summary>
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Counts = Load();

    /// <summary>True when <paramref name="word"/> is a common word (not a person's name).</summary>
    public static bool IsCommon(ReadOnlySpan<char> word) =>
        word.Length is >= 2 and <= 4 && Counts.TryGetValue(word, out var n) && (n > 0 || -n >= NameTaggedCount);

    /// <summary>The count of <paramref name="word"/> in jieba's dictionary, or 0 for a word it does not list.</summary>
    public static int CountOf(ReadOnlySpan<char> word) => Counts.TryGetValue(word, out var n) ? Math.Abs(n) : 0;

    /// <summary>True when jieba tags <paramref name="word"/> as a person's name (王明).</summary>
    public static bool IsTaggedName(ReadOnlySpan<char> word) => word.Length is >= 2 and <= 4 && Counts.TryGetValue(word, out var n) && n < 0;

    /// <summary>True when <paramref name="word"/> is a very common word not tagged as a name.</summary>
    public static bool IsVeryCommon(ReadOnlySpan<char> word) =>
        word.Length is >= 2 and <= 4 && Counts.TryGetValue(word, out var n) && n >= VeryCommonCount;

    /// <summary>The count from which a word starting a three-character name candidate makes it a word ("通常会", "经常晚"), not
    /// a surname and a given character that jieba also lists ("程志宇", "王家彪").</summary>
    private const int FrequentCount = 1000;

    /// <summary>True when the two characters at <paramref name="i"/> form a frequent word (see <see cref="FrequentCount"/>).</summary>
    public static bool FrequentPairAt(string text, int i) =>
        i >= 0 && i + 2 <= text.Length && Counts.TryGetValue(text.AsSpan(i, 2), out var n) && Math.Abs(n) >= FrequentCount;

    /// <summary>True when the two characters at <paramref name="i"/> of <paramref name="text"/> form a common word.</summary>
    public static bool PairAt(string text, int i) => i >= 0 && i + 2 <= text.Length && IsCommon(text.AsSpan(i, 2));

    private static FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Load()
    {
        using var stream = typeof(ChineseWords).Assembly.GetManifestResourceStream("CurationPipeline.Deidentification.jieba-words.txt.gz")
            ?? throw new InvalidOperationException("embedded resource jieba-words.txt.gz is missing from the CurationPipeline assembly");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var counts = new Dictionary<string, int>(100_000, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split(' ');
            var count = int.Parse(f[1], CultureInfo.InvariantCulture);
            counts[f[0]] = f[2] is "nr" or "nrt" or "nrfg" ? -count : count;
        }

        return counts.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
