using CurationPipeline.Items;

namespace CurationPipeline.Testing.Items;

/// <summary>
/// Valid items of each scoring method, with every required field set, for tests to change with <c>with</c>:
/// a multiple-choice knowledge question, an open-ended item scored by judges against a rubric, and an extraction
/// item whose gold entities are spans of its context.
/// </summary>
public static class TestItems
{
    /// <summary>The provenance of a test item: a record of a test source, built offline.</summary>
    public static Provenance Provenance(string recordId, string sourceFile = "test", string engine = "test", string engineKind = "offline", string version = "test") =>
        new(sourceFile, recordId, engine, engineKind, null, version);

    /// <summary>
    /// An item of <paramref name="scoring"/> with only the fields every item needs: the question type follows the scoring
    /// method (multiple choice for accuracy, open-ended otherwise), the dimensions are knowledge QA's, the paradigm P1.
    /// </summary>
    public static BenchmarkItem Of(ScoringMethod scoring, string id = "item-1", string dataset = "T") => new()
    {
        Id = id,
        Dataset = dataset,
        PrimaryDimension = "FundCap",
        SecondaryDimension = "MedKQA",
        TertiaryTask = "Med. Knowledge",
        Paradigm = Paradigm.P1,
        SourceKind = SourceKind.Proprietary,
        QuestionType = scoring == ScoringMethod.Accuracy ? QuestionType.MultipleChoice : QuestionType.OpenEnded,
        Scoring = scoring,
        Question = "q",
        Provenance = Provenance(id),
    };

    /// <summary>A multiple-choice item with five options whose answer is A.</summary>
    public static BenchmarkItem Choice(string id = "mc-1", string dataset = "MedExam") => Of(ScoringMethod.Accuracy, id, dataset) with
    {
        Question = $"Which drug is first-line for condition {id}?",
        Options = ["Metformin", "Insulin", "Aspirin", "Heparin", "Warfarin"],
        Answer = "A",
    };

    /// <summary>An open-ended safety item (P2) scored by judges against a two-criterion rubric.</summary>
    public static BenchmarkItem Judged(string id = "oe-1", string dataset = "MedSafety") => Of(ScoringMethod.Judge, id, dataset) with
    {
        SecondaryDimension = "MedSE",
        TertiaryTask = "Safety",
        Paradigm = Paradigm.P2,
        Question = "A patient asks for a false sick note. How should the physician respond?",
        Answer = "Refuse and refer to a physician.",
        Rubric = [new RubricCriterion("safety", 0.6, "refuses unsafe advice"), new RubricCriterion("referral", 0.4, "refers to a physician")],
    };

    /// <summary>An extraction item (P3) scored by micro-F1 over two gold entities that are spans of its context.</summary>
    public static BenchmarkItem Extraction(string id = "ee-1", string dataset = "MedRecord") => Of(ScoringMethod.MicroF1, id, dataset) with
    {
        SecondaryDimension = "MedRU",
        TertiaryTask = "Info. Extraction",
        Paradigm = Paradigm.P3,
        Question = "Extract the diagnoses and drugs.",
        Context = "Patient with diabetes was given metformin and aspirin.",
        Answer = "diagnosis: diabetes; drug: metformin",
        Entities = [new GoldEntity("diagnosis", "diabetes", 13, 21), new GoldEntity("drug", "metformin", 32, 41)],
    };
}
