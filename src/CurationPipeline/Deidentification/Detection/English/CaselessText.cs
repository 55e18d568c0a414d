namespace CurationPipeline.Deidentification;

/// <summary>
/// English text written in one case ("follow up with patricia desrosiers", "PT SEEN BY DR KIM") gives the name and
/// address rules no capitals to go by. This restores them in a copy of the same length, so that spans found in
/// the copy hold for the original: for names, only name-list words and words with non-English Latin letters are
/// capitalised (a name-list word that is also an English word, "will", "mark", only next to such a word, and a
/// single letter only between two); for addresses every word is.
/// </summary>
internal static class CaselessText
{
    private static readonly HashSet<string> ShortNameCues = new(StringComparer.Ordinal)
    {
        "dr", "mr", "mrs", "ms", "miss", "prof", "nurse", "doctor", "patient", "pt", "name", "son", "daughter", "wife", "husband",
        "mother", "father", "brother", "sister", "by", "is", "me",
    };

    /// <summary>True when the text has Latin letters of one case only and no Han characters.</summary>
    public static bool Applies(string text)
    {
        var span = text.AsSpan();
        var upper = span.IndexOfAnyInRange('A', 'Z') >= 0;
        var lower = span.IndexOfAnyInRange('a', 'z') >= 0;
        if (upper == lower)
        {
            return false;
        }

        foreach (var c in span)
        {
            if (ChineseLexicon.IsHan(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text in lower case with the words that would be capitalised in a name capitalised.</summary>
    public static string ForNames(string text)
    {
        var chars = text.ToLowerInvariant().ToCharArray();
        // 0: leave, 1: a name-list word that is also English, 2: a name word, 3: a single letter.
        var words = new List<(int Start, int Length, int Kind)>();
        for (var i = 0; i < chars.Length;)
        {
            if (!char.IsLetter(chars[i]))
            {
                i++;
                continue;
            }

            var s = i;
            while (i < chars.Length && (char.IsLetter(chars[i]) || (chars[i] is '\'' or '’' or '-' && i + 1 < chars.Length && char.IsLetter(chars[i + 1]))))
            {
                i++;
            }

            var length = i - s;
            var kind = 0;
            if (length == 1)
            {
                kind = 3;
            }
            else
            {
                var word = string.Concat(char.ToUpperInvariant(chars[s]).ToString(), new string(chars, s + 1, length - 1));
                var listed = NameShape.InNameList(word) && !EnglishLexicon.NotNames.Contains(word);
                if (NameShape.HasAccentedLatin(word) || (listed && !EnglishNameWords.Ambiguous.Contains(word)))
                {
                    kind = 2;
                }
                else if (listed)
                {
                    kind = 1;
                }
                else if (NameShape.NotEnglish(word) && PhiPatterns.PersonAfter().IsMatch(text.AsSpan(length > 3 && chars[i - 1] == 's' && chars[i - 2] is '\'' or '’' ? i - 2 : i)))
                {
                    // "i'm roberto's daughter", "nyberg said": an unlisted word in a person's context.
                    kind = 2;
                }
            }

            words.Add((s, length, kind));
        }

        // A surname in no list right after a listed given name ("patricia desrosiers") goes with it.
        for (var k = 1; k < words.Count; k++)
        {
            if (words[k].Kind == 0 && words[k].Length >= 4 && words[k - 1].Kind == 2 && words[k - 1].Length > 3 && Joined(words, k - 1, k, chars)
                && NameShape.NotEnglish(string.Concat(char.ToUpperInvariant(chars[words[k].Start]).ToString(), new string(chars, words[k].Start + 1, words[k].Length - 1))))
            {
                words[k] = (words[k].Start, words[k].Length, 2);
            }
        }

        for (var k = 0; k < words.Count; k++)
        {
            var (start, length, kind) = words[k];
            var capitalise = kind switch
            {
                // A short word ("ana", "amy", "les") is as often an abbreviation (ANA, the antinuclear antibody
                // test): taken only after a title or cue word, or next to a longer name word.
                2 when length <= 3 => (k > 0 && ShortNameCues.Contains(new string(chars, words[k - 1].Start, words[k - 1].Length)))
                    || (Joined(words, k - 1, k, chars) && words[k - 1].Kind == 2 && words[k - 1].Length > 3)
                    || (Joined(words, k, k + 1, chars) && words[k + 1].Kind == 2 && words[k + 1].Length > 3),
                2 => true,
                1 => Joined(words, k - 1, k, chars) && words[k - 1].Kind == 2 || Joined(words, k, k + 1, chars) && words[k + 1].Kind == 2,
                3 => Joined(words, k - 1, k, chars) && words[k - 1].Kind == 2 && k + 1 < words.Count && words[k + 1].Kind == 2,
                _ => false,
            };
            if (capitalise)
            {
                chars[start] = char.ToUpperInvariant(chars[start]);
            }
        }

        return new string(chars);
    }

    /// <summary>The text with every word capitalised ("3747 Fourth Avenue Suite 112 Calgary Alberta").</summary>
    public static string ForAddresses(string text)
    {
        var chars = text.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsLetter(chars[i]) && (i == 0 || !char.IsLetterOrDigit(chars[i - 1]) && chars[i - 1] is not '\'' and not '’'))
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }

        return new string(chars);
    }

    /// <summary>Two neighbouring words separated by one space (an initial may keep its '.').</summary>
    private static bool Joined(List<(int Start, int Length, int Kind)> words, int a, int b, char[] chars)
    {
        if (a < 0 || b >= words.Count)
        {
            return false;
        }

        var gap = words[b].Start - (words[a].Start + words[a].Length);
        var at = words[a].Start + words[a].Length;
        return gap == 1 ? chars[at] == ' ' : gap == 2 && chars[at] == '.' && chars[at + 1] == ' ';
    }
}
