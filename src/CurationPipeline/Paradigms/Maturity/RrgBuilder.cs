using CurationPipeline.Core;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.Maturity;

/// <summary>
/// RRG (L1, Type C): an imaging examination's findings in, its conclusion held out as the reference; the rubric has one
/// criterion per conclusion item (each must be stated, with side and size where given). Fields: <c>exam</c>, the findings
/// as the record's text, <c>conclusion</c>.
/// </summary>
public sealed class RrgBuilder() : ScenarioBuilder("RRG", "Radiology Report Generation", ScenarioType.C)
{
    public override ScenarioDraft Build(SourceRecord record, Random random, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(record);
        var findings = RecordFields.RequiredText(record).Trim();
        var exam = RecordFields.Required(record, "exam");
        var conclusion = RecordFields.Required(record, "conclusion");
        var items = ImagingCatalog.Items(conclusion);
        if (items.Count == 0)
        {
            throw new RecordRejectedException("the conclusion has no item", "conclusion");
        }

        // A criterion is named by its number in the conclusion, so that the reference's own wording meets it in full.
        var rubric = ScenarioItems.EqualRubric([.. items.Select((t, i) => ((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), t))]);
        return new ScenarioDraft($"请根据以下{exam}的检查所见，写出规范的检查结论（诊断意见），逐条编号。", $"检查项目：{exam}\n检查所见：{findings}", conclusion)
        {
            Rubric = rubric,
            Facts = EngineItems.Attributes(("fact_conclusion_items", items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            Keep = [.. findings.Split('。', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 0)],
        };
    }
}
