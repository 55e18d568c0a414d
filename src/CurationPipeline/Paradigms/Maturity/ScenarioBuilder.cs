using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.Maturity;

/// <summary>How a scenario is scored (appendix C of the maturity model): discrimination, structured reasoning, open generation.</summary>
public enum ScenarioType
{
    /// <summary>One standard answer among options: accuracy.</summary>
    A,

    /// <summary>A required output format whose key decision fields must equal the gold: logical accuracy.</summary>
    B,

    /// <summary>Long-form output scored by judges against the reference and a rubric.</summary>
    C,
}

/// <summary>
/// What a scenario builder makes of one record: the task, the material it refers to and the gold derived by rule from the
/// record's facts (and from the facts the builder planted). <see cref="Keep"/> names the phrases of the material that the
/// gold rests on, which an engine that rewrites the material must leave as they are.
/// </summary>
public sealed record ScenarioDraft(string Question, string? Context, string Answer)
{
    public IReadOnlyList<string> Options { get; init; } = [];

    public IReadOnlyList<RubricCriterion> Rubric { get; init; } = [];

    /// <summary>The facts the gold was derived from, written to the item's attributes as <c>planted_*</c> / <c>fact_*</c>.</summary>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<string> Keep { get; init; } = [];

    public string? Explanation { get; init; }
}

/// <summary>
/// One of the maturity model's ten scenarios: its code, scoring type and answer format, and how a hospital record becomes
/// an item whose gold is checked by construction. Builders are deterministic: the same record and random give the same draft.
/// </summary>
public abstract class ScenarioBuilder(string code, string name, ScenarioType type, string? answerFormat = null, params string[] keyFields)
{
    /// <summary>The scenario's code (CNMLE, CTC, ...), also its paradigm code.</summary>
    public string Code { get; } = code;

    public string Name { get; } = name;

    public ScenarioType Type { get; } = type;

    /// <summary>json, boolean or terms for Type B scenarios.</summary>
    public string? AnswerFormat { get; } = answerFormat;

    /// <summary>The JSON fields that decide a Type B answer; empty for all of the gold's fields.</summary>
    public IReadOnlyList<string> KeyFields { get; } = keyFields;

    /// <summary>The draft of one record; a record that cannot give one throws <see cref="RecordRejectedException"/>.</summary>
    public abstract ScenarioDraft Build(SourceRecord record, Random random, ReferenceData reference);

    /// <summary>Checks a dataset's options when the engine is made; a builder that takes none rejects any.</summary>
    public virtual void CheckOptions(DatasetDefinition dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Options.Keys.FirstOrDefault() is { } key)
        {
            throw new ArgumentException($"options.{key} is not an option of the {Code} scenario");
        }
    }
}
