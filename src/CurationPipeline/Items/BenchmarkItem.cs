namespace CurationPipeline.Items;

/// <summary>
/// The one record that travels from the paradigm blocks to the splits. Stages enrich it with
/// <c>with</c>-expressions (difficulty, departments, review status) and never invent other shapes of it.
/// </summary>
public sealed record BenchmarkItem
{
    /// <summary>Stable id: a hash of dataset, source record and content (see <see cref="ItemId"/>).</summary>
    public required string Id { get; init; }

    public required string Dataset { get; init; }

    /// <summary>FundCap or SceneCap.</summary>
    public required string PrimaryDimension { get; init; }

    /// <summary>MedKQA, MedSE, MedRU, SmartServ or SmartCare.</summary>
    public required string SecondaryDimension { get; init; }

    /// <summary>The tertiary task of Table 1, e.g. "Info. Extraction".</summary>
    public required string TertiaryTask { get; init; }

    public required Paradigm Paradigm { get; init; }

    public required SourceKind SourceKind { get; init; }

    public required QuestionType QuestionType { get; init; }

    public required ScoringMethod Scoring { get; init; }

    /// <summary>The question or task put to the model.</summary>
    public required string Question { get; init; }

    /// <summary>Dialogue history or record text the task refers to, when it has one.</summary>
    public string? Context { get; init; }

    /// <summary>Option texts without letters; position 0 is A.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>
    /// The answer: option letter(s) for multiple-choice, the reference answer for open-ended tasks. For EHR extraction
    /// (<see cref="ExtractionAnswer.IsRendered"/>) it is the rendering of <see cref="Entities"/>, made when read: a
    /// value given for such an item is not used, so a stage that moves the spans (the PHI gate) or corrects them
    /// (review) changes the answer with them.
    /// </summary>
    public string? Answer
    {
        get => ExtractionAnswer.IsRendered(Paradigm) ? ExtractionAnswer.Render(Entities) : _answer;
        init => _answer = value;
    }

    private readonly string? _answer;

    /// <summary>Why the answer is right (P1), when the source gives one.</summary>
    public string? Explanation { get; init; }

    /// <summary>Gold annotations for extraction and normalisation tasks.</summary>
    public IReadOnlyList<GoldEntity> Entities { get; init; } = [];

    /// <summary>Scoring rubric for open-ended tasks; weights sum to 1.</summary>
    public IReadOnlyList<RubricCriterion> Rubric { get; init; } = [];

    /// <summary>Dataset-specific attributes (risk_type, hallucination_type, source_type, ...), the sampling keys among them.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = EmptyAttributes;

    /// <summary>Secondary department names (at most three), or "No Department".</summary>
    public IReadOnlyList<string> Departments { get; init; } = [];

    /// <summary>The primary departments of <see cref="Departments"/> (Table 2's first level), each once.</summary>
    public IReadOnlyList<string> DepartmentGroups { get; init; } = [];

    /// <summary>The words of the item that support each department.</summary>
    public IReadOnlyList<DepartmentEvidence> DepartmentEvidence { get; init; } = [];

    /// <summary>The tagger that gave the departments (e.g. <c>offline:lexicon+cnb</c>), null while untagged.</summary>
    public string? DepartmentEngine { get; init; }

    /// <summary>The tagger's confidence in its first department, 0..1.</summary>
    public double? DepartmentConfidence { get; init; }

    public DifficultyLabel Difficulty { get; init; } = DifficultyLabel.Unlabelled;

    public ReviewStatus Review { get; init; } = ReviewStatus.Unreviewed;

    /// <summary>Markers a user should see (e.g. <c>phi-redacted</c>, <c>dispute-unsettled</c>, <c>exclude</c>).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    public required Provenance Provenance { get; init; }

    public bool HasFlag(string flag) => Flags.Contains(flag, StringComparer.Ordinal);

    public BenchmarkItem WithFlag(string flag) =>
        HasFlag(flag) ? this : this with { Flags = [.. Flags, flag] };

    private static readonly IReadOnlyDictionary<string, string> EmptyAttributes =
        new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>One gold annotation. <see cref="Start"/> and <see cref="End"/> are character offsets into the
/// item's context (end exclusive), absent for annotations without a span (normalised terms, relations).</summary>
public sealed record GoldEntity(string Type, string Text, int? Start = null, int? End = null);

/// <summary>The words of an item that support one of its departments.</summary>
public sealed record DepartmentEvidence(string Department, IReadOnlyList<string> Words);

/// <summary>One criterion of an open-ended item's rubric.</summary>
public sealed record RubricCriterion(string Name, double Weight, string Description);

/// <summary>Difficulty with its evidence: the correct count (consensus rules) or the mean score.</summary>
public sealed record DifficultyLabel(
    DifficultyState State,
    Difficulty? Level,
    int? CorrectCount,
    double? MeanScore,
    int PanelSize,
    string? Method)
{
    public static DifficultyLabel Unlabelled { get; } = new(DifficultyState.Unlabelled, null, null, null, 0, null);
}

/// <summary>Where an item came from and what produced it.</summary>
public sealed record Provenance(
    string SourceFile,
    string SourceRecord,
    string Engine,
    string EngineKind,
    string? PromptHash,
    string PipelineVersion);
