using System.Text.Json;
using CurationPipeline.Llm;

namespace CurationPipeline.Calibration;

/// <summary>
/// Reads the entities of a free-text extraction answer, tolerantly: a JSON array of objects
/// (<c>type</c>/<c>label</c>/<c>类型</c> and <c>text</c>/<c>entity</c>/<c>实体</c>), an object holding such an array,
/// an object of type to list of texts, a JSON array of strings, or lines / <c>；</c>-separated pieces of
/// <c>type：text</c>. Pieces without a type get the default type given.
/// </summary>
public static class EntityResponseParser
{
    private static readonly string[] TypeKeys = ["type", "entity_type", "label", "category", "类型", "实体类型", "predicate", "relation", "关系"];
    private static readonly string[] TextKeys = ["text", "entity", "name", "mention", "value", "实体", "原文", "term", "标准词"];

    public static IReadOnlyList<ParsedEntity> Parse(string? response, string defaultType = "")
    {
        if (string.IsNullOrWhiteSpace(response))
        {
            return [];
        }

        if (StructuredOutput.TryExtractJson(response, out var json))
        {
            try
            {
                using var doc = JsonDocument.Parse(json);
                var fromJson = new List<ParsedEntity>();
                Read(doc.RootElement, defaultType, fromJson);
                return fromJson;
            }
            catch (JsonException)
            {
                // Not JSON after all: read it as lines.
            }
        }

        return ParseLines(response, defaultType);
    }

    /// <summary>Renders entities the way the items render their gold answer: <c>type：text</c> joined by <c>；</c>.</summary>
    public static string Render(IEnumerable<ParsedEntity> entities) => string.Join("；", entities.Select(e => $"{e.Type}：{e.Text}"));

    private static void Read(JsonElement e, string type, List<ParsedEntity> into)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray())
                {
                    Read(x, type, into);
                }

                break;
            case JsonValueKind.String:
                var s = e.GetString() ?? "";
                into.AddRange(s.Contains('：') || s.Contains(':') ? ParseLines(s, type) : [new ParsedEntity(type, s.Trim())]);
                break;
            case JsonValueKind.Object:
                var t = FirstString(e, TypeKeys);
                var text = FirstString(e, TextKeys);
                if (text is not null)
                {
                    into.Add(new ParsedEntity(t ?? type, text.Trim()));
                    break;
                }

                // {"entities": [...]} or {"dis": ["肺炎"], "sym": [...]}.
                foreach (var p in e.EnumerateObject())
                {
                    var key = p.Name is "entities" or "results" or "result" or "answer" or "实体" ? type : p.Name;
                    Read(p.Value, key, into);
                }

                break;
        }
    }

    private static string? FirstString(JsonElement e, string[] keys)
    {
        foreach (var p in e.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.String && keys.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
            {
                return p.Value.GetString();
            }
        }

        return null;
    }

    private static List<ParsedEntity> ParseLines(string text, string defaultType)
    {
        var result = new List<ParsedEntity>();
        foreach (var raw in text.Split(['\n', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var piece = raw.TrimStart('-', '*', '•', ' ').Trim();
            var colon = piece.IndexOfAny(['：', ':']);
            if (colon > 0 && colon < piece.Length - 1)
            {
                result.Add(new ParsedEntity(piece[..colon].Trim(), piece[(colon + 1)..].Trim()));
            }
            else if (piece.Length > 0 && colon < 0)
            {
                result.Add(new ParsedEntity(defaultType, piece));
            }
        }

        return result;
    }
}
