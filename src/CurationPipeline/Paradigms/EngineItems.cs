using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Paradigms;

/// <summary>
/// Finishes an engine's draft through <see cref="ItemFactory"/> (dimensions, id, provenance) and checks it with the
/// paradigm's <see cref="BenchmarkItemValidator"/>: an item that fails rejects the record instead of reaching the pool.
/// </summary>
public static class EngineItems
{
    public const string EngineKindOffline = "offline";

    /// <summary>The rules of every item alone, for paradigms without rules of their own. Building a validator compiles its rules; one instance validates concurrently.</summary>
    public static BenchmarkItemValidator ItemRules { get; } = new();

    /// <summary>A validator of the rules of every item and <paramref name="rules"/> for the items of <paramref name="paradigm"/>.</summary>
    public static BenchmarkItemValidator ItemRulesWith(Paradigm paradigm, FluentValidation.IValidator<BenchmarkItem> rules) => new([(paradigm, rules)]);

    public static BenchmarkItem Create(SourceRecord record, DatasetDefinition dataset, GenerationContext context, string engine, ItemDraft draft,
        BenchmarkItemValidator validator, string engineKind = EngineKindOffline)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var item = ItemFactory.Create(dataset, record, draft, engine, engineKind, context);
        var result = validator.Validate(item);
        if (!result.IsValid)
        {
            var error = result.Errors[0];
            throw new RecordRejectedException($"generated item is invalid: {error.ErrorMessage}", KeyNames.Snake(error.PropertyName));
        }

        return item;
    }

    /// <summary>A dataset option, or an error naming the dataset and key when it is absent.</summary>
    public static string Option(DatasetDefinition dataset, string key) =>
        dataset.Options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : throw new ArgumentException($"dataset {dataset.Name}: options.{key} is required by the {dataset.Paradigm} engine");

    /// <summary>An ordinal string dictionary, the shape item attributes take.</summary>
    public static Dictionary<string, string> Attributes(params (string Key, string Value)[] pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            map[key] = value;
        }

        return map;
    }
}
