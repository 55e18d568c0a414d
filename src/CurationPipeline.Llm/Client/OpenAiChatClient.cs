using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiChatRole = Microsoft.Extensions.AI.ChatRole;
using SdkChatMessage = OpenAI.Chat.ChatMessage;

namespace CurationPipeline.Llm;

/// <summary>
/// <see cref="IChatClient"/> over the official OpenAI SDK's <see cref="ChatClient"/> for one endpoint.
/// The SDK's own retries are off: retries happen (and are counted) in the resilience middleware.
/// Streaming is served as one update from the non-streaming call, so caching and accounting apply alike.
/// </summary>
internal sealed class OpenAiChatClient : IChatClient
{
    private readonly ChatClient _client;
    private readonly EndpointOptions _endpoint;
    private readonly ChatClientMetadata _metadata;

    public OpenAiChatClient(EndpointOptions endpoint, string? apiKey)
    {
        _endpoint = endpoint;
        _metadata = new ChatClientMetadata("openai-compatible", endpoint.BaseUrl, endpoint.Model);
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint.BaseUrl,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = endpoint.Timeout,
        };
        AuthenticationPolicy auth = apiKey is null
            ? new NoAuthenticationPolicy()
            : endpoint.ApiKeyHeader is { } header
                ? ApiKeyAuthenticationPolicy.CreateHeaderApiKeyPolicy(new ApiKeyCredential(apiKey), header)
                : ApiKeyAuthenticationPolicy.CreateBearerAuthorizationPolicy(new ApiKeyCredential(apiKey));
#pragma warning disable OPENAI001 // the policy constructor is needed for key-less servers and custom key headers
        _client = new ChatClient(endpoint.Model, auth, options);
#pragma warning restore OPENAI001
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = messages.Select(ToSdk).ToList();
        var completionOptions = ToSdk(options);
        ChatCompletion completion;
        try
        {
            completion = (await _client.CompleteChatAsync(request, completionOptions, cancellationToken)).Value;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {_endpoint.TimeoutSeconds} s", e);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            // A 200 whose body is not a chat completion (truncated or garbled JSON).
            throw new InvalidResponseException("the response body is not a chat completion", e);
        }

        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        var response = new ChatResponse(new AiChatMessage(AiChatRole.Assistant, text))
        {
            ModelId = completion.Model,
            ResponseId = completion.Id,
            CreatedAt = completion.CreatedAt,
            FinishReason = completion.FinishReason switch
            {
                OpenAI.Chat.ChatFinishReason.Stop => Microsoft.Extensions.AI.ChatFinishReason.Stop,
                OpenAI.Chat.ChatFinishReason.Length => Microsoft.Extensions.AI.ChatFinishReason.Length,
                OpenAI.Chat.ChatFinishReason.ContentFilter => Microsoft.Extensions.AI.ChatFinishReason.ContentFilter,
                _ => Microsoft.Extensions.AI.ChatFinishReason.ToolCalls,
            },
            Usage = completion.Usage is { } u
                ? new UsageDetails { InputTokenCount = u.InputTokenCount, OutputTokenCount = u.OutputTokenCount, TotalTokenCount = u.TotalTokenCount }
                : null,
            AdditionalProperties = new AdditionalPropertiesDictionary { [ResponseProperties.Endpoint] = _endpoint.Name },
            RawRepresentation = completion,
        };
        return response;
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingFallback.Updates(GetResponseAsync(messages, options, cancellationToken));

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType == typeof(EndpointOptions) ? _endpoint
        : serviceType == typeof(ChatClient) ? _client
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // The SDK client holds no resources of its own (the HTTP transport is shared).
    }

    private static SdkChatMessage ToSdk(AiChatMessage message)
    {
        var other = message.Contents.FirstOrDefault(c => c is not TextContent);
        if (other is not null)
        {
            throw new NotSupportedException($"message content of type {other.GetType().Name} is not supported; only text is sent");
        }

        var text = message.Text;
        if (message.Role == AiChatRole.System)
        {
            return new SystemChatMessage(text);
        }

        if (message.Role == AiChatRole.User)
        {
            return new UserChatMessage(text);
        }

        if (message.Role == AiChatRole.Assistant)
        {
            return new AssistantChatMessage(text);
        }

        throw new NotSupportedException($"chat role '{message.Role}' is not supported");
    }

    private ChatCompletionOptions ToSdk(ChatOptions? options)
    {
        var result = new ChatCompletionOptions
        {
            Temperature = options?.Temperature ?? _endpoint.Temperature,
            TopP = options?.TopP,
            FrequencyPenalty = options?.FrequencyPenalty,
            PresencePenalty = options?.PresencePenalty,
        };
#pragma warning disable OPENAI001 // Seed is marked experimental in the SDK; every server here accepts it.
        result.Seed = options?.Seed ?? _endpoint.Seed;
#pragma warning restore OPENAI001
        if ((options?.MaxOutputTokens ?? _endpoint.MaxTokens) is { } maxTokens)
        {
            if (_endpoint.UseLegacyMaxTokens)
            {
#pragma warning disable SCME0001 // JSON patching is marked experimental; it is the SDK's way to send a field it does not model
                result.Patch.Set("$.max_tokens"u8, maxTokens);
#pragma warning restore SCME0001
            }
            else
            {
                result.MaxOutputTokenCount = maxTokens;
            }
        }

        foreach (var stop in options?.StopSequences ?? [])
        {
            result.StopSequences.Add(stop);
        }

        if (options?.ResponseFormat is ChatResponseFormatJson json && _endpoint.SupportsJsonSchema)
        {
            result.ResponseFormat = json.Schema is { } schema
                ? OpenAI.Chat.ChatResponseFormat.CreateJsonSchemaFormat(
                    json.SchemaName ?? "response", BinaryData.FromString(schema.GetRawText()), json.SchemaDescription)
                : OpenAI.Chat.ChatResponseFormat.CreateJsonObjectFormat();
        }

        return result;
    }

    /// <summary>Sends no credentials: local servers (vLLM, Ollama, llama.cpp) often need none.</summary>
    private sealed class NoAuthenticationPolicy : AuthenticationPolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
            ProcessNext(message, pipeline, currentIndex);

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
            ProcessNextAsync(message, pipeline, currentIndex);
    }
}
