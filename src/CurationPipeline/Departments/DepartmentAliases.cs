namespace CurationPipeline.Departments;

/// <summary>
/// Maps close variants of department names (common Chinese hospital names, English synonyms, "Dept."
/// spellings) to the English name of Table 2, and variants of "No Department" to that label.
/// </summary>
public static class DepartmentAliases
{
    private static readonly Dictionary<string, string> Aliases = Build(
        ("心内科", "Cardiology"), ("心血管科", "Cardiology"), ("心脏内科", "Cardiology"), ("Cardiovascular Medicine", "Cardiology"),
        ("呼吸科", "Respiratory Medicine"), ("呼吸与危重症医学科", "Respiratory Medicine"), ("Pulmonology", "Respiratory Medicine"), ("Respiratory", "Respiratory Medicine"),
        ("消化科", "Gastroenterology"), ("肾脏内科", "Nephrology"), ("肾病科", "Nephrology"),
        ("神经科", "Neurology"), ("风湿科", "Rheumatology"), ("风湿免疫", "Rheumatology"), ("免疫科", "Rheumatology"),
        ("过敏科", "Allergy and Immunology"), ("Allergy", "Allergy and Immunology"), ("血液内科", "Hematology"),
        ("老年科", "Geriatrics Dept."), ("Geriatrics", "Geriatrics Dept."), ("普外科", "General Surgery"),
        ("心胸外科", "Thoracic Surgery"), ("脑外科", "Neurosurgery"), ("心外科", "Cardiovascular Surgery"),
        ("骨外科", "Orthopedic Surgery"), ("Orthopedics", "Orthopedic Surgery"), ("Orthopaedics", "Orthopedic Surgery"),
        ("泌尿科", "Urology Surgery"), ("男科", "Urology Surgery"), ("Urology", "Urology Surgery"), ("Andrology", "Urology Surgery"),
        ("整形科", "Plastic Surgery"), ("整形美容科", "Plastic Surgery"), ("产科学", "Obstetrics"),
        ("生殖医学科", "Reproductive Endocrinology and Infertility"), ("Reproductive Medicine", "Reproductive Endocrinology and Infertility"),
        ("耳鼻喉科", "Otolaryngology"), ("ENT", "Otolaryngology"), ("五官科", "Otolaryngology"),
        ("牙科", "Stomatology"), ("口腔医学科", "Stomatology"), ("Dentistry", "Stomatology"), ("Dental", "Stomatology"),
        ("皮肤性病科", "Dermatology"), ("性病", "Sexually Transmitted Diseases Dept."),
        ("医学美容科", "Medical Aesthetics Dept."), ("美容科", "Medical Aesthetics Dept."),
        ("心理科", "Psychiatry Dept."), ("精神心理科", "Psychiatry Dept."), ("Psychiatry", "Psychiatry Dept."), ("Psychology", "Psychiatry Dept."),
        ("传染科", "Infectious Diseases Dept."), ("感染性疾病科", "Infectious Diseases Dept."), ("Infectious Diseases", "Infectious Diseases Dept."),
        ("结核科", "Tuberculosis (TB) Dept."), ("Tuberculosis", "Tuberculosis (TB) Dept."), ("TB Dept", "Tuberculosis (TB) Dept."),
        ("肿瘤内科", "Oncology"), ("急诊", "Emergency Medicine"), ("Emergency", "Emergency Medicine"),
        ("康复科", "Rehabilitation Medicine"), ("ICU", "Critical Care Medicine"), ("重症监护室", "Critical Care Medicine"),
        ("影像科", "Medical Photography"), ("放射科", "Medical Photography"), ("Radiology", "Medical Photography"), ("Medical Imaging", "Medical Photography"),
        ("Laboratory Medicine", "Clinical Laboratory"), ("化验科", "Clinical Laboratory"),
        ("全科", "General Practice Dept."), ("General Practice", "General Practice Dept."), ("Family Medicine", "General Practice Dept."),
        ("儿保科", "Child Healthcare Dept."), ("Child Healthcare", "Child Healthcare Dept."), ("体检科", "General Health"), ("健康管理中心", "General Health"));

    private static readonly HashSet<string> NoDepartmentVariants = new(
        ["nodepartment", "none", "无科室", "无", "非临床", "不适用", "n/a", "na", "无相关科室", "nonclinical", "non-clinical"], StringComparer.Ordinal);

    /// <summary>The Table 2 English name for <paramref name="name"/>, <see cref="DepartmentCatalog.NoDepartment"/>, or null when unknown.</summary>
    public static string? Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var key = Key(name);
        if (NoDepartmentVariants.Contains(key))
        {
            return DepartmentCatalog.NoDepartment;
        }

        var found = Lookup(key);
        foreach (var suffix in new[] { "department", "dept" })
        {
            if (found is null && key.EndsWith(suffix, StringComparison.Ordinal) && key.Length > suffix.Length)
            {
                var stem = key[..^suffix.Length];
                found = Lookup(stem) ?? Lookup(stem + "dept");
            }
        }

        return found;
    }

    private static string? Lookup(string key) => DepartmentCatalog.Find(key)?.Name ?? Aliases.GetValueOrDefault(key);

    private static Dictionary<string, string> Build(params (string Alias, string Name)[] pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (alias, name) in pairs)
        {
            if (!DepartmentCatalog.IsValidLabel(name))
            {
                throw new InvalidOperationException($"department alias '{alias}' points at '{name}', which is not in Table 2");
            }

            map[Key(alias)] = name;
        }

        return map;
    }

    private static string Key(string name) =>
        new string([.. name.Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '\'' and not '’')]).ToLowerInvariant();
}
