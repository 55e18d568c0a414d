using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CurationPipeline.Core;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.Maturity;

/// <summary>
/// RBQ (L3, Type B, json): an admission record (fields <c>chief_complaint</c>, <c>present_illness</c>,
/// <c>past_history</c>, <c>physical_exam</c>, <c>diagnosis</c>, <c>physician</c>) checked against the hospital's QC rules
/// (<see cref="QcRules"/>). Zero to three violations are planted (a chief complaint made long or naming the diagnosis,
/// the onset time removed, a vital sign dropped, a required item left empty); the gold deduction and failed items are
/// then computed by running every rule on the record as shown.
/// </summary>
public sealed partial class RbqBuilder() : ScenarioBuilder("RBQ", "Rule-Based Record QC", ScenarioType.B, "json", "total_deduction", "failed_items")
{
    public static readonly IReadOnlyList<(string Field, string Label)> Sections =
        [("chief_complaint", "主诉"), ("present_illness", "现病史"), ("past_history", "既往史"), ("physical_exam", "体格检查"), ("diagnosis", "入院诊断"), ("physician", "记录医师")];

    public override ScenarioDraft Build(SourceRecord record, Random random, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(reference);
        var rules = reference.Derived(QcRules.From).Rules;
        var fields = Sections.ToDictionary(s => s.Field, s => record.Field(s.Field)?.Trim() ?? "", StringComparer.Ordinal);
        var planted = new List<string>();
        // Emptied items first: a rule planted later cannot then be undone by emptying the field it compares with.
        foreach (var rule in random.Shuffled(rules).Take(random.Next(0, 4)).OrderBy(r => r.Check == "required" ? 0 : 1))
        {
            if (Plant(rule, fields, random))
            {
                planted.Add(rule.Id);
            }
        }

        var (total, failed) = Score(rules, fields);
        var answer = new JsonObject { ["total_deduction"] = total, ["failed_items"] = new JsonArray([.. failed.Select(f => (JsonNode?)JsonValue.Create(f))]) };
        var context = string.Join("\n", Sections.Select(s => $"{s.Label}：{fields[s.Field]}"));
        var question = new StringBuilder("请依据医院病历质控评分标准检查下列入院记录，输出一个JSON对象：{\"total_deduction\": 扣分合计(整数), \"failed_items\": [未通过的条目编号，按评分标准中的顺序]}。\n评分标准：\n")
            .AppendLine("编号\t项目\t要求\t扣分");
        foreach (var r in rules)
        {
            question.Append(CultureInfo.InvariantCulture, $"{r.Id}\t{r.Item}\t{r.Requirement}\t{(r.Check == "contains_each" ? $"每缺一项扣{r.Deduction}分" : $"扣{r.Deduction}分")}\n");
        }

        return new ScenarioDraft(question.ToString().TrimEnd(), context, MaturityJson.Write(answer))
        {
            Facts = EngineItems.Attributes(("planted_violations", planted.Count == 0 ? "none" : string.Join(",", planted))),
            Keep = [.. Sections.Where(s => fields[s.Field].Length > 0 && s.Field != "physician").Select(s => fields[s.Field])],
        };
    }

    /// <summary>The total deduction and the ids of the failed rules, in the file's order.</summary>
    public static (int Total, IReadOnlyList<string> Failed) Score(IReadOnlyList<QcRule> rules, IReadOnlyDictionary<string, string> record)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var deductions = rules.Select(r => (r.Id, Points: r.Deduct(record))).Where(x => x.Points > 0).ToList();
        return (deductions.Sum(d => d.Points), [.. deductions.Select(d => d.Id)]);
    }

    /// <summary>Changes the record so that <paramref name="rule"/> fails; false when its check has no planting.</summary>
    private static bool Plant(QcRule rule, Dictionary<string, string> fields, Random random)
    {
        var value = fields.GetValueOrDefault(rule.Field) ?? "";
        switch (rule.Check)
        {
            case "max_length":
                var limit = int.Parse(rule.Parameter, CultureInfo.InvariantCulture);
                var padding = "，伴乏力、食欲减退、睡眠欠佳及活动耐量下降";
                while (value.Length <= limit)
                {
                    value = value.TrimEnd('。') + padding;
                    padding = "，近来体重亦有所下降";
                }

                fields[rule.Field] = value;
                return true;
            case "not_contains_field":
                if (fields.GetValueOrDefault(rule.Parameter) is not { Length: > 0 } other)
                {
                    return false;
                }

                fields[rule.Field] = other + value.TrimStart();
                return true;
            case "contains_any":
                var stripped = value;
                foreach (var term in rule.Terms)
                {
                    stripped = TimeBefore().Replace(stripped, m => m.Value.EndsWith(term, StringComparison.Ordinal) ? "近来" : m.Value);
                    stripped = stripped.Replace(term, "近来", StringComparison.Ordinal);
                }

                fields[rule.Field] = stripped;
                return stripped != value;
            case "contains_each":
                var present = rule.Terms.Where(t => value.Contains(t, StringComparison.Ordinal)).ToList();
                if (present.Count == 0)
                {
                    return false;
                }

                var drop = present[random.Next(present.Count)];
                var clauses = value.Split('，').Where(c => !c.Contains(drop, StringComparison.Ordinal));
                fields[rule.Field] = string.Join("，", clauses);
                return true;
            case "required":
                fields[rule.Field] = "";
                return true;
            default:
                return false;
        }
    }

    [GeneratedRegex(@"\d+\s*(?:个)?(?:小时|天|日|周|月|年)前")]
    private static partial Regex TimeBefore();
}
