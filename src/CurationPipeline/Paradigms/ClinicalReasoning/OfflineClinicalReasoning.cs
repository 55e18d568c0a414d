using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Paradigms.ClinicalReasoning;

/// <summary>
/// P4 without a model: the reference answer is taken from the real record (ordered examinations, the doctor's
/// or the discharge diagnosis, the written outpatient record), and the task's input is the dialogue or the
/// notes with the parts that state that answer removed. An input that still contains it is rejected.
/// </summary>
public sealed class OfflineClinicalReasoning : IItemGenerator
{
    public const string EngineName = "offline:p4-sections/1";
    public const string LeakReason = "input leaks the reference answer";

    /// <summary>Record sections shorter than this may recur in the dialogue by chance and are not leak-checked.</summary>
    public const int MinLeakCheckedSection = 12;

    public OfflineClinicalReasoning(string task)
    {
        if (task is not ("inspection" or "diagnosis" or "record"))
        {
            throw new ArgumentException($"P4 task '{task}' is unknown; use inspection, diagnosis or record");
        }

        Task = task;
    }

    public string Task { get; }

    public Paradigm Paradigm => Paradigm.P4;

    public string Engine => EngineName;

    public Task<IReadOnlyList<BenchmarkItem>> GenerateAsync(SourceRecord record, DatasetDefinition dataset, GenerationContext context, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = RecordFields.RequiredText(record);
        var (question, input, answer) = Task switch
        {
            "inspection" => Inspection(record, text),
            "diagnosis" when record.Field("discharge_diagnosis") is not null => InpatientDiagnosis(record, text),
            "diagnosis" => DialogueDiagnosis(record, text),
            _ => Record(record, text),
        };

        if (string.IsNullOrWhiteSpace(input))
        {
            throw new RecordRejectedException("nothing is left of the input once the answer is removed", "text");
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["task"] = Task };
        var item = EngineItems.Create(record, dataset, context, EngineName,
            new ItemDraft(question, input, [], answer) { Rubric = ReasoningRubrics.For(Task), Attributes = attributes }, ClinicalReasoningParadigm.Validator);
        return System.Threading.Tasks.Task.FromResult<IReadOnlyList<BenchmarkItem>>([item]);
    }

    private static (string, string, string) Inspection(SourceRecord record, string text)
    {
        var exams = RecordFields.StringArray(record, "examinations");
        if (exams.Count == 0)
        {
            throw new RecordRejectedException("no reference answer: examinations is empty", "examinations");
        }

        // The dialogue up to the doctor's first turn that orders one of the examinations.
        var turns = ClinicalText.Turns(text);
        var cut = turns.ToList().FindIndex(t => ClinicalText.IsDoctor(t) && exams.Any(e => t.Content.Contains(e, StringComparison.Ordinal)));
        var input = Join(cut < 0 ? turns : turns.Take(cut));
        RejectIfLeaks(input, exams);
        return ("以下是医生与患者的对话（截至医生开具检查之前）。请作为接诊医生，列出此时应为患者安排的检查项目，并简要说明理由。",
            input, "建议检查：" + string.Join("；", exams));
    }

    private static (string, string, string) DialogueDiagnosis(SourceRecord record, string text)
    {
        var diagnosis = RecordFields.Required(record, "diagnosis");
        var principal = Principal(diagnosis, "diagnosis");

        // The dialogue before the doctor's conclusion: the first doctor turn that names the diagnosis or speaks of it.
        var turns = ClinicalText.Turns(text);
        var cut = turns.ToList().FindIndex(t => ClinicalText.IsDoctor(t)
            && (t.Content.Contains(principal, StringComparison.Ordinal) || t.Content.Contains("诊断", StringComparison.Ordinal)));
        var input = Join(cut < 0 ? turns : turns.Take(cut));
        RejectIfLeaks(input, [principal]);
        return ("以下是医生与患者的对话及检查情况。请给出最可能的诊断，并说明诊断依据。", input, diagnosis);
    }

    private static (string, string, string) InpatientDiagnosis(SourceRecord record, string text)
    {
        var diagnosis = RecordFields.Required(record, "discharge_diagnosis");
        var principal = Principal(diagnosis, "discharge_diagnosis");

        // Sections that state a diagnosis (入院诊断, 修正诊断, 会诊意见, ...) are the answer, not the input.
        var input = ClinicalText.RemoveHeadedLines(text, h => h.Contains("诊断", StringComparison.Ordinal) || h == "会诊意见").Trim();
        RejectIfLeaks(input, [principal]);
        return ("以下是同一患者住院期间的多份记录，其中部分陈述相互矛盾。请综合分析，给出出院时的主要诊断，说明依据，并指出你如何处理矛盾的信息。",
            input, diagnosis);
    }

    private static (string, string, string) Record(SourceRecord record, string text)
    {
        var sections = RecordFields.Object(record, "record").Where(s => s.Value.Length > 0).ToList();
        var missing = ClinicalText.RecordSections.Where(s => sections.All(p => p.Key != s)).ToList();
        if (missing.Count > 0)
        {
            throw new RecordRejectedException($"no reference answer: the record lacks {string.Join("、", missing)}", "record");
        }

        var answer = string.Join('\n', ClinicalText.RecordSections.Select(s => $"{s}：{sections.First(p => p.Key == s).Value}"));

        // A written record pasted into the dialogue is the answer itself.
        var input = ClinicalText.RemoveHeadedLines(text, h => ClinicalText.RecordSections.Contains(h)).Trim();
        RejectIfLeaks(input, [.. sections.Select(s => s.Value).Where(v => v.Length >= MinLeakCheckedSection)]);
        return ("请根据以下医患对话，按门诊病历格式（主诉、现病史、既往史、查体、辅助检查、初步诊断、处理）书写一份门诊病历。", input, answer);
    }

    private static string Principal(string diagnosis, string field) =>
        ClinicalText.Diagnoses(diagnosis) is [var first, ..]
            ? first
            : throw new RecordRejectedException($"no reference answer: {field} names no diagnosis", field);

    private static void RejectIfLeaks(string input, IEnumerable<string> answers)
    {
        if (answers.Any(a => a.Length > 0 && input.Contains(a, StringComparison.Ordinal)))
        {
            throw new RecordRejectedException(LeakReason, "text");
        }
    }

    private static string Join(IEnumerable<ClinicalText.Turn> turns) => string.Join('\n', turns.Select(t => t.Line)).Trim();
}
