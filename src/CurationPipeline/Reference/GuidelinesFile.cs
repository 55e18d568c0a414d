using System.Text.Json;

namespace CurationPipeline.Reference;

/// <summary>Reads raw/knowledge/guidelines.jsonl; a bad line is an error naming the file, line and field.</summary>
internal static class GuidelinesFile
{
    public static List<GuidelineEntry> Read(ReferenceData reference)
    {
        const string file = "guidelines.jsonl";
        var path = reference.PathOf("knowledge", file);
        var lines = reference.KnowledgeLines(file) ?? throw new InvalidDataException($"{path}: knowledge table not found");
        var list = new List<GuidelineEntry>();
        foreach (var (lineNumber, line) in lines)
        {
            var where = $"{path}:{lineNumber}";
            var fields = JsonFields.Parse(line, where);
            try
            {
                list.Add(new GuidelineEntry(
                    fields.Required("id"), fields.Required("topic"), fields.Required("department"),
                    fields.Required("source_type"), fields.Required("text"), JsonFields.KeyFacts(fields.Optional("key_facts"), where)));
            }
            catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{where}: {e.Message}", e);
            }
        }

        return list;
    }

    /// <summary>Reads key facts of a guideline line (a JSON array of <c>{answer, type}</c>).</summary>
    private static class JsonFields
    {
        public static Dictionary<string, JsonElement> Parse(string line, string where)
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{where}: not a JSON object ({e.Message})");
            }
        }

        public static List<KeyFact> KeyFacts(JsonElement? facts, string where)
        {
            if (facts is not { ValueKind: JsonValueKind.Array } array)
            {
                return [];
            }

            return [.. array.EnumerateArray().Select(f =>
                f.ValueKind == JsonValueKind.Object && f.TryGetProperty("answer", out var a) && f.TryGetProperty("type", out var t)
                    ? new KeyFact(a.GetString() ?? "", t.GetString() ?? "",
                        NumericRange.Parse(f.TryGetProperty("range", out var r) ? r.GetString() : null))
                    : throw new InvalidDataException($"{where}: field 'key_facts' holds an entry without answer and type"))];
        }
    }
}

internal static class JsonFieldExtensions
{
    public static string Required(this Dictionary<string, JsonElement> fields, string name) =>
        fields.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!
            : throw new InvalidDataException($"field '{name}' is missing or not a string");

    public static JsonElement? Optional(this Dictionary<string, JsonElement> fields, string name) =>
        fields.TryGetValue(name, out var v) ? v : null;
}
