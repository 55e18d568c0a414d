using CurationPipeline.Reference;

namespace CurationPipeline.Departments;

/// <summary>Reads raw/departments/train.tsv: <c>source, record, department, text</c>.</summary>
public static class TrainingFile
{
    /// <summary>(department, text) pairs of the reference data's file, none when it has none; a bad line is an error naming the file, line and field.</summary>
    public static IEnumerable<(string Department, string Text)> Read(ReferenceData reference) =>
        ReadRecords(reference).Select(r => (r.Department, r.Text));

    /// <summary>All fields of each record, for checks that evaluation records were not trained on.</summary>
    public static IEnumerable<(string Source, string Record, string Department, string Text)> ReadRecords(ReferenceData reference)
    {
        var path = reference.PathOf("departments", "train.tsv");
        foreach (var (lineNo, f) in reference.DepartmentTable("train") ?? [])
        {
            if (f.Length != 4)
            {
                throw new InvalidDataException($"{path}, line {lineNo}: expected 4 tab-separated fields (source, record, department, text), found {f.Length}");
            }

            if (!DepartmentCatalog.IsValidLabel(f[2]))
            {
                throw new InvalidDataException($"{path}, line {lineNo}, field department: '{f[2]}' is not a department of Table 2");
            }

            yield return (f[0], f[1], f[2], f[3]);
        }
    }
}
