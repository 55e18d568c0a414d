using System.Buffers;
using System.Collections.Frozen;
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
    /// <summary>Street types written as the end of the street name (Finnish, Scandinavian, German, Dutch, Icelandic, Slavic, Baltic).</summary>
    private static readonly string[] GluedTypes =
    [
        "katu", "kuja", "tie", "polku", "vej", "gade", "stræde", "straede", "gasse", "strasse", "straße", "weg", "laan", "straat",
        "gracht", "plein", "dijk", "gatan", "vägen", "vagen", "gata", "gränd", "stien", "veien", "vegen", "vei", "braut", "stræti",
        "straeti", "vegur", "stígur", "tún", "ulica", "iela", "allee", "platz", "str", "hof", "singel", "kade", "dreef", "steeg",
        "markt", "baan", "plantsoen", "gate", "park", "sloot", "bakken", "svingen", "kroken", "toppen", "haugen", "åsen",
        "løkka", "lokka", "vollen", "tunet", "jordet", "plassen", "dalen", "skogen", "sletta", "kollen", "brinken", "grenda", "torget",
    ];

    private const string Before = "Rua|Avenida|Av\\.?|Avda\\.?|Calle|C/|Carrer|Paseo|Plaza|Pla[çc]a|Pra[çc]a|Travessa|Largo|Estrada|Rodovia|Via|Viale|Vicolo|Piazza|Corso|Rue|Avenue|Boulevard|Bd|Chemin|Impasse|All[ée]e|Route|Ulica|Aleja|Odos|Leoforos"
        + "|Strada|Str\\.|Bulevardul|Aleea|Calea|Splaiul|Intrarea|Pia[țţt]a|[ȘŞS]oseaua|Jalan|Jl\\.|Jln\\.|Gg\\.|Kpg\\.|Psr\\.|Dk\\.";

    private const string After = "t[ée]r|utca|u\\.|[úu]t|k[öo]r[úu]t|rkp\\.|sor|k[öo]z|str\\.?|Str\\.?|[Ss]okak|[Ss]oka[ğg][ıi]|[Ss]ok\\.|[Cc]addesi|[Cc]ad\\.|[Bb]ulvar[ıi]|Stra(?:ß|ss)e|Gasse|Allee|Platz|Weg"
        + "|iela|dambis|gatve|g[āa]te|n[áa]mestie|n[áa]m[ěe]st[íi]|cesta|trieda|t[řr][íi]da|n[áa]b[řr]e[žz][íi]e?|prospekts|bulv[āa]ris|[šs]oseja|laukums|k[üu][çc]\\.|k[üu][çc][əe]si|prospekti|pr\\.|[şs]ossesi|V[äa]g|Gata|Gr[äa]nd|Torg|Gate|Vei|Veien";

    private const string Word = @"\p{Lu}[\p{L}'’.-]*";

    /// <summary>Unit, staircase and floor words of other languages that follow a street ("Bloc 09, Ap. 884", "Lgh. 848", "dz. 380").</summary>
    private const string Units = "Bloco|Bloc|Lote|Casa|Ap|Apto|Apt|Esc|Puerta|Piso|Edificio|Appartamento|Piano|Interno|Scala|Lgh|Leil|Oppgang|Stan|dz|Etage|Zimmer|Stock|T[üu]r|Top|Dpto|Depto|Lokal|Bus|bus|Hus|Kat|m";

    /// <summary>Street types before the name that are also ordinary words elsewhere: taken only with a number ("Sector Tomás Valle, 84").</summary>
    private const string BeforeNumbered = "Sector|Pol[íi]gono|Rampa|Senda|Subida|Bajada|Ronda|Camino|Pasaje|Callej[óo]n|Calleja|Glorieta|Urbanizaci[óo]n|Barrio|Cuesta|Traves[íi]a|Carretera|Poblado|Solar|Rambla|Riera|Rinc[óo]n|Prolongaci[óo]n|Colonia|Manzana|Muelle|Partida|Ramal|Torrente|Explanada|Huerta|Jardines|Parque|Rotonda|Borgo|Contrada|Piazzale|Voie|Quai|Cours|Passage|Faubourg|Chauss[ée]e|Trg|Gran|Cam[íi]|Ruela|Beco|Alameda|Vila|Quinta|Vestre|[ØO]stre|Nordre|S[øo]ndre|[ØO]vre|Nedre"
        + "|Aldea|Arrabal|Arroyo|Barranco|Bloque|Caser[íi]o|Conjunto|Entrada|Escalinata|Extramuros|Extrarradio|Ferrocarril|Grupo|Lado|Lugar|Mas[íi]a|Mercado|Monte|Municipio|Parcela|Puente|Salida|Secci[óo]n|Terrenos|Ds\\.|Ki\\.|Jr\\.";

    // Cheap multi-string checks: a pattern runs only on texts holding one of the words it needs.
    private static readonly WordSet BeforeWords = new(
        ["Rua", "Av", "Calle", "C/", "Carrer", "Paseo", "Pla", "Pra", "Travessa", "Largo", "Estrada", "Rodovia", "Via", "Vicolo",
            "Piazza", "Corso", "Rue", "Boulevard", "Bd", "Chemin", "Impasse", "All", "Route", "Ulica", "Aleja", "Odos", "Leoforos",
            "Str.", "Strada", "Bulevardul", "Aleea", "Calea", "Splaiul", "Intrarea", "Pia\u021ba", "Pia\u0163a", "Piata", "oseaua", "Jalan", "Jl.", "Jln.",
            "Gg.", "Kpg.", "Psr.", "Dk."],
        StringComparison.Ordinal);

    // Whole words with the space after them: "Gran", "Cam", "Vila" alone are parts of too many other words.
    private static readonly WordSet BeforeNumberedWords = new(
        ["Sector ", "Pol\u00edgono ", "Poligono ", "Rampa ", "Senda ", "Subida ", "Bajada ", "Ronda ", "Camino ", "Pasaje ", "Callej\u00f3n ",
            "Callejon ", "Calleja ", "Glorieta ", "Urbanizaci\u00f3n ", "Urbanizacion ", "Barrio ", "Cuesta ", "Traves\u00eda ", "Travesia ",
            "Carretera ", "Poblado ", "Solar ", "Rambla ", "Riera ", "Rinc\u00f3n ", "Rincon ", "Prolongaci\u00f3n ", "Prolongacion ",
            "Colonia ", "Manzana ", "Muelle ", "Partida ", "Ramal ", "Torrente ", "Explanada ", "Huerta ", "Jardines ", "Parque ", "Rotonda ",
            "Borgo ", "Contrada ", "Piazzale ", "Voie ", "Quai ", "Cours ", "Passage ", "Faubourg ", "Chauss\u00e9e ", "Chaussee ", "Trg ",
            "Gran ", "Cam\u00ed ", "Cami ", "Ruela ", "Beco ", "Alameda ", "Vila ", "Quinta ", "Vestre ", "\u00d8stre ", "Ostre ", "Nordre ",
            "S\u00f8ndre ", "Sondre ", "\u00d8vre ", "Ovre ", "Nedre ", "Aldea ", "Arrabal ", "Arroyo ", "Barranco ", "Bloque ",
            "Caser\u00edo ", "Caserio ", "Conjunto ", "Entrada ", "Escalinata ", "Extramuros ", "Extrarradio ", "Ferrocarril ", "Grupo ",
            "Lado ", "Lugar ", "Mas\u00eda ", "Masia ", "Mercado ", "Monte ", "Municipio ", "Parcela ", "Puente ", "Salida ",
            "Secci\u00f3n ", "Seccion ", "Terrenos ", "Ds. ", "Ki. ", "Jr. "],
        StringComparison.Ordinal);

    private static readonly WordSet GermanPrepositions = new(
        ["Zur ", "Zum ", "Am ", "Im ", "An d", "Auf d", "In d", "Unter d", "Hinter d", "Vor d", "Bei d", "Beim ", "\u00dcber d"],
        StringComparison.Ordinal);

    private static readonly WordSet CzechPrepositions = new(
        ["Na ", "Nad ", "Pod ", "Za ", "P\u0159ed ", "Pred ", "P\u0159i ", "Pri ", "Ke ", "Ve "], StringComparison.Ordinal);

    /// <summary>French street types written after the house number ("4 Place de la Victoire", "53 Passage d'Abbeville").</summary>
    private static readonly WordSet FrenchNumberedWords = new(
        [" Voie ", " Place ", " Passage ", " Quai ", " Cours ", " Faubourg ", " Chauss", " Square ", " Cit", " Hameau ", " Sentier ",
            " Parvis ", " Esplanade ", " Promenade ", " Villa ", " Impasse ", " All", " Chemin ", " Route "],
        StringComparison.Ordinal);

    private static readonly SearchValues<string> LowerWords = SearchValues.Create(
        ["rue", "rua", "calle", "avenida", "avenue", "via", "viale", "piazza", "ul.", "ulica", "al."], StringComparison.Ordinal);

    /// <summary>The Polish abbreviations as words of their own (not "normal." or "diagnos.").</summary>
    private static readonly SearchValues<string> PolishWords = SearchValues.Create(
        [" ul. ", " al. ", " pl. ", " os. ", "\nul. ", "\nal. ", "\npl. ", "\nos. ", "(ul. ", ">ul. "], StringComparison.Ordinal);

    private static readonly SearchValues<string> AddressCues = SearchValues.Create(
        ["live", "living", "address", "moved to", "located at", "office is at", "send it", "send them", "ship"], StringComparison.OrdinalIgnoreCase);

    private static readonly WordSet AfterWords = new(
        [" t\u00e9r", " ter", " utca", " u.", " \u00fat", " ut", " k\u00f6r\u00fat", " korut", " rkp.", " sor", " k\u00f6z", " koz", " str", " Str", " sok", " cad",
            " iela", " dambis", " gatve", " prospekt", " bulv", " \u0161oseja", " soseja", " laukums", " k\u00fc\u00e7", " kuc", " pr. ", " \u015fosse", " sosse", " V\u00e4g", " Vag ", " Gata", " Gr\u00e4nd", " Torg ", " Gate ", " Vei ", " Veien", " Sok", " Cad", " Bulv", " Stra", " Gasse", " Allee", " Platz", " Weg", " g\u0101te", " gate", " n\u00e1m", " nam", " cesta", " trieda",
            " t\u0159\u00edda", " trida", " n\u00e1b", " nab"],
        StringComparison.Ordinal);

    public static void Run(string text, CandidateSet found)
    {
        var span = text.AsSpan();
        var ascii = System.Text.Ascii.IsValid(span);
        var box = text.Contains("box", StringComparison.OrdinalIgnoreCase);
        var ship = text.Contains("US", StringComparison.Ordinal);
        ReadOnlySpan<Regex?> patterns =
        [
            BeforeWords.In(span, ascii) ? StreetBefore() : null,
            span.ContainsAny(LowerWords) ? NumberedLowerStreet() : null,
            span.ContainsAny(PolishWords) || span.StartsWith("ul. ") || span.StartsWith("al. ") ? PolishStreet() : null,
            BeforeNumberedWords.In(span, ascii) ? StreetBeforeNumbered() : null,
            GermanPrepositions.In(span, ascii) ? GermanStreet() : null,
            CzechPrepositions.In(span, ascii) ? CzechStreet() : null,
            FrenchNumberedWords.In(span, ascii) ? FrenchNumberedStreet() : null,
            span.ContainsAny(AddressCues) ? CuedStreet() : null,
            box ? Military() : null,
            ship ? Ship() : null,
            box ? PhiPatterns.PoBox() : null,
        ];
        foreach (var regex in patterns)
        {
            if (regex is null)
            {
                continue;
            }

            for (var m = regex.Match(text); m.Success; m = m.NextMatch())
            {
                var g = m.Groups["v"] is { Success: true } v ? v : (Group)m;
                AddWithTail(text, found, g.Index, g.Index + g.Length);
            }
        }

        NumbersAroundWords(text, found);
        GluedStreets(text, found);

        // The street type after the name is tried only where one of its words stands after a space.
        for (var i = AfterWords.IndexIn(span, ascii); i >= 0;)
        {
            var m = StreetAfterAt().Match(text, i + 1);
            var next = i + 1;
            if (m.Success)
            {
                var start = CapitalisedWordsBefore(text, m.Index, 3);
                if (start < m.Index && (m.Groups["n"].Success || HouseNumberBefore(text, start) < start))
                {
                    AddWithTail(text, found, start, m.Index + m.Length);
                }

                next = m.Index + Math.Max(1, m.Length);
            }

            var rest = next < span.Length ? AfterWords.IndexIn(span[next..], ascii) : -1;
            i = rest < 0 ? -1 : next + rest;
        }
    }

    /// <summary>
    /// <see cref="NumberStreetNumberAt"/> tried only where a run of two to six digits at a word start is followed by
    /// whitespace and a capital letter (running the pattern over the whole text tries every digit).
    /// </summary>
    private static void NumbersAroundWords(string text, CandidateSet found)
    {
        var span = text.AsSpan();
        var p = span.IndexOfAnyInRange('0', '9');
        while (p >= 0)
        {
            var e = p;
            while (e < span.Length && char.IsAsciiDigit(span[e]))
            {
                e++;
            }

            var boundary = p == 0 || !(char.IsLetterOrDigit(span[p - 1]) || span[p - 1] is '.' or ',' or '/' or '-');
            var w = e;
            while (w < span.Length && char.IsWhiteSpace(span[w]))
            {
                w++;
            }

            var next = e;
            if (boundary && e - p is >= 2 and <= 6 && w > e && w < span.Length && char.IsUpper(span[w]))
            {
                var m = NumberStreetNumberAt().Match(text, p);
                if (m.Success)
                {
                    AddWithTail(text, found, m.Index, m.Index + m.Length);
                    next = m.Index + m.Length;
                }
            }

            var rest = next < span.Length ? span[next..].IndexOfAnyInRange('0', '9') : -1;
            p = rest < 0 ? -1 : next + rest;
        }
    }

    /// <summary>
    /// Adds an address from <paramref name="start"/> to <paramref name="end"/>, widened by a house number
    /// before it and by the unit, city, country and postcode segments after it; a postcode in the tail is
    /// also added as <see cref="PhiCategory.PostalCode"/>.
    /// </summary>
    public static void AddWithTail(string text, CandidateSet found, int start, int end)
    {
        // Up to two numbers before the match: "26 rue des Lilas" and a building number before it ("770 26 rue ...").
        start = HouseNumberBefore(text, HouseNumberBefore(text, start));

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
                found.Add(PhiCategory.PostalCode, postal.Index, postal.Length, PhiPriority.PostalCode);
            }

            end = m.Index + m.Length;
        }

        found.Add(PhiCategory.Address, start, end - start, PhiPriority.Address);
    }

    /// <summary>
    /// "Koskikatu 25", "Ziegelgasse 19", "Brixtonlaan 380": a capitalised word ending in a street type, then a
    /// house number. Found from each number that follows a space, which is much cheaper than a pattern
    /// trying every word.
    /// </summary>
    private static void GluedStreets(string text, CandidateSet found)
    {
        for (var i = 2; i < text.Length; i++)
        {
            // "Havnegade 4", and the abbreviation "Schulstr. 9".
            var abbreviated = text[i - 2] == '.' && i >= 5 && text.AsSpan(i - 5, 3).Equals("str", StringComparison.OrdinalIgnoreCase);
            if (!char.IsAsciiDigit(text[i]) || text[i - 1] != ' ' || !(char.IsLetter(text[i - 2]) || abbreviated))
            {
                continue;
            }

            var wordEnd = abbreviated ? i - 2 : i - 1;
            var wordStart = wordEnd;
            while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '-'))
            {
                wordStart--;
            }

            if (!char.IsUpper(text[wordStart]))
            {
                continue;
            }

            var word = text.AsSpan(wordStart, wordEnd - wordStart);
            var adjective = false;
            if (!EndsWithStreetType(word))
            {
                if (abbreviated || !SlavicStreetAdjective(text, wordStart, wordEnd))
                {
                    continue;
                }

                adjective = true;
            }

            var end = i;
            while (end < text.Length && end - i < 5 && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end < text.Length && char.IsAsciiLetter(text[end]) && (end + 1 == text.Length || !char.IsLetterOrDigit(text[end + 1])))
            {
                end++;
            }

            if (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                continue;
            }

            // "Bajzova 81" is a street; "Bajzova 81 years" or "Bajzova 81 was seen" is not.
            if (adjective && end + 1 < text.Length && text[end] == ' ' && char.IsLower(text[end + 1]))
            {
                continue;
            }

            AddWithTail(text, found, wordStart, end < text.Length && text[end] == '.' ? end + 1 : end);
        }
    }

    /// <summary>
    /// A Czech, Slovak or Croatian street named by an adjective ("Bohdašínská 81", "Bajzova 81", "Lažanského 949",
    /// "Jankovačka 8"): a word of five or more letters with such an ending that is no English word, and not right after a
    /// capitalised word (then it is more likely a surname after a given name: "Jana Nováková 45").
    /// </summary>
    private static bool SlavicStreetAdjective(string text, int start, int end)
    {
        var word = text.AsSpan(start, end - start);
        if (word.Length < 5 || word.IndexOf('-') >= 0 || !char.IsLower(word[^1]))
        {
            return false;
        }

        var ending = false;
        foreach (var e in SlavicAdjectiveEndings)
        {
            ending |= word.EndsWith(e, StringComparison.Ordinal);
        }

        if (!ending || NameShape.PlainWord(word.ToString()))
        {
            return false;
        }

        var b = start;
        while (b > 0 && text[b - 1] == ' ')
        {
            b--;
        }

        return b == start || b == 0 || !char.IsLetter(text[b - 1]) || !char.IsUpper(text[WordStartBefore(text, b)]);
    }

    private static int WordStartBefore(string text, int end)
    {
        var s = end;
        while (s > 0 && char.IsLetter(text[s - 1]))
        {
            s--;
        }

        return s;
    }

    private static readonly string[] SlavicAdjectiveEndings = ["ská", "ský", "ské", "ska", "ského", "ého", "ova", "ová", "ovo", "ačka", "ečka", "ička", "ná", "ní"];

    /// <summary>The glued street types by their last three letters: most words meet none, after one lookup.</summary>
    private static readonly FrozenDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> GluedTypesByEnding =
        GluedTypes.GroupBy(t => t[^3..], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool EndsWithStreetType(ReadOnlySpan<char> word)
    {
        if (word.Length < 5 || !GluedTypesByEnding.TryGetValue(word[^3..], out var types))
        {
            return false;
        }

        foreach (var type in types)
        {
            if (word.Length > type.Length + 1 && word.EndsWith(type, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Start of up to <paramref name="words"/> capitalised words right before <paramref name="pos"/>.</summary>
    private static int CapitalisedWordsBefore(string text, int pos, int words)
    {
        var start = pos;
        for (var k = 0; k < words; k++)
        {
            var e = start;
            while (e > 0 && text[e - 1] == ' ')
            {
                e--;
            }

            var w = e;
            while (w > 0 && (char.IsLetter(text[w - 1]) || text[w - 1] is '\'' or '’' or '.' or '-'))
            {
                w--;
            }

            if (w == e || e == start || !char.IsUpper(text[w]))
            {
                break;
            }

            start = w;
        }

        return start;
    }

    /// <summary>Start of a house or block number of up to six digits right before <paramref name="start"/> ("3369 24 Clarke Avenue"), else <paramref name="start"/>.</summary>
    private static int HouseNumberBefore(string text, int start)
    {
        var n = start;
        while (n > 0 && text[n - 1] is ' ' or '\t')
        {
            n--;
        }

        var d = n;
        while (d > 0 && n - d < 6 && char.IsAsciiDigit(text[d - 1]))
        {
            d--;
        }

        var boundary = d == 0 || !(char.IsLetterOrDigit(text[d - 1]) || text[d - 1] is '.' or ',' or '/' or ':' or '-');
        return d < n && n < start && boundary ? d : start;
    }

    [GeneratedRegex(@"(?<![\p{L}\d])(?:" + Before + @")\s+(?:(?:" + Word + @"|d[aeiou]s?|de[li]?|della|dei|des|du|la|le|los|las|y|e)\s+){0,4}(?:" + Word + @")(?:,?\s+(?:(?:no|nr|No|Nr|nr\.|Nr\.|no\.|No\.)\s*)?\d{1,5}[A-Za-z]?\b\.?)?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex StreetBefore();

    /// <summary>"Sector Tomás Valle, 84", "Voie du Bac 5": a street type that needs its house number after the name.</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?:" + BeforeNumbered + @")\s+(?:(?:" + Word + @"|d[aeiou]s?|de[li]?|della|dei|des|du|la|le|los|las|y|e)\s+){0,4}?(?:" + Word + @")(?:,?\s+(?:(?:no|nr|No|Nr)\.?\s*)?\d{1,5}[A-Za-z]?\b|\s+s/n\.?)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex StreetBeforeNumbered();

    /// <summary>German streets named with a preposition: "Zur alten Fabrik 41c", "An der Schusterinsel 934", "Im Grund 7".</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?:Zur|Zum|Am|Im|Beim|(?:An|Auf|In|Unter|Hinter|Vor|Bei|Über) (?:der|dem|den))\s+(?:\p{Ll}+e[nmrs]?\s+)?(?:" + Word + @"\s+){0,2}?" + Word + @"\s+\d{1,4}[a-z]?\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex GermanStreet();

    /// <summary>
    /// Czech and Slovak streets named with a preposition: "Na Viktorce 914", "Nad Rohatci 952/4". The name word has
    /// at least three letters (not "Na K 4": lab values).
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?:Na|Nad|Pod|Za|P[řr]ed|P[řr]i|Ke|Ve)\s+\p{Lu}\p{Ll}{2,}(?:\s+\p{Ll}{3,})?\s+\d{1,4}[a-z]?(?:/\d{1,4})?\b(?![.,]\d)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CzechStreet();

    /// <summary>"4 Place de la Victoire", "53 Passage d'Abbeville", "3 Voie de la Pompe": number, French street type, name.</summary>
    [GeneratedRegex(@"(?<![\p{L}\d.,])\d{1,5}(?:\s?(?:bis|ter))?,?\s+(?:Voie|Place|Passage|Quai|Cours|Faubourg|Chauss[ée]e|Square|Cit[ée]|Hameau|Sentier|Parvis|Esplanade|Promenade|Villa|Impasse|All[ée]e|Chemin|Route)\s+(?:(?:de\s+la|d[eu]s?|la|le|les)\s+|(?:d|l|de\s+l)['’])?" + Word + @"(?:\s+(?!(?:Apt|Apartment|Suite|Ste|Unit|" + Units + @")\b)" + Word + @"){0,3}", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex FrenchNumberedStreet();

    /// <summary>Polish street abbreviations before the name, with a number: "ul. Marszałkowska 12/5", "al. Kuciński 84".</summary>
    [GeneratedRegex(@"(?<![\p{L}\d]|et\s)(?:ul|al|pl|os)\.\s+(?:" + Word + @"\s+){0,3}?" + Word + @"\s+\d{1,5}[A-Za-z]?(?:/\d{1,4})?\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PolishStreet();

    /// <summary>"26 rue des Lilas", "33 avenue de Provence": a lowercase street type after a house number.</summary>
    [GeneratedRegex(@"(?<=(?<![\p{L}\d])\d{1,6}\s+)(?:rue|rua|calle|avenida|avenue|via|viale|piazza|ul\.|ulica|al\.)\s+(?:(?:[\p{L}'’-]+)\s+){0,3}?" + Word, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NumberedLowerStreet();

    [GeneratedRegex(@"\G(?:" + After + @")(?![\p{L}])\.?(?<n>,?\s+\d{1,5}[A-Za-z]?\b\.?(?:\s?-\s?\d{1,4}\b)?)?", RegexOptions.CultureInvariant)]
    private static partial Regex StreetAfterAt();

    /// <summary>"86036 Maneeži 75": a house or block number, one to three name words and a number, then a line break or comma.</summary>
    [GeneratedRegex(@"\G\d{2,6}\s+(?:" + Word + @"\s+){1,3}\d{1,5}[A-Za-z]?(?=\s*(?:,|\r?\n|$|\s{2}|>|\?\?\?|(?:Apt|Suite|Unit)\b))", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NumberStreetNumberAt();

    [GeneratedRegex(@"\b(?i:lives? (?:at|on)|living at|address(?: is)?\s*:?|moved to|located at|office is at|send (?:it|them) to|ship (?:it )?to)\s+(?:the corner of\s+)?(?<v>(?:\d{1,6}\s+)?(?:" + Word + @"\s+){1,3}\d{1,5}[A-Za-z]?\b)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CuedStreet();

    [GeneratedRegex(@"\b(?i:PSC|Unit|CMR)\s+\d{3,5},?\s+(?i:Box)\s+\d{3,5}(?:\s+(?i:APO|FPO|DPO)\s+(?i:AA|AE|AP)\s+\d{5})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Military();

    [GeneratedRegex(@"\b(?:USNS|USNV|USS|USCGC)\s+\p{Lu}[\p{L}'-]+(?:\s+(?:FPO|APO)\s+(?:AA|AE|AP)\s+\d{5})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Ship();

    /// <summary>
    /// One segment after an address: a separator (comma, two or more spaces, '>', '???' or a line break) and a
    /// unit, a city or country (ending at a separator), a state abbreviation, "nan", or a postal code.
    /// </summary>
    [GeneratedRegex(@"\G(?:\s*,\s*|[ \t]{2,}|\s*>\s*|\s*\?\?\?\s*|[ \t]*(?:\r?\n[ \t]*){1,2}|[ \t](?=(?:Apt|Suite|Unit|\d|" + Units + @")))(?:(?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|Room|Rm|Bldg|" + Units + @")\.?\s*#?\d+[A-Za-z]?(?:\s*-\s*\d+)?|\d{1,3}(?:\.|e|de|ste|er|re|ème|º|ª|st|nd|rd|th)?\s*(?:OG|hoog|[ée]tage|Stock|piso|andar|verdieping|[Ff]loor)\b(?:\s+(?:achter|voor|links|rechts))?|(?:(?!(?:Box|APO|FPO|DPO|PO)\b)\p{Lu}(?:[\p{L}'’-]|\.(?=\p{L}))*(?:[ -](?:\p{Lu}(?:[\p{L}'’-]|\.(?=\p{L}))*|d[aeiou]s?|de[li]?|nad|pod|am|an|im|sur|upon|on|u))*?|nan)(?:\s+(?<zip>\d{3,6}(?:-\d{3,4}|\s\d{2}(?!\d))?(?:\s[A-Z]{2}\b)?))?(?=\s*(?:$|[,.;!?)>\r\n]|[ \t]{2}|\?\?\?|\s\d))|(?<zip>\d{3,6}(?:-\d{3,4}|\s\d{2}(?!\d))?)(?!\d))", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex TailSegment();

    /// <summary>
    /// Cue words for a cheap check before a pattern. A set with non-ASCII words is searched by a slower algorithm, so
    /// texts of ASCII only (most English notes) are checked against the ASCII words alone.
    /// </summary>
    /// <summary>
    /// Words to look for before a pattern is run. A set holding non-ASCII words ("Über d", " út") is much slower to
    /// search than an ASCII one, so those are kept apart and looked for only in a text that has one of their
    /// non-ASCII letters.
    /// </summary>
    private sealed class WordSet
    {
        private readonly SearchValues<string> _ascii;
        private readonly SearchValues<string>? _other;
        private readonly SearchValues<char> _otherLetters;

        public WordSet(string[] words, StringComparison comparison)
        {
            _ascii = SearchValues.Create([.. words.Where(w => System.Text.Ascii.IsValid(w))], comparison);
            string[] other = [.. words.Where(w => !System.Text.Ascii.IsValid(w))];
            _other = other.Length > 0 ? SearchValues.Create(other, comparison) : null;
            var letters = other.SelectMany(w => w).Where(c => c > 0x7F).Distinct();
            if (comparison == StringComparison.OrdinalIgnoreCase)
            {
                letters = letters.SelectMany(c => new[] { char.ToLowerInvariant(c), char.ToUpperInvariant(c) }).Distinct();
            }

            _otherLetters = SearchValues.Create([.. letters]);
        }

        public bool In(ReadOnlySpan<char> text, bool textIsAscii) =>
            text.ContainsAny(_ascii) || (!textIsAscii && _other is not null && text.ContainsAny(_otherLetters) && text.ContainsAny(_other));

        /// <summary>The index of the first word of the set in <paramref name="text"/>, or -1.</summary>
        public int IndexIn(ReadOnlySpan<char> text, bool textIsAscii)
        {
            var a = text.IndexOfAny(_ascii);
            if (textIsAscii || _other is null || !text.ContainsAny(_otherLetters))
            {
                return a;
            }

            var b = text.IndexOfAny(_other);
            return a < 0 ? b : b < 0 ? a : Math.Min(a, b);
        }
    }
}
