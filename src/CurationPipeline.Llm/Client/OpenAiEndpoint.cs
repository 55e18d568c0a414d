using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace CurationPipeline.Llm;

/// <summary>
/// The client of one endpoint: the OpenAI SDK's <see cref="ChatClient"/> as an <see cref="IChatClient"/>
/// (<c>AsIChatClient()</c> of Microsoft.Extensions.AI.OpenAI), under <see cref="EndpointChatClient"/>.
/// </summary>
internal static class OpenAiEndpoint
{
    /// <param name="transport">The HTTP handler under the SDK (a batch endpoint's <see cref="CapturingHttpHandler"/>); the SDK's own when <c>null</c>.</param>
    public static IChatClient CreateClient(EndpointOptions endpoint, string? apiKey, HttpMessageHandler? transport = null)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint.BaseUrl,
            // Retries are made (and counted) by the resilience middleware only.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = endpoint.Timeout,
        };
        if (transport is not null)
        {
            options.Transport = new HttpClientPipelineTransport(new HttpClient(transport) { Timeout = System.Threading.Timeout.InfiniteTimeSpan });
        }

        AuthenticationPolicy auth = apiKey is null
            ? new NoAuthenticationPolicy()
            : endpoint.ApiKeyHeader is { } header
                ? ApiKeyAuthenticationPolicy.CreateHeaderApiKeyPolicy(new ApiKeyCredential(apiKey), header)
                : ApiKeyAuthenticationPolicy.CreateBearerAuthorizationPolicy(new ApiKeyCredential(apiKey));
#pragma warning disable OPENAI001 // the policy constructor is needed for key-less servers and custom key headers
        var sdk = new ChatClient(endpoint.Model, auth, options);
#pragma warning restore OPENAI001
        return new EndpointChatClient(sdk.AsIChatClient(), endpoint);
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
