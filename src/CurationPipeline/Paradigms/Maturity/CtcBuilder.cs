using System.Globalization;
using CurationPipeline.Core;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.Maturity;

/// <summary>
/// CTC (L0, Type B, terms): a textbook-style sentence made from a knowledge-table row (a disease's symptoms, signs,
/// examinations, first-line drugs or complications; a drug's indications, contraindications or adverse reactions; a
/// laboratory test's reference range) with one or two terms blanked; the blanked terms are the gold.
/// </summary>
public sealed class CtcBuilder() : ScenarioBuilder("CTC", "Clinical Terminology Completion", ScenarioType.B, "terms")
{
    public const string Blank = "____";

    private static readonly (string Field, string Template)[] ListSentences =
    [
        ("symptoms", "{0}的典型症状包括{1}。"),
        ("signs", "{0}的常见体征包括{1}。"),
        ("examinations", "诊断{0}常用的检查包括{1}。"),
        ("first_line_drugs", "{0}的一线治疗药物包括{1}。"),
        ("complications", "{0}的常见并发症包括{1}。"),
        ("indications", "{0}的适应证包括{1}。"),
        ("contraindications", "{0}的禁忌证包括{1}。"),
        ("adverse_reactions", "{0}的常见不良反应包括{1}。"),
    ];

    public override ScenarioDraft Build(SourceRecord record, Random random, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(random);
        var name = RecordFields.Required(record, "name");
        var lists = ListSentences
            .Select(s => (s.Field, s.Template, Terms: record.Field(s.Field) is { } v ? KnowledgeBase.SplitList(v) : []))
            .Where(s => s.Terms.Count >= 2)
            .ToList();
        string sentence;
        IReadOnlyList<string> blanked;
        string field;
        if (lists.Count > 0)
        {
            var (f, template, terms) = lists[random.Next(lists.Count)];
            var count = terms.Count >= 3 ? 2 : 1;
            var positions = random.Shuffled(Enumerable.Range(0, terms.Count)).Take(count).Order().ToList();
            sentence = string.Format(CultureInfo.InvariantCulture, template, name,
                string.Join("、", terms.Select((t, i) => positions.Contains(i) ? Blank : t)));
            blanked = [.. positions.Select(i => terms[i])];
            field = f;
        }
        else if (record.Field("low") is { } low && record.Field("high") is { } high && record.Field("unit") is { } unit)
        {
            sentence = $"{name}的成人参考范围为{Blank}～{Blank} {unit}。";
            blanked = [low.Trim(), high.Trim()];
            field = "reference_range";
        }
        else
        {
            throw new RecordRejectedException("the row has no list of two or more terms and no reference range to blank", "symptoms");
        }

        return new ScenarioDraft($"请在横线处填写准确的医学术语（按横线顺序）：\n{sentence}", null, string.Join(", ", blanked))
        {
            Facts = EngineItems.Attributes(("fact_field", field), ("fact_term_count", blanked.Count.ToString(CultureInfo.InvariantCulture))),
            Keep = [sentence],
        };
    }
}
