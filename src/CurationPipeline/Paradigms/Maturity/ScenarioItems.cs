using CurationPipeline.Core;
using CurationPipeline.Items;
using FluentValidation;

namespace CurationPipeline.Paradigms.Maturity;

/// <summary>
/// Turns a scenario draft into an item: the maturity attributes the evaluator reads (<c>maturity_type</c>,
/// <c>maturity_level</c> = the dataset's secondary dimension, <c>scenario</c>, <c>answer_format</c>, <c>key_fields</c>), the
/// facts the gold rests on, and for Type B a one-criterion rubric that states what must match the reference (the
/// calibration panel's scorers read it beside the reference).
/// </summary>
public static class ScenarioItems
{
    public static ItemDraft ToItemDraft(ScenarioBuilder builder, DatasetDefinition dataset, ScenarioDraft draft)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(draft);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["maturity_type"] = builder.Type.ToString(),
            ["maturity_level"] = dataset.Secondary,
            ["scenario"] = builder.Code,
        };
        if (builder.AnswerFormat is { } format)
        {
            attributes["answer_format"] = format;
        }

        if (builder.KeyFields.Count > 0)
        {
            attributes["key_fields"] = string.Join(",", builder.KeyFields);
        }

        foreach (var (key, value) in draft.Facts)
        {
            attributes[key] = value;
        }

        var rubric = builder.Type == ScenarioType.B && draft.Rubric.Count == 0
            ? [new RubricCriterion("关键判定", 1.0, $"输出严格符合要求的格式（{builder.AnswerFormat}），{(builder.KeyFields.Count > 0 ? "关键字段" + string.Join("、", builder.KeyFields) : "全部内容")}与参考答案一致")]
            : draft.Rubric;
        return new ItemDraft(draft.Question, draft.Context, draft.Options, draft.Answer)
        {
            Rubric = rubric,
            Attributes = attributes,
            Explanation = draft.Explanation,
        };
    }

    /// <summary>A rubric of equal weights summing to 1 exactly.</summary>
    public static IReadOnlyList<RubricCriterion> EqualRubric(IReadOnlyList<(string Name, string Description)> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var weight = Math.Round(1.0 / criteria.Count, 6);
        var list = criteria.Select(c => new RubricCriterion(c.Name, weight, c.Description)).ToList();
        list[^1] = list[^1] with { Weight = 1.0 - (weight * (criteria.Count - 1)) };
        return list;
    }

    /// <summary>The rules of a scenario's items: the maturity attributes, and an answer in the scenario's format.</summary>
    internal sealed class Rules : AbstractValidator<BenchmarkItem>
    {
        public Rules(ScenarioBuilder builder)
        {
            RuleFor(i => i.Answer).NotEmpty().WithMessage($"{builder.Code} items need the gold answer");
            RuleFor(i => i.Attributes).Must(a => a.GetValueOrDefault("maturity_type") == builder.Type.ToString() && a.ContainsKey("maturity_level"))
                .WithMessage($"{builder.Code} items carry maturity_type {builder.Type} and maturity_level");
            RuleFor(i => i.Answer).Must(a => AnswerFits(builder.AnswerFormat, a!)).When(i => !string.IsNullOrEmpty(i.Answer))
                .WithMessage($"the answer is not in the {builder.AnswerFormat} format");
        }

        private static bool AnswerFits(string? format, string answer) => format switch
        {
            "boolean" => answer is "true" or "false",
            "json" => IsJson(answer),
            "terms" => !answer.Contains('\n', StringComparison.Ordinal),
            _ => true,
        };

        private static bool IsJson(string text)
        {
            try
            {
                using var _ = System.Text.Json.JsonDocument.Parse(text);
                return true;
            }
            catch (System.Text.Json.JsonException)
            {
                return false;
            }
        }
    }
}
