namespace CurationPipeline.Llm;

/// <summary>One attempt at one endpoint failed; carries the endpoint so the retry layer above the load spreading can name it.</summary>
internal sealed class EndpointAttemptException(EndpointOptions endpoint, Exception inner)
    : Exception($"endpoint '{endpoint.Name}': {Transient.Describe(inner)}", inner)
{
    public EndpointOptions Endpoint { get; } = endpoint;

    public Exception Failure => InnerException!;
}
