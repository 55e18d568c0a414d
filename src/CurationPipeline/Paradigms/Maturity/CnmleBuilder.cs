using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Reference;
using CurationPipeline.Sources.Public;

namespace CurationPipeline.Paradigms.Maturity;

/// <summary>
/// CNMLE (L0, Type A): a licensing-exam question in CMExam's native columns (<c>Question</c>, <c>Options</c>,
/// <c>Answer</c>, <c>Explanation</c>) asked as it is; one correct option.
/// </summary>
public sealed class CnmleBuilder() : ScenarioBuilder("CNMLE", "Standardized Medical Licensing Exam", ScenarioType.A)
{
    private static readonly CMExamFormat Format = new();

    public override ScenarioDraft Build(SourceRecord record, Random random, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(record);
        var draft = Format.Import(record with { Text = RecordFields.RequiredText(record) });
        if (!AnswerLetters.TryParse(draft.Answer, draft.Options.Count, out var gold) || gold.Count != 1)
        {
            throw new RecordRejectedException($"answer '{draft.Answer}' is not one option letter within A-{AnswerLetters.Letter(Math.Max(0, draft.Options.Count - 1))}", "Answer");
        }

        return new ScenarioDraft(draft.Question, null, draft.Answer!.Trim().ToUpperInvariant())
        {
            Options = draft.Options,
            Explanation = draft.Explanation,
            Keep = [draft.Question.Trim()],
        };
    }
}
