using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CurationPipeline.Items;

namespace CurationPipeline.Evaluation;

/// <summary>
/// The judge prompt of the hospital maturity model (appendix C): accuracy 0-100, minus hallucination 0-25 and
/// readability 0-25 penalties, total = max(0, accuracy - hallucination - readability), given in \boxed{...}.
/// The item's rubric, when it has one, is added after the gold answer.
/// </summary>
public static partial class JudgeTemplate
{
    public static string Render(BenchmarkItem item, string predicted)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Render(item.Question, item.Context, item.Answer, item.Rubric, predicted);
    }

    /// <summary>The prompt from the parts of a case (as a dispute record holds them).</summary>
    public static string Render(string question, string? context, string? reference, IReadOnlyList<RubricCriterion> rubric, string predicted)
    {
        var text = new StringBuilder("""
            You are a professional evaluation expert. You need to evaluate the quality of the "Predicted Answer" based on the following four core elements:
            - Dialogue History (Contextual information)
            - Current Question (The user's specific request)
            - Gold Standard Answer (Verified high-quality reference answer)
            - Predicted Answer (The answer to be evaluated)

            Scoring Criteria [Independent scoring, strict and rigorous]:
            1. Accuracy [Positive Score, Max 100 points]: Evaluate whether the answer is correct, aligns with user intent, covers key information completely (no omissions or redundancies), and is logically sound. Scoring starts from the highest standard; any errors or deficiencies result in strict deductions.
            2. Hallucination [Negative Penalty, Max deduction 25 points]: Evaluate whether the answer contains any factual errors, baseless speculations, or fabricated content. Zero tolerance policy: any confirmed hallucination results in severe deductions.
            3. Readability [Negative Penalty, Max deduction 25 points]: Evaluate whether the language is fluent and natural, checks for improper language mixing (e.g., unnecessary English-Chinese mixing), and controllable formatting (severe deductions for format issues like piled-up line breaks that hinder semantic understanding).
            (Total Score Formula = max(0, Accuracy - Hallucination - Readability))
            > Note: The "Gold Standard Answer" has passed strict review and represents a high standard baseline.

            """);
        text.Append("Dialogue History\n").Append(string.IsNullOrWhiteSpace(context) ? "(none)" : context.Trim()).Append("\n\n");
        text.Append("Current Question\n").Append(question.Trim()).Append("\n\n");
        text.Append("Gold Standard Answer (Reference)\nassistant: ").Append(reference?.Trim() ?? "(none)").Append("\n\n");
        if (rubric.Count > 0)
        {
            text.Append("Rubric\n");
            foreach (var c in rubric)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {c.Name} (weight {c.Weight:0.##}): {c.Description}\n");
            }

            text.Append('\n');
        }

        text.Append("Predicted Answer (To be evaluated)\nassistant: ").Append(predicted.Trim()).Append("\n\n");
        text.Append("Please output your evaluation results in the following structure:\nEvaluation Analysis\n[Conduct item-by-item comparative analysis here]\n\nPredicted Answer Score\n\\boxed{Total Score}");
        return text.ToString();
    }

    /// <summary>
    /// The total on 0-100: the last <c>\boxed{N}</c>; without one, the formula over the Accuracy, Hallucination and
    /// Readability figures the verdict names; null when neither can be read.
    /// </summary>
    public static double? ReadTotal(string verdict)
    {
        var boxed = Boxed().Matches(verdict);
        if (boxed.Count > 0)
        {
            return Math.Clamp(double.Parse(boxed[^1].Groups["n"].Value, CultureInfo.InvariantCulture), 0, 100);
        }

        var accuracy = Figure(verdict, AccuracyFigure());
        var hallucination = Figure(verdict, HallucinationFigure());
        var readability = Figure(verdict, ReadabilityFigure());
        return accuracy is { } a ? Total(a, hallucination ?? 0, readability ?? 0) : null;
    }

    /// <summary>max(0, accuracy[0..100] - hallucination[0..25] - readability[0..25]).</summary>
    public static double Total(double accuracy, double hallucination, double readability) =>
        Math.Max(0, Math.Clamp(accuracy, 0, 100) - Math.Clamp(Math.Abs(hallucination), 0, 25) - Math.Clamp(Math.Abs(readability), 0, 25));

    private static double? Figure(string text, Regex pattern) =>
        pattern.Match(text) is { Success: true } m ? double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"\\boxed\{\s*(?<n>\d+(?:\.\d+)?)\s*(?:/\s*100)?\s*\}")]
    private static partial Regex Boxed();

    [GeneratedRegex(@"(?i)accuracy\W{0,20}?(?<n>\d+(?:\.\d+)?)")]
    private static partial Regex AccuracyFigure();

    [GeneratedRegex(@"(?i)hallucination\W{0,20}?-?(?<n>\d+(?:\.\d+)?)")]
    private static partial Regex HallucinationFigure();

    [GeneratedRegex(@"(?i)readability\W{0,20}?-?(?<n>\d+(?:\.\d+)?)")]
    private static partial Regex ReadabilityFigure();
}
