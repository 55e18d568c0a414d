namespace CurationPipeline.Llm;

/// <summary>An endpoint cannot be used as configured (a key variable that is not set, a malformed URL, a server that does not answer <c>/models</c>): fixed by the user, not retried.</summary>
public sealed class EndpointConfigurationException(string message) : LlmException(message);
