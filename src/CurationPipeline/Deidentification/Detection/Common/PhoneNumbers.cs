using System.Buffers;
using System.Collections.Frozen;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Phone numbers read as runs of digit groups and separators and judged by their shape, instead of one pattern per
/// national format: "+33 168309795", "(07253) 4357727", "(968)309-79-50", "0504 9950174", "28-64-66-98",
/// "(555) 123-4567 x12". A shape that only a phone has is taken anywhere; a shape that other numbers share
/// ("683 09 795", "76499501") is taken only after a cue ("call me at", "Tel.", "number is") or before a label
/// ("-Office", " fax"), or when it stands alone on its line. Dates, year ranges, IPs, ZIP+4 codes, fractions
/// and numbers followed by a unit are never phones.
/// </summary>
internal static class PhoneNumbers
{
    public const int MinDigits = 7;

    /// <summary>Six-digit local numbers (Croatia, small towns) are taken after a cue and in groups only.</summary>
    public const int MinCuedDigits = 6;

    /// <summary>E.164 allows at most 15 digits.</summary>
    public const int MaxDigits = 15;

    private const int MaxGroups = 8;

    private static readonly SearchValues<char> RunStarts = SearchValues.Create("0123456789+(");

    /// <summary>Words that ask for a phone wherever they stand in the window before the number ("Call Dr. Lee at").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CueWords = new[]
    {
        "phone", "telephone", "tel", "tél", "tlf", "tfn", "call", "dial", "sms", "reach", "contact", "mobile", "fax",
        "whatsapp", "pager", "bleep", "landline", "switchboard", "hotline", "helpline",
        "telefon", "telefone", "teléfono", "téléphone", "puhelin", "puh", "telefono", "telefoon",

        // The same words bent: "texting", "called on", "reachable at", "contacted on".
        "phones", "phoned", "phoning", "telephoned", "cellphone", "called", "calling", "dialed", "dialled", "dialing",
        "dialling", "messaging", "texted", "texting", "reachable", "contacted", "contacting", "faxed",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Words that ask for a phone only when nothing but <see cref="Fillers"/> stands between them and the number: "His
    /// number is", "messages to", "Office:", "registered"; not "Home glucose 145 162 178", "Direct bilirubin 12 15 18",
    /// "No. of episodes 12 14 16", "cell count". "numbers" is none: "glucose numbers 145 162 178" are readings.
    /// </summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NearCueWords = new[]
    {
        "ph", "mob", "cell", "number", "no", "nr", "num", "ext", "office", "home", "work", "desk", "direct", "answering",
        "registered", "handy", "calls", "ring", "rang", "message", "messages", "reached", "faxes",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that may stand between a near cue and the number.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Fillers = new[]
    {
        "at", "on", "to", "is", "are", "was", "were", "be", "me", "us", "her", "him", "them", "you", "my", "his", "their",
        "our", "your", "via", "please", "line", "or", "and", "the", "a", "new", "preferred", "main", "daytime", "after",
        "hours",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> LineBreakOrDigit = SearchValues.Create("\n\r0123456789");

    private static readonly string[] HanCues = ["电话", "手机", "联系", "座机", "号码"];

    private static readonly string[] Labels = ["office", "fax", "mobile", "cell", "home", "work", "landline", "phone", "tel"];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Units = new[]
    {
        "mg", "mcg", "µg", "g", "kg", "ml", "l", "dl", "mmol", "µmol", "umol", "nmol", "mol", "iu", "u", "units", "cells",
        "copies", "mm", "cm", "m", "km", "mmhg", "bpm", "times", "tablets", "cases", "patients", "people", "years",
        "days", "hours", "steps", "words", "bytes", "kb", "mb", "gb", "usd", "eur", "rmb", "yuan", "dollars", "euros",
        "元", "万", "例", "人", "次", "个",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Names of codes that are not phones: drug, procedure, diagnosis, trial, publication, vaccine lot.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OtherCodes = new[]
    {
        "ndc", "cpt", "hcpcs", "icd", "loinc", "snomed", "rxcui", "nct", "isbn", "issn", "doi", "pmid", "pmcid", "lot",
        "batch", "catalogue", "catalog", "page", "pages", "version",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Extension markers, longest first: "ext. 4410", ", poste 442", "x12".</summary>
    private static readonly string[] ExtensionMarkers = ["extension", "poste", "ext.", "ext", "x"];

    public static void Find(string text, CandidateSet found)
    {
        var span = text.AsSpan();
        var i = 0;
        var lastPhoneEnd = -1;
        while (i < text.Length)
        {
            var next = span[i..].IndexOfAny(RunStarts);
            if (next < 0)
            {
                return;
            }

            i += next;
            if (!char.IsAsciiDigit(text[i]) && !OpensNumber(text, i))
            {
                i++;
                continue;
            }

            var end = Read(text, i, out var shape);
            if (CodeBefore(text, i))
            {
                i = end; // the whole run is that code ("ISBN 978 0 19 852663 6")
                continue;
            }

            if (CanStart(text, i) && Judge(text, i, end, shape, AfterPhone(text, lastPhoneEnd, i)) is { } priority)
            {
                var valueEnd = end + ExtensionLength(text, end);
                found.Add(PhiCategory.Phone, i, valueEnd - i, priority);
                i = lastPhoneEnd = valueEnd;
                continue;
            }

            // A run that is no phone may end in one ("2019-03-04 0476499501"): go on from its second group.
            i = shape.Groups > 1 && shape.Starts[1] > i ? shape.Starts[1] : Math.Max(end, i + 1);
        }
    }

    /// <summary>"+3", "(0", "(+9", "+(3": a sign or bracket right before a number's first digit.</summary>
    private static bool OpensNumber(string text, int at) =>
        (at + 1 < text.Length && char.IsAsciiDigit(text[at + 1])) ||
        (at + 2 < text.Length && ((text[at] == '(' && text[at + 1] == '+') || (text[at] == '+' && text[at + 1] == '(')) && char.IsAsciiDigit(text[at + 2]));

    /// <summary>"555 1234 or 555 5678": a number listed right after a phone is cued by it.</summary>
    private static bool AfterPhone(string text, int lastPhoneEnd, int start)
    {
        if (lastPhoneEnd < 0 || start - lastPhoneEnd > 6)
        {
            return false;
        }

        var between = text.AsSpan(lastPhoneEnd, start - lastPhoneEnd).Trim();
        return between is "" or "," or ";" or "/" or "or" or "and" or "、" or "或";
    }

    /// <summary>The groups of one run: their digit counts, the separators between them and how it opens.</summary>
    private struct Shape
    {
        public int Digits;
        public int Groups;
        public bool Plus;
        public bool OpenParen;
        public bool Spaces;
        public bool Dashes;
        public bool Dots;
        public bool Slashes;
        public bool Parens;
        public bool TooLong;
        public int FirstGroupStart;
        public GroupLengths Lengths;
        public GroupStarts Starts;
    }

    [System.Runtime.CompilerServices.InlineArray(MaxGroups)]
    private struct GroupLengths
    {
        private int _element;
    }

    [System.Runtime.CompilerServices.InlineArray(MaxGroups)]
    private struct GroupStarts
    {
        private int _element;
    }

    /// <summary>Reads digit groups joined by short separators (" ", "-", ".", "/", brackets) and returns the run's end.</summary>
    private static int Read(string text, int start, out Shape shape)
    {
        shape = default;
        var pos = start;
        var parenOpen = false;
        if (text[pos] == '+')
        {
            shape.Plus = true;
            pos++;
            if (pos + 1 < text.Length && text[pos] == '(' && char.IsAsciiDigit(text[pos + 1]))
            {
                // "+(370) 45772277": the country code in brackets after the plus.
                shape.OpenParen = true;
                parenOpen = true;
                pos++;
            }
        }
        else if (text[pos] == '(')
        {
            shape.OpenParen = true;
            parenOpen = true;
            pos++;
            if (text[pos] == '+')
            {
                // "(+995) 525-343-577": a country code in brackets.
                shape.Plus = true;
                pos++;
            }
        }

        shape.FirstGroupStart = pos;
        while (true)
        {
            var groupStart = pos;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                pos++;
            }

            if (shape.Groups == MaxGroups)
            {
                // No phone has this many groups; stopping here keeps a long table of numbers linear to scan.
                shape.TooLong = true;
                return pos;
            }

            shape.Lengths[shape.Groups] = pos - groupStart;
            shape.Starts[shape.Groups] = groupStart;
            shape.Groups++;
            shape.Digits += pos - groupStart;
            var sepStart = pos;
            var valid = true;
            var (spaces, dashes, dots, slashes, parens) = (false, false, false, false, false);
            while (pos < text.Length && pos - sepStart < 3 && text[pos] is ' ' or '-' or '.' or '/' or '(' or ')' or '\u00A0')
            {
                switch (text[pos])
                {
                    case ' ' or '\u00A0':
                        valid &= !spaces;
                        spaces = true;
                        break;
                    case '-':
                        dashes = true;
                        break;
                    case '.':
                        dots = true;
                        break;
                    case '/':
                        slashes = true;
                        break;
                    case '(':
                        valid &= !parenOpen;
                        parenOpen = true;
                        parens = true;
                        break;
                    default:
                        valid &= parenOpen;
                        parenOpen = false;
                        parens = true;
                        break;
                }

                pos++;
            }

            // The run ends before a separator that no digit follows or that is malformed (two spaces, a bracket
            // closed that was never opened, a second one opened).
            if (!valid || pos >= text.Length || !char.IsAsciiDigit(text[pos]) || pos == sepStart)
            {
                return sepStart;
            }

            shape.Spaces |= spaces;
            shape.Dashes |= dashes;
            shape.Dots |= dots;
            shape.Slashes |= slashes;
            shape.Parens |= parens;
        }
    }

    /// <summary>
    /// A phone cannot continue a word, a decimal, a time, a range or an identifier ("NCT01234567", "3.1415926",
    /// "12:30", "ABC-12345678"); a currency sign before it makes it an amount.
    /// </summary>
    private static bool CanStart(string text, int start)
    {
        if (start == 0)
        {
            return true;
        }

        var before = text[start - 1];
        if (char.IsLetterOrDigit(before) && !ChineseLexicon.IsHan(before))
        {
            return false;
        }

        return before switch
        {
            '_' or '+' or '$' or '€' or '£' or '¥' or '^' or '×' or '*' or '=' or '/' or '@' or '#' or '&' => false,
            '.' or ':' or '-' or ',' => start < 2 || !char.IsLetterOrDigit(text[start - 2]),
            _ => true,
        };
    }

    /// <summary>The priority of the run as a phone, or null when it is not one.</summary>
    private static int? Judge(string text, int start, int end, in Shape shape, bool afterPhone)
    {
        if (shape.Digits < MinCuedDigits || shape.Digits > MaxDigits || shape.TooLong || FollowedByUnit(text, end))
        {
            return null;
        }

        // The cue is looked for only where the shape leaves the question open (most digit runs are not phones).
        var phoneShape = shape.Digits >= MinDigits && IsPhoneShape(text, shape);
        var labelled = LabelAfter(text, end);

        // A label after a short run cues it only when the run cannot be a month and year: "774 792-Office" but not
        // "03/2019 home visit".
        var cued = afterPhone || (labelled && (shape.Digits >= MinDigits || !MayBeMonthYear(text, shape))) ||
            ((!phoneShape || shape.Slashes) && CueBefore(text, start));
        if ((shape.Digits < MinDigits && !(cued && shape.Groups >= 2)) || IsOtherNumber(text, shape, cued))
        {
            return null;
        }

        if (labelled)
        {
            return PhiPriority.PhoneLabelled;
        }

        if (cued || phoneShape || (AloneOnLine(text, start, end) &&
            (shape.Groups == 1 ? shape.Digits >= 9 : shape.Digits >= 9 || !IsThousands(text, shape))))
        {
            return PhiPriority.Phone;
        }

        return null;
    }

    /// <summary>Shapes that other numbers have: dates, year ranges, IPs, ZIP+4, fractions, thousands.</summary>
    private static bool IsOtherNumber(string text, in Shape s, bool cued)
    {
        var g0 = s.Lengths[0];
        var g1 = s.Groups > 1 ? s.Lengths[1] : 0;
        var g2 = s.Groups > 2 ? s.Lengths[2] : 0;
        if (s.Groups == 1 && !s.Plus && !s.OpenParen)
        {
            return false; // one bare run of digits: its shape alone says nothing

        }

        if (s.Slashes)
        {
            // Only one slash, after the area code: "089/1234567", "0452/013 003", "(19)/173-5361", "06-59/641 4713",
            // or after a cue "231/898 009".
            var slash = text.IndexOf('/', s.FirstGroupStart + g0);
            var afterArea = slash == s.FirstGroupStart + g0 || (slash == s.FirstGroupStart + g0 + 1 && text[slash - 1] == ')')
                || (s.Groups > 2 && slash == s.Starts[1] + g1 && g0 + g1 <= 5);
            var one = afterArea && text.IndexOf('/', slash + 1, s.Starts[s.Groups - 1] - slash - 1) < 0;
            var area = slash > s.Starts[1] ? g0 + g1 : g0;
            return !(one && !s.Plus && (cued || (text[s.FirstGroupStart] == '0' && area is >= 3 and <= 5)));
        }

        if (s.Groups == 4 && s.Dots && !s.Spaces && !s.Dashes && !s.Parens && !s.Plus && MaxLength(s) <= 3)
        {
            return true; // an IPv4 address
        }

        if (s.Dots && s.Spaces)
        {
            for (var g = 0; g < s.Groups - 1; g++)
            {
                if (s.Lengths[g] == 1 && text[s.Starts[g] + 1] == '.')
                {
                    return true; // decimals in a row: "0.04 0.12 0.35"
                }
            }
        }

        if (s.Groups == 3 && !s.Plus && !s.OpenParen &&
            ((g0 == 4 && IsYear(text, s.Starts[0]) && g1 <= 2 && g2 <= 2) || (g0 <= 2 && g1 <= 2 && g2 == 4 && IsYear(text, s.Starts[2]))))
        {
            return true; // a date
        }

        if (s.Groups == 2 && g0 == 4 && g1 == 4 && IsYear(text, s.Starts[0]) && IsYear(text, s.Starts[1]))
        {
            return true; // a year range
        }

        if (s.Groups == 2 && g0 == 5 && g1 == 4 && s.Dashes && !s.Spaces && !s.Plus && !s.OpenParen)
        {
            return true; // a US ZIP+4 code
        }

        return false;
    }

    /// <summary>Shapes only phones have.</summary>
    private static bool IsPhoneShape(string text, in Shape s)
    {
        var first = text[s.FirstGroupStart];
        if (s.Plus)
        {
            return s.Digits >= 8;
        }

        if (s.OpenParen)
        {
            // "(0xx) ...", "(13) 7253-4357", "(968)309-79-50"; not "(2019) 393 1234", a year in brackets.
            return s.Groups >= 2 && s.Digits >= 8 && !(s.Lengths[0] == 4 && IsYear(text, s.Starts[0]));
        }

        if (first == '0')
        {
            // A trunk or international prefix: "0476499501", "056 6830979", "0891 234 567", "001-518-640-0854".
            return s.Digits >= 9 || (s.Groups >= 2 && s.Lengths[0] is >= 2 and <= 5);
        }

        if (IsNanp(text, s))
        {
            return true;
        }

        // Three or more groups of 2-4 digits joined by dashes or dots only: "28-64-66-98", "968.309.7950".
        if (s.Groups >= 3 && !s.Spaces && !s.Parens && (s.Dashes || s.Dots) && s.Digits >= 8 && MinLength(s) >= 2 && MaxLength(s) <= 4)
        {
            return true;
        }

        return false;
    }

    /// <summary>North American numbers: [1] NXX NXX XXXX with spaces, dashes, dots or an area code in brackets.</summary>
    private static bool IsNanp(string text, in Shape s)
    {
        var offset = s.Groups == 4 && s.Lengths[0] == 1 && text[s.Starts[0]] == '1' ? 1 : 0;
        return s.Groups - offset == 3 && s.Lengths[offset] == 3 && s.Lengths[offset + 1] == 3 && s.Lengths[offset + 2] == 4 &&
               text[s.Starts[offset]] is >= '2' and <= '9';
    }

    /// <summary>"03/2019", "2019-03", "12 2019": a short run with a slash or a year group.</summary>
    private static bool MayBeMonthYear(string text, in Shape s)
    {
        if (s.Slashes)
        {
            return true;
        }

        for (var g = 0; g < s.Groups; g++)
        {
            if (s.Lengths[g] == 4 && IsYear(text, s.Starts[g]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsYear(string text, int at) =>
        (text[at] == '1' && text[at + 1] == '9') || (text[at] == '2' && text[at + 1] == '0');

    private static int MaxLength(in Shape s)
    {
        var max = 0;
        for (var g = 0; g < s.Groups; g++)
        {
            max = Math.Max(max, s.Lengths[g]);
        }

        return max;
    }

    private static int MinLength(in Shape s)
    {
        var min = int.MaxValue;
        for (var g = 0; g < s.Groups; g++)
        {
            min = Math.Min(min, s.Lengths[g]);
        }

        return min;
    }

    /// <summary>
    /// The number is a code of another kind, named right before it: "NDC 0071-0155-23", "Lot number 4521873", "ISBN
    /// 978 0 19 852663 6", "PMID: 31234567". Device serial numbers are not here: they are personal data.
    /// </summary>
    private static bool CodeBefore(string text, int start)
    {
        var wordEnd = start;
        for (var words = 0; words < 2; words++)
        {
            while (wordEnd > 0 && text[wordEnd - 1] is ' ' or ':' or '#' or '.' or '\u00A0')
            {
                wordEnd--;
            }

            var wordStart = wordEnd;
            while (wordStart > 0 && char.IsAsciiLetter(text[wordStart - 1]))
            {
                wordStart--;
            }

            var word = text.AsSpan(wordStart, wordEnd - wordStart);
            if (word.IsEmpty || (wordStart > 0 && char.IsLetterOrDigit(text[wordStart - 1])))
            {
                return false;
            }

            if (OtherCodes.Contains(word))
            {
                return true;
            }

            // "Lot number 4521873", "Batch no. 12 345 678": the word before "number" names the code.
            if (!word.Equals("number", StringComparison.OrdinalIgnoreCase) && !word.Equals("no", StringComparison.OrdinalIgnoreCase) &&
                !word.Equals("nr", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            wordEnd = wordStart;
        }

        return false;
    }

    /// <summary>"12345678 mg", "1 000 000 IU", "12345678%": an amount, not a phone.</summary>
    private static bool FollowedByUnit(string text, int end)
    {
        if (end >= text.Length)
        {
            return false;
        }

        var c = text[end];
        if (c == '%' || c == '‰' || (char.IsLetterOrDigit(c) && !ChineseLexicon.IsHan(c) && ExtensionLength(text, end) == 0))
        {
            return true;
        }

        var at = c == ' ' ? end + 1 : end;
        var wordEnd = at;
        while (wordEnd < text.Length && (char.IsLetter(text[wordEnd]) || text[wordEnd] == 'µ') && wordEnd - at < 10)
        {
            wordEnd++;
        }

        if (wordEnd == at)
        {
            return false;
        }

        if (ChineseLexicon.IsHan(text[at]))
        {
            // Han text has no spaces: compare the character after the number alone ("1200000元").
            wordEnd = at + 1;
        }

        return Units.Contains(text.AsSpan(at, wordEnd - at));
    }

    /// <summary>A label right after the number: "082 490 1693-Office", "28-64-66-98 fax", "781 1704 (mobile)".</summary>
    private static bool LabelAfter(string text, int end)
    {
        var at = end;
        while (at < text.Length && at - end < 3 && text[at] is ' ' or '-' or '(')
        {
            at++;
        }

        if (at == end && at < text.Length && char.IsLetter(text[at]))
        {
            return false;
        }

        foreach (var label in Labels)
        {
            if (text.AsSpan(at).StartsWith(label, StringComparison.OrdinalIgnoreCase) &&
                (at + label.Length == text.Length || !char.IsLetter(text[at + label.Length])))
            {
                // A label ends the line or its part; a word after it makes it a noun's modifier ("... home readings").
                var next = at + label.Length;
                while (next < text.Length && text[next] is ' ' or '\t')
                {
                    next++;
                }

                return next == text.Length || !char.IsLetter(text[next]);
            }
        }

        return false;
    }

    /// <summary>
    /// A cue word shortly before the number on the same line, with no digits between ("Call me at", "Tel.",
    /// "His number is", "电话：").
    /// </summary>
    private static bool CueBefore(string text, int start)
    {
        // The window starts after the last line break or digit in the 28 characters before the number.
        var from = Math.Max(0, start - 28);
        var stop = text.AsSpan(from, start - from).LastIndexOfAny(LineBreakOrDigit);
        if (stop >= 0 && text[from + stop] is '\n' or '\r' && text.AsSpan(from + stop, start - from - stop).IsWhiteSpace() &&
            LabelLineEnd(text, from + stop) is var labelEnd and > 0)
        {
            // The number opens its line and the line before is a label ("Phone:\n774 792"): the label is the window.
            return CueBefore(text, labelEnd);
        }

        from += stop + 1;
        var window = text.AsSpan(from, start - from);

        var near = false;
        for (var k = 0; k < window.Length;)
        {
            if (!char.IsLetter(window[k]))
            {
                k++;
                continue;
            }

            var end = k + 1;
            while (end < window.Length && char.IsLetter(window[end]))
            {
                end++;
            }

            // A word cut by the window's start is no cue ("...phone" of "Microphone").
            var word = window[k..end];
            var whole = k > 0 || from == 0 || !char.IsLetter(text[from - 1]);
            if (whole && CueWords.Contains(word))
            {
                return true;
            }

            near = (whole && NearCueWords.Contains(word)) || (near && Fillers.Contains(word));
            k = end;
        }

        if (near)
        {
            return true;
        }

        if (window.IndexOfAnyInRange('\u4e00', '\u9fff') >= 0)
        {
            foreach (var cue in HanCues)
            {
                if (window.Contains(cue, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Where the line ending at the break <paramref name="lineBreak"/> ends in a colon ("Phone:"), the colon's
    /// position; otherwise 0.
    /// </summary>
    private static int LabelLineEnd(string text, int lineBreak)
    {
        var end = lineBreak;
        if (end > 0 && text[end] == '\n' && text[end - 1] == '\r')
        {
            end--;
        }

        while (end > 0 && text[end - 1] is ' ' or '\t')
        {
            end--;
        }

        return end > 0 && text[end - 1] is ':' or '：' ? end - 1 : 0;
    }

    /// <summary>The number is the whole line (a signature block's phone line).</summary>
    private static bool AloneOnLine(string text, int start, int end)
    {
        var lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        var lineEnd = text.IndexOf('\n', end);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd;
        return text.AsSpan(lineStart, start - lineStart).IsWhiteSpace() && text.AsSpan(end, lineEnd - end).IsWhiteSpace();
    }

    /// <summary>"1 234 567", "12.345.678": a count written with thousands separators.</summary>
    private static bool IsThousands(string text, in Shape s)
    {
        if (s.Plus || s.OpenParen || s.Parens || s.Dashes || s.Spaces == s.Dots || text[s.FirstGroupStart] == '0' || s.Lengths[0] > 3)
        {
            return false;
        }

        for (var g = 1; g < s.Groups; g++)
        {
            if (s.Lengths[g] != 3)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The length of an extension at <paramref name="at"/> (" x12", " ext. 1234", ", poste 442"), or 0.</summary>
    private static int ExtensionLength(string text, int at)
    {
        var pos = at;
        if (pos + 1 < text.Length && text[pos] == ',' && text[pos + 1] == ' ')
        {
            pos += 2;
        }
        else if (pos < text.Length && text[pos] == ' ')
        {
            pos++;
        }

        var marker = Array.Find(ExtensionMarkers, m => text.AsSpan(pos).StartsWith(m, StringComparison.OrdinalIgnoreCase));
        if (marker is null)
        {
            return 0;
        }

        pos += marker.Length;
        if (pos < text.Length && text[pos] == ' ')
        {
            pos++;
        }

        var digitsStart = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]) && pos - digitsStart < 5)
        {
            pos++;
        }

        return pos > digitsStart && (pos == text.Length || !char.IsLetterOrDigit(text[pos])) ? pos - at : 0;
    }
}

/// <summary>Phone numbers of any country's shape (<see cref="PhoneNumbers"/>).</summary>
internal sealed class PhoneRecognizer : IPhiRecognizer
{
    public TextFeatures Needs => TextFeatures.Digit;

    public void Find(PhiText text, CandidateSet found) => PhoneNumbers.Find(text.Value, found);
}
