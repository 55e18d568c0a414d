using System.Globalization;
using CurationPipeline.Core;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.Maturity;

/// <summary>
/// MDT (L4, Type C): an oncology case (the record's text, with fields <c>cancer</c>, <c>stage_group</c>,
/// <c>biomarker</c>, <c>age</c>, <c>ecog</c>) and the guideline excerpt in, recommendations from four perspectives out
/// (surgery, medical oncology, radiotherapy, whole-course care). The reference is derived from the guideline table
/// (<see cref="MdtGuidance"/>) and the case's biomarker, age and performance status; the rubric has one criterion per perspective.
/// </summary>
public sealed class MdtBuilder() : ScenarioBuilder("MDT", "MDT Suggestion Generation", ScenarioType.C)
{
    public static readonly IReadOnlyList<string> Perspectives = ["外科", "肿瘤内科", "放疗科", "全程管理"];

    public override ScenarioDraft Build(SourceRecord record, Random random, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = RecordFields.RequiredText(record).Trim();
        var cancer = RecordFields.Required(record, "cancer");
        var stageGroup = RecordFields.Required(record, "stage_group");
        var biomarker = RecordFields.Required(record, "biomarker");
        var ageText = RecordFields.Required(record, "age");
        var ecogText = RecordFields.Required(record, "ecog");
        if (!int.TryParse(ageText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var age))
        {
            throw new RecordRejectedException($"age '{ageText}' is not a whole number", "age");
        }

        if (!int.TryParse(ecogText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ecog) || ecog is < 0 or > 4)
        {
            throw new RecordRejectedException($"ecog '{ecogText}' is not a performance status from 0 to 4", "ecog");
        }

        MdtPlan plan;
        string? targeted;
        try
        {
            plan = MdtGuidance.Plan(cancer, stageGroup);
            targeted = MdtGuidance.BiomarkerTherapy(cancer, stageGroup, biomarker);
        }
        catch (ArgumentException e)
        {
            throw new RecordRejectedException(e.Message, "cancer");
        }

        var lines = Lines(plan, targeted, age, ecog);
        var answer = string.Join("\n", lines.Select((l, i) => $"({i + 1}) {Perspectives[i]}：{l}"));
        var rubric = ScenarioItems.EqualRubric([.. lines.Select((l, i) => (Perspectives[i], l))]);
        return new ScenarioDraft("你是肿瘤多学科诊疗（MDT）专家组成员。请结合病例与所给指南摘要，分别从外科、肿瘤内科、放疗科、全程管理（营养、心理、随访）四个角度给出治疗建议。",
            $"【病例摘要】\n{text}\n\n【指南摘要】\n{plan.Guideline}", answer)
        {
            Rubric = rubric,
            Facts = EngineItems.Attributes(("fact_cancer", cancer), ("fact_stage_group", stageGroup), ("fact_biomarker", biomarker)),
            Keep = [plan.Guideline, biomarker],
        };
    }

    /// <summary>The four perspectives' recommendations for a case.</summary>
    public static IReadOnlyList<string> Lines(MdtPlan plan, string? targeted, int age, int ecog)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var fit = ecog <= 1 && age < 75;
        var surgery = fit ? plan.Surgery : plan.Surgery + "；高龄或体能状态差者先评估手术耐受性";
        var medicine = targeted is null ? plan.MedicalOncology : plan.MedicalOncology + "；" + targeted;
        if (!fit)
        {
            medicine += "；体能状态差者酌情减量或选择低毒方案";
        }

        var care = (age >= 70 ? "老年综合评估，" : "") + (ecog >= 2 ? "加强营养支持与康复，" : "营养评估与支持，") + "心理疏导，按指南规律随访复查";
        return [surgery, medicine, plan.Radiotherapy, care];
    }
}
