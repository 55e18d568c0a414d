using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CurationPipeline.Reporting;

/// <summary>The "Model calls" section of report.md, from run.json's <c>models</c> (the model layer's usage snapshot).</summary>
internal static class ModelUsageSection
{
    public static void Append(StringBuilder md, object? models)
    {
        if (models is not JsonElement { ValueKind: JsonValueKind.Object } usage || !usage.TryGetProperty("rows", out var rows))
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        md.AppendLine();
        md.AppendLine("## Model calls");
        md.AppendLine();
        md.AppendLine("| endpoint | role | requests | calls | from the cache | batched | retries | failures | prompt tokens | completion tokens | cost | saved by cache | saved by batch |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var lines = rows.EnumerateArray().ToList();
        if (usage.TryGetProperty("total", out var total))
        {
            lines.Add(total);
        }

        foreach (var r in lines)
        {
            md.AppendLine(c, $"| {Text(r, "endpoint")} | {Text(r, "role")} | {N(r, "requests")} | {N(r, "calls")} | {N(r, "cache_hits")} | {N(r, "batched")} | {N(r, "retries")} | {N(r, "failures")} | {N(r, "prompt_tokens")} | {N(r, "completion_tokens")} | {Money(r, "estimated_cost")} | {Money(r, "saved_by_cache")} | {Money(r, "saved_by_batch")} |");
        }

        if (usage.TryGetProperty("batches", out var b) && b.ValueKind == JsonValueKind.Object)
        {
            md.AppendLine();
            md.AppendLine(c, $"Provider batches: {N(b, "submitted")} submitted, {N(b, "ended")} ended, {N(b, "lines_answered")} of {N(b, "lines_submitted")} lines answered, {N(b, "lines_failed")} failed.");
        }

        md.AppendLine();
        md.AppendLine("Costs at the endpoints' prices (batched tokens at the batch price); \"-\" where an endpoint has none.");
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!.Replace("|", "\\|", StringComparison.Ordinal) : "";

    private static string N(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64().ToString("N0", CultureInfo.InvariantCulture) : "0";

    private static string Money(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal().ToString("0.0000", CultureInfo.InvariantCulture) : "-";
}
