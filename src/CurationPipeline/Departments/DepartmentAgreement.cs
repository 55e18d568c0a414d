namespace CurationPipeline.Departments;

/// <summary>
/// Agreement of two department taggings of the same items (two taggers, or a tagger and physicians): on the
/// first secondary department and on its primary department, the share of items where both agree
/// (accuracy when one side is the reference) and Cohen's kappa, which discounts the agreement two raters
/// would reach by chance given how often each uses each label; and the share of items whose lists overlap.
/// </summary>
public sealed record DepartmentAgreement(int Items, double Accuracy, double Kappa, double GroupAccuracy, double GroupKappa, double Overlap)
{
    /// <summary>The agreement over pairs of department lists (each best first; "No Department" is a label like any other).</summary>
    public static DepartmentAgreement Of(IReadOnlyList<(IReadOnlyList<string> A, IReadOnlyList<string> B)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var firsts = pairs.Select(p => (First(p.A), First(p.B))).ToList();
        var groups = firsts.Select(p => (Group(p.Item1), Group(p.Item2))).ToList();
        var overlap = pairs.Count == 0 ? 0 : (double)pairs.Count(p => p.A.Intersect(p.B, StringComparer.Ordinal).Any()) / pairs.Count;
        return new DepartmentAgreement(pairs.Count, Observed(firsts), CohensKappa(firsts), Observed(groups), CohensKappa(groups), overlap);
    }

    /// <summary>Cohen's kappa of two raters' labels of the same items; 1 when they agree on a single label throughout, 0 for no items.</summary>
    public static double CohensKappa(IReadOnlyList<(string A, string B)> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            return 0;
        }

        var n = (double)labels.Count;
        var a = labels.GroupBy(l => l.A, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count() / n, StringComparer.Ordinal);
        var b = labels.GroupBy(l => l.B, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count() / n, StringComparer.Ordinal);
        var expected = a.Sum(kv => kv.Value * b.GetValueOrDefault(kv.Key));
        var observed = Observed(labels);
        return expected >= 1 ? (observed >= 1 ? 1 : 0) : (observed - expected) / (1 - expected);
    }

    private static double Observed(IReadOnlyList<(string A, string B)> labels) =>
        labels.Count == 0 ? 0 : (double)labels.Count(l => l.A == l.B) / labels.Count;

    private static string First(IReadOnlyList<string> tags) => tags.Count > 0 ? tags[0] : DepartmentCatalog.NoDepartment;

    private static string Group(string department) => DepartmentCatalog.Find(department)?.Primary ?? department;
}
