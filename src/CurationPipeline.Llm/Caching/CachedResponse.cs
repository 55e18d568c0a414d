using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>What the cache keeps of an answer: the text, how it ended, and the usage it cost when it was made.</summary>
internal sealed record CachedResponse(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("finish_reason")] string? FinishReason,
    [property: JsonPropertyName("model_id")] string? ModelId,
    [property: JsonPropertyName("response_id")] string? ResponseId,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("prompt_tokens")] long? PromptTokens,
    [property: JsonPropertyName("completion_tokens")] long? CompletionTokens,
    [property: JsonPropertyName("endpoint")] string? Endpoint)
{
    public static CachedResponse From(ChatResponse response) => new(
        response.Text,
        response.FinishReason?.Value,
        response.ModelId,
        response.ResponseId,
        response.CreatedAt,
        response.Usage?.InputTokenCount,
        response.Usage?.OutputTokenCount,
        ResponseProperties.Get<string>(response, ResponseProperties.Endpoint));

    public ChatResponse ToResponse()
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, Text))
        {
            FinishReason = FinishReason is null ? null : new ChatFinishReason(FinishReason),
            ModelId = ModelId,
            ResponseId = ResponseId,
            CreatedAt = CreatedAt,
            Usage = PromptTokens is null && CompletionTokens is null
                ? null
                : new UsageDetails { InputTokenCount = PromptTokens, OutputTokenCount = CompletionTokens, TotalTokenCount = (PromptTokens ?? 0) + (CompletionTokens ?? 0) },
            AdditionalProperties = new AdditionalPropertiesDictionary { [ResponseProperties.CacheHit] = true },
        };
        if (Endpoint is not null)
        {
            response.AdditionalProperties[ResponseProperties.Endpoint] = Endpoint;
        }

        return response;
    }
}
