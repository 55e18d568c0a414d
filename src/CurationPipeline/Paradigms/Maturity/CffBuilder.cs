using System.Globalization;
using System.Text.Json.Nodes;
using CurationPipeline.Core;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.Maturity;

/// <summary>
/// CFF (L1, Type B, json): an admission note and a form definition in, the filled form as one strict JSON object out.
/// The form copies five facts of the note and decides two quality indicators by explicit rules with 0/1 results
/// (the paper's cranial-thoracic-abdominal general-anaesthesia surgery indicator, and an elderly-surgery indicator).
/// The record's structured fields (<c>age</c>, <c>sex</c>, <c>diagnosis</c>, <c>operation</c>, <c>operation_site</c>,
/// <c>anesthesia</c>) are the facts the gold is derived from.
/// </summary>
public sealed class CffBuilder() : ScenarioBuilder("CFF", "Clinical Form Filling", ScenarioType.B, "json")
{
    /// <summary>Operation sites that count as cranial, thoracic or abdominal.</summary>
    public static readonly IReadOnlyList<string> MajorSites = ["颅脑", "胸部", "腹部"];

    public const string GeneralAnesthesia = "全身麻醉";

    public const string NoOperation = "无";

    public const string Form =
        "请根据入院记录填写以下表单，只输出一个JSON对象，键名与下表一致：\n" +
        "- age：年龄（整数，单位岁）\n" +
        "- sex：性别（男/女）\n" +
        "- diagnosis：入院诊断（照录原文）\n" +
        "- operation：拟行手术名称（照录原文；无手术填\"无\"）\n" +
        "- anesthesia：拟行麻醉方式（照录原文；无手术填\"无\"）\n" +
        "- ctag_surgery：颅胸腹全麻手术指标（0或1），判定逻辑：\n" +
        "    if (手术信息为空或无效) -> 0\n" +
        "    else if (手术部位涉及颅脑/胸部/腹部)\n" +
        "      if (麻醉方式为全身麻醉) -> 1\n" +
        "      else -> 0\n" +
        "    else -> 0\n" +
        "- elderly_surgery：老年手术患者指标（0或1），判定逻辑：\n" +
        "    if (手术信息为空或无效) -> 0\n" +
        "    else if (年龄 >= 65) -> 1\n" +
        "    else -> 0";

    public override ScenarioDraft Build(SourceRecord record, Random random, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = RecordFields.RequiredText(record);
        var ageText = RecordFields.Required(record, "age");
        if (!int.TryParse(ageText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var age) || age is < 0 or > 89)
        {
            throw new RecordRejectedException($"age '{ageText}' is not a whole number of years from 0 to 89", "age");
        }

        var sex = RecordFields.Required(record, "sex");
        var diagnosis = RecordFields.Required(record, "diagnosis");
        var operation = record.Field("operation")?.Trim() ?? NoOperation;
        var anesthesia = record.Field("anesthesia")?.Trim() ?? NoOperation;
        var site = record.Field("operation_site")?.Trim() ?? "";
        var (ctag, elderly) = Indicators(operation, site, anesthesia, age);
        var form = new JsonObject
        {
            ["age"] = age,
            ["sex"] = sex,
            ["diagnosis"] = diagnosis,
            ["operation"] = operation,
            ["anesthesia"] = anesthesia,
            ["ctag_surgery"] = ctag,
            ["elderly_surgery"] = elderly,
        };
        var keep = new List<string> { diagnosis };
        if (operation != NoOperation)
        {
            keep.Add(operation);
            keep.Add(anesthesia);
        }

        return new ScenarioDraft(Form, text, MaturityJson.Write(form))
        {
            Facts = EngineItems.Attributes(("fact_operation_site", site.Length > 0 ? site : NoOperation), ("fact_ctag_surgery", ctag.ToString(CultureInfo.InvariantCulture)),
                ("fact_elderly_surgery", elderly.ToString(CultureInfo.InvariantCulture))),
            Keep = keep,
        };
    }

    /// <summary>The two indicators by the form's decision logic.</summary>
    public static (int CtagSurgery, int ElderlySurgery) Indicators(string operation, string site, string anesthesia, int age)
    {
        var hasOperation = !string.IsNullOrWhiteSpace(operation) && operation is not (NoOperation or "-");
        var ctag = hasOperation && MajorSites.Contains(site) && anesthesia == GeneralAnesthesia ? 1 : 0;
        var elderly = hasOperation && age >= 65 ? 1 : 0;
        return (ctag, elderly);
    }
}
