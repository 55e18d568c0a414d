using CurationPipeline.Items;

namespace CurationPipeline.Departments;

/// <summary>
/// A tagger's answer for one item: at most three secondary departments (Table 2 English names) best first, or
/// "No Department" alone; their primary departments; the supporting words of each department; which engine
/// answered and how sure it is (0..1).
/// </summary>
public sealed record DepartmentTagging(
    IReadOnlyList<string> Departments,
    IReadOnlyList<DepartmentEvidence> Evidence,
    string Engine,
    double Confidence)
{
    /// <summary>The primary departments of <see cref="Departments"/>, in order, each once ("No Department" stays itself).</summary>
    public IReadOnlyList<string> Groups => GroupsOf(Departments);

    /// <summary>"No Department", with no evidence, from <paramref name="engine"/>.</summary>
    public static DepartmentTagging None(string engine, double confidence = 1) => new([DepartmentCatalog.NoDepartment], [], engine, confidence);

    /// <summary>The primary departments of a list of secondary ones, in order, each once.</summary>
    public static IReadOnlyList<string> GroupsOf(IEnumerable<string> departments) =>
        [.. departments.Select(d => DepartmentCatalog.Find(d)?.Primary ?? d).Distinct(StringComparer.Ordinal)];
}
