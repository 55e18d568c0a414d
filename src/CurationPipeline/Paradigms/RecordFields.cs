using System.Text.Json;
using CurationPipeline.Core;

namespace CurationPipeline.Paradigms;

/// <summary>Field access for engines: a missing or malformed field rejects the record, naming the field.</summary>
public static class RecordFields
{
    public static string Required(SourceRecord record, string name) =>
        record.Field(name)?.Trim() is { Length: > 0 } value
            ? value
            : throw new RecordRejectedException($"field '{name}' is missing or empty", name);

    public static string RequiredText(SourceRecord record) =>
        string.IsNullOrWhiteSpace(record.Text)
            ? throw new RecordRejectedException("the record has no text", "text")
            : record.Text;

    /// <summary>A <c>;</c>-separated list (CSV cells).</summary>
    public static IReadOnlyList<string> List(SourceRecord record, string name) =>
        Reference.KnowledgeBase.SplitList(Required(record, name));

    /// <summary>A JSON array of strings (JSONL fields arrive as JSON text).</summary>
    public static IReadOnlyList<string> StringArray(SourceRecord record, string name)
    {
        var text = Required(record, name);
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new RecordRejectedException($"field '{name}' is not a JSON array", name);
            }

            return [.. doc.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
                ? e.GetString()!.Trim()
                : throw new RecordRejectedException($"field '{name}' holds a value that is not a string", name)).Where(s => s.Length > 0)];
        }
        catch (JsonException)
        {
            throw new RecordRejectedException($"field '{name}' is not valid JSON", name);
        }
    }

    /// <summary>A JSON array of objects with string-valued properties.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ObjectArray(SourceRecord record, string name)
    {
        var text = Required(record, name);
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new RecordRejectedException($"field '{name}' is not a JSON array", name);
            }

            return [.. doc.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object
                ? (IReadOnlyDictionary<string, string>)e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
                : throw new RecordRejectedException($"field '{name}' holds an entry that is not an object", name))];
        }
        catch (JsonException)
        {
            throw new RecordRejectedException($"field '{name}' is not valid JSON", name);
        }
    }

    /// <summary>A JSON object of string values, in the order written.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Object(SourceRecord record, string name)
    {
        var text = Required(record, name);
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new RecordRejectedException($"field '{name}' is not a JSON object", name);
            }

            return [.. doc.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ToString().Trim()))];
        }
        catch (JsonException)
        {
            throw new RecordRejectedException($"field '{name}' is not valid JSON", name);
        }
    }
}
