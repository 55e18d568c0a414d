using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>
/// English employers and schools: after a cue ("works at", "employer:"), after a role ("CEO of"), or capitalised
/// words before a company suffix ("Acme Widget Corporation").
/// </summary>
internal sealed class EnglishOrganizationRecognizer : IPhiRecognizer
{
    public TextFeatures Needs => TextFeatures.None;

    public void Find(PhiText phiText, CandidateSet found)
    {
        if (phiText.IsCaseless || !phiText.HasCapital)
        {
            return;
        }

        var text = phiText.Value;
        var roles = text.Contains("CEO", StringComparison.Ordinal) || text.Contains("ounder", StringComparison.Ordinal)
            || text.Contains("irector", StringComparison.Ordinal) || text.Contains("resident", StringComparison.Ordinal)
            || text.Contains("hairman", StringComparison.Ordinal) || text.Contains("mployee", StringComparison.Ordinal);
        CuedOrganizations(text, found, PhiPatterns.EnOrganization());
        if (roles)
        {
            CuedOrganizations(text, found, PhiPatterns.EnOrganizationRole());
        }

        for (var m = PhiPatterns.EnOrganizationSuffix().Match(text); m.Success; m = m.NextMatch())
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
                found.Add(PhiCategory.Organization, start, m.Index + OrganizationLength(m.Value) - start, PhiPriority.OrganizationBySuffix);
            }
        }
    }

    private static void CuedOrganizations(string text, CandidateSet found, Regex pattern)
    {
        for (var m = pattern.Match(text); m.Success; m = m.NextMatch())
        {
            var v = m.Groups["v"];
            var len = OrganizationLength(v.Value);
            if (len >= 2 && !EnglishLexicon.NotNames.Contains(v.Value[..len]))
            {
                found.Add(PhiCategory.Organization, v.Index, len, PhiPriority.Organization);
            }
        }
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
