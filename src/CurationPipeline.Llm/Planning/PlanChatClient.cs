using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>
/// The bottom of a hub's clients in plan mode (<see cref="ModelHubOptions.Plan"/>): instead of calling, it counts
/// the request as a call the run would make, with its prompt tokens counted by the o200k tokenizer (<see cref="PromptTokens"/>) and
/// its completion tokens taken as the mean of the endpoint's answers under the role so far (256 before the
/// first, never above the request's limit), at the endpoint's price (a batch endpoint's at the batch price).
/// It answers with a stand-in (<see cref="StandIn"/>) so that the work asking goes on as it would. A re-ask of
/// structured output depends on a real answer and is not counted: it fails at once.
/// </summary>
internal sealed class PlanChatClient(EndpointOptions endpoint, string role, UsageLedger ledger) : IChatClient
{
    private const long DefaultCompletionTokens = 256;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (options?.AdditionalProperties?.TryGetValue(ResponseProperties.Reask, out var reask) == true && reask is int n && n > 0)
        {
            throw new LlmException("not planned: a re-ask depends on the answer it corrects") { Endpoint = endpoint.Name, Model = endpoint.Model };
        }

        var list = messages as IReadOnlyCollection<ChatMessage> ?? messages.ToList();
        var limit = options?.MaxOutputTokens ?? endpoint.MaxTokens;
        var completion = (long)Math.Round(ledger.MeanCompletionTokens(endpoint.Name, role) ?? DefaultCompletionTokens);
        if (limit is { } l)
        {
            completion = Math.Min(completion, l);
        }

        var text = options?.ResponseFormat is ChatResponseFormatJson { Schema: { } schema } ? StandIn.ForSchema(schema) : StandIn.Text(completion);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            FinishReason = ChatFinishReason.Stop,
            ModelId = endpoint.Model,
            Usage = new UsageDetails { InputTokenCount = PromptTokens.Count(list, options), OutputTokenCount = completion },
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [ResponseProperties.Endpoint] = endpoint.Name,
                [ResponseProperties.Planned] = true,
            },
        };
        if (endpoint.Batch)
        {
            response.AdditionalProperties[ResponseProperties.Batched] = true;
        }

        return Task.FromResult(response);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingFallback.Updates(GetResponseAsync(messages, options, cancellationToken));

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EndpointOptions) ? endpoint : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // Nothing held.
    }
}
