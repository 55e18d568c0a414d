using System.Globalization;
using System.Text;
using Bogus;
using CurationPipeline.Departments;
using CurationPipeline.Reference;

namespace CurationPipeline.Synthesis;

/// <summary>Admission notes: symptoms, diseases, medications and operations from the tables, plus planted personal data.</summary>
internal static class EhrNoteSynthesizer
{
    public static string Line(Faker f, KnowledgeBase kb, int index)
    {
        var d = f.PickRandom(kb.Diseases.ToArray());
        var p = SyntheticPatient.For(f, d);
        var symptoms = f.Random.Shuffle(d.Symptoms.ToArray()).Take(Math.Min(3, d.Symptoms.Count)).ToArray();
        var days = f.Random.Number(1, 14);
        var absent = SynthesisVocabulary.AbsentSymptom(f, d);
        var comorbidity = SynthesisVocabulary.Comorbidity(f, d, p.Age, 0.6f);
        var (operation, planned) = SynthesisVocabulary.Operation(f, d);
        var drug = SynthesisVocabulary.Drug(f, d);
        var ward = DepartmentCatalog.Find(d.Department)?.ChineseName ?? "内科";
        var exams = SynthesisVocabulary.Examinations(f, d);

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"入院记录\n姓名：{p.Name}　性别：{p.Sex}　年龄：{p.AgeText}　住院号：{p.RecordNumber}\n")
            .Append(CultureInfo.InvariantCulture, $"入院日期：{p.Date(p.VisitDate)}　联系电话：{p.Phone}\n")
            .Append(CultureInfo.InvariantCulture, $"主诉：{string.Join("、", symptoms.Take(2))}{days}天。\n")
            .Append(CultureInfo.InvariantCulture, $"现病史：患者{days}天前{f.PickRandom(SynthesisVocabulary.Onsets)}出现{symptoms[0]}")
            .Append(symptoms.Length > 1 ? $"，伴{string.Join("、", symptoms.Skip(1))}" : "")
            .Append(CultureInfo.InvariantCulture, $"，无{absent}。")
            .Append(f.Random.Bool() ? "曾于外院就诊，予对症处理后症状未见明显缓解。" : "未予特殊处理，症状逐渐加重。")
            .Append(CultureInfo.InvariantCulture, $"为进一步诊治来我院，门诊以“{d.Name}”收入{ward}。\n")
            .Append("既往史：")
            .Append(comorbidity is { } c ? $"有{c.Disease}病史{f.Random.Number(2, 15)}年，规律服用{c.Drug}。" : "否认高血压、糖尿病等慢性病史。")
            .Append(planned ? "否认手术史。" : $"{p.VisitDate.Year - f.Random.Number(2, 20)}年曾行{operation}。")
            .Append("否认药物过敏史。\n")
            .Append(CultureInfo.InvariantCulture, $"个人史：现住{p.Address}。\n")
            .Append(CultureInfo.InvariantCulture, $"查体：T {f.Random.Double(36.3, 38.9):0.0}℃，P {f.Random.Number(62, 112)}次/分，R {f.Random.Number(14, 26)}次/分，BP {f.Random.Number(100, 168)}/{f.Random.Number(60, 98)}mmHg。")
            .Append(d.Signs.Count > 0 ? $"{string.Join("，", d.Signs)}。\n" : "\n")
            .Append(CultureInfo.InvariantCulture, $"初步诊断：{d.Name}\n")
            .Append(CultureInfo.InvariantCulture, $"诊疗计划：完善{string.Join("、", exams)}等检查")
            .Append(drug is not null ? (drug.EndsWith("治疗", StringComparison.Ordinal) ? $"，予{drug}" : $"，予{drug}治疗") : Supportive(d, planned))
            .Append(planned ? $"，择期行{operation}" : "")
            .Append(CultureInfo.InvariantCulture, $"。\n医师签名：{p.Doctor}");

        return JsonLine.Of(
            ("id", $"E{index + 1:D4}"),
            ("patient_id", $"P-E{index + 1:D4}"),
            ("department", d.Department),
            ("text", text.ToString()));
    }

    /// <summary>The medication of a note whose disease has no specific drug.</summary>
    private static string Supportive(DiseaseEntry d, bool planned) => d.Department switch
    {
        "Neonatology" => "，予双歧杆菌三联活菌口服",
        _ when planned => "，术前予头孢呋辛预防感染",
        _ => "，予对乙酰氨基酚对症止痛",
    };
}
