using System.Text;
using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>Surrogate addresses and organisations that keep the original's level of detail.</summary>
internal static partial class SurrogateAddresses
{
    private static readonly string[] ZhOrgSuffixes =
        ["有限公司", "公司", "集团", "大学", "学院", "中学", "小学", "幼儿园", "学校", "医院", "研究所", "研究院", "银行", "中心", "厂", "局", "事务所"];

    private static readonly string[] EnOrgSuffixes =
        ["Inc.", "Inc", "LLC", "Ltd", "Corp", "Corporation", "Company", "Group", "University", "College", "School", "Academy", "Bank", "Hospital", "Institute", "Foundation", "Partners", "Associates"];

    public static string Chinese(string original, KeyedRandom rng)
    {
        var sb = new StringBuilder();
        if (ChineseLexicon.Provinces.Any(p => original.StartsWith(p, StringComparison.Ordinal)))
        {
            sb.Append(SurrogateLists.ZhProvinces[rng.Next(SurrogateLists.ZhProvinces.Length)]);
        }

        sb.Append(SurrogateLists.ZhCities[rng.Next(SurrogateLists.ZhCities.Length)]);
        if (original.Contains('区') || original.Contains('县') || original.Contains('路') || original.Contains('街') || original.Contains('号'))
        {
            sb.Append(SurrogateLists.ZhDistricts[rng.Next(SurrogateLists.ZhDistricts.Length)]);
        }

        if (original.Contains('路') || original.Contains('街') || original.Contains('号') || original.Contains('道'))
        {
            sb.Append(SurrogateLists.ZhRoadWords[rng.Next(SurrogateLists.ZhRoadWords.Length)]).Append(rng.Next(3) == 0 ? "街" : "路");
        }

        if (original.Contains('号'))
        {
            sb.Append(rng.Next(1, 400)).Append('号');
        }

        if (original.Contains('栋') || original.Contains('幢') || original.Contains("号楼"))
        {
            sb.Append(rng.Next(1, 30)).Append('栋');
        }

        if (original.Contains("单元"))
        {
            sb.Append(rng.Next(1, 6)).Append("单元");
        }

        if (original.Contains('室'))
        {
            sb.Append(rng.Next(1, 30)).Append(rng.Next(1, 5).ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).Append('室');
        }

        return sb.ToString();
    }

    public static string English(string original, KeyedRandom rng)
    {
        if (original.Contains("Box", StringComparison.OrdinalIgnoreCase))
        {
            return $"P.O. Box {rng.Next(100, 9999)}";
        }

        var sb = new StringBuilder();
        sb.Append(rng.Next(1, 9999)).Append(' ')
            .Append(SurrogateLists.EnLastNames[rng.Next(SurrogateLists.EnLastNames.Length)]).Append(' ')
            .Append(SurrogateLists.EnStreetSuffixes[rng.Next(SurrogateLists.EnStreetSuffixes.Length)]);
        if (UnitWord().IsMatch(original))
        {
            sb.Append(", Apt ").Append(rng.Next(1, 999));
        }

        var commas = original.Count(c => c == ',');
        if (commas >= 1 && original.TrimEnd().Length > 0)
        {
            sb.Append(", ").Append(SurrogateLists.EnFirstNames[rng.Next(SurrogateLists.EnFirstNames.Length)])
                .Append(SurrogateLists.EnCitySuffixes[rng.Next(SurrogateLists.EnCitySuffixes.Length)]);
            if (StateAtEnd().IsMatch(original))
            {
                sb.Append(", ").Append(SurrogateLists.EnStates[rng.Next(SurrogateLists.EnStates.Length)]);
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"\b(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm)\b|#", RegexOptions.CultureInvariant)]
    private static partial Regex UnitWord();

    [GeneratedRegex(@",\s*[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex StateAtEnd();

    public static string Organization(string original, KeyedRandom rng)
    {
        if (SurrogateFactory.ContainsHan(original))
        {
            var suffix = ZhOrgSuffixes.FirstOrDefault(s => original.EndsWith(s, StringComparison.Ordinal)) ?? "公司";
            return SurrogateLists.ZhCities[rng.Next(SurrogateLists.ZhCities.Length)].TrimEnd('市')
                + SurrogateLists.ZhOrgWords[rng.Next(SurrogateLists.ZhOrgWords.Length)] + suffix;
        }

        var enSuffix = EnOrgSuffixes.FirstOrDefault(s => original.EndsWith(s, StringComparison.Ordinal)) ?? "Group";
        var name = SurrogateLists.EnLastNames[rng.Next(SurrogateLists.EnLastNames.Length)];
        return $"{name} {enSuffix}";
    }
}
