using System.Text;
using CurationPipeline.Calibration;
using CurationPipeline.Items;

namespace CurationPipeline.Evaluation;

/// <summary>Renders the text put to an evaluated model for one presentation of an item.</summary>
public static class PromptBuilder
{
    public static string Build(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(item.Context))
        {
            text.Append(item.Context.Trim()).Append("\n\n");
        }

        text.Append(item.Question.Trim());
        if (item.Options.Count > 0)
        {
            text.Append('\n');
            for (var i = 0; i < item.Options.Count; i++)
            {
                text.Append('\n').Append(AnswerLetters.Letter(i)).Append(". ").Append(item.Options[i]);
            }

            text.Append("\n\n请只回答选项字母。 / Answer with the option letter only.");
        }
        else if (item.Scoring == ScoringMethod.MicroF1)
        {
            var type = AnswerScoring.DefaultType(item);
            text.Append("\n\n请逐行输出实体，格式为“类型：实体”。 / List the entities one per line as \"type: text\"")
                .Append(type.Length > 0 ? $" (type: {type})." : ".");
        }
        else if (MaturityItem.Type(item) == MaturityType.B && MaturityItem.Format(item) is { } format)
        {
            text.Append("\n\n").Append(format switch
            {
                "json" => "Output only the JSON object or array, nothing else.",
                "boolean" => "Answer only true or false.",
                _ => "Answer only with the terms, separated by commas.",
            });
        }

        return text.ToString();
    }
}
