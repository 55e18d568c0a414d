using CurationPipeline.Reference;

namespace CurationPipeline.Departments;

/// <summary>
/// Maps the department labels of external dialogue datasets (CMtMedQA <c>cate1/cate2</c>, Toyhom
/// <c>department</c>) to the 64-list (raw/departments/external-map.tsv). A label maps to a set of acceptable
/// departments (any one counts as right), to every secondary of a primary (<c>primary:Pediatrics</c>), or to
/// nothing (<c>-</c>: no counterpart in Table 2, e.g. traditional Chinese medicine).
/// </summary>
public sealed class ExternalDepartmentMap
{
    private readonly Dictionary<(string Source, string Label), IReadOnlySet<string>?> _map = [];

    /// <summary>Reads the mapping table of the reference data; a missing file, or a department that is not in Table 2, is an error naming the file and line.</summary>
    public static ExternalDepartmentMap Load(ReferenceData reference)
    {
        var path = reference.PathOf("departments", "external-map.tsv");
        var map = new ExternalDepartmentMap();
        foreach (var (lineNo, f) in reference.DepartmentTable("external-map") ?? throw new FileNotFoundException($"{path}: file not found", path))
        {
            if (f.Length != 3)
            {
                throw new InvalidDataException($"{path}, line {lineNo}: expected source<TAB>label<TAB>departments");
            }

            map._map[(f[0], f[1])] = f[2] == "-" ? null : Expand(f[2], path, lineNo);
        }

        return map;
    }

    /// <summary>Like <see cref="Gold"/>, false instead of an exception when the table has no row for the label.</summary>
    public bool TryGold(string source, string label, out IReadOnlySet<string>? departments)
    {
        try
        {
            departments = Gold(source, label);
            return true;
        }
        catch (KeyNotFoundException)
        {
            departments = null;
            return false;
        }
    }

    /// <summary>
    /// The acceptable departments for a label; null when the label has no counterpart. Throws when the label
    /// is not in the table at all. <c>a/b</c> labels fall back to <c>a/*</c>.
    /// </summary>
    public IReadOnlySet<string>? Gold(string source, string label)
    {
        if (_map.TryGetValue((source, label), out var set))
        {
            return set;
        }

        var slash = label.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && _map.TryGetValue((source, label[..slash] + "/*"), out set))
        {
            return set;
        }

        throw new KeyNotFoundException($"external-map.tsv has no row for source '{source}', label '{label}'");
    }

    private static HashSet<string> Expand(string field, string path, int lineNo)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in field.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("primary:", StringComparison.Ordinal))
            {
                var primary = part["primary:".Length..];
                var subs = DepartmentCatalog.All.Where(d => d.Primary == primary).Select(d => d.Name).ToList();
                set.UnionWith(subs.Count > 0 ? subs : throw new InvalidDataException($"{path}, line {lineNo}: '{primary}' is not a primary department"));
            }
            else
            {
                set.Add(DepartmentCatalog.IsValidLabel(part) ? part : throw new InvalidDataException($"{path}, line {lineNo}: '{part}' is not a department of Table 2"));
            }
        }

        return set;
    }
}
