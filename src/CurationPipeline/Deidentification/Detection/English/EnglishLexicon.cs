using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Bogus.Bson;

namespace CurationPipeline.Deidentification;

/// <summary>Word lists for English names and addresses; the name lists come from Bogus's en locale.</summary>
internal static partial class EnglishLexicon
{
    /// <summary>Capitalised words that are never a name token (sentence starts, clinical words, eponyms).</summary>
    public static readonly FrozenSet<string> NotNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "The", "This", "That", "These", "Those", "He", "She", "His", "Her", "Hers", "Him", "They", "Them", "Their", "We",
        "Our", "You", "Your", "It", "Its", "I", "I'm", "I’m", "I'll", "I've", "I'd", "My", "Me", "A", "An", "And", "Or", "But", "If", "In", "On", "At", "Of",
        "For", "From", "With", "By", "To", "As", "Is", "Was", "Are", "Were", "Be", "Been", "Has", "Had", "Have", "Do",
        "Does", "Did", "No", "Not", "Yes", "All", "Any", "Some", "None", "Per", "Via", "Re", "Dear", "Hi", "Hello",
        "Thanks", "Regards", "Patient", "Pt", "Doctor", "Dr", "Nurse", "Hospital", "Clinic", "Medical", "Center", "Centre",
        "Department", "Dept", "Ward", "Unit", "Room", "Bed", "Street", "Road", "Avenue", "Admission", "Discharge",
        "Diagnosis", "History", "Plan", "Assessment", "Impression", "Exam", "Examination", "Labs", "Lab", "Imaging",
        "Medications", "Medication", "Allergies", "Allergy", "Vitals", "Signs", "Symptoms", "Chief", "Complaint",
        "Present", "Illness", "Past", "Family", "Social", "Review", "Systems", "Physical", "Follow", "Note", "Notes",
        "Summary", "Report", "Date", "Name", "Age", "Sex", "Male", "Female", "Phone", "Email", "Address", "Contact",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar",
        "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Today", "Tomorrow", "Yesterday", "Morning",
        "Evening", "Night", "Blood", "Pressure", "Heart", "Rate", "Type", "Stage", "Grade", "Class", "Level", "Left",
        "Right", "Bilateral", "Acute", "Chronic", "Normal", "Negative", "Positive", "Mild", "Moderate", "Severe",
        "Emergency", "Intensive", "Care", "General", "Internal", "Medicine", "Surgery", "Cardiology", "Oncology",
        "Christmas", "Easter", "Thanksgiving", "English", "Chinese", "American", "British", "Spanish", "French",

        // Section headings of notes ("Meds:", "Neuro: GCS 15").
        "Meds", "Med", "Neuro", "Cardio", "Resp", "Pulm", "Abd", "Ext", "Extremities", "HEENT", "Psych", "Derm", "Dispo",
        "HPI", "ROS", "PMH", "PSH", "Rx", "Dx", "Ddx", "Sx", "Tx", "Hx",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Eponyms that name a test, device or score on their own and are seldom surnames ("Karnofsky 70", "Doppler:",
    /// "Holter ordered", "Babinski negative"): not a name alone unless a title stands before it ("Dr. Romberg").
    /// </summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EponymTerms = new[]
    {
        "Doppler", "Holter", "Karnofsky", "Apgar", "Mallampati", "Killip", "Breslow", "Babinski", "Romberg", "Kernig",
        "Brudzinski", "Lachman", "Trendelenburg", "Valsalva", "Epley", "Heimlich", "Papanicolaou", "Tinel", "Phalen",
        "Homans",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Latin-script Bogus locales whose names are recognised (patients are international).</summary>
    private static readonly string[] NameLocales =
        ["en", "de", "fr", "es", "it", "pl", "nl", "cz", "sk", "tr", "pt_BR", "fi", "nb_NO", "ro", "sv", "en_IND", "en_NG", "vi"];

    public static readonly FrozenSet<string> FirstNames = LoadAll(["first_name", "male_first_name", "female_first_name"]).ToFrozenSet(StringComparer.Ordinal);
    public static readonly FrozenSet<string> LastNames = LoadAll(["last_name"]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Text after a capitalised word that makes it an eponym, not a person (Parkinson disease, Murphy's sign,
    /// Glasgow Coma Scale): such a candidate is dropped.
    /// </summary>
    [GeneratedRegex(@"^(?:'s)?(?:[ \t]+|-)(?:\p{Lu}[\p{L}]*[ \t]+)?(?:" + EponymWords + @")\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex EponymFollower();

    private const string EponymWords = "disease|syndrome|sign|test|score|scale|criteria|classification|maneuver|manoeuvre|catheter|procedure|operation|palsy|lymphoma|sarcoma|tumou?r|phenomenon|reflex|fracture|esophagus|diverticulum|tear|repair|stain|drain|line|monitor|respiration|breathing|node|triad|ulcer|chart|staging|coma|disorder|anomaly|tube|bag|device|technique|approach|incision|position|grade|method|protocol|equation|formula";

    /// <summary>The words of <see cref="EponymWords"/> ("tumou?r" read as both spellings).</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EponymWordSet =
        EponymWords.Replace("tumou?r", "tumor|tumour", StringComparison.Ordinal).Split('|')
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True when the text at <paramref name="end"/> (right after a capitalised word) makes the word an eponym: see
    /// <see cref="EponymFollower"/>. The pattern runs only when one of the next two words is an eponym word, which
    /// is rare: it is asked about every name candidate.
    /// </summary>
    public static bool IsEponymAt(string text, int end)
    {
        var possessive = text.AsSpan(end).StartsWith("'s", StringComparison.OrdinalIgnoreCase);
        var p = possessive ? end + 2 : end;
        for (var word = 0; word < 2; word++)
        {
            while (p < text.Length && !char.IsLetter(text[p]))
            {
                p++;
            }

            var s = p;
            while (p < text.Length && char.IsLetter(text[p]))
            {
                p++;
            }

            if (p > s && EponymWordSet.Contains(text.AsSpan(s, p - s)))
            {
                return EponymFollower().IsMatch(text.AsSpan(end));
            }

            if (word == 0 && s == (possessive ? end + 3 : end + 1) && text[s - 1] == ' ' && ConditionSuffix(text.AsSpan(s, p - s)))
            {
                // A condition right after: "Hashimoto thyroiditis", "Takayasu arteritis"; after "'s" only for a name that
                // is known for a disease ("Hashimoto's thyroiditis", not "John's arthritis").
                var nameStart = end;
                while (nameStart > 0 && char.IsLetter(text[nameStart - 1]))
                {
                    nameStart--;
                }

                return !possessive || EponymDiseaseNames.Contains(text.AsSpan(nameStart, end - nameStart));
            }
        }

        return false;
    }

    /// <summary>The endings of names of conditions and procedures: -itis, -osis, -pathy, -oma, -ectomy ...</summary>
    private static bool ConditionSuffix(ReadOnlySpan<char> word)
    {
        if (word.Length < 6 || char.IsUpper(word[0]))
        {
            return false;
        }

        foreach (var suffix in ConditionSuffixes)
        {
            if (word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ConditionSuffixes =
        ["itis", "osis", "pathy", "oma", "emia", "aemia", "ectomy", "otomy", "ostomy", "plasty", "plication", "algia", "orrhea", "orrhoea"];

    /// <summary>Names known for a disease, which stay eponyms before "'s" and a condition ("Crohn's ileitis").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EponymDiseaseNames = new[]
    {
        "Hashimoto", "Crohn", "Graves", "Takayasu", "Wegener", "Kawasaki", "Paget", "Hodgkin", "Kaposi", "Wernicke",
        "Reiter", "Behcet", "Behçet", "Sjogren", "Sjögren", "Raynaud", "Addison", "Cushing", "Alzheimer", "Parkinson",
        "Huntington", "Buerger", "Bechterew", "Peyronie", "Dupuytren", "Hirschsprung", "Meniere", "Ménière", "Barrett",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Common street-type abbreviations, added to Bogus's en street suffixes.</summary>
    internal static readonly string[] StreetAbbreviations =
        ["St", "Ave", "Rd", "Blvd", "Ln", "Dr", "Ct", "Pl", "Ter", "Cir", "Pkwy", "Hwy", "Sq", "Trl", "Way", "Close", "Crescent", "Gardens", "Grove", "Terrace"];

    /// <summary>
    /// Street-type words: Bogus's en street suffixes and <see cref="StreetAbbreviations"/>, longest first. Written out
    /// so that the address pattern is compiled at build time (compiling it at run time took about a second of every
    /// process's start); a test checks it against the Bogus list.
    /// </summary>
    private const string StreetSuffixAlternation =
        "Expressway|Extensions|Throughway|Trafficway|Crossroad|Extension|Junctions|Mountains|Stravenue|"
        + "Underpass|Causeway|Crescent|Crossing|Junction|Motorway|Mountain|Overpass|Parkways|Turnpike|Villages|"
        + "Centers|Circles|Corners|Estates|Freeway|Gardens|Gateway|Harbors|Heights|Highway|Islands|Landing|"
        + "Meadows|Mission|Orchard|Parkway|Passage|Prairie|Springs|Squares|Station|Streets|Terrace|Valleys|"
        + "Viaduct|Village|Avenue|Branch|Bridge|Brooks|Bypass|Canyon|Center|Circle|Cliffs|Common|Corner|Course|"
        + "Courts|Divide|Drives|Estate|Fields|Forest|Forges|Garden|Greens|Groves|Harbor|Hollow|Island|Knolls|"
        + "Lights|Manors|Meadow|Plains|Points|Radial|Rapids|Ridges|Shoals|Shores|Skyway|Spring|Square|Stream|"
        + "Street|Summit|Tunnel|Unions|Valley|Alley|Brook|Burgs|Cliff|Court|Coves|Creek|Crest|Curve|Drive|"
        + "Falls|Ferry|Field|Flats|Fords|Forge|Forks|Glens|Green|Grove|Haven|Hills|Inlet|Knoll|Lakes|Light|"
        + "Locks|Lodge|Manor|Mills|Mount|Parks|Pines|Place|Plain|Plaza|Point|Ports|Ranch|Rapid|Ridge|River|"
        + "Roads|Route|Shoal|Shore|Spurs|Trace|Track|Trail|Union|Views|Ville|Vista|Walks|Wells|Close|Burg|Camp|"
        + "Cape|Club|Cove|Dale|Fall|Flat|Ford|Fork|Fort|Glen|Hill|Isle|Keys|Lake|Land|Lane|Loaf|Lock|Loop|Mall|"
        + "Mews|Mill|Neck|Oval|Park|Pass|Path|Pike|Pine|Port|Ramp|Rest|Road|Spur|View|Walk|Wall|Ways|Well|Blvd|"
        + "Pkwy|Dam|Key|Row|Rue|Run|Via|Way|Ave|Ter|Cir|Hwy|Trl|St|Rd|Ln|Dr|Ct|Pl|Sq";

    public static readonly IReadOnlyList<string> StreetSuffixes = StreetSuffixAlternation.Split('|');

    /// <summary>The street-address pattern, unanchored.</summary>
    internal const string StreetAddressPattern =
        @"\b\d{1,6}[A-Za-z]?(?:-\d+)?\s+(?:[NSEW]\.?\s+)?(?:\p{Lu}[\p{L}'.-]*\s+){0,3}(?:"
        + StreetSuffixAlternation
        + @")\b\.?(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|Floor|Fl|Bldg|Building|#)\.?\s*#?[\w-]+)?(?:,\s*\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,2}(?:,\s*[A-Z]{2}\b)?)?"
        + @"|\b\d{1,6}\s+(?:\p{Lu}[\p{L}'.-]*\s+){1,3}\d{0,5}\s*(?:Apt|Apartment|Suite|Unit)\.?\s*#?\d+[A-Za-z]?";

    /// <summary>
    /// A street address: number, street words, a street type, then unit and city when present. Anchored with
    /// \G: it is tried only where <see cref="StreetAddresses"/> finds a number that could start one, since
    /// trying the long alternation of street types at every number of a note is slow.
    /// </summary>
    [GeneratedRegex(@"\G(?:" + StreetAddressPattern + ")", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex StreetAddressAt();

    /// <summary>
    /// The street addresses of <paramref name="text"/>, left to right and not overlapping (as
    /// <c>Regex.Matches</c> would give them). Every address starts with a number of at most six digits at a word
    /// start, then maybe a letter or "-digits", whitespace and a capital letter; only such places are tried.
    /// </summary>
    public static IEnumerable<(int Start, int End)> StreetAddresses(string text)
    {
        var from = 0;
        for (var p = 0; p < text.Length; p++)
        {
            if (p < from || !char.IsDigit(text[p]) || (p > 0 && (char.IsLetterOrDigit(text[p - 1]) || text[p - 1] == '_')) || !CouldStartAddress(text, p))
            {
                continue;
            }

            var m = StreetAddressAt().Match(text, p);
            if (m.Success && m.Length > 0)
            {
                yield return (p, p + m.Length);
                from = p + m.Length;
            }
        }
    }

    private static bool CouldStartAddress(string text, int p)
    {
        var i = p;
        while (i < text.Length && char.IsDigit(text[i]))
        {
            i++;
        }

        if (i - p > 6)
        {
            return false;
        }

        if (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '-' && char.IsDigit(text[i + 1]))
        {
            i += 2;
            while (i < text.Length && char.IsDigit(text[i]))
            {
                i++;
            }
        }

        var spaceAt = i;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i == spaceAt || i >= text.Length || !char.IsUpper(text[i]))
        {
            return false;
        }

        // A street type (or Apt/Suite/Unit) must be the whole word at the start of one of the next five tokens
        // (a compass letter, up to three words, the type): the regex needs a word boundary after it.
        for (var token = 0; token < 5 && i < text.Length; token++)
        {
            var end = i;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            var word = text.AsSpan(i, end - i);
            if (AddressWords.Contains(word) || AddressWords.Contains(word.TrimStart("0123456789")))
            {
                return true;
            }

            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            while (end < text.Length && char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            i = end;
        }

        return false;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AddressWords =
        new HashSet<string>(StreetSuffixes.Concat(["Apt", "Apartment", "Suite", "Unit"]), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Country and US state names (Bogus en lists): two capitalised foreign words there are a place, not a person.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Places =
        new HashSet<string>(Load("address", "country", "en").Concat(Load("address", "state", "en")), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsPlace(ReadOnlySpan<char> words) => Places.Contains(words);

    public static bool IsNameToken(string token) => token.Length > 1 && !NotNames.Contains(token);

    private static HashSet<string> LoadAll(string[] paths)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var locale in NameLocales)
        {
            foreach (var path in paths)
            {
                set.UnionWith(Load("name", path, locale).Where(n => n.Length > 1 && !n.Contains(' ') && !NotNames.Contains(n)));
            }
        }

        return set;
    }

    private static HashSet<string> Load(string category, string path, string locale)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (Bogus.Database.Get(category, path, locale) is BArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                set.Add(array[i].StringValue);
            }
        }

        return set;
    }
}
