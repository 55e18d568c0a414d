using System.Globalization;

namespace CurationPipeline.Deidentification;

/// <summary>The 18-character Chinese resident ID: validation (ISO 7064 MOD 11-2, birth date) and building.</summary>
public static class NationalId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckDigit(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckChars[sum % 11];
    }

    /// <summary>True for a valid ID written in groups: the separators (spaces, dashes) are left out first.</summary>
    public static bool IsValidGrouped(ReadOnlySpan<char> written) => Ungrouped(written) is { } id && IsValid(id);

    /// <summary>True for an ID after its label whose birth date is real, whatever its check character (a typo).</summary>
    public static bool HasBirthDate(ReadOnlySpan<char> written) => Ungrouped(written) is { } id && TryBirthDate(id, out _);

    private static string? Ungrouped(ReadOnlySpan<char> written)
    {
        Span<char> id = stackalloc char[18];
        var n = 0;
        foreach (var c in written)
        {
            if (c is not (' ' or '-'))
            {
                if (n == 18)
                {
                    return null;
                }

                id[n++] = c;
            }
        }

        return n == 18 ? id.ToString() : null;
    }

    /// <summary>True for 17 digits + check character with a correct checksum and a plausible birth date.</summary>
    public static bool IsValid(ReadOnlySpan<char> id)
    {
        if (id.Length != 18 || id[0] == '0')
        {
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return false;
            }
        }

        return char.ToUpperInvariant(id[17]) == CheckDigit(id) && TryBirthDate(id, out _);
    }

    /// <summary>The birth date in positions 7-14, when it is a real date between 1900 and today.</summary>
    public static bool TryBirthDate(ReadOnlySpan<char> id, out DateOnly date) =>
        DateOnly.TryParseExact(id.Slice(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year >= 1900 && date <= DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Builds a valid ID from a 6-digit region code, a birth date and a 3-digit sequence.</summary>
    public static string Build(string region, DateOnly birth, int sequence)
    {
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{region}{birth:yyyyMMdd}{sequence % 1000:D3}");
        return first17 + CheckDigit(first17);
    }
}
