using System.Text.Json;
using System.Text.Json.Serialization;

namespace CurationPipeline.Items;

/// <summary>
/// The Parquet row of a <see cref="BenchmarkItem"/> (pool, splits): scalar columns, real lists for options,
/// departments and flags, and JSON text for the nested parts (entities, rubric, attributes) so that any
/// Parquet reader opens them. Column names are the snake_case of the property names.
/// </summary>
public sealed class ItemRow
{
    public string Id { get; set; } = "";
    public string Dataset { get; set; } = "";
    public string PrimaryDimension { get; set; } = "";
    public string SecondaryDimension { get; set; } = "";
    public string TertiaryTask { get; set; } = "";
    public string Paradigm { get; set; } = "";
    public string SourceKind { get; set; } = "";
    public string QuestionType { get; set; } = "";
    public string Scoring { get; set; } = "";
    public string Question { get; set; } = "";
    public string? Context { get; set; }
    public List<string> Options { get; set; } = [];
    public string? Answer { get; set; }
    public string? Explanation { get; set; }

    /// <summary>JSON array of {type, text, start, end}; end exclusive.</summary>
    public string Entities { get; set; } = "[]";

    /// <summary>JSON array of {name, weight, description}.</summary>
    public string Rubric { get; set; } = "[]";

    /// <summary>JSON object of attribute name to value.</summary>
    public string Attributes { get; set; } = "{}";

    public List<string> Departments { get; set; } = [];

    /// <summary>The primary departments of <see cref="Departments"/>.</summary>
    public List<string> DepartmentGroups { get; set; } = [];

    /// <summary>JSON array of {department, words}: the item's words supporting each department.</summary>
    public string DepartmentEvidence { get; set; } = "[]";
    public string? DepartmentEngine { get; set; }
    public double? DepartmentConfidence { get; set; }

    /// <summary>Easy, Medium, Hard; null while unlabelled or pending a human score.</summary>
    public string? Difficulty { get; set; }

    /// <summary>unlabelled, labelled or pending_human.</summary>
    public string DifficultyState { get; set; } = "unlabelled";
    public int? DifficultyCorrect { get; set; }
    public double? DifficultyScore { get; set; }
    public int DifficultyPanel { get; set; }
    public string? DifficultyMethod { get; set; }

    /// <summary>unreviewed, in_review, approved or rejected.</summary>
    public string ReviewStatus { get; set; } = "unreviewed";
    public List<string> Flags { get; set; } = [];
    public string SourceFile { get; set; } = "";
    public string SourceRecord { get; set; } = "";
    public string Engine { get; set; } = "";
    public string EngineKind { get; set; } = "";
    public string? PromptHash { get; set; }
    public string PipelineVersion { get; set; } = "";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ItemRow From(BenchmarkItem item) => new()
    {
        Id = item.Id,
        Dataset = item.Dataset,
        PrimaryDimension = item.PrimaryDimension,
        SecondaryDimension = item.SecondaryDimension,
        TertiaryTask = item.TertiaryTask,
        Paradigm = item.Paradigm.Code,
        SourceKind = item.SourceKind == Items.SourceKind.Public ? "public" : "proprietary",
        QuestionType = item.QuestionType == Items.QuestionType.MultipleChoice ? "multiple-choice" : "open-ended",
        Scoring = item.Scoring switch { ScoringMethod.Accuracy => "accuracy", ScoringMethod.MicroF1 => "micro-f1", _ => "judge" },
        Question = item.Question,
        Context = item.Context,
        Options = [.. item.Options],
        Answer = item.Answer,
        Explanation = item.Explanation,
        Entities = JsonSerializer.Serialize(item.Entities, Json),
        Rubric = JsonSerializer.Serialize(item.Rubric, Json),
        Attributes = JsonSerializer.Serialize(new SortedDictionary<string, string>(item.Attributes.ToDictionary(), StringComparer.Ordinal), Json),
        Departments = [.. item.Departments],
        DepartmentGroups = [.. item.DepartmentGroups],
        DepartmentEvidence = JsonSerializer.Serialize(item.DepartmentEvidence, Json),
        DepartmentEngine = item.DepartmentEngine,
        DepartmentConfidence = item.DepartmentConfidence,
        Difficulty = item.Difficulty.Level?.ToString(),
        DifficultyState = item.Difficulty.State switch
        {
            Items.DifficultyState.Labelled => "labelled",
            Items.DifficultyState.PendingHuman => "pending_human",
            _ => "unlabelled",
        },
        DifficultyCorrect = item.Difficulty.CorrectCount,
        DifficultyScore = item.Difficulty.MeanScore,
        DifficultyPanel = item.Difficulty.PanelSize,
        DifficultyMethod = item.Difficulty.Method,
        ReviewStatus = item.Review switch
        {
            Items.ReviewStatus.Approved => "approved",
            Items.ReviewStatus.Rejected => "rejected",
            Items.ReviewStatus.InReview => "in_review",
            _ => "unreviewed",
        },
        Flags = [.. item.Flags],
        SourceFile = item.Provenance.SourceFile,
        SourceRecord = item.Provenance.SourceRecord,
        Engine = item.Provenance.Engine,
        EngineKind = item.Provenance.EngineKind,
        PromptHash = item.Provenance.PromptHash,
        PipelineVersion = item.Provenance.PipelineVersion,
    };

    /// <summary>Back to the item; throws <see cref="FormatException"/> naming the column when a value is not of the item schema.</summary>
    public BenchmarkItem ToItem() => new()
    {
        Id = Id,
        Dataset = Dataset,
        PrimaryDimension = PrimaryDimension,
        SecondaryDimension = SecondaryDimension,
        TertiaryTask = TertiaryTask,
        Paradigm = Items.Paradigm.IsCode(Paradigm) ? new Items.Paradigm(Paradigm) : throw Bad("paradigm", Paradigm),
        SourceKind = SourceKind == "public" ? Items.SourceKind.Public : Items.SourceKind.Proprietary,
        QuestionType = QuestionType switch
        {
            "multiple-choice" => Items.QuestionType.MultipleChoice,
            "open-ended" => Items.QuestionType.OpenEnded,
            _ => throw Bad("question_type", QuestionType),
        },
        Scoring = Scoring switch
        {
            "accuracy" => ScoringMethod.Accuracy,
            "micro-f1" => ScoringMethod.MicroF1,
            "judge" => ScoringMethod.Judge,
            _ => throw Bad("scoring", Scoring),
        },
        Question = Question,
        Context = Context,
        Options = Options,
        Answer = Answer,
        Explanation = Explanation,
        Entities = Parse<List<GoldEntity>>(Entities, "entities") ?? [],
        Rubric = Parse<List<RubricCriterion>>(Rubric, "rubric") ?? [],
        Attributes = Parse<Dictionary<string, string>>(Attributes, "attributes") ?? [],
        Departments = Departments,
        DepartmentGroups = DepartmentGroups,
        DepartmentEvidence = Parse<List<DepartmentEvidence>>(DepartmentEvidence, "department_evidence") ?? [],
        DepartmentEngine = DepartmentEngine,
        DepartmentConfidence = DepartmentConfidence,
        Difficulty = new DifficultyLabel(
            ParseDifficultyState(DifficultyState),
            Difficulty is null ? null : Enum.TryParse<Difficulty>(Difficulty, out var d) ? d : throw Bad("difficulty", Difficulty),
            DifficultyCorrect,
            DifficultyScore,
            DifficultyPanel,
            DifficultyMethod),
        Review = ParseReviewStatus(ReviewStatus),
        Flags = Flags,
        Provenance = new Provenance(SourceFile, SourceRecord, Engine, EngineKind, PromptHash, PipelineVersion),
    };

    /// <summary>The state of a <c>difficulty_state</c> column value.</summary>
    public static Items.DifficultyState ParseDifficultyState(string value) => value switch
    {
        "labelled" => Items.DifficultyState.Labelled,
        "pending_human" => Items.DifficultyState.PendingHuman,
        _ => Items.DifficultyState.Unlabelled,
    };

    /// <summary>The status of a <c>review_status</c> column value.</summary>
    public static Items.ReviewStatus ParseReviewStatus(string value) => value switch
    {
        "approved" => Items.ReviewStatus.Approved,
        "rejected" => Items.ReviewStatus.Rejected,
        "in_review" => Items.ReviewStatus.InReview,
        _ => Items.ReviewStatus.Unreviewed,
    };

    private static T? Parse<T>(string json, string column)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json);
        }
        catch (JsonException)
        {
            throw new FormatException($"column '{column}' of item is not valid JSON of the item schema");
        }
    }

    private FormatException Bad(string column, string value) =>
        new($"item {Id}: column '{column}' has the unknown value '{value}'");
}
