using System.Collections.Frozen;
using System.IO.Compression;

namespace CurationPipeline.Deidentification;

/// <summary>
/// The lowercase entries of SCOWL as shipped in Debian's wamerican 2020.12.07 (63,875 words; copyright Kevin
/// Atkinson and others, permissive SCOWL licence, notice in Resources/english-words.COPYRIGHT.txt). A capitalised
/// word whose lowercase form is not here is not an ordinary English word: with a context that only people take
/// ("Mehrudin shouted", "Erle's daughter") it is read as a name.
/// </summary>
internal static class EnglishWords
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Words = Load();

    /// <summary>True when the word, lowercased, is an ordinary English word. Non-ASCII letters never are.</summary>
    public static bool Contains(ReadOnlySpan<char> word)
    {
        if (word.Length > 32)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c > '\u007f')
            {
                return false;
            }

            lower[i] = char.ToLowerInvariant(c);
        }

        return Words.Contains(lower);
    }

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Load()
    {
        using var stream = typeof(EnglishWords).Assembly.GetManifestResourceStream("CurationPipeline.Deidentification.english-words.txt.gz")
            ?? throw new InvalidOperationException("embedded resource english-words.txt.gz is missing from the CurationPipeline assembly");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var set = new HashSet<string>(70_000, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
