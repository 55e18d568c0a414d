namespace CurationPipeline.Llm;

/// <summary>A model call failed for good (retries exhausted, circuit open, unusable answer); the message names endpoint, model and status.</summary>
public class LlmException : Exception
{
    public LlmException(string message) : base(message) { }

    public LlmException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The endpoint name the failing call went to, where known.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The model the failing call asked for, where known.</summary>
    public string? Model { get; init; }

    /// <summary>The HTTP status of the last attempt (0 when no response came back, e.g. a dropped connection or a timeout).</summary>
    public int? StatusCode { get; init; }

    /// <summary>How many HTTP attempts were made before giving up.</summary>
    public int Attempts { get; init; }

    /// <summary>The model's raw answer when the answer itself was unusable (structured output), for the rejects file.</summary>
    public string? RawResponse { get; init; }
}
