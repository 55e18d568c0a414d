using System.Text.Json.Serialization;

namespace CurationPipeline.Core;

/// <summary>
/// One record a stage could not use, as a line of rejects.jsonl. Reasons name fields and rules, never
/// the values of a record (they may carry personal data).
/// </summary>
public sealed record Reject
{
    [JsonPropertyName("stage")]
    public required string Stage { get; init; }

    [JsonPropertyName("source")]
    public string? Source { get; init; }

    [JsonPropertyName("file")]
    public required string File { get; init; }

    [JsonPropertyName("record")]
    public required string Record { get; init; }

    [JsonPropertyName("dataset")]
    public string? Dataset { get; init; }

    [JsonPropertyName("item")]
    public string? ItemId { get; init; }

    [JsonPropertyName("field")]
    public string? Field { get; init; }

    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    /// <summary>A model's raw answer when that is what failed (it was made from de-identified input).</summary>
    [JsonPropertyName("raw_response")]
    public string? RawResponse { get; init; }
}
