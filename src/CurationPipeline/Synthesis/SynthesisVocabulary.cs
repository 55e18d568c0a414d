using Bogus;
using CurationPipeline.Reference;

namespace CurationPipeline.Synthesis;

/// <summary>
/// The clinical pieces the synthesiser combines with the knowledge tables: operations by department, chronic
/// comorbidities with their usual drug, past operations. Every term here is in the bundled lexicons.
/// </summary>
internal static class SynthesisVocabulary
{
    public static readonly IReadOnlyDictionary<string, string[]> OperationsByDepartment = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["General Surgery"] = ["腹腔镜阑尾切除术", "腹腔镜胆囊切除术", "无张力疝修补术"],
        ["Thoracic Surgery"] = ["胸腔闭式引流术", "胸腔镜肺大疱切除术"],
        ["Neurosurgery"] = ["钻孔引流术"],
        ["Cardiovascular Surgery"] = ["胸主动脉腔内修复术"],
        ["Orthopedic Surgery"] = ["人工股骨头置换术", "全膝关节置换术", "椎间孔镜髓核摘除术"],
        ["Urology Surgery"] = ["经尿道前列腺电切术", "输尿管镜碎石术"],
        ["Cardiology"] = ["冠状动脉造影术", "经皮冠状动脉介入治疗", "射频消融术"],
        ["Gastroenterology"] = ["胃镜检查", "结肠镜检查", "内镜下止血术"],
        ["Nephrology"] = ["肾穿刺活检术"],
        ["Neurology"] = ["腰椎穿刺术", "机械取栓术"],
        ["Gynecology"] = ["子宫肌瘤剔除术", "宫腔镜检查"],
        ["Obstetrics"] = ["剖宫产术"],
        ["Ophthalmology"] = ["白内障超声乳化吸除术", "小梁切除术"],
        ["Otolaryngology"] = ["鼻内镜鼻窦手术", "鼓膜置管术"],
        ["Stomatology"] = ["龈下刮治术"],
        ["Respiratory Medicine"] = ["支气管镜检查", "胸腔穿刺术"],
        ["Hematology"] = ["骨髓穿刺术"],
        ["Burn Surgery"] = ["烧伤创面清创术"],
        ["Emergency Medicine"] = ["高压氧治疗"],
        ["Tuberculosis (TB) Dept."] = ["支气管镜检查"],
    };

    public static readonly string[] PastOperations =
        ["阑尾切除术", "胆囊切除术", "甲状腺次全切除术", "痔切除术", "腹股沟疝修补术", "扁桃体切除术", "白内障超声乳化吸除术", "骨折切开复位内固定术"];

    /// <summary>Chronic conditions of a past history with the drug taken for them.</summary>
    public static readonly (string Disease, string Drug)[] Comorbidities =
    [
        ("原发性高血压", "氨氯地平"), ("2型糖尿病", "二甲双胍"), ("高脂血症", "阿托伐他汀"), ("慢性胃炎", "雷贝拉唑"),
        ("甲状腺功能减退症", "左甲状腺素钠"), ("痛风", "非布司他"), ("冠心病", "阿司匹林"), ("骨质疏松症", "碳酸钙"),
    ];

    public static readonly string[] Onsets = ["无明显诱因", "无明显诱因", "无明显诱因", "劳累后"];

    /// <summary>How a patient tells the start of the complaint.</summary>
    public static readonly string[] SpokenOnsets = ["没什么特别原因就开始了", "突然就开始了", "慢慢开始的", "那几天比较累，然后就开始了"];

    /// <summary>An operation for the note: one of the department's when it has any, else a past operation.</summary>
    public static (string Operation, bool Planned) Operation(Faker f, DiseaseEntry d) =>
        OperationsByDepartment.TryGetValue(d.Department, out var ops) && f.Random.Bool(0.6f)
            ? (f.PickRandom(ops), true)
            : (f.PickRandom(PastOperations), false);

    /// <summary>
    /// A comorbidity unrelated to the disease (its name neither contains nor is contained in the disease's);
    /// only patients of 40 and over have one.
    /// </summary>
    public static (string Disease, string Drug)? Comorbidity(Faker f, DiseaseEntry d, int age, float chance)
    {
        if (!f.Random.Bool(chance) || age < 40)
        {
            return null;
        }

        var options = Comorbidities.Where(c => !c.Disease.Contains(d.Name, StringComparison.Ordinal) && !d.Name.Contains(c.Disease, StringComparison.Ordinal)
            && !d.Drugs.Contains(c.Drug)).ToArray();
        return options.Length == 0 ? null : f.PickRandom(options);
    }

    /// <summary>Symptoms a history commonly records as absent.</summary>
    public static readonly string[] CommonNegatives = ["发热", "胸痛", "腹痛", "腹泻", "呕吐", "咯血", "黑便", "头痛", "心悸", "皮疹", "关节痛", "尿频", "呼吸困难"];

    /// <summary>A symptom the patient does not have, for the negations of a history.</summary>
    public static string AbsentSymptom(Faker f, DiseaseEntry d) =>
        f.PickRandom(CommonNegatives.Where(s => !d.Symptoms.Contains(s) && !d.Signs.Contains(s)).ToArray());

    /// <summary>The examinations a doctor orders for the disease (never the "clinical diagnosis" placeholder).</summary>
    public static string[] Examinations(Faker f, DiseaseEntry d)
    {
        var exams = d.Examinations.Where(e => e is not "临床诊断" and not "体格检查").ToArray();
        return [.. f.Random.Shuffle(exams).Take(Math.Min(exams.Length, f.Random.Number(2, 3)))];
    }

    /// <summary>Signs that do not spell out the diagnosis ("痛风石" would give "痛风" away).</summary>
    public static string[] Signs(DiseaseEntry d) => [.. d.Signs.Where(s => !s.Contains(d.Name, StringComparison.Ordinal))];

    /// <summary>
    /// One drug of the disease's first-line list, or null when it has none: the list names alternatives
    /// (three antibiotics, three antidepressants), not a combination to give together.
    /// </summary>
    public static string? Drug(Faker f, DiseaseEntry d) => d.Drugs.Count > 0 ? f.PickRandom(d.Drugs.ToArray()) : null;
}
