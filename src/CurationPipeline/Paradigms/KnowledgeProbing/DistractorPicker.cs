using CurationPipeline.Core;

namespace CurationPipeline.Paradigms.KnowledgeProbing;

/// <summary>Draws distractors: distinct, not near-duplicates of each other or of the answer, and never true per the source.</summary>
public static class DistractorPicker
{
    public const int Needed = KnowledgeProbingChecks.OptionCount - 1;

    /// <summary>
    /// Picks <see cref="Needed"/> candidates in a seeded order. Candidates equal to the answer or to something in
    /// <paramref name="alsoTrue"/> are skipped; too few left rejects the record.
    /// </summary>
    public static IReadOnlyList<string> Pick(Random random, IEnumerable<string> candidates, string correct, IEnumerable<string> alsoTrue, string what)
    {
        var excluded = alsoTrue.Append(correct).Select(TextSimilarity.Normalise).ToHashSet(StringComparer.Ordinal);
        var pool = candidates.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal)
            .Where(c => !excluded.Contains(TextSimilarity.Normalise(c))).Order(StringComparer.Ordinal);
        var chosen = new List<string>(Needed);
        var taken = new List<string> { correct };
        foreach (var candidate in random.Shuffled(pool))
        {
            if (taken.Any(t => TextSimilarity.AreNearDuplicates(t, candidate, KnowledgeProbingChecks.NearDuplicateDistance)))
            {
                continue;
            }

            chosen.Add(candidate);
            taken.Add(candidate);
            if (chosen.Count == Needed)
            {
                return chosen;
            }
        }

        throw new RecordRejectedException($"only {chosen.Count} {what} that the tables do not make true; four distractors are needed", "options");
    }
}
