using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CurationPipeline.Llm;

/// <summary>
/// The model layer's counters at one moment: one row per endpoint and role, with totals by endpoint, by
/// role and overall. Serialises to JSON for run.json; <see cref="ToTable"/> renders plain text.
/// </summary>
public sealed class UsageSnapshot
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public UsageSnapshot(DateTimeOffset takenAt, IReadOnlyList<UsageRow> rows)
    {
        TakenAt = takenAt;
        Rows = rows;
        ByEndpoint = rows.GroupBy(r => r.Endpoint, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => UsageRow.Sum(g.Key, "*", g.First().Model, g)).ToList();
        ByRole = rows.GroupBy(r => r.Role, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => UsageRow.Sum("*", g.Key, null, g)).ToList();
        Total = UsageRow.Sum("*", "*", null, rows);
    }

    [JsonPropertyName("taken_at")] public DateTimeOffset TakenAt { get; }

    [JsonPropertyName("rows")] public IReadOnlyList<UsageRow> Rows { get; }

    [JsonPropertyName("by_endpoint")] public IReadOnlyList<UsageRow> ByEndpoint { get; }

    [JsonPropertyName("by_role")] public IReadOnlyList<UsageRow> ByRole { get; }

    [JsonPropertyName("total")] public UsageRow Total { get; }

    /// <summary>Batches of the batch endpoints, when there are any.</summary>
    [JsonPropertyName("batches")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BatchProgress? Batches { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A fixed-width text table: one line per endpoint and role, then the total.</summary>
    public string ToTable()
    {
        string[] head = ["endpoint", "role", "requests", "calls", "cache hits", "batched", "retries", "failures", "prompt tok", "completion tok", "cost", "saved"];
        var lines = Rows.Append(Total).Select(r => new[]
        {
            r.Endpoint, r.Role, N(r.Requests), N(r.Calls), N(r.CacheHits), N(r.Batched), N(r.Retries), N(r.Failures),
            N(r.PromptTokens), N(r.CompletionTokens), Money(r.EstimatedCost), Money(r.SavedByCache + r.SavedByBatch ?? r.SavedByCache ?? r.SavedByBatch),
        }).ToList();
        var widths = head.Select((h, i) => lines.Select(l => l[i].Length).Append(h.Length).Max()).ToArray();
        var sb = new StringBuilder();
        void Line(string[] cells) =>
            sb.AppendLine(string.Join("  ", cells.Select((c, i) => i < 2 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd());
        Line(head);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var l in lines)
        {
            Line(l);
        }

        return sb.ToString();
    }

    /// <summary>An amount in the endpoints' currency, four decimals; "-" where no price is set.</summary>
    public static string Money(decimal? v) => v?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-";

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
}
