using CurationPipeline.Items;

namespace CurationPipeline.Review;

/// <summary>The five item review criteria of the method; which of them apply depends on the question type.</summary>
public static class ReviewCriteria
{
    public const string Natural = "natural";
    public const string ClinicallyValid = "clinically_valid";
    public const string AnswerCorrect = "answer_correct";
    public const string DistractorsPlausible = "distractors_plausible";
    public const string RubricMatches = "rubric_matches";

    /// <summary>All five, in the order a reviewer sees them.</summary>
    public static IReadOnlyList<string> All { get; } = [Natural, ClinicallyValid, AnswerCorrect, DistractorsPlausible, RubricMatches];

    /// <summary>The criteria an item is judged on: distractors for multiple-choice, the rubric for items that have one.</summary>
    public static IReadOnlyList<string> For(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        List<string> list = [Natural, ClinicallyValid, AnswerCorrect];
        if (item.QuestionType == QuestionType.MultipleChoice)
        {
            list.Add(DistractorsPlausible);
        }
        else if (item.Rubric.Count > 0)
        {
            list.Add(RubricMatches);
        }

        return list;
    }

    /// <summary>A short label for the page.</summary>
    public static string Label(string criterion) => criterion switch
    {
        Natural => "Natural and plausible",
        ClinicallyValid => "Clinically valid",
        AnswerCorrect => "Answer correct",
        DistractorsPlausible => "Distractors plausible",
        RubricMatches => "Rubric matches the question",
        _ => criterion,
    };
}
