using CurationPipeline.Core;
using CurationPipeline.Departments;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.KnowledgeProbing;

/// <summary>P1 templates over a disease row: symptom, first-line drug, examination, complication and department questions.</summary>
internal static class DiseaseTemplates
{
    public static ChoiceDraft Symptom(DiseaseEntry d, KnowledgeBase kb, Random rng)
    {
        var correct = PickSpecific(rng, d.Symptoms, kb.CommonSymptoms, "symptoms");
        var others = kb.Diseases.Where(o => o.Department != d.Department && o.Name != d.Name).SelectMany(o => o.Symptoms)
            .Where(s => !kb.CommonSymptoms.Contains(s));
        var alsoTrue = d.Symptoms.Concat(d.Signs).ToList();
        return new ChoiceDraft("disease-symptom", $"下列哪一项是{d.Name}的典型症状？", correct,
            DistractorPicker.Pick(rng, others, correct, alsoTrue, "symptoms of other diseases"),
            $"{d.Name}的典型症状包括{Join(d.Symptoms)}。{d.Text}", alsoTrue);
    }

    public static ChoiceDraft FirstLineDrug(DiseaseEntry d, KnowledgeBase kb, Random rng)
    {
        if (d.Drugs.Count == 0)
        {
            throw new RecordRejectedException($"the table lists no specific drug for {d.Name}", "first_line_drugs");
        }

        var correct = rng.Pick(d.Drugs);
        var indicated = kb.Drugs.Where(m => m.Indications.Contains(d.Name)).Select(m => m.Name);
        var alsoTrue = d.Drugs.Concat(indicated).ToList();
        var others = kb.Drugs.Select(m => m.Name).Concat(kb.Diseases.Where(o => o.Department != d.Department).SelectMany(o => o.Drugs));
        return new ChoiceDraft("disease-first-line-drug", $"下列药物中，哪一项是{d.Name}的一线治疗药物？", correct,
            DistractorPicker.Pick(rng, others, correct, alsoTrue, "drugs"),
            $"{d.Name}的一线治疗药物包括{Join(d.Drugs)}。{d.Text}", alsoTrue);
    }

    public static ChoiceDraft Examination(DiseaseEntry d, KnowledgeBase kb, Random rng)
    {
        var correct = PickSpecific(rng, d.Examinations, kb.CommonExaminations, "examinations");
        var others = kb.Diseases.Where(o => o.Department != d.Department).SelectMany(o => o.Examinations)
            .Where(e => !kb.CommonExaminations.Contains(e));
        return new ChoiceDraft("disease-examination", $"下列检查中，哪一项是诊断{d.Name}的常用检查？", correct,
            DistractorPicker.Pick(rng, others, correct, d.Examinations, "examinations"),
            $"诊断{d.Name}常用的检查包括{Join(d.Examinations)}。{d.Text}", d.Examinations);
    }

    public static ChoiceDraft Complication(DiseaseEntry d, KnowledgeBase kb, Random rng)
    {
        var correct = rng.Pick(d.Complications);
        var others = kb.Diseases.Where(o => o.Department != d.Department).SelectMany(o => o.Complications)
            .Where(c => !kb.CommonComplications.Contains(c));
        return new ChoiceDraft("disease-complication", $"下列哪一项是{d.Name}的常见并发症？", correct,
            DistractorPicker.Pick(rng, others, correct, d.Complications, "complications"),
            $"{d.Name}的常见并发症包括{Join(d.Complications)}。{d.Text}", d.Complications);
    }

    /// <summary>Department guidance: which clinic a patient with these complaints should see first.</summary>
    public static ChoiceDraft Department(DiseaseEntry d, KnowledgeBase kb, Random rng)
    {
        var department = DepartmentCatalog.Find(d.Department)
            ?? throw new RecordRejectedException($"department '{d.Department}' is not in the department list", "department");
        // Specific complaints first; generic ones only fill up.
        var specific = rng.Shuffled(d.Symptoms.Where(s => !kb.CommonSymptoms.Contains(s)));
        var complaints = specific.Concat(rng.Shuffled(d.Symptoms.Where(kb.CommonSymptoms.Contains))).Take(2).ToList();
        var sign = d.Signs.Count > 0 ? $"，查体可见{rng.Pick(d.Signs)}" : "";
        var child = IsPaediatric(department);
        var who = child ? "一名患儿" : "一位成年人";
        var stem = $"{who}近来出现{string.Join("、", complaints)}{sign}。在医院挂号时，最适合首先就诊的科室是？";

        // A department of any disease named by a complaint or with a symptom containing one could also be right.
        var alsoTrue = kb.Diseases.Where(o => complaints.Any(c => o.Name.Contains(c, StringComparison.Ordinal) || o.Symptoms.Any(s => s.Contains(c, StringComparison.Ordinal))))
            .Select(o => DepartmentCatalog.Find(o.Department)?.ChineseName).OfType<string>().Append(department.ChineseName).ToList();
        // Clinics of the tables' diseases, and for children every paediatric clinic of the department list.
        var pool = kb.Diseases.Select(o => DepartmentCatalog.Find(o.Department)).OfType<Department>()
            .Concat(child ? DepartmentCatalog.All.Where(IsPaediatric) : [])
            .Where(o => IsPaediatric(o) == child && o.Name is not "Emergency Medicine" and not "General Practice Dept.")
            .Select(o => o.ChineseName);
        return new ChoiceDraft("disease-department", stem, department.ChineseName,
            DistractorPicker.Pick(rng, pool, department.ChineseName, alsoTrue, "departments"),
            $"{string.Join("、", complaints)}提示{d.Name}的可能，属于{department.ChineseName}（{department.PrimaryChinese}）的诊治范围。{d.Text}",
            alsoTrue, Attributes: new Dictionary<string, string>(StringComparer.Ordinal) { ["source_department"] = department.Name });
    }

    /// <summary>Picks an entry that is not generic when there is one (specific facts make fairer questions).</summary>
    public static string PickSpecific(Random rng, IReadOnlyList<string> values, IReadOnlySet<string> common, string field)
    {
        var specific = values.Where(v => !common.Contains(v) && v != "临床诊断").ToList();
        return specific.Count > 0 ? rng.Pick(specific)
            : values.FirstOrDefault(v => v != "临床诊断") ?? throw new RecordRejectedException($"field '{field}' has no usable entry", field);
    }

    public static string Join(IEnumerable<string> values) => string.Join("、", values);

    private static bool IsPaediatric(Department d) =>
        d.Primary is "Pediatrics" or "Pediatric Surgery" or "Child Healthcare Dept.";
}
