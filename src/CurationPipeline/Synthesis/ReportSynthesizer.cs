using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Bogus;
using CurationPipeline.Departments;
using CurationPipeline.Reference;

namespace CurationPipeline.Synthesis;

/// <summary>Laboratory reports of one panel with values, units, reference ranges and flags, plus planted personal data.</summary>
internal static class ReportSynthesizer
{
    public static string Line(Faker f, KnowledgeBase kb, int index)
    {
        var panels = kb.LabTests.Select(t => t.Panel).Distinct().Order(StringComparer.Ordinal).ToArray();
        var panel = f.PickRandom(panels);
        var tests = kb.LabTests.Where(t => t.Panel == panel).ToList();
        var abnormal = f.Random.Shuffle(tests).Take(f.Random.Number(1, Math.Min(2, tests.Count))).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var patient = SyntheticPatient.For(f, null);

        var findings = new JsonArray();
        var rows = new StringBuilder();
        string? department = null;
        foreach (var t in tests)
        {
            var flag = !abnormal.Contains(t.Id) ? "N" : t.HasLowMeaning && t.Low > 0 && f.Random.Bool(0.35f) ? "L" : "H";
            var value = Value(f, t, flag);
            department ??= flag == "N" ? null : t.Department;
            rows.Append(CultureInfo.InvariantCulture, $"{t.Name}　{value}　{t.Unit}　{t.Range}　{(flag == "H" ? "↑" : flag == "L" ? "↓" : "")}\n");
            findings.Add(new JsonObject { ["test"] = t.Name, ["value"] = value, ["flag"] = flag });
        }

        department ??= tests[0].Department;
        var ward = DepartmentCatalog.Find(department)?.ChineseName ?? "检验科";
        var sampled = patient.VisitDate.AddHours(f.Random.Number(7, 11)).AddMinutes(f.Random.Number(0, 59));
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{patient.Hospital}检验报告单\n")
            .Append(CultureInfo.InvariantCulture, $"姓名：{patient.Name}　性别：{patient.Sex}　年龄：{patient.AgeText}　病历号：{patient.RecordNumber}\n")
            .Append(CultureInfo.InvariantCulture, $"科室：{ward}　标本：{tests[0].Specimen}　采样时间：{sampled:yyyy-MM-dd HH:mm}\n")
            .Append("项目名称　结果　单位　参考范围　提示\n")
            .Append(rows)
            .Append(CultureInfo.InvariantCulture, $"送检医生：{patient.Doctor}　报告日期：{patient.Date(patient.VisitDate)}\n");
        if (f.Random.Bool(0.4f))
        {
            text.Append(CultureInfo.InvariantCulture, $"联系电话：{patient.Phone}\n");
        }

        text.Append("本报告仅对所检标本负责。");
        return JsonLine.Of(
            ("id", $"R{index + 1:D4}"),
            ("patient_id", $"P-R{index + 1:D4}"),
            ("report_type", panel),
            ("department", department),
            ("text", text.ToString()),
            ("findings", findings));
    }

    private static string Value(Faker f, LabTestEntry t, string flag)
    {
        var span = t.High - t.Low;
        var value = flag switch
        {
            "H" => t.High + span * f.Random.Double(0.15, 1.5) + (t.High == 0 ? 0.1 : 0),
            "L" => t.Low * f.Random.Double(0.4, 0.85),
            _ => t.Low + span * f.Random.Double(0.1, 0.9),
        };
        var decimals = Math.Max(Decimals(t.Low), Decimals(t.High));
        return Math.Round(value, decimals).ToString("F" + decimals, CultureInfo.InvariantCulture);
    }

    private static int Decimals(double v) => KnowledgeBase.FormatNumber(v).Split('.') is [_, var frac] ? frac.Length : 0;
}
