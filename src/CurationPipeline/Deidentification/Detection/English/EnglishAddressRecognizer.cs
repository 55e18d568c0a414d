using System.Buffers;

namespace CurationPipeline.Deidentification;

/// <summary>
/// English street addresses and those of other countries (<see cref="InternationalAddresses"/>): with a house number
/// and their tails, a place before a postal code, and a named street without a number. Text written in one case is
/// searched in a copy with capitals restored (<see cref="CaselessText.ForAddresses"/>).
/// </summary>
internal sealed class EnglishAddressRecognizer : IPhiRecognizer
{
    /// <summary>The street types a named street without a number must end with (a cheap check before the pattern).</summary>
    private static readonly SearchValues<string> StreetTypeWords = SearchValues.Create(
        [" Street", " St.", " St ", " St,", " Road", " Rd", " Avenue", " Ave", " Boulevard", " Blvd", " Lane", " Trail"], StringComparison.Ordinal);

    public TextFeatures Needs => TextFeatures.None;

    public void Find(PhiText phiText, CandidateSet found)
    {
        var text = phiText.Value;
        if (phiText.IsCaseless)
        {
            if (phiText.HasDigit)
            {
                NumberedAddresses(CaselessText.ForAddresses(text), found);
            }

            return;
        }

        if (!phiText.HasCapital)
        {
            return;
        }

        if (phiText.HasDigit)
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
                        found.Add(PhiCategory.Address, city.Index, city.Length, PhiPriority.PlaceBeforePostcode);
                        found.Add(PhiCategory.PostalCode, m.Groups["zip"].Index, m.Groups["zip"].Length, PhiPriority.PostalCode);
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
                    found.Add(PhiCategory.Address, v.Index, v.Length, PhiPriority.NamedStreet);
                }
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
}
