using System.Globalization;
using System.Text;
using CurationPipeline.Items;

namespace CurationPipeline.Deduplication;

/// <summary>
/// What two items are compared on, each part normalised (NFKC folds full-width forms, white space and punctuation are
/// dropped, Latin letters lower-cased): the task (question and the set of options, sorted, so a reordering of the same
/// options compares equal), the context (a note or dialogue), and for an item without options its reference answer, so
/// that two tasks on one note (symptoms, then diseases) stay apart. <see cref="Stem"/> is a multiple-choice item's
/// question with its context: the same question asked again with other options is a duplicate too.
/// </summary>
public sealed record DedupText(string Task, string Context, string Reference, string Stem)
{
    public static DedupText Of(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Of(item.Question, item.Context, item.Options, item.Answer);
    }

    public static DedupText Of(ItemDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Of(draft.Question, draft.Context, draft.Options, draft.Answer);
    }

    public static DedupText Of(string question, string? context, IReadOnlyList<string> options, string? answer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var task = new StringBuilder(Normalise(question));
        foreach (var option in options.Select(Normalise).Order(StringComparer.Ordinal))
        {
            // A separator no normalised text holds, so options never run into each other's n-grams unnoticed.
            task.Append('\u0001').Append(option);
        }

        var stem = Normalise(question);
        var normalisedContext = Normalise(context ?? "");
        return new DedupText(task.ToString(), normalisedContext, options.Count == 0 ? Normalise(answer ?? "") : "",
            options.Count == 0 ? "" : stem + '\u0001' + normalisedContext);
    }

    /// <summary>NFKC, then only letters, digits and marks are kept (Latin lower-cased).</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                    sb.Append(char.ToLowerInvariant(c));
                    break;
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.OtherLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.DecimalDigitNumber:
                case UnicodeCategory.LetterNumber:
                case UnicodeCategory.OtherNumber:
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.Surrogate:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
