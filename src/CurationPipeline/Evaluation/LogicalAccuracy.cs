using System.Text.Json;
using CurationPipeline.Items;

namespace CurationPipeline.Evaluation;

/// <summary>
/// Type B scoring: a response is correct only when it follows the required format exactly (a JSON value and
/// nothing else, a bare true/false, or a comma-separated list of terms) and its key decision fields equal the
/// reference's. A JSON answer may sit in one code fence; any other text around it fails the format.
/// </summary>
public static class LogicalAccuracy
{
    public static (string Parsed, bool Correct, string? Problem) Score(BenchmarkItem item, string response)
    {
        var format = MaturityItem.Format(item) ?? "json";
        var text = StripFence(response.Trim());
        return format switch
        {
            "boolean" => Boolean(item, text),
            "terms" => Terms(item, text),
            "json" => Json(item, text),
            _ => throw new FormatException($"item {item.Id}: attribute 'answer_format' must be json, boolean or terms, not '{format}'"),
        };
    }

    private static (string, bool, string?) Boolean(BenchmarkItem item, string text)
    {
        var value = text.TrimEnd('.', '。').Trim().ToLowerInvariant();
        if (value is not ("true" or "false"))
        {
            return (value, false, "format: expected true or false");
        }

        return (value, string.Equals(value, item.Answer?.Trim(), StringComparison.OrdinalIgnoreCase), null);
    }

    private static (string, bool, string?) Terms(BenchmarkItem item, string text)
    {
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            return (text, false, "format: expected one line of terms");
        }

        var got = SplitTerms(text);
        var gold = SplitTerms(item.Answer ?? "");
        return (string.Join(", ", got), got.Count > 0 && got.SetEquals(gold), null);
    }

    private static HashSet<string> SplitTerms(string text) =>
        text.Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.TrimEnd('.', '。').ToLowerInvariant()).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static (string, bool, string?) Json(BenchmarkItem item, string text)
    {
        JsonElement got;
        try
        {
            using var doc = JsonDocument.Parse(text);
            got = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (text, false, "format: not a JSON value");
        }

        JsonElement gold;
        try
        {
            using var doc = JsonDocument.Parse(item.Answer ?? "");
            gold = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new FormatException($"item {item.Id}: field 'answer' is not JSON, but attribute 'answer_format' is json");
        }

        var keys = MaturityItem.KeyFields(item);
        var a = Unwrap(got);
        var b = Unwrap(gold);
        if (a.ValueKind != JsonValueKind.Object || b.ValueKind != JsonValueKind.Object)
        {
            return (got.GetRawText(), JsonElement.DeepEquals(got, gold), null);
        }

        var fields = keys.Count > 0 ? keys : [.. b.EnumerateObject().Select(p => p.Name)];
        var missing = fields.Where(f => !a.TryGetProperty(f, out _)).ToList();
        if (missing.Count > 0)
        {
            return (got.GetRawText(), false, "format: missing field(s) " + string.Join(", ", missing));
        }

        var correct = fields.All(f => Same(a.GetProperty(f), b.TryGetProperty(f, out var g) ? g : default));
        return (got.GetRawText(), correct, null);
    }

    // A one-element array ([{"indicator_result": 0}]) is compared by its element.
    private static JsonElement Unwrap(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array && e.GetArrayLength() == 1 ? e[0] : e;

    private static bool Same(JsonElement a, JsonElement b) =>
        a.ValueKind == JsonValueKind.String && b.ValueKind == JsonValueKind.String
            ? string.Equals(a.GetString()?.Trim(), b.GetString()?.Trim(), StringComparison.OrdinalIgnoreCase)
            : b.ValueKind != JsonValueKind.Undefined && JsonElement.DeepEquals(a, b);

    private static string StripFence(string text)
    {
        if (!text.StartsWith("```", StringComparison.Ordinal) || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < 6)
        {
            return text;
        }

        var body = text[3..^3];
        var newline = body.IndexOf('\n', StringComparison.Ordinal);
        return (newline >= 0 && !body[..newline].Contains('{') && !body[..newline].Contains('[') ? body[(newline + 1)..] : body).Trim();
    }
}
