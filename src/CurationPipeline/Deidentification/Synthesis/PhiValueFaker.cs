using System.Globalization;
using Bogus;

namespace CurationPipeline.Deidentification;

/// <summary>Planted values for synthetic notes: Bogus names plus generated IDs, phones, dates and addresses.</summary>
internal sealed class PhiValueFaker(Random rng)
{
    private readonly Faker _en = new("en") { Random = new Randomizer(rng.Next()) };

    public int Next(int max) => rng.Next(max);

    public T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

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
        // A municipality (北京, 天津, 上海, 重庆) is followed by its district, a province by a city and a district.
        var province = Pick(ChineseLexicon.Provinces[..27]);
        var s = (Array.IndexOf(ChineseLexicon.Provinces, province) < 4 ? province + "市" : province + (rng.Next(2) == 0 ? "省" : "") + Pick(SurrogateLists.ZhCities))
            + Pick(SurrogateLists.ZhDistricts) + Pick(SurrogateLists.ZhRoadWords) + Pick(["路", "街", "大道"]) + rng.Next(1, 500) + "号";
        if (rng.Next(3) > 0)
        {
            s += $"{rng.Next(1, 30)}栋{rng.Next(1, 6)}单元{rng.Next(1, 30)}{rng.Next(1, 5):D2}室";
        }

        return s;
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

    /// <summary>A resident ID, one in five written in groups of 6, 8 and 4 ("110101 19800101 1234").</summary>
    public string ChineseIdMaybeSpaced()
    {
        var id = ChineseId();
        return rng.Next(5) == 0 ? $"{id[..6]} {id[6..14]} {id[14..]}" : id;
    }

    /// <summary>A place below the province: a county, district, town, street, village or housing estate.</summary>
    public string ZhPlace()
    {
        var city = Pick(SurrogateLists.ZhCities);
        var word = Pick(SurrogateLists.ZhRoadWords);
        var other = Pick(SurrogateLists.ZhOrgWords);
        return rng.Next(6) switch
        {
            0 => Pick(ChineseLexicon.Provinces[4..27]) + "省" + city + word + "县" + other + "镇" + Pick(SurrogateLists.ZhOrgWords) + "村",
            1 => city + Pick(SurrogateLists.ZhDistricts) + word + "街道",
            2 => Pick(SurrogateLists.ZhDistricts) + other + "小区" + rng.Next(1, 30) + "幢",
            3 => word + "县" + other + "乡" + Pick(SurrogateLists.ZhRoadWords) + "村",
            4 => city + Pick(SurrogateLists.ZhDistricts),
            _ => word + "县" + other + "镇",
        };
    }

    /// <summary>A medical insurance or social security number: letters and digits, or a resident ID.</summary>
    public string ZhInsurance() => rng.Next(3) switch
    {
        0 => (char)('A' + rng.Next(26)) + rng.Next(10000000, 99999999).ToString(CultureInfo.InvariantCulture),
        1 => rng.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) + rng.Next(100000, 999999).ToString(CultureInfo.InvariantCulture) + rng.Next(10, 99).ToString(CultureInfo.InvariantCulture),
        _ => ChineseId(),
    };

    /// <summary>A staff number: four to six digits, or a letter and four digits.</summary>
    public string StaffNumber() => rng.Next(2) == 0
        ? rng.Next(1000, 999999).ToString(CultureInfo.InvariantCulture)
        : (char)('A' + rng.Next(26)) + rng.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);

    private static readonly string[] PinyinSyllables =
        ["zhang", "wang", "li", "liu", "chen", "yang", "ouyang", "nana", "xiao", "ming", "hua", "jun", "fang", "lei", "ting", "yu", "hao", "jing", "wei", "xin", "mei", "qiang", "bo", "lin"];

    /// <summary>A WeChat id: "wxid_" and 14 letters or digits, or pinyin with digits or an underscore.</summary>
    public string WeChatId()
    {
        if (rng.Next(4) == 0)
        {
            const string chars = "abcdefghijklmnopqrstuvwxyz0123456789";
            return "wxid_" + new string([.. Enumerable.Range(0, 14).Select(_ => chars[rng.Next(chars.Length)])]);
        }

        var id = Pick(PinyinSyllables) + (rng.Next(2) == 0 ? "_" : "") + Pick(PinyinSyllables) + rng.Next(1, 999).ToString(CultureInfo.InvariantCulture);
        return rng.Next(3) == 0 ? char.ToUpperInvariant(id[0]) + id[1..] : id;
    }

    public string QqNumber() => rng.Next(1, 10).ToString(CultureInfo.InvariantCulture) + string.Concat(Enumerable.Range(0, rng.Next(5, 10)).Select(_ => rng.Next(10).ToString(CultureInfo.InvariantCulture)));

    /// <summary>A bank card number with a valid Luhn check digit: 16 or 19 digits, half of them in groups of four.</summary>
    public string BankCard()
    {
        var digits = new List<int> { 6, 2 };
        if (rng.Next(3) == 0)
        {
            digits = [4];
        }

        var length = rng.Next(2) == 0 ? 16 : 19;
        while (digits.Count < length - 1)
        {
            digits.Add(rng.Next(10));
        }

        var sum = 0;
        for (var i = 0; i < digits.Count; i++)
        {
            var d = digits[digits.Count - 1 - i];
            sum += i % 2 == 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }

        digits.Add((10 - sum % 10) % 10);
        var s = string.Concat(digits);
        return rng.Next(2) == 0 ? string.Join(' ', s.Chunk(4).Select(c => new string(c))) : s;
    }

    private const string PlateProvinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private const string PlateLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>A licence plate: province, letter, an optional "·" and five characters (six for new-energy cars).</summary>
    public string LicensePlate()
    {
        var tail = string.Concat(Enumerable.Range(0, 5).Select(i => i == 0 && rng.Next(3) == 0 ? PlateLetters[rng.Next(PlateLetters.Length)] : (char)('0' + rng.Next(10))));
        if (rng.Next(5) == 0)
        {
            tail = "D" + tail;
        }

        return $"{PlateProvinces[rng.Next(PlateProvinces.Length)]}{PlateLetters[rng.Next(PlateLetters.Length)]}{(rng.Next(2) == 0 ? "·" : "")}{tail}";
    }

    /// <summary>A hospital name: a city or county people's hospital, a university hospital, a township health centre.</summary>
    public string Hospital()
    {
        var city = Pick(SurrogateLists.ZhCities).TrimEnd('市');
        return rng.Next(6) switch
        {
            0 => $"{city}市第{"一二三四五六七"[rng.Next(7)]}人民医院",
            1 => $"{city}市中医院",
            2 => $"{city}{Pick(SurrogateLists.ZhOrgWords)}大学附属第{"一二"[rng.Next(2)]}医院",
            3 => $"{Pick(SurrogateLists.ZhRoadWords)}县人民医院",
            4 => $"{Pick(SurrogateLists.ZhOrgWords)}镇卫生院",
            _ => $"{city}市妇幼保健院",
        };
    }

    /// <summary>An age over 89 as written before a noun or at a clause end: "92岁", "92周岁".</summary>
    public string ZhOldAge() => OldAge().ToString(CultureInfo.InvariantCulture) + (rng.Next(6) == 0 ? "周岁" : "岁");

    public int Age() => rng.Next(18, 90);
}
