namespace CurationPipeline.Llm;

/// <summary>
/// The HTTP transport of a batch endpoint's SDK client. A request made while <see cref="Capture"/> is set on the
/// async flow is not sent: its body, as the SDK serialised it, is handed back (<see cref="RequestCapturedException"/>)
/// for a batch line. Every other request (a failed line asked again directly) goes to the network.
/// </summary>
internal sealed class CapturingHttpHandler(HttpMessageHandler network) : DelegatingHandler(network)
{
    private static readonly AsyncLocal<bool> Capturing = new();

    /// <summary>Whether requests on this async flow are captured instead of sent.</summary>
    public static bool Capture
    {
        get => Capturing.Value;
        set => Capturing.Value = value;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!Capture || request.Method != HttpMethod.Post || request.Content is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        throw new RequestCapturedException(await request.Content.ReadAsByteArrayAsync(cancellationToken));
    }
}

/// <summary>Carries a captured request body out of the SDK's pipeline.</summary>
internal sealed class RequestCapturedException(byte[] body) : Exception("request captured for a batch")
{
    public byte[] Body { get; } = body;
}
