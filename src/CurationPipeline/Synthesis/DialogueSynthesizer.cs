using System.Text.Json.Nodes;
using Bogus;
using CurationPipeline.Departments;
using CurationPipeline.Reference;

namespace CurationPipeline.Synthesis;

/// <summary>
/// Outpatient dialogues with the examinations the doctor ordered, the doctor's diagnosis and the written record.
/// The doctor concludes without naming the diagnosis, so the dialogue never gives the answer away; the
/// diagnosis lives in the diagnosis field and the record.
/// </summary>
internal static class DialogueSynthesizer
{
    private static readonly string[] Numbers = ["一", "两", "三", "四", "五", "六", "七", "八", "九", "十"];

    public static string Line(Faker f, KnowledgeBase kb, int index)
    {
        var d = f.PickRandom(kb.Diseases.ToArray());
        var p = SyntheticPatient.For(f, d);
        var signs = SynthesisVocabulary.Signs(d);
        var child = p.Age < 14 && (d.Department.StartsWith("Pediatric", StringComparison.Ordinal) || d.Department is "Neonatology" or "Child Healthcare Dept.");
        var who = child ? "孩子" : "我";
        var symptoms = f.Random.Shuffle(d.Symptoms.ToArray()).Take(Math.Min(3, d.Symptoms.Count)).ToArray();
        var days = f.Random.Number(1, 10);
        var absent = SynthesisVocabulary.AbsentSymptom(f, d);
        var comorbidity = SynthesisVocabulary.Comorbidity(f, d, p.Age, 0.5f);
        var exams = SynthesisVocabulary.Examinations(f, d);
        var ward = DepartmentCatalog.Find(d.Department)?.ChineseName ?? "门诊";
        var drug = SynthesisVocabulary.Drug(f, d);
        var treatment = drug is not null
            ? $"先用{drug}治疗，按时按量用药，不要自行停药或加量"
            : "目前没有特效药物，需要按专科方案处理，必要时住院进一步治疗";

        string[] lines =
        [
            $"患者：医生您好，{who}{Numbers[days - 1]}天前开始{symptoms[0]}{(symptoms.Length > 1 ? $"，还有点{symptoms[1]}" : "")}。",
            $"医生：您好，{(child ? "孩子" : "您")}这个情况是怎么开始的？有没有{absent}？",
            $"患者：{f.PickRandom(SynthesisVocabulary.SpokenOnsets)}，{(symptoms.Length > 2 ? $"这两天还{symptoms[2]}，" : "")}没有{absent}。",
            $"医生：以前有什么慢性病吗？有没有药物过敏？",
            $"患者：{(comorbidity is { } c ? $"有{c.Disease}，一直在吃{c.Drug}" : "以前身体挺好的")}，没有药物过敏。",
            $"医生：我先给{(child ? "孩子" : "您")}检查一下。{(signs.Length > 0 ? $"查体发现{string.Join("，", signs)}。" : "")}",
            $"医生：建议做一下{string.Join("、", exams)}检查，结果出来后再来找我。",
            "患者：好的，医生。",
            "患者：医生，检查结果出来了，您帮我看看。",
            $"医生：结果我都看过了，结合症状和查体，诊断基本明确，属于{ward}的常见病。",
            $"患者：严重吗？需要怎么治疗？",
            $"医生：{treatment}。如果症状加重或者出现新的不舒服，请及时复诊。",
            "患者：好的，谢谢医生。",
        ];

        var record = new JsonObject
        {
            ["主诉"] = $"{string.Join("、", symptoms.Take(2))}{days}天",
            ["现病史"] = $"患者{days}天前出现{symptoms[0]}{(symptoms.Length > 1 ? $"，伴{string.Join("、", symptoms.Skip(1))}" : "")}，无{absent}。",
            ["既往史"] = (comorbidity is { } cm ? $"{cm.Disease}病史，长期服用{cm.Drug}。" : "既往体健。") + "否认药物过敏史。",
            ["查体"] = $"T {f.Random.Double(36.4, 38.6):0.0}℃" + (signs.Length > 0 ? $"，{string.Join("；", signs)}。" : "。"),
            ["辅助检查"] = $"已完善{string.Join("、", exams)}，结果见报告单。",
            ["初步诊断"] = d.Name,
            ["处理"] = drug is not null ? $"{drug}治疗；病情变化随诊。" : "专科评估，必要时住院治疗；病情变化随诊。",
        };

        return JsonLine.Of(
            ("id", $"DLG{index + 1:D4}"),
            ("patient_id", $"P-D{index + 1:D4}"),
            ("department", d.Department),
            ("text", $"就诊日期：{p.Date(p.VisitDate)}　患者：{p.Name}，{p.Sex}，{p.AgeText}\n" + string.Join('\n', lines)),
            ("examinations", JsonLine.Array(exams)),
            ("diagnosis", d.Name),
            ("record", record));
    }
}
