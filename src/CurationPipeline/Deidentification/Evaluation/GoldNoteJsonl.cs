using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Reads and writes gold notes as JSONL: {"id","patient_id","text","spans":[{"category","start","length"}]}, and
/// "type" (the document type, e.g. "DischargeSummary") for synthetic Chinese notes.
/// </summary>
public static class GoldNoteJsonl
{
    public static async Task WriteAsync(string path, IEnumerable<GoldNote> notes, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        foreach (var n in notes)
        {
            var obj = new JsonObject
            {
                ["id"] = n.Id,
                ["patient_id"] = n.PatientId,
                ["text"] = n.Text,
                ["spans"] = new JsonArray([.. n.Spans.Select(s => (JsonNode)new JsonObject
                {
                    ["category"] = s.Category.ToString(),
                    ["start"] = s.Start,
                    ["length"] = s.Length,
                })]),
            };
            if (n.DocumentType is { } type)
            {
                obj["type"] = type.ToString();
            }

            await writer.WriteLineAsync(obj.ToJsonString(JsonOptions).AsMemory(), ct);
        }
    }

    /// <summary>Reads a gold file; a malformed record raises <see cref="InvalidDataException"/> naming file, line and field.</summary>
    public static async Task<List<GoldNote>> ReadAsync(string path, CancellationToken ct = default)
    {
        var notes = new List<GoldNote>();
        var lineNo = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, ct))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            notes.Add(Parse(path, lineNo, line));
        }

        return notes;
    }

    private static GoldNote Parse(string path, int lineNo, string line)
    {
        InvalidDataException Bad(string what) => new($"{path}: line {lineNo}: {what}");
        JsonObject obj;
        try
        {
            obj = JsonNode.Parse(line) as JsonObject ?? throw Bad("not a JSON object");
        }
        catch (JsonException)
        {
            throw Bad("not valid JSON");
        }

        string Str(string field) => obj[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Bad($"field '{field}' missing or not a string");
        var id = Str("id");
        var text = Str("text");
        var patient = obj["patient_id"] is JsonValue pv && pv.TryGetValue<string>(out var p) ? p : id;
        var spans = new List<GoldPhiSpan>();
        if (obj["spans"] is not JsonArray arr)
        {
            throw Bad("field 'spans' missing or not an array");
        }

        for (var i = 0; i < arr.Count; i++)
        {
            var s = arr[i] as JsonObject ?? throw Bad($"spans[{i}] is not an object");
            var category = PhiCategories.Parse(s["category"]?.GetValue<string>()) ?? throw Bad($"spans[{i}].category is not a known category");
            var start = s["start"] is JsonValue sv && sv.TryGetValue<int>(out var st) ? st : throw Bad($"spans[{i}].start missing or not an integer");
            var length = s["length"] is JsonValue lv && lv.TryGetValue<int>(out var ln) ? ln : throw Bad($"spans[{i}].length missing or not an integer");
            if (start < 0 || length <= 0 || start + length > text.Length)
            {
                throw Bad($"spans[{i}] ({start}+{length}) lies outside the text ({text.Length} characters)");
            }

            spans.Add(new GoldPhiSpan(category, start, length));
        }

        ClinicalDocumentType? type = null;
        if (obj["type"] is JsonValue tv)
        {
            type = tv.TryGetValue<string>(out var t) && Enum.TryParse<ClinicalDocumentType>(t, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw Bad("field 'type' is not a known document type");
        }

        return new GoldNote(id, patient, text, spans) { DocumentType = type };
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
