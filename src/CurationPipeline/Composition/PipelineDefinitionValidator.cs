using CurationPipeline.Core;
using CurationPipeline.Items;
using FluentValidation;

namespace CurationPipeline.Composition;

/// <summary>
/// The rules a pipeline file must satisfy before the first record moves; paradigms, formats, roles and stages are the
/// ones its extensions have.
/// </summary>
public sealed class PipelineDefinitionValidator : AbstractValidator<PipelineDefinition>
{
    public static readonly string[] Kinds = ["report", "guideline", "drug", "knowledge", "scenario", "ehr", "dialogue", "inpatient", "public"];

    private static readonly Dictionary<string, string> SecondaryToPrimary = new(StringComparer.Ordinal)
    {
        ["MedKQA"] = "FundCap",
        ["MedSE"] = "FundCap",
        ["MedRU"] = "FundCap",
        ["SmartServ"] = "SceneCap",
        ["SmartCare"] = "SceneCap",
        // The hospital maturity model's levels (pipelines/maturity.yaml).
        ["L0"] = "Maturity",
        ["L1"] = "Maturity",
        ["L2"] = "Maturity",
        ["L3"] = "Maturity",
        ["L4"] = "Maturity",
    };

    public PipelineDefinitionValidator(Extensions extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        var stageNames = StageName.Configurable.Concat(extensions.Roles.AddedStages).Select(s => s.Name).ToList();
        var formats = extensions.Formats;
        var paradigms = extensions.Paradigms;
        var roles = extensions.Roles;
        RuleFor(p => p.Name).NotEmpty().Matches("^[A-Za-z0-9_-]+$").WithMessage("must be letters, digits, '-' or '_'");
        RuleFor(p => p.Reviewers).Must(r => r.Count >= PaperConstants.MinReviewers && r.Distinct().Count() == r.Count)
            .WithMessage("needs at least three different names (two reviewers per item and a third for split decisions)");
        RuleFor(p => p.Sampling.Ratio).Must(BeARatio).WithMessage("must be three non-negative integers like 3:5:2");
        RuleFor(p => p.Stages.BoundedCapacity).GreaterThanOrEqualTo(1);
        RuleFor(p => p.Stages.MaxDegreeOfParallelism).InclusiveBetween(1, 1024);
        RuleForEach(p => p.Stages.Parallelism)
            .Must(kv => stageNames.Contains(kv.Key)).WithMessage((_, kv) => $"unknown stage '{kv.Key}' (known: {string.Join(", ", stageNames)})")
            .Must(kv => kv.Value is >= 1 and <= 1024).WithMessage("parallelism must be between 1 and 1024");
        RuleFor(p => p.Rejects.MaxFraction).InclusiveBetween(0.0, 1.0);
        RuleFor(p => p.Limits.MaxRecordBytes).GreaterThanOrEqualTo(0);
        RuleFor(p => p.Limits.RecordTimeout).Must(t => t is not { } v || (double.IsFinite(v) && v >= 0)).WithMessage("must be a number of seconds, 0 or more (0: no limit)");
        RuleFor(p => p.Dedup.Threshold).GreaterThan(0.0).LessThanOrEqualTo(1.0);
        RuleFor(p => p.Dedup.Ngram).InclusiveBetween(1, 16);
        RuleFor(p => p.Dedup.Bands).InclusiveBetween(1, 256);
        RuleFor(p => p.Dedup.Rows).InclusiveBetween(1, 32);
        RuleFor(p => p.Dedup.StemMinChars).GreaterThanOrEqualTo(1);
        RuleForEach(p => p.Decontaminate.Against).Must((p, name) => p.Sources.Any(s => s.Name == name))
            .WithMessage((p, name) => $"unknown source '{name}' (known: {string.Join(", ", p.Sources.Select(s => s.Name))})");
        RuleFor(p => p.Roles).Custom((map, context) =>
        {
            foreach (var role in map.Keys.Where(r => !roles.Knows(r)))
            {
                context.AddFailure($"Roles.{role}", $"unknown role '{role}' (known: {string.Join(", ", roles.Names)})");
            }
        });
        RuleFor(p => p.Datasets).NotEmpty().WithMessage("a pipeline needs at least one dataset");

        RuleForEach(p => p.Sources).ChildRules(s =>
        {
            s.RuleFor(x => x.Name).NotEmpty();
            s.RuleFor(x => x.Path).NotEmpty();
            s.RuleFor(x => x.Format).Must(formats.Knows).WithMessage(x => $"unknown format '{x.Format}' (known: {string.Join(", ", formats.Codes)})");
            s.RuleFor(x => x.Kind).Must(k => Kinds.Contains(k)).WithMessage(x => $"unknown kind '{x.Kind}' (known: {string.Join(", ", Kinds)})");
            s.RuleFor(x => x.Encoding).Must(e => e is "utf-8" or "gb18030").WithMessage("must be 'utf-8' or 'gb18030'");
        });
        RuleFor(p => p.Sources).Must(s => s.Select(x => x.Name).Distinct().Count() == s.Count).WithMessage("source names must be unique");
        RuleFor(p => p.Datasets).Must(d => d.Select(x => x.Name).Distinct().Count() == d.Count).WithMessage("dataset names must be unique");

        RuleForEach(p => p.Datasets).ChildRules(d =>
        {
            d.RuleFor(x => x.Name).NotEmpty();
            d.RuleFor(x => x.Secondary).Must(s => SecondaryToPrimary.ContainsKey(s))
                .WithMessage(x => $"unknown secondary dimension '{x.Secondary}' (known: {string.Join(", ", SecondaryToPrimary.Keys)})");
            d.RuleFor(x => x.Primary).Must((x, p) => !SecondaryToPrimary.TryGetValue(x.Secondary, out var expected) || p == expected)
                .WithMessage(x => $"'{x.Primary}' does not fit secondary dimension '{x.Secondary}' (expected {SecondaryToPrimary.GetValueOrDefault(x.Secondary)})");
            d.RuleFor(x => x.Paradigm).Must(p => p is { } code && paradigms.Knows(code)).WithMessage(ConfigNames.MustBe([.. paradigms.Codes.Select(c => c.Code)]));
            d.RuleFor(x => x.Source).NotNull().WithMessage(ConfigNames.MustBe<SourceKind>());
            d.RuleFor(x => x.Source).Must((x, s) => (s == SourceKind.Public) == (x.Paradigm == Paradigm.Public))
                .When(x => x.Source is not null && x.Paradigm is not null)
                .WithMessage($"public datasets (and only they) use paradigm '{Paradigm.Public}'");
            d.RuleFor(x => x.Type).NotNull().WithMessage(ConfigNames.MustBe<QuestionType>());
            d.RuleFor(x => x.Scoring).NotNull().WithMessage(ConfigNames.MustBe<ScoringMethod>());
            d.RuleFor(x => x.Scoring).Must((x, s) => (x.Type == QuestionType.MultipleChoice) == (s == ScoringMethod.Accuracy))
                .When(x => x.Type is not null && x.Scoring is not null)
                .WithMessage("multiple-choice datasets (and only they) are scored by accuracy");
            d.RuleFor(x => x.TargetN).GreaterThanOrEqualTo(0);
            d.RuleFor(x => x.ItemsPerRecord).InclusiveBetween(1, 100);
            d.RuleFor(x => x.Inputs).NotEmpty().WithMessage("names no source");
            d.RuleForEach(x => x.SamplingKeys).NotEmpty();
        });
        RuleForEach(p => p.Datasets).Must((p, d) => d.Inputs.All(i => p.Sources.Any(s => s.Name == i)))
            .WithMessage((p, d) => $"names an unknown source '{d.Inputs.First(i => p.Sources.All(s => s.Name != i))}'");
    }

    internal static bool BeARatio(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 3 && parts.All(x => int.TryParse(x, out var v) && v >= 0) && parts.Sum(int.Parse) > 0;
    }
}
