namespace CurationPipeline.Items;

/// <summary>The content of an item before the dataset's fixed fields and provenance are added.</summary>
public sealed record ItemDraft(string Question, string? Context, IReadOnlyList<string> Options, string? Answer)
{
    public string? Explanation { get; init; }

    public IReadOnlyList<GoldEntity> Entities { get; init; } = [];

    public IReadOnlyList<RubricCriterion> Rubric { get; init; } = [];

    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<string> Flags { get; init; } = [];
}
