using System.Globalization;
using Bogus;
using CurationPipeline.Reference;

namespace CurationPipeline.Synthesis;

/// <summary>
/// The personal data planted in a synthesised record (name, record number, dates, phone, ID number, address),
/// drawn with Bogus's zh_CN locale from the record's own seed. De-identification has to find all of it.
/// </summary>
internal sealed record SyntheticPatient(
    string Name,
    string Sex,
    int Age,
    string AgeText,
    string RecordNumber,
    DateTime VisitDate,
    string Phone,
    string IdNumber,
    string Address,
    string Hospital,
    string Doctor)
{
    private static readonly DateTime First = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly DateTime Last = new(2024, 12, 31, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly string[] HospitalSuffixes = ["第一人民医院", "中心医院", "人民医院", "中医院", "第二人民医院", "妇幼保健院"];

    /// <summary>A patient fitting the disease: sex and age follow its department (children, obstetrics, prostate...).</summary>
    public static SyntheticPatient For(Faker f, DiseaseEntry? disease)
    {
        var (sex, age, ageText) = Demographics(f, disease);
        var birth = f.Date.Between(First, Last).AddYears(-Math.Max(age, 0) - 1);
        return new SyntheticPatient(
            f.Name.LastName() + f.Name.FirstName(),
            sex,
            age,
            ageText,
            (f.Random.Bool() ? "ZY" : "MZ") + f.Random.ReplaceNumbers("20########"),
            f.Date.Between(First, Last).Date,
            "1" + f.Random.ArrayElement(new[] { "3", "5", "7", "8", "9" }) + f.Random.ReplaceNumbers("#########"),
            ResidentId(f, birth, sex),
            f.Address.State() + f.Address.City() + f.Address.StreetName() + f.Random.Number(1, 300).ToString(CultureInfo.InvariantCulture) + "号",
            f.Address.City().TrimEnd('市') + f.Random.ArrayElement(HospitalSuffixes),
            f.Name.LastName() + f.Name.FirstName());
    }

    public string Date(DateTime d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static (string Sex, int Age, string AgeText) Demographics(Faker f, DiseaseEntry? d)
    {
        var dept = d?.Department ?? "";
        if (dept == "Neonatology")
        {
            var days = f.Random.Number(2, 20);
            return (f.PickRandom("男", "女"), 0, $"{days}天");
        }

        if (dept.StartsWith("Pediatric", StringComparison.Ordinal) || dept == "Child Healthcare Dept.")
        {
            var years = f.Random.Number(1, 10);
            return (f.PickRandom("男", "女"), years, $"{years}岁");
        }

        string sex = dept is "Obstetrics" or "Gynecology" or "Women's Health" or "Reproductive Engineering and Infertility" or "Reproductive Endocrinology and Infertility"
            ? "女"
            : dept == "Urology Surgery" && d!.Name.Contains("前列腺", StringComparison.Ordinal) ? "男" : f.PickRandom("男", "女");
        var age = dept switch
        {
            "Obstetrics" => f.Random.Number(22, 40),
            "Geriatrics Dept." => f.Random.Number(66, 88),
            "Reproductive Endocrinology and Infertility" => f.Random.Number(20, 35),
            _ when d?.Name.Contains("老年", StringComparison.Ordinal) == true || d?.Name.Contains("白内障", StringComparison.Ordinal) == true => f.Random.Number(60, 85),
            _ => f.Random.Number(18, 80),
        };
        return (sex, age, $"{age}岁");
    }

    /// <summary>An 18-digit resident ID number with a valid check character (ISO 7064 MOD 11-2).</summary>
    private static string ResidentId(Faker f, DateTime birth, string sex)
    {
        var region = f.Random.ArrayElement(new[] { "110101", "310104", "440106", "330106", "510107", "420102", "320102", "610113" });
        var sequence = f.Random.Number(10, 99).ToString(CultureInfo.InvariantCulture)
            + (sex == "男" ? f.Random.ArrayElement(new[] { 1, 3, 5, 7, 9 }) : f.Random.ArrayElement(new[] { 0, 2, 4, 6, 8 })).ToString(CultureInfo.InvariantCulture);
        var body = region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence;
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
