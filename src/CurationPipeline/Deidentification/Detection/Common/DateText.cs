using System.Globalization;
using System.Text;

namespace CurationPipeline.Deidentification;

/// <summary>
/// A date as written in the text: its parts and how they were written, so that a shifted date can be
/// written back in exactly the same format (2023年3月5日 stays 2023年3月5日, 05/03/2023 stays 05/03/2023).
/// </summary>
internal sealed class DateText
{
    private static readonly System.Buffers.SearchValues<char> UpperLetters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    // Written pieces: literal text and field placeholders, in order.
    private readonly List<(char Field, string Text)> _pieces = [];

    public int Year { get; private set; } = -1;
    public int Month { get; private set; }
    public int Day { get; private set; } = -1;

    public void Literal(string text) => _pieces.Add(('\0', text));

    /// <summary>Adds a field: 'y' year, 'M' month number, 'N' month name, 'd' day; text is how it was written.</summary>
    public void Field(char field, string text)
    {
        _pieces.Add((field, text));
        int year = Year, month = Month, day = Day;
        Read(field, text, ref year, ref month, ref day);
        (Year, Month, Day) = (year, month, day);
    }

    /// <summary>Sets the year, month or day that <paramref name="field"/> (as in <see cref="Field"/>) gives.</summary>
    public static void Read(char field, ReadOnlySpan<char> text, ref int year, ref int month, ref int day)
    {
        switch (field)
        {
            case 'y':
                year = ParseYear(text);
                break;
            case 'M':
                month = int.Parse(text, CultureInfo.InvariantCulture);
                break;
            case 'N':
                month = MonthFromName(text);
                break;
            case 'd':
                day = ParseDay(text);
                break;
        }
    }

    /// <summary>True when the fields make a real calendar date.</summary>
    public bool IsValid => IsValidDate(Year, Month, Day);

    /// <summary>A year as written: two digits are 1931–2030.</summary>
    public static int ParseYear(ReadOnlySpan<char> text)
    {
        var y = int.Parse(text, CultureInfo.InvariantCulture);
        return text.Length == 2 ? (y > 30 ? 1900 + y : 2000 + y) : y;
    }

    /// <summary>A day as written, with or without an ordinal suffix ("3rd").</summary>
    public static int ParseDay(ReadOnlySpan<char> text) => int.Parse(text.TrimEnd("stndrh"), CultureInfo.InvariantCulture);

    /// <summary>True when year (or -1), month and day (or -1) make a real calendar date.</summary>
    public static bool IsValidDate(int year, int month, int day)
    {
        if (month is < 1 or > 12)
        {
            return false;
        }

        var y = year > 0 ? year : 2024; // leap reference year when the text gives none
        return day < 0 || (day >= 1 && day <= DateTime.DaysInMonth(y, month));
    }

    /// <summary>Writes the date moved by <paramref name="days"/>, keeping every piece's format.</summary>
    public string Shift(int days)
    {
        var refYear = Year > 0 ? Year : (Month == 2 && Day == 29 ? 2024 : 2023);
        var day = Day > 0 ? Day : 15; // month-only dates shift from mid-month
        var shifted = new DateOnly(refYear, Month, day).AddDays(days);
        var sb = new StringBuilder(24);
        foreach (var (field, text) in _pieces)
        {
            sb.Append(field switch
            {
                'y' => text.Length == 2 ? (shifted.Year % 100).ToString("D2", CultureInfo.InvariantCulture) : shifted.Year.ToString(CultureInfo.InvariantCulture),
                'M' => Pad(shifted.Month, text),
                'N' => MonthName(shifted.Month, text),
                'd' => Pad(shifted.Day, text) + OrdinalSuffix(shifted.Day, text),
                _ => text,
            });
        }

        return sb.ToString();
    }

    private static string Pad(int value, string original)
    {
        var digits = original.AsSpan().IndexOfAnyExceptInRange('0', '9');
        digits = digits < 0 ? original.Length : digits;
        return value.ToString(digits >= 2 && original[0] == '0' ? "D2" : "D1", CultureInfo.InvariantCulture);
    }

    private static string OrdinalSuffix(int day, string original)
    {
        if (!original.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return "";
        }

        return (day % 100) switch
        {
            11 or 12 or 13 => "th",
            _ => (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" },
        };
    }

    public static int MonthFromName(ReadOnlySpan<char> name)
    {
        var key = name.TrimEnd('.');
        for (var i = 0; i < 12; i++)
        {
            if (MonthNames[i].AsSpan().StartsWith(key.Length >= 3 ? key[..3] : key, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static string MonthName(int month, string original)
    {
        var full = MonthNames[month - 1];
        var core = original.TrimEnd('.');
        var name = core.Length > 3 && core.Length >= full.Length - 1 ? full : (month == 9 && core.Length == 4 ? "Sept" : full[..3]);
        if (!core.AsSpan().ContainsAnyExcept(UpperLetters))
        {
            name = name.ToUpperInvariant();
        }

        return original.EndsWith('.') && name.Length <= 4 ? name + "." : name;
    }
}
