using System.Buffers;
using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>Recognisers of English street addresses and employers/schools; names are in <see cref="EnglishNames"/>.</summary>
internal static class EnglishRecognizers
{
    /// <summary>The street types a named street without a number must end with (a cheap check before the pattern).</summary>
    private static readonly SearchValues<string> StreetTypeWords = SearchValues.Create(
        [" Street", " St.", " St ", " St,", " Road", " Rd", " Avenue", " Ave", " Boulevard", " Blvd", " Lane", " Trail"], StringComparison.Ordinal);

    public static void Run(string text, CandidateSet found)
    {
        if (CaselessText.Applies(text))
        {
            // Names and addresses are looked for in copies with capitals restored (same offsets).
            if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
            {
                NumberedAddresses(CaselessText.ForAddresses(text), found);
            }

            EnglishNames.Run(CaselessText.ForNames(text), found);
            return;
        }

        if (text.AsSpan().IndexOfAnyInRange('A', 'Z') < 0)
        {
            return;
        }

        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            NumberedAddresses(text, found);
            // The pattern runs only on a window before each four- or five-digit code that follows a word.
            for (var code = CodeAfterWord(text, 0); code >= 0; code = CodeAfterWord(text, code + 1))
            {
                var from = Math.Max(0, code - 80);
                for (var m = PhiPatterns.PlaceAndPostcode().Match(text, from, Math.Min(text.Length, code + 16) - from); m.Success; m = m.NextMatch())
                {
                    var city = m.Groups["city"];
                    if (m.Groups["zip"].Index == code && !EnglishLexicon.NotNames.Contains(city.Value) && !NameShape.PlainWord(city.Value))
                    {
                        found.Add(PhiCategory.Address, city.Index, city.Length, 48);
                        found.Add(PhiCategory.PostalCode, m.Groups["zip"].Index, m.Groups["zip"].Length, 65);
                    }
                }
            }
        }

        if (UncoveredStreetType(text, found))
        {
            for (var m = PhiPatterns.NamedStreet().Match(text); m.Success; m = m.NextMatch())
            {
                var v = m.Groups["v"];
                var firstWord = v.Value[..v.Value.IndexOf(' ')];
                if (!EnglishLexicon.NotNames.Contains(firstWord))
                {
                    found.Add(PhiCategory.Address, v.Index, v.Length, 49);
                }
            }
        }

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
                found.Add(PhiCategory.Organization, start, m.Index + OrganizationLength(m.Value) - start, 44);
            }
        }
        EnglishNames.Run(text, found);
        if (text.Contains('\n'))
        {
            SignatureBlockOrganization(text, found);
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
                found.Add(PhiCategory.Organization, v.Index, len, 45);
            }
        }
    }

    /// <summary>Street addresses with a house number: English forms and those of other countries, with their tails.</summary>
    private static void NumberedAddresses(string text, CandidateSet found)
    {
        foreach (var (start, end) in EnglishLexicon.StreetAddresses(text))
        {
            InternationalAddresses.AddWithTail(text, found, start, end);
        }

        InternationalAddresses.Run(text, found);
    }

    /// <summary>
    /// A street type ("Street", "St.", "Road" ...) that no address found so far covers: only then can a named street
    /// without a number be there (a cheap check before the pattern).
    /// </summary>
    private static bool UncoveredStreetType(string text, CandidateSet found)
    {
        var span = text.AsSpan();
        for (var i = span.IndexOfAny(StreetTypeWords); i >= 0;)
        {
            if (!found.Covers(PhiCategory.Address, i + 1, i + 3))
            {
                return true;
            }

            var next = span[(i + 1)..].IndexOfAny(StreetTypeWords);
            i = next < 0 ? -1 : i + 1 + next;
        }

        return false;
    }

    /// <summary>
    /// A run of four or five digits (or "840 24", "3610-114") right after a word and a space: the only place a
    /// postal code after a place name can be (a cheap check before the pattern).
    /// </summary>
    private static int CodeAfterWord(string text, int from)
    {
        var span = text.AsSpan();
        var first = span[from..].IndexOfAnyInRange('0', '9');
        for (var i = first < 0 ? -1 : from + first; i >= 0 && i < span.Length;)
        {
            var e = i;
            while (e < span.Length && char.IsAsciiDigit(span[e]))
            {
                e++;
            }

            if (i >= 2 && span[i - 1] == ' ' && char.IsLetter(span[i - 2]) && (e - i is 4 or 5 || (e - i == 3 && e + 3 <= span.Length && span[e] == ' ' && char.IsAsciiDigit(span[e + 1]) && char.IsAsciiDigit(span[e + 2]))))
            {
                return i;
            }

            var next = span[e..].IndexOfAnyInRange('0', '9');
            i = next < 0 ? -1 : e + next;
        }

        return -1;
    }

    /// <summary>
    /// In a signature or letter-head block (short lines: name, employer, address), the line after a name line and
    /// before an address line (or a repeat of the name) is the employer: "Allan Björk / Scale Unlimited / Unit 5022
    /// Box 1225". A job-title line ("Leasing consultant") is told apart by its lowercase words.
    /// </summary>
    private static void SignatureBlockOrganization(string text, CandidateSet found)
    {
        var lines = new List<(int Start, int End)>();
        for (var s = 0; s <= text.Length;)
        {
            var e = text.IndexOf('\n', s);
            e = e < 0 ? text.Length : e;
            var a = s;
            while (a < e && text[a] is ' ' or '\t' or '>' or '?' or '*' or '-')
            {
                a++;
            }

            var b = e;
            while (b > a && char.IsWhiteSpace(text[b - 1]))
            {
                b--;
            }

            if (b > a)
            {
                lines.Add((a, b));
            }

            s = e + 1;
        }

        for (var i = 1; i + 1 < lines.Count; i++)
        {
            var (start, end) = lines[i];
            var line = text.AsSpan(start, end - start);
            if (line.Length > 60 || line.IndexOfAnyInRange('0', '9') >= 0 || line.IndexOfAny(":;!?@") >= 0 || (line[^1] == '.' && !line.EndsWith("Inc.") && !line.EndsWith("Ltd."))
                || !char.IsUpper(line[0]))
            {
                continue;
            }

            var words = 0;
            var titleCase = true;
            foreach (var range in line.Split(' '))
            {
                var w = line[range];
                if (w.Length == 0)
                {
                    continue;
                }

                words++;
                titleCase &= w.Length < 4 || char.IsUpper(w[0]);
            }

            var firm = line.Contains(", ", StringComparison.Ordinal) && line.Contains(" and ", StringComparison.Ordinal);
            if (words > 6 || !(titleCase || firm) || (words == 1 && NameShape.PlainWord(line.ToString())))
            {
                continue;
            }

            // Only now the candidates: the line is no name or address itself, a name line is before it and an
            // address line (or the name again, then the address) after it.
            if (found.Covers(PhiCategory.Name, start, end) || found.Covers(PhiCategory.Address, start, end)
                || !found.Covers(PhiCategory.Name, lines[i - 1].Start, lines[i - 1].End)
                || !(found.Covers(PhiCategory.Address, lines[i + 1].Start, lines[i + 1].End)
                    || (found.Covers(PhiCategory.Name, lines[i + 1].Start, lines[i + 1].End) && i + 2 < lines.Count && found.Covers(PhiCategory.Address, lines[i + 2].Start, lines[i + 2].End))))
            {
                continue;
            }

            found.Add(PhiCategory.Organization, start, end - start, 43);
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
