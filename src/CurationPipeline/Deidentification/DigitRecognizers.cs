using System.Globalization;

namespace CurationPipeline.Deidentification;

/// <summary>Recognisers of identifiers that contain digits: IDs, phones, IPs, dates, ages, record numbers, postcodes.</summary>
internal static class DigitRecognizers
{
    /// <summary>Ages above this are personal data (HIPAA Safe Harbor: ages over 89).</summary>
    public const int MaxKeptAge = 89;

    public static void Run(string text, CandidateSet found, bool hasHan)
    {
        found.AddAll(PhiPatterns.ChineseId(), PhiCategory.IdNumber, 90, g => NationalId.IsValid(g.ValueSpan));
        found.AddAll(PhiPatterns.Ssn(), PhiCategory.IdNumber, 90);
        found.AddAll(PhiPatterns.EnRecord(), PhiCategory.RecordNumber, 85);
        found.AddAll(PhiPatterns.ChineseMobile(), PhiCategory.Phone, 80);
        found.AddAll(PhiPatterns.WesternPhone(), PhiCategory.Phone, 80, g => DigitCount(g.ValueSpan) >= 7);
        found.AddAll(PhiPatterns.CuedPhone(), PhiCategory.Phone, 79, g => DigitCount(g.ValueSpan) >= 7);
        if (text.Contains('.') || text.Contains(':'))
        {
            found.AddAll(PhiPatterns.Ip(), PhiCategory.IpAddress, 75);
        }

        found.AddAll(PhiPatterns.YearFirstDate(), PhiCategory.Date, 70, g => DateRecognizer.TryParse(g.Value, out _));
        found.AddAll(PhiPatterns.YearLastDate(), PhiCategory.Date, 70, g => DateRecognizer.TryParse(g.Value, out _));
        found.AddAll(PhiPatterns.MonthNameFirst(), PhiCategory.Date, 70, g => DateRecognizer.TryParse(g.Value, out _));
        found.AddAll(PhiPatterns.DayFirstName(), PhiCategory.Date, 70, g => DateRecognizer.TryParse(g.Value, out _));
        found.AddAll(PhiPatterns.MonthYear(), PhiCategory.Date, 69, g => DateRecognizer.TryParse(g.Value, out _));
        found.AddAll(PhiPatterns.EnPostal(), PhiCategory.PostalCode, 65);
        found.AddAll(PhiPatterns.EnAge(), PhiCategory.Age, 60, IsOldAge);
        if (hasHan)
        {
            found.AddAll(PhiPatterns.ZhRecord(), PhiCategory.RecordNumber, 85);
            found.AddAll(PhiPatterns.BedNumber(), PhiCategory.RecordNumber, 84);
            found.AddAll(PhiPatterns.ChineseLandline(), PhiCategory.Phone, 80);
            found.AddAll(PhiPatterns.ZhDate(), PhiCategory.Date, 71, g => DateRecognizer.TryParse(g.Value, out _));
            found.AddAll(PhiPatterns.ZhMonthDay(), PhiCategory.Date, 70, g => DateRecognizer.TryParse(g.Value, out _));
            found.AddAll(PhiPatterns.ZhPostal(), PhiCategory.PostalCode, 65);
            foreach (System.Text.RegularExpressions.Match m in PhiPatterns.ZhAge().Matches(text))
            {
                var v = m.Groups["v"];
                if (IsOldAge(v))
                {
                    // The span covers "92岁" (number and unit) so that it becomes "90岁以上".
                    var end = m.Index + m.Length;
                    var spanEnd = text.AsSpan(v.Index, end - v.Index).EndsWith("岁") ? end : v.Index + v.Length;
                    found.Add(PhiCategory.Age, v.Index, spanEnd - v.Index, 60);
                }
            }
        }
    }

    private static bool IsOldAge(System.Text.RegularExpressions.Group g) =>
        int.TryParse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age > MaxKeptAge && age < 130;

    private static int DigitCount(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                n++;
            }
        }

        return n;
    }
}
