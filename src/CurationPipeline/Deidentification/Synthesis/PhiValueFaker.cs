using System.Globalization;
using Bogus;

namespace CurationPipeline.Deidentification;

/// <summary>Planted values for synthetic notes: Bogus names plus generated IDs, phones, dates and addresses.</summary>
internal sealed class PhiValueFaker(Random rng)
{
    private readonly Faker _en = new("en") { Random = new Randomizer(rng.Next()) };

    public int Next(int max) => rng.Next(max);

    public T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public string ZhName(bool oneCharGiven = false)
    {
        var surname = rng.Next(25) == 0 ? Pick(ChineseLexicon.CompoundSurnames) : Pick(SurrogateLists.ZhSurnames);
        var given = Pick(SurrogateLists.ZhGivenNames);
        return surname + (oneCharGiven || rng.Next(4) == 0 ? given[..Math.Min(1, given.Length)] : given);
    }

    public string ZhSurname() => Pick(SurrogateLists.ZhSurnames);

    public string EnFirst() => _en.Name.FirstName();

    public string EnLast() => _en.Name.LastName();

    public string EnName() => rng.Next(6) == 0 ? $"{EnFirst()} {(char)('A' + rng.Next(26))}. {EnLast()}" : $"{EnFirst()} {EnLast()}";

    public string ChineseId()
    {
        var birth = new DateOnly(1930, 1, 1).AddDays(rng.Next(365 * 80));
        var id = NationalId.Build(Pick(SurrogateLists.ZhRegionCodes), birth, rng.Next(1000));
        return id;
    }

    public string Ssn() => string.Create(CultureInfo.InvariantCulture, $"{rng.Next(1, 900):D3}-{rng.Next(1, 100):D2}-{rng.Next(1, 10000):D4}").Replace("666-", "667-", StringComparison.Ordinal);

    public string Mobile()
    {
        var n = $"1{rng.Next(3, 10)}{rng.Next(10)}";
        var a = rng.Next(10000).ToString("D4", CultureInfo.InvariantCulture);
        var b = rng.Next(10000).ToString("D4", CultureInfo.InvariantCulture);
        return rng.Next(5) switch
        {
            0 => $"{n}-{a}-{b}",
            1 => $"+86 {n} {a} {b}",
            2 => $"{n} {a} {b}",
            _ => n + a + b,
        };
    }

    public string Landline()
    {
        var area = Pick(["010", "021", "0571", "025", "020", "0755", "028", "027"]);
        var local = rng.Next(2, 10) + rng.Next(area.Length == 3 ? 10000000 : 1000000).ToString(area.Length == 3 ? "D7" : "D6", CultureInfo.InvariantCulture);
        return rng.Next(3) == 0 ? $"({area}){local}" : $"{area}-{local}";
    }

    public string UsPhone()
    {
        var a = rng.Next(201, 990);
        var b = rng.Next(200, 1000);
        var c = rng.Next(10000).ToString("D4", CultureInfo.InvariantCulture);
        return rng.Next(4) switch
        {
            0 => $"({a}) {b}-{c}",
            1 => $"{a}-{b}-{c}",
            2 => $"+1 {a} {b} {c}",
            _ => $"{a}.{b}.{c}",
        };
    }

    public DateOnly AnyDate() => new DateOnly(2015, 1, 1).AddDays(rng.Next(365 * 10));

    public string ZhDate(DateOnly d) => rng.Next(6) switch
    {
        0 => $"{d.Year}年{d.Month}月{d.Day}日",
        1 => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        2 => $"{d.Year}/{d.Month}/{d.Day}",
        3 => d.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture),
        4 => $"{d.Month}月{d.Day}日",
        _ => d.ToString("yyyy年MM月dd日", CultureInfo.InvariantCulture),
    };

    public string EnDate(DateOnly d) => rng.Next(6) switch
    {
        0 => d.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
        1 => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        2 => d.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture),
        3 => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        4 => d.ToString("MMM d", CultureInfo.InvariantCulture),
        _ => d.ToString("M/d/yyyy", CultureInfo.InvariantCulture),
    };

    public string ZhAddress()
    {
        var s = Pick(ChineseLexicon.Provinces[..27]) + (rng.Next(2) == 0 ? "省" : "") + Pick(SurrogateLists.ZhCities) + Pick(SurrogateLists.ZhDistricts)
            + Pick(SurrogateLists.ZhRoadWords) + Pick(["路", "街", "大道"]) + rng.Next(1, 500) + "号";
        if (rng.Next(3) > 0)
        {
            s += $"{rng.Next(1, 30)}栋{rng.Next(1, 6)}单元{rng.Next(1, 30)}{rng.Next(1, 5):D2}室";
        }

        return s.Replace("北京杭州", "北京市杭州", StringComparison.Ordinal);
    }

    public string EnStreet() => $"{_en.Address.StreetAddress(rng.Next(3) == 0)}";

    public string EnCity() => $"{_en.Address.City()}, {_en.Address.StateAbbr()}";

    public string Zip() => _en.Address.ZipCode("#####");

    public string ZhPostal() => rng.Next(100000, 900000).ToString(CultureInfo.InvariantCulture);

    public string ZhRecord() => Pick(["ZY", "MZ", "", "", "BA"]) + rng.Next(100000, 99999999).ToString(CultureInfo.InvariantCulture);

    public string EnRecord() => Pick(["", "", "MRN", "A"]) + rng.Next(100000, 99999999).ToString(CultureInfo.InvariantCulture);

    public string ZhOrg() => Pick(SurrogateLists.ZhCities).TrimEnd('市') + Pick(SurrogateLists.ZhOrgWords) + Pick(["科技有限公司", "集团", "第一中学", "实验小学", "大学", "机械厂", "银行", "建设有限公司"]);

    public string EnOrg() => rng.Next(3) == 0 ? $"{EnLast()} {Pick(["University", "College", "Bank", "Group", "Industries"])}" : _en.Company.CompanyName(rng.Next(2));

    public string Email(bool zh) => zh
        ? $"{(char)('a' + rng.Next(26))}{(char)('a' + rng.Next(26))}{rng.Next(1000, 99999)}@{Pick(["qq.com", "163.com", "126.com", "sina.com"])}"
        : _en.Internet.Email();

    public string Url() => _en.Internet.Url() + Pick(["", "/patient/" + rng.Next(1000, 9999), "/profile"]);

    public string Ip() => $"{rng.Next(1, 224)}.{rng.Next(256)}.{rng.Next(256)}.{rng.Next(1, 255)}";

    public int OldAge() => rng.Next(90, 104);

    public int Age() => rng.Next(18, 90);
}
