namespace CurationPipeline.Review;

/// <summary>Agreement of the two independent reviewers on one criterion.</summary>
public sealed record CriterionAgreement(string Criterion, int Items, int BothPass, int BothFail, int Split, double ObservedAgreement, double? Kappa);

/// <summary>Cohen's kappa between the first two reviewers of each item, per criterion: data for the run report.</summary>
public static class Agreement
{
    /// <summary>Kappa for two raters' pass/fail verdicts; null when chance agreement is 1 (every verdict the same).</summary>
    public static double? CohensKappa(IReadOnlyList<(bool First, bool Second)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            return null;
        }

        double n = pairs.Count;
        var observed = pairs.Count(p => p.First == p.Second) / n;
        var p1 = pairs.Count(p => p.First) / n;
        var p2 = pairs.Count(p => p.Second) / n;
        var expected = (p1 * p2) + ((1 - p1) * (1 - p2));
        return expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected);
    }

    /// <summary>Per criterion over every QA task where slots 1 and 2 both decided.</summary>
    public static IReadOnlyList<CriterionAgreement> Of(IEnumerable<ReviewTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var pairs = new Dictionary<string, List<(bool, bool)>>(StringComparer.Ordinal);
        foreach (var task in tasks.Where(t => t.Kind == ReviewKind.ItemQa))
        {
            var first = task.Assignments.FirstOrDefault(a => a.Slot == 1)?.Decision;
            var second = task.Assignments.FirstOrDefault(a => a.Slot == 2)?.Decision;
            if (first is null || second is null)
            {
                continue;
            }

            foreach (var v in first.Verdicts)
            {
                if (second.Verdicts.FirstOrDefault(w => w.Criterion == v.Criterion) is { } w)
                {
                    if (!pairs.TryGetValue(v.Criterion, out var list))
                    {
                        pairs[v.Criterion] = list = [];
                    }

                    list.Add((v.Pass, w.Pass));
                }
            }
        }

        return [.. ReviewCriteria.All.Where(pairs.ContainsKey).Select(c =>
        {
            var list = pairs[c];
            return new CriterionAgreement(c, list.Count,
                list.Count(p => p.Item1 && p.Item2), list.Count(p => !p.Item1 && !p.Item2), list.Count(p => p.Item1 != p.Item2),
                Math.Round(list.Count(p => p.Item1 == p.Item2) / (double)list.Count, 6),
                CohensKappa(list) is { } k ? Math.Round(k, 6) : null);
        })];
    }
}
