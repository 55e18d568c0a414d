using System.Globalization;

namespace CurationPipeline.Deidentification;

/// <summary>Cheap checks run before the digit patterns, and the age test of Safe Harbor.</summary>
internal static class DigitPrechecks
{
    /// <summary>Ages above this are personal data (HIPAA Safe Harbor: ages over 89).</summary>
    public const int MaxKeptAge = 89;

    /// <summary>Cheap check before the IPv4 pattern: "d.d" followed by another "d.d" within four characters.</summary>
    public static bool MayHoldIpv4(string text)
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
    public static bool MayHoldSsn(string text)
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
    public static bool MayHoldIpv6(string text)
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

    public static bool IsOldAge(System.Text.RegularExpressions.Group g) =>
        int.TryParse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age > MaxKeptAge && age < 130;
}
