using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>Recognisers of English street addresses and employers/schools; names are in <see cref="EnglishNames"/>.</summary>
internal static class EnglishRecognizers
{
    public static void Run(string text, CandidateSet found)
    {
        if (text.AsSpan().IndexOfAnyInRange('A', 'Z') < 0)
        {
            return;
        }

        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            foreach (var (start, end) in EnglishLexicon.StreetAddresses(text))
            {
                InternationalAddresses.AddWithTail(text, found, start, end);
            }

            InternationalAddresses.Run(text, found);
        }

        var roles = text.Contains("CEO", StringComparison.Ordinal) || text.Contains("ounder", StringComparison.Ordinal)
            || text.Contains("irector", StringComparison.Ordinal) || text.Contains("resident", StringComparison.Ordinal)
            || text.Contains("hairman", StringComparison.Ordinal) || text.Contains("mployee", StringComparison.Ordinal);
        foreach (Match m in roles ? PhiPatterns.EnOrganization().Matches(text).Concat(PhiPatterns.EnOrganizationRole().Matches(text)) : PhiPatterns.EnOrganization().Matches(text))
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
            // One to four capitalised words before the suffix: "Acme Widget Corporation".
            var start = m.Index;
            var words = 0;
            while (words < 4 && start >= 2 && text[start - 1] == ' ' && char.IsLetter(text[start - 2]))
            {
                var w = start - 1;
                while (w > 0 && (char.IsLetter(text[w - 1]) || text[w - 1] is '&' or '\'' or '-'))
                {
                    w--;
                }

                if (!char.IsUpper(text[w]) || EnglishLexicon.NotNames.Contains(text[w..(start - 1)]))
                {
                    break;
                }

                start = w;
                words++;
            }

            if (words > 0)
            {
                found.Add(PhiCategory.Organization, start, m.Index + OrganizationLength(m.Value) - start, 44);
            }
        }
        EnglishNames.Run(text, found);
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

}
