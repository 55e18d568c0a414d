using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Evidence from a word's form that it is a person's name when no cue word stands before it: a name-list
/// word that is not also an English word, or a word with the letters or endings of non-English surnames.
/// </summary>
internal static partial class NameShape
{
    /// <summary>Surname endings of several languages (Slavic, Nordic, Greek, Georgian, Armenian, Turkish, Japanese).</summary>
    private static readonly string[] SurnameEndings =
    [
        "ov", "ova", "ev", "eva", "enko", "ski", "ska", "sky", "wicz", "escu", "opoulos", "akis", "idis", "shvili", "dze",
        "yan", "ović", "ević", "vić", "oglu", "oğlu", "sson", "dóttir", "dottir", "ssen", "sen", "berg", "ström", "qvist",
        "quist", "moto", "yama", "mura", "kawa", "hara", "saki", "zaki", "uchi", "shita",
    ];

    private static readonly FrozenDictionary<char, string[]> EndingsByLastLetter =
        SurnameEndings.GroupBy(e => e[^1]).ToDictionary(g => g.Key, g => g.ToArray()).ToFrozenDictionary();

    /// <summary>A lone capitalised word: a name-list word that is not an ordinary English word.</summary>
    public static bool SingleName(string word) =>
        word.Length >= 3 && !EnglishNameWords.Ambiguous.Contains(word) && Listed(word);

    /// <summary>In a first- or last-name list, "Mccullough" read as "McCullough".</summary>
    private static bool Listed(string word)
    {
        if (EnglishLexicon.FirstNames.Contains(word) || EnglishLexicon.LastNames.Contains(word))
        {
            return true;
        }

        return word.Length > 3 && word.StartsWith("Mc", StringComparison.Ordinal) && char.IsLower(word[2])
            && EnglishLexicon.LastNames.Contains(string.Concat("Mc", char.ToUpperInvariant(word[2]).ToString(), word.AsSpan(3)));
    }

    [Flags]
    private enum WordClass : byte
    {
        None = 0,
        NotEnglish = 1,
        InNameList = 2,
        English = 4,
        NameToken = 8,
    }

    /// <summary>
    /// The classes of the ordinary English words met on this thread (Patient, History, Producer), so that the large
    /// word lists are looked up once per distinct word rather than once per rule; cleared when it reaches 16,384
    /// words. Other words (names among them) are never kept, so no personal data outlives the call.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<string, WordClass>? t_classes;

    /// <summary>
    /// A capitalised word with no ordinary-English reading (Mehrudin, Hahli, O'Neil, Hauta-aho): not in the
    /// English word list (each part of a hyphenated word checked), not an abbreviation in capitals, not a stop word.
    /// </summary>
    public static bool NotEnglish(string word) => (Classify(word) & WordClass.NotEnglish) != 0;

    /// <summary>A capitalised word of a name list (Will, Brown, Olga), ambiguous with English or not.</summary>
    public static bool InNameList(string word) => (Classify(word) & WordClass.InNameList) != 0;

    /// <summary>
    /// A word that can be part of a person's name once the context says a person is meant: a name-list word or a
    /// word with no English reading. Ordinary English words (Producer, Public, Mother) are not.
    /// </summary>
    public static bool PersonWord(string word)
    {
        var c = Classify(word);
        return word.Length >= 2 && (c & WordClass.NameToken) != 0 && (c & (WordClass.InNameList | WordClass.NotEnglish)) != 0;
    }

    /// <summary>An ordinary English word that is in no name list (Producer, Explorer, Beach).</summary>
    public static bool PlainWord(string word)
    {
        // Most words asked about are names or ordinary words already classified: one lookup each.
        if (t_classes is { } classes && classes.TryGetValue(word, out var known))
        {
            return (known & (WordClass.English | WordClass.InNameList)) == WordClass.English;
        }

        return EnglishWords.Contains(word) && (Classify(word) & WordClass.InNameList) == 0;
    }

    private static WordClass Classify(string word)
    {
        var classes = t_classes ??= new Dictionary<string, WordClass>(1024, StringComparer.Ordinal);
        if (classes.TryGetValue(word, out var c))
        {
            return c;
        }

        c = WordClass.None;
        if (Listed(word))
        {
            c |= WordClass.InNameList;
        }

        var english = EnglishWords.Contains(word);
        if (english)
        {
            c |= WordClass.English;
        }

        if (EnglishLexicon.IsNameToken(word))
        {
            c |= WordClass.NameToken;
        }

        if (ComputeNotEnglish(word, english))
        {
            c |= WordClass.NotEnglish;
        }

        if ((c & WordClass.English) != 0 || (c & WordClass.NameToken) == 0)
        {
            if (classes.Count >= 16_384)
            {
                classes.Clear();
            }

            classes[word] = c;
        }

        return c;
    }

    private static bool ComputeNotEnglish(string word, bool english)
    {
        if (word.Length < 3 || IsUpperWord(word) || EnglishLexicon.NotNames.Contains(word))
        {
            return false;
        }

        var span = word.AsSpan();
        if (span.IndexOfAny('-', '\'', '’') < 0)
        {
            return !english;
        }

        // A contraction or possessive is read by its stem: "You're", "Nobody's".
        var apostrophe = span.IndexOfAny('\'', '’');
        if (apostrophe > 0 && span.Length - apostrophe <= 3)
        {
            span = span[..apostrophe];
        }

        foreach (var range in span.Split('-'))
        {
            var part = span[range];
            if (part.Length > 0 && !EnglishWords.Contains(part))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word with a non-English Latin letter (Szöllösy, Þórunn) or a typical foreign surname ending.</summary>
    public static bool Foreign(string word)
    {
        if (word.Length < 3)
        {
            return false;
        }

        if (HasAccentedLatin(word))
        {
            return true;
        }

        if (word.Length < 5 || !EndingsByLastLetter.TryGetValue(word[^1], out var endings))
        {
            return false;
        }

        foreach (var ending in endings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A Latin letter outside ASCII: "ö", "ł", "ș", "Þ" (Greek, Cyrillic and Han are not Latin).</summary>
    public static bool HasAccentedLatin(string word)
    {
        foreach (var c in word)
        {
            if (c > '\u007f' && c < '\u0250' && char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two or more capitalised words, none an ordinary English name-word, at least one of foreign form.</summary>
    public static bool ForeignPair(List<(int Start, int Length)> tokens, List<string> words, int first, int last)
    {
        var foreign = false;
        for (var k = first; k <= last; k++)
        {
            if (tokens[k].Length == 1)
            {
                continue;
            }

            var word = words[k];
            if (EnglishNameWords.Ambiguous.Contains(word) || IsUpperWord(word))
            {
                return false;
            }

            foreign |= Foreign(word);
        }

        return foreign;
    }

    /// <summary>Endings of English nouns and adjectives that are rare in names (Radiology, Nutrition, Wellness).</summary>
    public static bool CommonNounShape(string word)
    {
        foreach (var ending in (ReadOnlySpan<string>)["ology", "ics", "tion", "sion", "ment", "ness", "ity", "ism", "ing", "ance", "ence", "ery", "ive", "ous", "ary", "ory", "ure", "ies"])
        {
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return EnglishNameWords.Ambiguous.Contains(word) && !EnglishLexicon.LastNames.Contains(word);
    }

    /// <summary>
    /// A Latin word inside Chinese text ("Stanford A型", "Murphy征"): there it names a sign, a classification or a
    /// drug, not a person, unless a cue stands before it.
    /// </summary>
    public static bool InHanText(string text, int start, int end)
    {
        var before = start - 1;
        while (before >= 0 && text[before] == ' ')
        {
            before--;
        }

        var after = end;
        while (after < text.Length && (text[after] == ' ' || (char.IsAsciiLetterUpper(text[after]) && (after + 1 == text.Length || !char.IsAsciiLetter(text[after + 1])))))
        {
            after++;
        }

        return (before >= 0 && ChineseLexicon.IsHan(text[before])) || (after < text.Length && ChineseLexicon.IsHan(text[after]));
    }

    /// <summary>A drug dose follows ("Allegra 180 mg"): the word is a brand name, not a person.</summary>
    public static bool BeforeDose(string text, int end) => Dose().IsMatch(text.AsSpan(end));

    private static bool IsUpperWord(string word) => word.Length > 1 && char.IsUpper(word[1]);

    [GeneratedRegex(@"^\s*\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|ml|mL|IU|iu|units?|tabs?|tablets?|caps?|%)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Dose();
}
