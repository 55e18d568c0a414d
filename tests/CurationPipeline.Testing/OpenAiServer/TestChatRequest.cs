using System.Text.Json;

namespace CurationPipeline.Testing;

/// <summary>One message of a request the loopback server received.</summary>
public sealed record TestMessage(string Role, string Content);

/// <summary>A chat completion request as the loopback server received it.</summary>
public sealed record TestChatRequest
{
    /// <summary>1-based arrival number.</summary>
    public long Sequence { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public required string Model { get; init; }

    public required IReadOnlyList<TestMessage> Messages { get; init; }

    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public long? Seed { get; init; }

    public int? MaxTokens { get; init; }

    /// <summary>The <c>response_format.type</c> asked for (<c>json_schema</c>, <c>json_object</c>), if any.</summary>
    public string? ResponseFormatType { get; init; }

    /// <summary>The JSON schema of a <c>json_schema</c> response format.</summary>
    public JsonElement? JsonSchema { get; init; }

    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>Request headers (names lower case).</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required string RawBody { get; init; }

    /// <summary>The batch the request came in as a line of, or <c>null</c> for a chat completion call.</summary>
    public string? BatchId { get; init; }

    /// <summary>Text of the last user message, or "".</summary>
    public string LastUserMessage => Messages.LastOrDefault(m => m.Role == "user")?.Content ?? "";
}
