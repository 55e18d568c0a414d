using System.Globalization;
using System.Text;
using Bogus;
using CurationPipeline.Departments;
using CurationPipeline.Reference;

namespace CurationPipeline.Synthesis;

/// <summary>
/// One admission as several notes (入院记录, 病程记录, 会诊记录) that disagree on the onset and the past history,
/// with the discharge diagnosis beside them. Diagnoses appear only under headings that state a diagnosis.
/// </summary>
internal static class InpatientSynthesizer
{
    public static string Line(Faker f, KnowledgeBase kb, int index)
    {
        var d = f.PickRandom(kb.Diseases.ToArray());
        var p = SyntheticPatient.For(f, d);
        var signs = SynthesisVocabulary.Signs(d);
        var symptoms = f.Random.Shuffle(d.Symptoms.ToArray()).Take(Math.Min(3, d.Symptoms.Count)).ToArray();
        var days = f.Random.Number(2, 10);
        var reported = days + f.Random.Number(3, 20);
        var comorbidity = SynthesisVocabulary.Comorbidity(f, d, p.Age, 0.7f);
        var exams = SynthesisVocabulary.Examinations(f, d);
        var ward = DepartmentCatalog.Find(d.Department)?.ChineseName ?? "内科";
        var consultant = f.PickRandom(kb.Diseases.Select(o => o.Department).Where(x => x != d.Department).Distinct().Order(StringComparer.Ordinal).ToArray());
        var consultWard = DepartmentCatalog.Find(consultant)?.ChineseName ?? "内科";
        var differential = f.PickRandom(kb.Diseases.Where(o => o.Department == d.Department && o.Name != d.Name).Select(o => o.Name)
            .DefaultIfEmpty(kb.Diseases[0].Name == d.Name ? kb.Diseases[1].Name : kb.Diseases[0].Name).ToArray());
        var admitted = p.VisitDate;

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"【入院记录】{p.Date(admitted)}\n姓名：{p.Name}　性别：{p.Sex}　年龄：{p.AgeText}　住院号：{p.RecordNumber}　科室：{ward}\n")
            .Append(CultureInfo.InvariantCulture, $"身份证号：{p.IdNumber}　联系电话：{p.Phone}\n")
            .Append(CultureInfo.InvariantCulture, $"主诉：{string.Join("、", symptoms.Take(2))}{days}天。\n")
            .Append(CultureInfo.InvariantCulture, $"现病史：患者{days}天前出现{symptoms[0]}{(symptoms.Length > 1 ? $"，伴{string.Join("、", symptoms.Skip(1))}" : "")}，症状进行性加重。\n")
            .Append("既往史：")
            .Append(comorbidity is { } c ? $"患者本人否认{c.Disease}病史。" : "否认慢性病史。")
            .Append("否认药物过敏史。\n")
            .Append(CultureInfo.InvariantCulture, $"查体：T {f.Random.Double(36.4, 39.0):0.0}℃，P {f.Random.Number(64, 118)}次/分，BP {f.Random.Number(98, 170)}/{f.Random.Number(58, 100)}mmHg。")
            .Append(signs.Length > 0 ? string.Join("，", signs) + "。\n" : "\n")
            .Append(CultureInfo.InvariantCulture, $"入院诊断：{differential}？\n")
            .Append(CultureInfo.InvariantCulture, $"【病程记录】{p.Date(admitted.AddDays(1))}\n")
            .Append(CultureInfo.InvariantCulture, $"患者{symptoms[0]}较前{f.PickRandom("稍有好转", "无明显变化", "有所加重")}。{string.Join("、", exams)}结果已回报，提示异常。\n")
            .Append(CultureInfo.InvariantCulture, $"家属补充病史：患者约{reported}天前即已出现{symptoms[0]}，曾自行服药。\n")
            .Append("修正诊断：").Append(d.Name).Append('\n')
            .Append("诊疗计划：").Append(SynthesisVocabulary.Drug(f, d) is { } drug ? $"予{drug}治疗，" : "予对症支持治疗，").Append("密切观察病情变化。\n")
            .Append(CultureInfo.InvariantCulture, $"【会诊记录】{p.Date(admitted.AddDays(2))}\n")
            .Append(CultureInfo.InvariantCulture, $"{consultWard}会诊：患者{p.AgeText}，因{symptoms[0]}{reported}天入院。")
            .Append(comorbidity is { } cc ? $"追问病史，患者有{cc.Disease}病史多年，长期服用{cc.Drug}。" : "既往史同前。")
            .Append('\n')
            .Append(CultureInfo.InvariantCulture, $"会诊意见：同意{d.Name}诊断，继续原方案治疗，{consultWard}随诊。\n")
            .Append(CultureInfo.InvariantCulture, $"记录医师：{p.Doctor}");

        var discharge = comorbidity is { } dc ? $"1.{d.Name}；2.{dc.Disease}" : d.Name;
        return JsonLine.Of(
            ("id", $"IP{index + 1:D4}"),
            ("patient_id", $"P-I{index + 1:D4}"),
            ("department", d.Department),
            ("text", text.ToString()),
            ("discharge_diagnosis", discharge));
    }
}
