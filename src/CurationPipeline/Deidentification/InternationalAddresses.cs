using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Street addresses in the forms of other countries (street type before the name: Rua, Calle, Via, Rue, ul.;
/// glued to it: -katu, -gasse, -straße, -vej, -laan, -gatan; after it: tér, utca, u.), US military mail
/// (PSC/Unit ... Box ..., APO/FPO/DPO), "house number, street, number" and cued "Street 12" forms, and the
/// tail of an address line: unit, city, state, country and postal code.
/// </summary>
internal static partial class InternationalAddresses
{
    private const string Glued = "katu|kuja|tie|polku|vej|gade|str(?:æ|ae)de|gasse|stra(?:ss|ß)e|str\\.|weg|laan|straat|gracht|plein|dijk|gatan|v(?:ä|a)gen|gata|gr(?:ä|a)nd|stien|veien|vegen|vei|braut|str(?:æ|ae)ti|vegur|stígur|tún|ulica|iela|tee|allee|platz|ring|damm|ufer";

    private const string Before = "Rua|Avenida|Av\\.?|Avda\\.?|Calle|C/|Carrer|Paseo|Plaza|Pla[çc]a|Pra[çc]a|Travessa|Largo|Estrada|Rodovia|Via|Viale|Vicolo|Piazza|Corso|Rue|Avenue|Boulevard|Bd|Chemin|Impasse|All[ée]e|Route|ul\\.|ulica|al\\.|Aleja|Odos|Leoforos";

    private const string After = "t[ée]r|utca|u\\.|[úu]t|k[öo]r[úu]t|rkp\\.|sor|k[öo]z|str\\.?|Str\\.?|sokak|sok\\.|caddesi|cad\\.";

    private const string Word = @"\p{Lu}[\p{L}'’.-]*";

    public static void Run(string text, CandidateSet found)
    {
        foreach (var regex in (ReadOnlySpan<Regex>)[StreetBefore(), NumberedLowerStreet(), StreetGlued(), StreetAfter(), NumberStreetNumber(), CuedStreet(), Military(), Ship(), PhiPatterns.PoBox()])
        {
            foreach (Match m in regex.Matches(text))
            {
                var g = m.Groups["v"] is { Success: true } v ? v : (Group)m;
                AddWithTail(text, found, g.Index, g.Index + g.Length);
            }
        }
    }

    /// <summary>
    /// Adds an address from <paramref name="start"/> to <paramref name="end"/>, widened by a house number
    /// before it and by the unit, city, country and postcode segments after it; a postcode in the tail is
    /// also added as <see cref="PhiCategory.PostalCode"/>.
    /// </summary>
    public static void AddWithTail(string text, CandidateSet found, int start, int end)
    {
        var lead = LeadingNumber().Match(text[..start]);
        if (lead.Success)
        {
            start = lead.Index;
        }

        // A match that stopped inside a word ("Mc|Culloughtown") takes the whole word.
        while (end < text.Length && end > start && char.IsLetter(text[end]) && char.IsLetter(text[end - 1]))
        {
            end++;
        }

        for (var segments = 0; segments < 6 && end < text.Length; segments++)
        {
            var m = TailSegment().Match(text, end);
            if (!m.Success || m.Index != end)
            {
                break;
            }

            var postal = m.Groups["zip"];
            if (postal.Success)
            {
                found.Add(PhiCategory.PostalCode, postal.Index, postal.Length, 65);
            }

            end = m.Index + m.Length;
        }

        found.Add(PhiCategory.Address, start, end - start, 50);
    }

    [GeneratedRegex(@"(?<![\p{L}\d])(?:\d{1,6}[A-Za-z]?\s+)?(?:" + Before + @")\s+(?:(?:" + Word + @"|d[aeiou]s?|de[li]?|della|dei|des|du|la|le|los|las|y|e)\s+){0,4}?(?:" + Word + @")(?:\s+\d{1,5}[A-Za-z]?\b\.?)?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex StreetBefore();

    /// <summary>"26 rue des Lilas", "33 avenue de Provence": a number, then a lowercase street type.</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])\d{1,6}\s+(?:rue|rua|calle|avenida|avenue|via|viale|piazza|ul\.|ulica)\s+(?:(?:[\p{L}'’-]+)\s+){0,3}?" + Word, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NumberedLowerStreet();

    [GeneratedRegex(@"(?<![\p{L}\d])(?:" + Word + @"\s+){0,2}\p{Lu}[\p{L}-]*?(?i:" + Glued + @")\s+\d{1,5}[A-Za-z]?\b\.?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex StreetGlued();

    [GeneratedRegex(@"(?<![\p{L}\d])(?:" + Word + @"\s+){1,3}(?:" + After + @")\s+\d{1,5}[A-Za-z]?\b\.?|(?<![\p{L}\d])\d{1,6}\s+(?:" + Word + @"\s+){1,3}(?:" + After + @")(?![\p{L}])\.?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex StreetAfter();

    /// <summary>"86036 Maneeži 75": a house or block number, one to three name words and a number, then a line break or comma.</summary>
    [GeneratedRegex(@"(?<![\p{L}\d.,/-])\d{2,6}\s+(?:" + Word + @"\s+){1,3}\d{1,5}[A-Za-z]?(?=\s*(?:,|\r?\n|$|\s{2}|>|\?\?\?|(?:Apt|Suite|Unit)\b))", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NumberStreetNumber();

    [GeneratedRegex(@"\b(?i:lives? (?:at|on)|living at|address(?: is)?\s*:?|moved to|located at|office is at|send (?:it|them) to|ship (?:it )?to)\s+(?:the corner of\s+)?(?<v>(?:\d{1,6}\s+)?(?:" + Word + @"\s+){1,3}\d{1,5}[A-Za-z]?\b)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CuedStreet();

    [GeneratedRegex(@"\b(?i:PSC|Unit|CMR)\s+\d{3,5},?\s+(?i:Box)\s+\d{3,5}(?:\s+(?i:APO|FPO|DPO)\s+(?i:AA|AE|AP)\s+\d{5})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Military();

    [GeneratedRegex(@"\b(?:USNS|USNV|USS|USCGC)\s+\p{Lu}[\p{L}'-]+(?:\s+(?:FPO|APO)\s+(?:AA|AE|AP)\s+\d{5})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Ship();

    [GeneratedRegex(@"(?<![\d.,/:-])\d{1,6}\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNumber();

    /// <summary>
    /// One segment after an address: a separator (comma, two or more spaces, '>', '???' or a line break) and a
    /// unit, a city or country (ending at a separator), a state abbreviation, "nan", or a postal code.
    /// </summary>
    [GeneratedRegex(@"\G(?:\s*,\s*|[ \t]{2,}|\s*>\s*|\s*\?\?\?\s*|[ \t]*(?:\r?\n[ \t]*){1,2}|[ \t](?=(?:Apt|Suite|Unit|\d)))(?:(?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|Room|Rm|Bldg)\.?\s*#?\d+[A-Za-z]?|(?:\p{Lu}[\p{L}'’.-]*(?:[ -](?:\p{Lu}[\p{L}'’.-]*|d[aeiou]s?|de[li]?|nad|pod|am|an|im|sur|upon|on|u))*?|nan)(?:\s+(?<zip>\d{3,6}(?:-\d{3,4}|\s\d{2}(?!\d))?(?:\s[A-Z]{2}\b)?))?(?=\s*(?:$|[,.;!?)>\r\n]|[ \t]{2}|\?\?\?|\s\d))|(?<zip>\d{3,6}(?:-\d{3,4}|\s\d{2}(?!\d))?)(?!\d))", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex TailSegment();
}
