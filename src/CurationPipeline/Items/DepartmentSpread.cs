using System.Globalization;

namespace CurationPipeline.Items;

/// <summary>
/// How a split's items spread over departments: counts per primary department (Table 2's first level) and per
/// secondary department (any of an item's tags), and the most frequent department combination with its share.
/// </summary>
public sealed record DepartmentSpread(int Items, IReadOnlyList<(string Name, int Count)> Groups, IReadOnlyList<(string Name, int Count)> Departments,
    string TopCombination, int TopCombinationCount)
{
    /// <summary>The item attribute holding a department the source itself names (CMExam's <c>Clinical Department</c>), as the source spells it.</summary>
    public const string SourceDepartmentAttribute = "source_department";

    /// <summary>Above this share a single department combination dominates a split (unless the source is single-specialty).</summary>
    public const double DominantShare = 0.10;

    public double TopCombinationShare => Items == 0 ? 0 : (double)TopCombinationCount / Items;

    /// <summary>Every tagged item shares one first department: a single-specialty source.</summary>
    public bool SingleSpecialty => Items > 0 && Departments.Count == 1 && Departments[0].Name != NoDepartment;

    /// <summary>
    /// The largest combination is "No Department": items that name no complaint, disease or specialty (law,
    /// ethics, general safety). They form no specialty stratum, so the 10 % limit does not apply to them.
    /// </summary>
    public bool TopIsNonClinical => TopCombination == NoDepartment;

    // The tag of Table 2's rules for an item with no department (DepartmentCatalog.NoDepartment; Items depends on no other namespace).
    private const string NoDepartment = "No Department";

    public static DepartmentSpread Of(IReadOnlyList<(IReadOnlyList<string> Departments, IReadOnlyList<string> Groups)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var tagged = items.Where(i => i.Departments.Count > 0).ToList();
        static List<(string, int)> Count(IEnumerable<string> names) =>
            [.. names.GroupBy(n => n, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal)];
        var combinations = Count(tagged.Select(i => string.Join(" | ", i.Departments)));
        return new DepartmentSpread(tagged.Count, Count(tagged.SelectMany(i => i.Groups)), Count(tagged.SelectMany(i => i.Departments)),
            combinations.Count == 0 ? "" : combinations[0].Item1, combinations.Count == 0 ? 0 : combinations[0].Item2);
    }

    /// <summary>"name n, name n, ..." for the first <paramref name="top"/> entries.</summary>
    public static string Describe(IReadOnlyList<(string Name, int Count)> counts, int top) =>
        string.Join(", ", counts.Take(top).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Name} {c.Count}")))
        + (counts.Count > top ? string.Create(CultureInfo.InvariantCulture, $", … ({counts.Count} in all)") : "");

    /// <summary>The largest combination, its share, and whether it dominates.</summary>
    public string DescribeTop() => Items == 0 ? "untagged" : string.Create(CultureInfo.InvariantCulture,
        $"{TopCombination}: {100 * TopCombinationShare:0.0} %{(SingleSpecialty ? " (single-specialty source)" : TopIsNonClinical && TopCombinationShare > DominantShare ? " (non-clinical items)" : TopCombinationShare > DominantShare ? " (over 10 %)" : "")}");
}
