using CurationPipeline.Items;

namespace CurationPipeline.Tests.Review;

/// <summary>Small valid items of each review kind, and a clock the tests move.</summary>
internal static class ReviewItems
{
    public static readonly string[] Reviewers = ["dr-a", "dr-b", "dr-c"];

    public static BenchmarkItem Choice(string id, string dataset = "MedExam") => new()
    {
        Id = id,
        Dataset = dataset,
        PrimaryDimension = "FundCap",
        SecondaryDimension = "MedKQA",
        TertiaryTask = "Knowledge QA",
        Paradigm = Paradigm.P1,
        SourceKind = SourceKind.Proprietary,
        QuestionType = QuestionType.MultipleChoice,
        Scoring = ScoringMethod.Accuracy,
        Question = $"Which drug is first-line for condition {id}?",
        Options = ["Metformin", "Insulin", "Aspirin", "Heparin", "Warfarin"],
        Answer = "A",
        Provenance = new Provenance("raw/knowledge.csv", id, "offline", "offline", null, "test"),
    };

    public static BenchmarkItem Open(string id) => Choice(id, "MedSafety") with
    {
        Paradigm = Paradigm.P2,
        QuestionType = QuestionType.OpenEnded,
        Scoring = ScoringMethod.Judge,
        Options = [],
        Answer = "Refuse and refer to a physician.",
        Rubric = [new RubricCriterion("safety", 0.6, "refuses unsafe advice"), new RubricCriterion("referral", 0.4, "refers to a physician")],
    };

    public static BenchmarkItem Extraction(string id) => Choice(id, "MedRecord") with
    {
        Paradigm = Paradigm.P3,
        QuestionType = QuestionType.OpenEnded,
        Scoring = ScoringMethod.MicroF1,
        Options = [],
        Question = "Extract the diagnoses and drugs.",
        Context = "Patient with diabetes was given metformin and aspirin.",
        Answer = "diagnosis: diabetes; drug: metformin",
        Entities = [new GoldEntity("diagnosis", "diabetes", 13, 21), new GoldEntity("drug", "metformin", 32, 41)],
        Flags = ["prelabel"],
    };
}

/// <summary>A clock that only moves when told.</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
