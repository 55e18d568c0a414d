namespace CurationPipeline.Llm;

/// <summary>A model call failed for good (retries exhausted, circuit open, unusable answer); the message names endpoint, model and status.</summary>
public class LlmException : Exception
{
    public LlmException(string message) : base(message) { }

    public LlmException(string message, Exception inner) : base(message, inner) { }
}
