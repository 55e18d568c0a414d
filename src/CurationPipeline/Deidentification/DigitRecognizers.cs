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
        if (MayHoldSsn(text))
        {
            found.AddAll(PhiPatterns.Ssn(), PhiCategory.IdNumber, 90);
        }

        found.AddAll(PhiPatterns.EnRecord(), PhiCategory.RecordNumber, 85);
        found.AddAll(PhiPatterns.ChineseMobile(), PhiCategory.Phone, 80);
        PhoneNumbers.Find(text, found);
        if (MayHoldIpv4(text))
        {
            found.AddAll(PhiPatterns.Ipv4(), PhiCategory.IpAddress, 75);
        }

        if (MayHoldIpv6(text))
        {
            found.AddAll(PhiPatterns.Ipv6(), PhiCategory.IpAddress, 75);
        }

        Dates(text, found, PhiPatterns.YearFirstDate(), 70);
        Dates(text, found, PhiPatterns.YearLastDate(), 70);
        Dates(text, found, PhiPatterns.MonthNameFirst(), 70);
        Dates(text, found, PhiPatterns.DayFirstName(), 70);
        Dates(text, found, PhiPatterns.MonthYear(), 69);
        found.AddAll(PhiPatterns.EnPostal(), PhiCategory.PostalCode, 65);
        found.AddAll(PhiPatterns.EnAge(), PhiCategory.Age, 60, IsOldAge);
        if (hasHan)
        {
            found.AddAll(PhiPatterns.ZhRecord(), PhiCategory.RecordNumber, 85);
            NumberBefore(text, found, '床', PhiCategory.RecordNumber, 84, 1, 3);
            found.AddAll(PhiPatterns.ChineseLandline(), PhiCategory.Phone, 80);
            Dates(text, found, PhiPatterns.ZhDate(), 71);
            Dates(text, found, PhiPatterns.ZhMonthDay(), 70);
            found.AddAll(PhiPatterns.ZhPostal(), PhiCategory.PostalCode, 65);
            found.AddAll(PhiPatterns.ZhAge(), PhiCategory.Age, 60, IsOldAge);
            NumberBefore(text, found, '岁', PhiCategory.Age, 60, 2, 3);
        }
    }

    /// <summary>The matches of a date pattern that are valid dates (a day written before a month name included).</summary>
    private static void Dates(string text, CandidateSet found, System.Text.RegularExpressions.Regex pattern, int priority)
    {
        for (var m = pattern.Match(text); m.Success; m = m.NextMatch())
        {
            if (DateRecognizer.IsDate(m, text))
            {
                var start = DateRecognizer.StartOf(m);
                found.Add(PhiCategory.Date, start, m.Index + m.Length - start, priority);
            }
        }
    }

    /// <summary>
    /// Numbers written just before a unit character: "12床" (bed, digits only) and "92岁" (age over 89;
    /// the span keeps the unit so that it becomes "90岁以上").
    /// </summary>
    private static void NumberBefore(string text, CandidateSet found, char unit, PhiCategory category, int priority, int minDigits, int maxDigits)
    {
        for (var i = text.IndexOf(unit); i >= 0; i = i + 1 < text.Length ? text.IndexOf(unit, i + 1) : -1)
        {
            var end = i;
            while (end > 0 && text[end - 1] == ' ')
            {
                end--;
            }

            if (category == PhiCategory.Age && end > 0 && text[end - 1] == '周')
            {
                end--;
            }

            var start = end;
            while (start > 0 && char.IsAsciiDigit(text[start - 1]) && end - start <= maxDigits)
            {
                start--;
            }

            var digits = end - start;
            if (digits < minDigits || digits > maxDigits || (start > 0 && text[start - 1] is '.' or '+' or '-' or '/'))
            {
                continue;
            }

            if (category == PhiCategory.RecordNumber)
            {
                if (i + 1 < text.Length && "旁边头上尾".Contains(text[i + 1]))
                {
                    continue;
                }

                found.Add(category, start, digits, priority);
            }
            else if (int.Parse(text.AsSpan(start, digits), CultureInfo.InvariantCulture) is > MaxKeptAge and < 130)
            {
                found.Add(category, start, i + 1 - start, priority);
            }
        }
    }

    /// <summary>Cheap check before the IPv4 pattern: "d.d" followed by another "d.d" within four characters.</summary>
    private static bool MayHoldIpv4(string text)
    {
        for (var i = text.IndexOf('.'); i > 0 && i + 1 < text.Length; i = text.IndexOf('.', i + 1))
        {
            if (char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]))
            {
                var next = text.IndexOf('.', i + 1, Math.Min(5, text.Length - i - 1));
                if (next > 0 && next + 1 < text.Length && char.IsAsciiDigit(text[next - 1]) && char.IsAsciiDigit(text[next + 1]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Cheap check before the SSN pattern: "dd-dd" somewhere, or the word SSN / Social Security.</summary>
    private static bool MayHoldSsn(string text)
    {
        for (var i = text.IndexOf('-'); i > 1 && i + 2 < text.Length; i = text.IndexOf('-', i + 1))
        {
            if (char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i - 2]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]))
            {
                return true;
            }
        }

        return text.Contains("SSN", StringComparison.Ordinal) || text.Contains("Social Security", StringComparison.Ordinal);
    }

    /// <summary>Cheap check before the IPv6 pattern: seven colons in one run of hex digits and colons.</summary>
    private static bool MayHoldIpv6(string text)
    {
        for (var i = text.IndexOf(':'); i > 0 && i + 2 < text.Length; i = text.IndexOf(':', i + 1))
        {
            if (!char.IsAsciiHexDigit(text[i - 1]) || !char.IsAsciiHexDigit(text[i + 1]))
            {
                continue;
            }

            var colons = 0;
            for (var j = i; j < text.Length && (text[j] == ':' || char.IsAsciiHexDigit(text[j])); j++)
            {
                colons += text[j] == ':' ? 1 : 0;
            }

            if (colons >= 7)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOldAge(System.Text.RegularExpressions.Group g) =>
        int.TryParse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age > MaxKeptAge && age < 130;
}
