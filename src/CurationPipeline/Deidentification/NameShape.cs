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

    /// <summary>A lone capitalised word: a name-list word that is not an ordinary English word.</summary>
    public static bool SingleName(string word) =>
        word.Length >= 3 && !EnglishNameWords.Ambiguous.Contains(word)
        && (EnglishLexicon.FirstNames.Contains(word) || EnglishLexicon.LastNames.Contains(word));

    /// <summary>
    /// A capitalised word with no ordinary-English reading (Mehrudin, Hahli, O'Neil, Hauta-aho): not in the
    /// English word list (each part of a hyphenated word checked), not an abbreviation in capitals, not a stop word.
    /// </summary>
    public static bool NotEnglish(string word)
    {
        if (word.Length < 3 || IsUpperWord(word) || EnglishLexicon.NotNames.Contains(word))
        {
            return false;
        }

        var span = word.AsSpan();
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

    /// <summary>A capitalised word of a name list (Will, Brown, Olga), ambiguous with English or not.</summary>
    public static bool InNameList(string word) => EnglishLexicon.FirstNames.Contains(word) || EnglishLexicon.LastNames.Contains(word);

    /// <summary>
    /// A word that can be part of a person's name once the context says a person is meant: a name-list word or a
    /// word with no English reading. Ordinary English words (Producer, Public, Mother) are not.
    /// </summary>
    public static bool PersonWord(string word) =>
        word.Length >= 2 && EnglishLexicon.IsNameToken(word) && (InNameList(word) || NotEnglish(word));

    /// <summary>An ordinary English word that is in no name list (Producer, Explorer, Beach).</summary>
    public static bool PlainWord(string word) => EnglishWords.Contains(word) && !InNameList(word);

    /// <summary>A word with a non-English Latin letter (Szöllösy, Þórunn) or a typical foreign surname ending.</summary>
    public static bool Foreign(string word)
    {
        if (word.Length < 3)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (c > '\u007f' && c < '\u0250' && char.IsLetter(c))
            {
                return true;
            }
        }

        if (word.Length < 5)
        {
            return false;
        }

        foreach (var ending in SurnameEndings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two or more capitalised words, none an ordinary English name-word, at least one of foreign form.</summary>
    public static bool ForeignPair(string text, List<(int Start, int Length)> tokens, int first, int last)
    {
        var foreign = false;
        for (var k = first; k <= last; k++)
        {
            if (tokens[k].Length == 1)
            {
                continue;
            }

            var word = text.Substring(tokens[k].Start, tokens[k].Length);
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
