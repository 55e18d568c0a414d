using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Sources.Public;

/// <summary><c>cmexam</c>: CMExam's CSV (<c>Question</c>, <c>Options</c>, <c>Answer</c>, <c>Explanation</c>); a record becomes a multiple-choice item.</summary>
public sealed class CMExamFormat : IPublicFormat
{
    public SourceFormat Code { get; } = new("cmexam");

    public IRecordFileReader Reader => CsvRecords.Instance;

    public string? TextField => "Question";

    public ItemDraft Import(SourceRecord r)
    {
        var raw = r.Field("Options") ?? throw new RecordRejectedException("field 'Options' is missing", "Options");
        // The CSV holds all options in one cell separated by newlines (or the two characters \n).
        var lines = raw.Replace("\\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var options = new List<string>();
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            var expected = AnswerLetters.Letter(i);
            if (line.Length < 2 || char.ToUpperInvariant(line[0]) != expected)
            {
                throw new RecordRejectedException($"option {i + 1} does not start with letter {expected}", "Options");
            }

            options.Add(line[1..].TrimStart(' ', '.', '、', '．', ':', '：'));
        }

        var answer = (r.Field("Answer") ?? "").Trim();
        // CMExam's annotated split names a clinical department; the department tagger reads it from the attributes.
        var department = r.Field("Clinical Department")?.Trim();
        return new ItemDraft(r.Text.Trim(), null, options, answer)
        {
            Explanation = r.Field("Explanation"),
            Attributes = string.IsNullOrEmpty(department)
                ? new Dictionary<string, string>(StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal) { [DepartmentSpread.SourceDepartmentAttribute] = department },
        };
    }
}
