using CurationPipeline.Items;

namespace CurationPipeline.Departments;

/// <summary>The tagging rules of section 3.3.2 as one check.</summary>
public static class DepartmentRules
{
    /// <summary>At most this many departments per item.</summary>
    public const int MaxDepartments = PaperConstants.MaxDepartments;

    /// <summary>What is wrong with a list of tags (English Table 2 names); empty when it follows the rules.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<string> tags)
    {
        var problems = new List<string>();
        if (tags.Count == 0)
        {
            problems.Add($"no department given (use \"{DepartmentCatalog.NoDepartment}\" for a non-clinical query)");
        }

        if (tags.Count > MaxDepartments)
        {
            problems.Add($"{tags.Count} departments given, at most {MaxDepartments} are allowed");
        }

        problems.AddRange(tags.Where(t => !DepartmentCatalog.IsValidLabel(t)).Select(t => $"\"{t}\" is not a department of the list"));
        if (tags.Contains(DepartmentCatalog.NoDepartment) && tags.Count > 1)
        {
            problems.Add($"\"{DepartmentCatalog.NoDepartment}\" must stand alone");
        }

        if (tags.Distinct(StringComparer.Ordinal).Count() != tags.Count)
        {
            problems.Add("a department is given twice");
        }

        return problems;
    }
}
