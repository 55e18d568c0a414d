using System.Net;
using System.Net.Http.Headers;

namespace CurationPipeline.Llm;

/// <summary>
/// The HTTP transport of a batch endpoint's OpenAI SDK client: a chat completion request made inside a
/// <see cref="BatchChatClient"/> is parked in the <see cref="BatchCollector"/> with the body the SDK serialised,
/// and the line that answers it comes back as the HTTP response, which the SDK then reads as it reads a direct
/// answer. Everything else (and a request the collector sends directly) goes to the network.
/// </summary>
internal sealed class BatchingHttpHandler(BatchCollector collector, HttpMessageHandler network) : DelegatingHandler(network)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (BatchRequestContext.Current is not { } context || request.Method != HttpMethod.Post || request.Content is null
            || request.RequestUri?.AbsolutePath.EndsWith("/chat/completions", StringComparison.Ordinal) != true)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var line = await collector.SendAsync(context.Key, request.RequestUri.AbsolutePath, body, cancellationToken);
        if (line is null)
        {
            var type = request.Content.Headers.ContentType;
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = type } };
            return await base.SendAsync(request, cancellationToken);
        }

        context.BatchId = line.BatchId;
        return new HttpResponseMessage((HttpStatusCode)line.Status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(line.Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
    }
}

/// <summary>The request being made by a <see cref="BatchChatClient"/> on this async flow: its key, and the batch that answered it.</summary>
internal sealed class BatchRequestContext(string key)
{
    private static readonly AsyncLocal<BatchRequestContext?> Flow = new();

    public static BatchRequestContext? Current
    {
        get => Flow.Value;
        set => Flow.Value = value;
    }

    /// <summary>The request's cache key, used as the line's custom id.</summary>
    public string Key { get; } = key;

    /// <summary>Set by the transport when a batch line answered.</summary>
    public string? BatchId { get; set; }
}
