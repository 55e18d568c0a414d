using FluentValidation;

namespace CurationPipeline.Items;

/// <summary>
/// The rules every item must satisfy before it is written, stated per question type: multiple-choice
/// items have lettered options and a valid answer, extraction spans lie inside the text, rubrics weigh 1;
/// then the rules of the item's paradigm, when it has some.
/// </summary>
public sealed class BenchmarkItemValidator : AbstractValidator<BenchmarkItem>
{
    /// <summary>The label for non-clinical items in the department list.</summary>
    public const string NoDepartment = "No Department";

    /// <summary>The rules of every item, and no paradigm's own.</summary>
    public BenchmarkItemValidator()
        : this([])
    {
    }

    /// <param name="paradigmRules">Rules of paradigms, each applied to the items of its paradigm after the rules of every item.</param>
    public BenchmarkItemValidator(IEnumerable<(Paradigm Paradigm, IValidator<BenchmarkItem> Rules)> paradigmRules)
    {
        ArgumentNullException.ThrowIfNull(paradigmRules);
        RuleFor(i => i.Id).NotEmpty();
        RuleFor(i => i.Dataset).NotEmpty();
        RuleFor(i => i.Question).NotEmpty().WithMessage("question is empty");
        RuleFor(i => i.Departments).Must(d => d.Count <= PaperConstants.MaxDepartments).WithMessage("at most three departments");
        RuleFor(i => i.Departments).Must(d => !d.Contains(NoDepartment) || d.Count == 1)
            .WithMessage($"'{NoDepartment}' stands alone");
        RuleFor(i => i.Departments).Must(d => d.Distinct().Count() == d.Count).WithMessage("departments repeat");
        RuleFor(i => i.Provenance.SourceFile).NotEmpty();
        RuleFor(i => i.Provenance.Engine).NotEmpty();

        When(i => i.QuestionType == QuestionType.MultipleChoice, () =>
        {
            RuleFor(i => i.Scoring).Equal(ScoringMethod.Accuracy).WithMessage("multiple-choice items are scored by accuracy");
            RuleFor(i => i.Options).Must(o => o.Count is >= 2 and <= 10)
                .WithMessage(i => $"has {i.Options.Count} options; multiple-choice needs 2 to 10");
            RuleForEach(i => i.Options).NotEmpty().WithMessage("an option is empty");
            RuleFor(i => i.Options).Must(o => o.Select(Normalise).Distinct().Count() == o.Count)
                .WithMessage("two options are the same");
            RuleFor(i => i.Answer).NotEmpty().WithMessage("has no answer letter");
            RuleFor(i => i.Answer).Must((i, a) => AnswerLetters.TryParse(a, i.Options.Count, out _))
                .When(i => !string.IsNullOrEmpty(i.Answer))
                .WithMessage(i => $"answer '{i.Answer}' is not a letter of the {i.Options.Count} options");
        });

        When(i => i.Scoring == ScoringMethod.MicroF1, () =>
        {
            RuleFor(i => i.Context).NotEmpty().When(i => i.Entities.Any(e => e.Start is not null))
                .WithMessage("entity spans need the text they point into (context)");
            RuleForEach(i => i.Entities).Must((i, e) => SpanIsInside(i.Context, e))
                .WithMessage((i, e) => $"entity '{e.Type}' [{e.Start},{e.End}) does not match the text '{Truncate(e.Text)}'");
            RuleForEach(i => i.Entities).Must(e => !string.IsNullOrWhiteSpace(e.Type) && !string.IsNullOrEmpty(e.Text))
                .WithMessage("an entity has no type or text");
        });

        When(i => i.Scoring == ScoringMethod.Judge, () =>
        {
            RuleFor(i => i.Rubric).NotEmpty().WithMessage("open-ended items scored by judges need a rubric");
            RuleForEach(i => i.Rubric).Must(c => c.Weight is > 0 and <= 1 && !string.IsNullOrWhiteSpace(c.Name) && !string.IsNullOrWhiteSpace(c.Description))
                .WithMessage((_, c) => $"rubric criterion '{c.Name}' needs a name, a description and a weight in (0, 1]");
            RuleFor(i => i.Rubric).Must(r => r.Count == 0 || Math.Abs(r.Sum(c => c.Weight) - 1.0) < 1e-6)
                .WithMessage(i => $"rubric weights sum to {i.Rubric.Sum(c => c.Weight):0.###}, not 1");
        });

        foreach (var (paradigm, rules) in paradigmRules)
        {
            When(i => i.Paradigm == paradigm, () => Include(rules));
        }
    }

    private static bool SpanIsInside(string? context, GoldEntity e)
    {
        if (e.Start is null && e.End is null)
        {
            return true;
        }

        if (context is null || e.Start is not { } s || e.End is not { } end || s < 0 || end > context.Length || s >= end)
        {
            return false;
        }

        return string.CompareOrdinal(context, s, e.Text, 0, Math.Max(end - s, e.Text.Length)) == 0 && end - s == e.Text.Length;
    }

    private static string Normalise(string option) => new string(option.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).ToArray()).ToLowerInvariant();

    private static string Truncate(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
