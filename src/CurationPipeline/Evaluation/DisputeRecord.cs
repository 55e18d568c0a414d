using System.Text.Json;
using System.Text.Json.Serialization;

namespace CurationPipeline.Evaluation;

/// <summary>
/// An open-ended response whose two judge scores differ by more than the gap: one line of <c>disputes.jsonl</c>,
/// the input of human review (and of judge training). <see cref="Decision"/> and <see cref="DecidedBy"/> say how
/// it was settled in this run.
/// </summary>
public sealed record DisputeRecord
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("item_id")] public required string ItemId { get; init; }
    [JsonPropertyName("dataset")] public required string Dataset { get; init; }
    [JsonPropertyName("model")] public required string Model { get; init; }
    [JsonPropertyName("trial")] public int Trial { get; init; }
    [JsonPropertyName("question")] public required string Question { get; init; }
    [JsonPropertyName("context")] public string? Context { get; init; }
    [JsonPropertyName("reference")] public string? Reference { get; init; }
    [JsonPropertyName("rubric")] public IReadOnlyList<Items.RubricCriterion> Rubric { get; init; } = [];
    [JsonPropertyName("response")] public required string Response { get; init; }
    [JsonPropertyName("judges")] public required IReadOnlyList<string> Judges { get; init; }
    [JsonPropertyName("scores")] public required IReadOnlyList<double> Scores { get; init; }
    [JsonPropertyName("gap")] public double Gap { get; init; }

    /// <summary>The settled score, or the mean when nobody decided.</summary>
    [JsonPropertyName("decision")] public double Decision { get; init; }

    /// <summary>human, judge:&lt;name&gt;, or unsettled.</summary>
    [JsonPropertyName("decided_by")] public required string DecidedBy { get; init; }

    public static string KeyOf(string itemId, string model, int trial) => $"{itemId}|{model}|{trial}";

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static DisputeRecord FromJson(string line) =>
        JsonSerializer.Deserialize<DisputeRecord>(line, Options) ?? throw new JsonException("empty dispute line");

    internal static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
