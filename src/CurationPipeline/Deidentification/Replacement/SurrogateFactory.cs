using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Builds the surrogate of one detected value: realistic, in the original's format, and derived only
/// from (secret, patient key, value) so that it is the same every time for the same patient.
/// </summary>
internal sealed class SurrogateFactory(DeidOptions options)
{
    private readonly KeyedHash _hash = new(options.Secret);

    public int DateShift(string patientKey) => _hash.DateShift(patientKey, options.MinDateShiftDays, options.MaxDateShiftDays);

    public string Create(PhiCategory category, string value, string patientKey) => category switch
    {
        PhiCategory.Name => Name(value, patientKey),
        PhiCategory.IdNumber => IdNumber(value, patientKey),
        PhiCategory.Phone => Digits(value, patientKey, "phone", keep: PhoneDigitsKept(value)),
        PhiCategory.Email => Email(value, patientKey),
        PhiCategory.Url => Url(value, patientKey),
        PhiCategory.IpAddress => Ip(value, patientKey),
        PhiCategory.Address => ContainsHan(value) ? SurrogateAddresses.Chinese(value, _hash.Random(patientKey, "address", value)) : SurrogateAddresses.English(value, _hash.Random(patientKey, "address", value)),
        PhiCategory.PostalCode => Digits(value, patientKey, "postal", keep: 1),
        PhiCategory.Date => Date(value, patientKey),
        PhiCategory.Age => value.EndsWith('岁') ? "90岁以上" : ContainsHan(value) ? "90以上" : "90+",
        PhiCategory.RecordNumber => Digits(value, patientKey, "record", keep: 0),
        PhiCategory.Organization => SurrogateAddresses.Organization(value, _hash.Random(patientKey, "org", value)),
        PhiCategory.Account => LettersAndDigits(value, patientKey, "account"),
        PhiCategory.LicensePlate => LettersAndDigits(value, patientKey, "plate"),
        _ => category.MaskTag(),
    };

    private string Name(string value, string patientKey)
    {
        if (ContainsHan(value))
        {
            var surnameLength = value.Length >= 3 && SurnameInventory.IsCompoundAt(value, 0) ? 2 : 1;
            var surname = value[..surnameLength];
            var s = Different(SurrogateLists.ZhSurnames, _hash.Hash(patientKey, "zh-surname", surname), surname);
            if (value.Length == surnameLength)
            {
                return s;
            }

            var given = SurrogateLists.Pick(SurrogateLists.ZhGivenNames, _hash.Hash(patientKey, "zh-given", value));
            return s + given[..Math.Min(given.Length, value.Length - surnameLength)];
        }

        // Each space-separated word is replaced on its own (keyed by its lower-case form, so "SMITH" and "Smith" agree).
        var span = value.AsSpan();
        var words = span.Count(' ') + 1;
        var sb = new StringBuilder(value.Length + 8);
        Span<char> lower = stackalloc char[64];
        var i = 0;
        foreach (var range in span.Split(' '))
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            var t = span[range];
            var bare = t.TrimEnd('.');
            if (t.Length > 0 && bare.Length == 1)
            {
                sb.Append((char)('A' + (int)(_hash.Hash(patientKey, "initial", bare) % 26))).Append(t[1..]);
            }
            else if (t.Length > 0)
            {
                var asFirst = words > 1 ? i < words - 1 : FirstNames.Contains(bare) && !LastNames.Contains(bare);
                var list = asFirst ? SurrogateLists.EnFirstNames : SurrogateLists.EnLastNames;
                var key = bare.Length <= lower.Length ? lower[..bare.Length] : new char[bare.Length];
                bare.ToLowerInvariant(key);
                var sur = Different(list, _hash.Hash(patientKey, asFirst ? "en-first" : "en-last", key), bare);
                sb.Append(HasLower(bare) ? sur : sur.ToUpperInvariant());
            }

            i++;
        }

        return sb.ToString();
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FirstNames = EnglishLexicon.FirstNames.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LastNames = EnglishLexicon.LastNames.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool HasLower(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    private string IdNumber(string value, string patientKey)
    {
        if (value.Length == 18 && NationalId.TryBirthDate(value, out var birth))
        {
            var h = _hash.Hash(patientKey, "id", value.ToUpperInvariant());
            var region = SurrogateLists.Pick(SurrogateLists.ZhRegionCodes, h);
            var shifted = birth.AddDays(DateShift(patientKey));
            var id = NationalId.Build(region, shifted, (int)((h >> 20) % 1000));
            return char.IsLower(value[17]) ? id.ToLowerInvariant() : id;
        }

        // US SSN and other digit IDs: the same shape, area number kept in the valid range.
        var digits = Digits(value, patientKey, "id", keep: 0);
        return digits.Length == 11 && digits[3] == '-' && (digits[0] is '0' or '9' || digits.StartsWith("666", StringComparison.Ordinal))
            ? "5" + digits[1..]
            : digits;
    }

    private string Date(string value, string patientKey) =>
        DateRecognizer.TryParse(value, out var date) ? date.Shift(DateShift(patientKey)) : Digits(value, patientKey, "date", keep: 0);

    private string Email(string value, string patientKey)
    {
        var h = _hash.Hash(patientKey, "email", value.ToLowerInvariant());
        var first = SurrogateLists.Pick(SurrogateLists.EnFirstNames, h).ToLowerInvariant();
        var last = SurrogateLists.Pick(SurrogateLists.EnLastNames, h >> 16).ToLowerInvariant();
        string[] domains = ["example.com", "example.org", "example.net", "mail.example.com"];
        return $"{first}.{last}{(h >> 40) % 100}@{domains[(int)((h >> 48) % 4)]}".Replace("'", "", StringComparison.Ordinal);
    }

    private string Url(string value, string patientKey)
    {
        var h = _hash.Hash(patientKey, "url", value);
        var scheme = value.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? "https://" : value.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? "http://" : "";
        var word = SurrogateLists.Pick(SurrogateLists.EnLastNames, h).ToLowerInvariant().Replace("'", "", StringComparison.Ordinal);
        return $"{scheme}www.{word}{(h >> 32) % 1000}.example.com/";
    }

    private string Ip(string value, string patientKey)
    {
        var h = _hash.Hash(patientKey, "ip", value);
        return value.Contains(':')
            ? string.Create(CultureInfo.InvariantCulture, $"fd00:{h & 0xffff:x}:{(h >> 16) & 0xffff:x}:{(h >> 32) & 0xffff:x}::{(h >> 48) & 0xfff:x}")
            : string.Create(CultureInfo.InvariantCulture, $"10.{(h >> 8) % 256}.{(h >> 16) % 256}.{1 + ((h >> 24) % 254)}");
    }

    /// <summary>Replaces every digit after the first <paramref name="keep"/> digits; letters and separators stay.</summary>
    private string Digits(string value, string patientKey, string purpose, int keep)
    {
        var rng = _hash.Random(patientKey, purpose, value);
        var sb = new StringBuilder(value.Length);
        var seen = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!char.IsAsciiDigit(c))
            {
                sb.Append(c);
                continue;
            }

            seen++;
            if (seen <= keep)
            {
                sb.Append(c);
                continue;
            }

            // The first replaced digit keeps its zero/non-zero kind (local numbers, postcodes).
            var d = seen == keep + 1 ? (c == '0' ? 0 : rng.Next(1, 10)) : rng.Next(0, 10);
            sb.Append((char)('0' + d));
        }

        return sb.ToString();
    }

    /// <summary>
    /// Replaces every ASCII letter (same case) and digit; everything else stays: "ouyang_nana88" → "kzqtvm_wbhe31",
    /// "浙A·12345" → "浙K·80417" (the province of a plate, like a state, may stay).
    /// </summary>
    private string LettersAndDigits(string value, string patientKey, string purpose)
    {
        var rng = _hash.Random(patientKey, purpose, value);
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                >= '0' and <= '9' => (char)('0' + rng.Next(0, 10)),
                >= 'a' and <= 'z' => (char)('a' + rng.Next(0, 26)),
                >= 'A' and <= 'Z' => (char)('A' + rng.Next(0, 26)),
                _ => chars[i],
            };
        }

        return new string(chars);
    }

    /// <summary>Phones keep their country/area prefix; the last 8 digits (or all but 3) change.</summary>
    private static int PhoneDigitsKept(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return digits >= 11 ? digits - 8 : Math.Max(1, digits - Math.Max(4, digits - 3));
    }

    private static string Different(string[] list, ulong h, ReadOnlySpan<char> original)
    {
        var pick = SurrogateLists.Pick(list, h);
        return pick.AsSpan().Equals(original, StringComparison.OrdinalIgnoreCase) ? SurrogateLists.Pick(list, h + 1) : pick;
    }

    internal static bool ContainsHan(string s) => s.AsSpan().IndexOfAnyInRange('\u4e00', '\u9fff') >= 0;
}
