using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>A request's options as an endpoint sends them: its defaults where the caller set none, its model, a JSON schema only where supported.</summary>
internal static class EndpointDefaults
{
    public static ChatOptions Apply(EndpointOptions endpoint, ChatOptions? options)
    {
        var result = options?.Clone() ?? new ChatOptions();
        result.ModelId = null; // the endpoint's model, which the cache key is made of
        result.Temperature ??= endpoint.Temperature;
        result.Seed ??= endpoint.Seed;
        result.MaxOutputTokens ??= endpoint.MaxTokens;
        if (result.ResponseFormat is not ChatResponseFormatJson || !endpoint.SupportsJsonSchema)
        {
            result.ResponseFormat = null; // the schema is in the instructions (StructuredOutput) instead
        }

        return result;
    }
}
