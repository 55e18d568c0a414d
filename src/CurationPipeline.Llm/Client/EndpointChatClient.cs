using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace CurationPipeline.Llm;

/// <summary>
/// What the library's OpenAI client does not know about an endpoint of the endpoints file: its defaults
/// (temperature, seed, max tokens), <c>max_tokens</c> for servers that need the legacy field, a JSON schema
/// response format only where the server supports one, the model of the endpoint always; and the failures
/// the resilience layer tells apart (a network timeout, a 200 whose body is not a chat completion).
/// Answers carry the endpoint's name in <see cref="ChatResponse.AdditionalProperties"/>.
/// </summary>
internal sealed class EndpointChatClient(IChatClient innerClient, EndpointOptions endpoint) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, ForEndpoint(options), cancellationToken);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {endpoint.TimeoutSeconds} s", e);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException
                                       or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            // A 200 whose body is not a chat completion (truncated or garbled JSON, or no choice: the SDK reads the first).
            throw new InvalidResponseException("the response body is not a chat completion", e);
        }

        ResponseProperties.Set(response, ResponseProperties.Endpoint, endpoint.Name);
        return response;
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingFallback.Updates(GetResponseAsync(messages, options, cancellationToken));

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EndpointOptions) ? endpoint : base.GetService(serviceType, serviceKey);

    private ChatOptions ForEndpoint(ChatOptions? options)
    {
        var result = EndpointDefaults.Apply(endpoint, options);
        if (endpoint.UseLegacyMaxTokens && result.MaxOutputTokens is { } maxTokens)
        {
            result.MaxOutputTokens = null;
            var factory = result.RawRepresentationFactory;
            result.RawRepresentationFactory = client =>
            {
                var sdk = factory?.Invoke(client) as ChatCompletionOptions ?? new ChatCompletionOptions();
#pragma warning disable SCME0001 // JSON patching is marked experimental; it is the SDK's way to send a field it does not model
                sdk.Patch.Set("$.max_tokens"u8, maxTokens);
#pragma warning restore SCME0001
                return sdk;
            };
        }

        return result;
    }
}
