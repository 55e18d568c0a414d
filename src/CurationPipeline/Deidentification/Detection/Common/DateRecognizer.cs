using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>Parses a date span (as found by the date patterns) into a <see cref="DateText"/>.</summary>
internal static class DateRecognizer
{
    private static readonly Regex[] Patterns =
    [
        PhiPatterns.ZhDate(), PhiPatterns.ZhMonthDay(), PhiPatterns.YearFirstDate(), PhiPatterns.YearLastDate(),
        PhiPatterns.MonthNameFirst(), PhiPatterns.DayFirstName(), PhiPatterns.MonthYear(),
    ];

    /// <summary>
    /// The dates parsed while one text is de-identified in surrogate mode, so that a date found by the detector is
    /// not parsed again when it is shifted. Active only between <see cref="BeginText"/> and <see cref="EndText"/>,
    /// which <see cref="Deidentifier"/> calls around each text, so no value outlives the call.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<string, DateText?>? t_parsed;

    [ThreadStatic]
    private static Dictionary<string, DateText?>? t_reuse;

    public static void BeginText() => (t_parsed = t_reuse ??= new Dictionary<string, DateText?>(8, StringComparer.Ordinal)).Clear();

    public static void EndText()
    {
        t_parsed?.Clear();
        t_parsed = null;
    }

    /// <summary>True when the whole of <paramref name="text"/> is a valid date in a known format.</summary>
    public static bool TryParse(string text, out DateText date)
    {
        var parsed = t_parsed;
        if (parsed is null)
        {
            return Parse(text, out date);
        }

        if (!parsed.TryGetValue(text, out var known))
        {
            known = Parse(text, out date) ? date : null;
            parsed[text] = known;
        }

        date = known ?? new DateText();
        return known is not null;
    }

    private static bool Parse(string text, out DateText date)
    {
        // Only the patterns that can match this kind of text: Chinese, month name, or numeric.
        var patterns = text.Contains('月') ? Patterns.AsSpan(0, 2)
            : text.Length > 0 && char.IsAsciiLetter(text[^1]) || text.AsSpan().IndexOfAnyInRange('A', 'z') >= 0 ? Patterns.AsSpan(4, 3)
            : Patterns.AsSpan(2, 2);
        foreach (var regex in patterns)
        {
            var m = regex.Match(text);
            if (m.Success && StartOf(m) == 0 && m.Index + m.Length == text.Length)
            {
                date = Build(m, text);
                if (date.IsValid)
                {
                    return true;
                }
            }
        }

        date = new DateText();
        return false;
    }

    /// <summary>
    /// True when a date pattern's match is a valid date, read from the match's own groups. In surrogate mode the
    /// date is also built and kept for the shift, so that it is not parsed again from its value.
    /// </summary>
    public static bool IsDate(Match m, string text)
    {
        if (t_parsed is not { } parsed)
        {
            return IsValid(m, text); // mask mode: only whether it is a date, nothing built
        }

        var date = Build(m, text);
        if (!date.IsValid)
        {
            return false;
        }

        var start = StartOf(m);
        parsed.TryAdd(text.Substring(start, m.Index + m.Length - start), date);
        return true;
    }

    /// <summary>Whether a match's fields make a real calendar date, read without allocating.</summary>
    private static bool IsValid(Match m, string text)
    {
        Span<(int Index, int Length, char Field)> fields = stackalloc (int, int, char)[FieldGroups.Length];
        int year = -1, month = 0, day = -1;
        foreach (var (index, length, field) in fields[..Fields(m, fields)])
        {
            DateText.Read(field, text.AsSpan(index, length), ref year, ref month, ref day);
        }

        return DateText.IsValidDate(year, month, day);
    }

    /// <summary>Day first when the month cannot be first, or with '.'/'-' separators (05.03.2023); else US order.</summary>
    private static bool DayFirst(int a, int b, Group separator) => a > 12 || (b <= 12 && !separator.ValueSpan.SequenceEqual("/"));

    /// <summary>Where a date match starts: a day written before the month name is matched by a lookbehind.</summary>
    public static int StartOf(Match m) => m.Groups["d"] is { Success: true } d && d.Index < m.Index ? d.Index : m.Index;

    /// <summary>The groups that hold a date's fields: year, month number, month name, day, and the two numbers whose order the separator decides.</summary>
    private static readonly string[] FieldGroups = ["y", "M", "N", "d", "a", "b"];

    /// <summary>The fields of a date match in text order: position, length, and 'y', 'M', 'N' or 'd'; their count.</summary>
    private static int Fields(Match m, Span<(int Index, int Length, char Field)> fields)
    {
        var a = m.Groups["a"];
        var b = m.Groups["b"];
        char aField = 'M', bField = 'd';
        if (a.Success && b.Success)
        {
            var av = int.Parse(a.ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            var bv = int.Parse(b.ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            (aField, bField) = DayFirst(av, bv, m.Groups["sep"]) ? ('d', 'M') : ('M', 'd');
        }

        // At most four of the six groups take part in one match; insertion keeps them in text order.
        var count = 0;
        for (var k = 0; k < FieldGroups.Length; k++)
        {
            if (m.Groups[FieldGroups[k]] is { Success: true } g)
            {
                var field = k == 4 ? aField : k == 5 ? bField : FieldGroups[k][0];
                var at = count++;
                while (at > 0 && fields[at - 1].Index > g.Index)
                {
                    fields[at] = fields[at - 1];
                    at--;
                }

                fields[at] = (g.Index, g.Length, field);
            }
        }

        return count;
    }

    private static DateText Build(Match m, string text)
    {
        Span<(int Index, int Length, char Field)> fields = stackalloc (int, int, char)[FieldGroups.Length];
        var count = Fields(m, fields);
        var date = new DateText();
        var pos = StartOf(m);
        foreach (var (index, length, field) in fields[..count])
        {
            if (index > pos)
            {
                date.Literal(text[pos..index]);
            }

            date.Field(field, text.Substring(index, length));
            pos = index + length;
        }

        if (pos < m.Index + m.Length)
        {
            date.Literal(text[pos..(m.Index + m.Length)]);
        }

        return date;
    }
}
