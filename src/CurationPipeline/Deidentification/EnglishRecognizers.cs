using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>Recognisers of English names, street addresses and employers/schools.</summary>
internal static class EnglishRecognizers
{
    private static readonly HashSet<string> WeakCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "by", "from", "with", "to", "dear", "hi", "hello", "thanks", "regards", "contact", "called", "named",
    };

    public static void Run(string text, CandidateSet found)
    {
        if (text.AsSpan().IndexOfAnyInRange('A', 'Z') < 0)
        {
            return;
        }

        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            found.AddAll(EnglishLexicon.StreetAddress, PhiCategory.Address, 50);
            found.AddAll(PhiPatterns.PoBox(), PhiCategory.Address, 50);
        }

        foreach (Match m in PhiPatterns.EnOrganization().Matches(text))
        {
            var v = m.Groups["v"];
            var len = OrganizationLength(v.Value);
            if (len >= 2 && !EnglishLexicon.NotNames.Contains(v.Value[..len]))
            {
                found.Add(PhiCategory.Organization, v.Index, len, 45);
            }
        }

        foreach (Match m in PhiPatterns.EnOrganizationSuffix().Matches(text))
        {
            found.Add(PhiCategory.Organization, m.Index, OrganizationLength(m.Value), 44);
        }
        Names(text, found);
    }

    private static void Names(string text, CandidateSet found)
    {
        var names = new List<(int Start, int Length)>();
        foreach (Match m in PhiPatterns.EnTitledName().Matches(text))
        {
            AddName(text, m.Groups["v"], names, requireLexicon: false);
        }

        foreach (Match m in PhiPatterns.EnCuedName().Matches(text))
        {
            var cue = m.Value.AsSpan(0, m.Groups["v"].Index - m.Index).Trim().TrimEnd(':').TrimEnd(',').Trim().ToString();
            AddName(text, m.Groups["v"], names, requireLexicon: WeakCues.Contains(cue));
        }

        foreach (Match m in PhiPatterns.EnCapitalisedRun().Matches(text))
        {
            AddName(text, m, names, requireLexicon: true);
        }

        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (start, length) in names)
        {
            found.Add(PhiCategory.Name, start, length, 40);
            foreach (var t in text.Substring(start, length).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (t.Length >= 3 && !t.EndsWith('.'))
                {
                    tokens.Add(t);
                }
            }
        }

        // A name token seen once (John Smith) names the same person elsewhere (Mr. Smith, Smith said).
        foreach (var token in tokens)
        {
            for (var i = text.IndexOf(token, StringComparison.Ordinal); i >= 0; i = text.IndexOf(token, i + token.Length, StringComparison.Ordinal))
            {
                var end = i + token.Length;
                if ((i == 0 || !char.IsLetter(text[i - 1])) && (end == text.Length || !char.IsLetter(text[end]))
                    && !EnglishLexicon.EponymFollower.Match(text, end).Success)
                {
                    found.Add(PhiCategory.Name, i, token.Length, 39);
                }
            }
        }
    }

    /// <summary>
    /// Keeps the name tokens of a candidate (after any leading non-name words); with
    /// <paramref name="requireLexicon"/> the first or last kept token must be a known name.
    /// </summary>
    private static void AddName(string text, Group g, List<(int, int)> names, bool requireLexicon)
    {
        var value = g.Value;
        var offset = 0;
        while (true)
        {
            var sp = value.IndexOfAny([' ', '\n', '\t'], offset);
            var first = sp < 0 ? value[offset..] : value[offset..sp];
            if (sp < 0 || EnglishLexicon.IsNameToken(first.TrimEnd('.')))
            {
                break;
            }

            offset = sp + 1;
            while (offset < value.Length && char.IsWhiteSpace(value[offset]))
            {
                offset++;
            }
        }

        var tokens = new List<(int Start, string Token)>();
        foreach (Match t in TokenRegex.Matches(value, offset))
        {
            var bare = t.Value.TrimEnd('.');
            var initial = t.Value.Length <= 2 && char.IsUpper(t.Value[0]);
            if (!(initial && tokens.Count > 0) && !EnglishLexicon.IsNameToken(bare))
            {
                break;
            }

            tokens.Add((t.Index, t.Value));
        }

        // A trailing initial is not part of the name ("John A" in "John A. went").
        while (tokens.Count > 0 && tokens[^1].Token.TrimEnd('.').Length == 1)
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        if (tokens.Count == 0)
        {
            return;
        }

        if (requireLexicon)
        {
            var known = EnglishLexicon.FirstNames.Contains(tokens[0].Token)
                || (tokens.Count >= 2 && EnglishLexicon.LastNames.Contains(tokens[^1].Token))
                || (tokens.Count == 1 && EnglishLexicon.LastNames.Contains(tokens[0].Token));
            if (!known)
            {
                return;
            }
        }

        var start = g.Index + tokens[0].Start;
        var end = g.Index + tokens[^1].Start + tokens[^1].Token.Length;
        if (EnglishLexicon.EponymFollower.Match(text, end).Success)
        {
            return;
        }

        names.Add((start, end - start));
    }

    /// <summary>Cuts an organisation at a sentence end (". " not after Inc/Co/Corp/Ltd) and drops trailing punctuation.</summary>
    private static int OrganizationLength(string value)
    {
        var len = value.Length;
        for (var i = value.IndexOf('.'); i >= 0 && i < len; i = value.IndexOf('.', i + 1))
        {
            var word = value[..i];
            var abbreviation = word.EndsWith("Inc", StringComparison.Ordinal) || word.EndsWith("Co", StringComparison.Ordinal)
                || word.EndsWith("Corp", StringComparison.Ordinal) || word.EndsWith("Ltd", StringComparison.Ordinal)
                || word.EndsWith(" St", StringComparison.Ordinal);
            if (!abbreviation || i + 1 == value.Length || char.IsWhiteSpace(value[i + 1]))
            {
                len = abbreviation ? i + 1 : i;
                break;
            }
        }

        while (len > 0 && value[len - 1] is ',' or '-' or ' ' or '\'' or '&')
        {
            len--;
        }

        foreach (var tail in (ReadOnlySpan<string>)[" and", " of", " the", " for"])
        {
            if (value.AsSpan(0, len).EndsWith(tail, StringComparison.Ordinal))
            {
                len -= tail.Length;
            }
        }

        return len;
    }

    private static readonly Regex TokenRegex = new(@"\p{L}[\p{L}'-]*\.?|\S+", RegexOptions.Compiled | RegexOptions.CultureInvariant);
}
