using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Paradigms;
using CurationPipeline.Reference;
using FluentValidation;

namespace CurationPipeline.Tests.Paradigms.Extension;

/// <summary>
/// A toy paradigm, symptom recall (code <c>TOY</c>): which of five symptoms a short note mentions, as a multiple-choice
/// question. Its offline engine finds the first symptom in the note; its engine over a model asks for the symptom as
/// JSON; its own rule keeps questions to 40 characters.
/// </summary>
internal sealed class SymptomRecallParadigm : IParadigm
{
    public static readonly Paradigm Toy = new("TOY");

    public static readonly string[] Symptoms = ["咳嗽", "发热", "头痛", "腹泻", "皮疹"];

    public Paradigm Code => Toy;

    public string Name => "symptom recall";

    public IValidator<BenchmarkItem>? ItemRules { get; } = new Rules();

    public IItemGenerator CreateOffline(DatasetDefinition dataset, ReferenceData reference) => new Offline();

    public IItemGenerator CreateLlm(DatasetDefinition dataset, LlmModel model, ReferenceData reference) => new OverModel(model, dataset);

    private static ItemDraft Draft(SourceRecord record, int symptom) =>
        new($"“{record.Text}”提到的症状是？", null, Symptoms, ((char)('A' + symptom)).ToString());

    private sealed class Rules : AbstractValidator<BenchmarkItem>
    {
        public Rules() => RuleFor(i => i.Question).Must(q => q.Length <= 40).WithMessage("a symptom recall question is at most 40 characters");
    }

    private sealed class Offline : IItemGenerator
    {
        public Paradigm Paradigm => Toy;

        public string Engine => "symptom-recall/1";

        public Task<IReadOnlyList<BenchmarkItem>> GenerateAsync(SourceRecord record, DatasetDefinition dataset, GenerationContext context, CancellationToken cancellationToken = default)
        {
            var symptom = Array.FindIndex(Symptoms, s => record.Text.Contains(s, StringComparison.Ordinal));
            if (symptom < 0)
            {
                throw new RecordRejectedException("the note names none of the five symptoms", "text");
            }

            return Task.FromResult<IReadOnlyList<BenchmarkItem>>([ItemFactory.Create(dataset, record, Draft(record, symptom), Engine, "offline", context)]);
        }
    }

    private sealed class OverModel(LlmModel model, DatasetDefinition dataset) : LlmGenerator(model, dataset)
    {
        protected override async Task<BenchmarkItem> GenerateAsync(SourceRecord record, DatasetDefinition dataset, GenerationContext context, string template,
            Dictionary<string, string> values, CancellationToken cancellationToken)
        {
            var answer = await AskAsync<Answer>(template, values, a => Symptoms.Contains(a.Symptom) ? [] : [$"symptom must be one of {string.Join("、", Symptoms)}"], cancellationToken);
            return Finish(record, dataset, context, Draft(record, Array.IndexOf(Symptoms, answer.Symptom)), EngineItems.ItemRules);
        }

        private sealed class Answer
        {
            public string? Symptom { get; set; }
        }
    }
}
