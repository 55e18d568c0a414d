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
    /// True when a date pattern's match over a whole text is a valid date: built from the match's own groups,
    /// not parsed again from its value. In surrogate mode the parsed date is kept for the shift.
    /// </summary>
    public static bool IsDate(Match m, string text)
    {
        var date = Build(m, text);
        if (!date.IsValid)
        {
            return false;
        }

        if (t_parsed is { } parsed)
        {
            var start = StartOf(m);
            parsed.TryAdd(text.Substring(start, m.Index + m.Length - start), date);
        }

        return true;
    }

    /// <summary>Where a date match starts: a day written before the month name is matched by a lookbehind.</summary>
    public static int StartOf(Match m) => m.Groups["d"] is { Success: true } d && d.Index < m.Index ? d.Index : m.Index;

    private static DateText Build(Match m, string text)
    {
        var a = m.Groups["a"];
        var b = m.Groups["b"];
        char aField = 'M', bField = 'd';
        if (a.Success && b.Success)
        {
            var av = int.Parse(a.ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            var bv = int.Parse(b.ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            // Day first when the month cannot be first, or with '.'/'-' separators (05.03.2023); else US order.
            var dayFirst = av > 12 || (bv <= 12 && m.Groups["sep"].Value != "/");
            (aField, bField) = dayFirst ? ('d', 'M') : ('M', 'd');
        }

        var fields = new List<(char Field, Group Group)>();
        foreach (var (name, field) in new[] { ("y", 'y'), ("M", 'M'), ("N", 'N'), ("d", 'd'), ("a", aField), ("b", bField) })
        {
            if (m.Groups[name] is { Success: true } g)
            {
                fields.Add((field, g));
            }
        }

        fields.Sort((x, y) => x.Group.Index.CompareTo(y.Group.Index));
        var date = new DateText();
        var pos = StartOf(m);
        foreach (var (field, g) in fields)
        {
            if (g.Index > pos)
            {
                date.Literal(text[pos..g.Index]);
            }

            date.Field(field, g.Value);
            pos = g.Index + g.Length;
        }

        if (pos < m.Index + m.Length)
        {
            date.Literal(text[pos..(m.Index + m.Length)]);
        }

        return date;
    }
}
