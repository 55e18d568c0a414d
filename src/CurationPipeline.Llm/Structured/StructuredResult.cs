using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>A validated value read from a model's JSON answer.</summary>
/// <param name="Value">The value.</param>
/// <param name="RawResponse">The answer text the value was read from.</param>
/// <param name="Attempts">Requests it took (1 when the first answer was usable).</param>
/// <param name="Response">The last response, with usage and endpoint.</param>
public sealed record StructuredResult<T>(T Value, string RawResponse, int Attempts, ChatResponse Response);
