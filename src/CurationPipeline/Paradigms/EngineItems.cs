using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Paradigms;

/// <summary>
/// Finishes an engine's draft through <see cref="ItemFactory"/> (dimensions, id, provenance) and checks it with
/// <see cref="BenchmarkItemValidator"/>: an item that fails rejects the record instead of reaching the pool.
/// </summary>
public static class EngineItems
{
    public const string EngineKindOffline = "offline";

    // Building a validator compiles its rules; one instance validates concurrently.
    private static readonly BenchmarkItemValidator Validator = new();

    public static BenchmarkItem Create(SourceRecord record, DatasetDefinition dataset, GenerationContext context, string engine, ItemDraft draft, string engineKind = EngineKindOffline)
    {
        var item = ItemFactory.Create(dataset, record, draft, engine, engineKind, context);
        var result = Validator.Validate(item);
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
