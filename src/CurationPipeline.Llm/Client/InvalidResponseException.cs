namespace CurationPipeline.Llm;

/// <summary>An endpoint answered 200 with a body that is not a chat completion; treated as transient.</summary>
internal sealed class InvalidResponseException(string message, Exception inner) : Exception(message, inner);
