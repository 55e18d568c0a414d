namespace CurationPipeline.Departments;

/// <summary>A secondary department of Table 2, with its primary department and Chinese name.</summary>
public sealed record Department(string Name, string ChineseName, string Primary, string PrimaryChinese);

/// <summary>
/// The fixed two-level list of the paper's Table 2: 9 primary and 64 secondary departments. General
/// Practice Dept. and Child Healthcare Dept. have no sub-specialties and count as their own secondary.
/// </summary>
public static class DepartmentCatalog
{
    public const string NoDepartment = "No Department";

    private static readonly (string Primary, string PrimaryZh, (string En, string Zh)[] Subs)[] Table =
    [
        ("Internal Medicine", "内科",
        [
            ("Respiratory Medicine", "呼吸内科"), ("Nephrology", "肾内科"), ("Gastroenterology", "消化内科"),
            ("Endocrinology", "内分泌科"), ("Neurology", "神经内科"), ("Rheumatology", "风湿免疫科"),
            ("Cardiology", "心血管内科"), ("Allergy and Immunology", "变态反应科"), ("Hematology", "血液科"),
            ("Geriatrics Dept.", "老年病科"),
        ]),
        ("Surgery", "外科",
        [
            ("General Surgery", "普通外科"), ("Thoracic Surgery", "胸外科"), ("Neurosurgery", "神经外科"),
            ("Cardiovascular Surgery", "心血管外科"), ("Orthopedic Surgery", "骨科"), ("Burn Surgery", "烧伤科"),
            ("Urology Surgery", "泌尿外科"), ("Plastic Surgery", "整形外科"),
        ]),
        ("Pediatrics", "儿科",
        [
            ("Neonatology", "新生儿科"), ("Pediatric Infectious Diseases Dept.", "小儿传染病科"),
            ("Pediatric Gastroenterology", "小儿消化科"), ("Pediatric Pulmonology", "小儿呼吸科"),
            ("Pediatric Cardiology", "小儿心内科"), ("Pediatric Nephrology", "小儿肾内科"),
            ("Pediatric Neurology", "小儿神经内科"), ("Pediatric Endocrinology", "小儿内分泌科"),
            ("Pediatric Hematology", "小儿血液科"), ("Pediatric Genetics", "小儿遗传病科"),
            ("Pediatric Immunology", "小儿免疫科"),
        ]),
        ("Obstetrics and Gynecology", "妇产科",
        [
            ("Gynecology", "妇科"), ("Women's Health", "妇女保健科"), ("Obstetrics", "产科"),
            ("Reproductive Endocrinology and Infertility", "生殖中心"),
        ]),
        ("Pediatric Surgery", "小儿外科",
        [
            ("Pediatric General Surgery", "小儿普外科"), ("Pediatric Orthopedics", "小儿骨科"),
            ("Pediatric Urology", "小儿泌尿外科"), ("Pediatric Cardiothoracic Surgery", "小儿心胸外科"),
            ("Pediatric Neurosurgery", "小儿神经外科"),
        ]),
        ("Other Departments", "其他科室",
        [
            ("Ophthalmology", "眼科"), ("Otolaryngology", "耳鼻咽喉科"), ("Stomatology", "口腔科"),
            ("Dermatology", "皮肤科"), ("Sexually Transmitted Diseases Dept.", "性病科"),
            ("Medical Aesthetics Dept.", "医疗美容科"), ("Psychiatry Dept.", "精神科"),
            ("Infectious Diseases Dept.", "感染科"), ("Tuberculosis (TB) Dept.", "结核病科"),
            ("Endemic Diseases", "地方病科"), ("Oncology", "肿瘤科"), ("Emergency Medicine", "急诊科"),
            ("Rehabilitation Medicine", "康复医学科"), ("Sports Medicine", "运动医学科"),
            ("Occupational Medicine", "职业病科"), ("Anesthesiology", "麻醉科"), ("Pain Management", "疼痛科"),
            ("Critical Care Medicine", "重症医学科"), ("Preventive Medicine", "预防保健科"),
            ("Nursing Dept.", "护理部"), ("General Health", "健康管理科"),
        ]),
        ("Medical Technology Dept.", "医技科室",
        [
            ("Pathology", "病理科"), ("Clinical Laboratory", "检验科"), ("Medical Photography", "医学影像科"),
        ]),
        ("General Practice Dept.", "全科医疗科", [("General Practice Dept.", "全科医疗科")]),
        ("Child Healthcare Dept.", "儿童保健科", [("Child Healthcare Dept.", "儿童保健科")]),
    ];

    /// <summary>All 64 secondary departments in Table 2 order.</summary>
    public static IReadOnlyList<Department> All { get; } =
        [.. Table.SelectMany(t => t.Subs.Select(s => new Department(s.En, s.Zh, t.Primary, t.PrimaryZh)))];

    /// <summary>The 9 primary departments in Table 2 order.</summary>
    public static IReadOnlyList<string> Primaries { get; } = [.. Table.Select(t => t.Primary)];

    private static readonly Dictionary<string, Department> ByName = BuildIndex();

    /// <summary>Finds a department by English or Chinese name, ignoring case and spacing.</summary>
    public static Department? Find(string name) => ByName.GetValueOrDefault(Key(name));

    /// <summary>True for a name of the list (English, as written in Table 2) or "No Department".</summary>
    public static bool IsValidLabel(string name) => name == NoDepartment || All.Any(d => d.Name == name);

    private static Dictionary<string, Department> BuildIndex()
    {
        var index = new Dictionary<string, Department>(StringComparer.Ordinal);
        foreach (var d in All)
        {
            index.TryAdd(Key(d.Name), d);
            index.TryAdd(Key(d.ChineseName), d);
        }

        return index;
    }

    private static string Key(string name) =>
        new string(name.Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '\'' && c != '’').ToArray()).ToLowerInvariant();
}
