using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Paradigms.KnowledgeProbing;

/// <summary>A reason a P1 item is refused, with the item field at fault.</summary>
public sealed record CheckFailure(string Reason, string Field);

/// <summary>
/// The checks every P1 item passes, offline or model-written: five options, no duplicate or near-duplicate
/// options, the answer is an option letter, no distractor that the source makes true, and the answer's text
/// is not given away in the stem.
/// </summary>
public static class KnowledgeProbingChecks
{
    public const int OptionCount = PaperConstants.P1OptionCount;

    /// <summary>Options closer than this in normalised edit distance (or one edit apart) are near-duplicates.</summary>
    public const double NearDuplicateDistance = 0.1;

    /// <summary>Shortest answer text that counts as leaked when it appears in the stem.</summary>
    public const int MinLeakLength = 2;

    /// <summary>The first failed check, or null when the item passes.</summary>
    /// <param name="stem">The question.</param>
    /// <param name="options">Option texts, A first.</param>
    /// <param name="answer">The answer letter.</param>
    /// <param name="alsoTrue">Statements the source makes true besides the answer (other symptoms of the disease, ...).</param>
    public static CheckFailure? Find(string stem, IReadOnlyList<string> options, string? answer, IReadOnlyCollection<string> alsoTrue)
    {
        if (options.Count != OptionCount)
        {
            return new($"has {options.Count} options; P1 items have five (A to E)", "options");
        }

        if (options.Any(string.IsNullOrWhiteSpace))
        {
            return new("an option is empty", "options");
        }

        if (!AnswerLetters.TryParse(answer, options.Count, out var indexes) || indexes.Count != 1)
        {
            return new($"answer '{answer}' is not one of the options A to E", "answer");
        }

        var normalised = options.Select(TextSimilarity.Normalise).ToList();
        for (var i = 0; i < options.Count; i++)
        {
            for (var j = i + 1; j < options.Count; j++)
            {
                if (normalised[i] == normalised[j])
                {
                    return new($"options {AnswerLetters.Letter(i)} and {AnswerLetters.Letter(j)} are the same", "options");
                }

                if (TextSimilarity.AreNearDuplicates(options[i], options[j], NearDuplicateDistance))
                {
                    return new($"options {AnswerLetters.Letter(i)} and {AnswerLetters.Letter(j)} are near-duplicates", "options");
                }
            }
        }

        var answerIndex = indexes[0];
        var truths = alsoTrue.Select(TextSimilarity.Normalise).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
        truths.Remove(normalised[answerIndex]);
        for (var i = 0; i < options.Count; i++)
        {
            if (i != answerIndex && truths.Contains(normalised[i]))
            {
                return new($"option {AnswerLetters.Letter(i)} is also true according to the source", "options");
            }
        }

        var answerText = normalised[answerIndex];
        if (answerText.Length >= MinLeakLength && TextSimilarity.Normalise(stem).Contains(answerText, StringComparison.Ordinal))
        {
            return new("the answer's text is leaked into the stem", "question");
        }

        return null;
    }

    /// <summary>Runs <see cref="Find"/> and rejects the record on the first failure.</summary>
    public static void Enforce(string stem, IReadOnlyList<string> options, string? answer, IReadOnlyCollection<string> alsoTrue)
    {
        if (Find(stem, options, answer, alsoTrue) is { } failure)
        {
            throw new RecordRejectedException(failure.Reason, failure.Field);
        }
    }
}
