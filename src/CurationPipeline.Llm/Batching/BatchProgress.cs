using System.Text.Json.Serialization;

namespace CurationPipeline.Llm;

/// <summary>Batches of the batch endpoints so far, and their lines (<see cref="LinesWaiting"/>: collected, not yet sent).</summary>
public sealed record BatchProgress(
    [property: JsonPropertyName("submitted")] int Submitted,
    [property: JsonPropertyName("in_progress")] int InProgress,
    [property: JsonPropertyName("ended")] int Ended,
    [property: JsonPropertyName("lines_submitted")] long LinesSubmitted,
    [property: JsonPropertyName("lines_answered")] long LinesAnswered,
    [property: JsonPropertyName("lines_failed")] long LinesFailed,
    [property: JsonPropertyName("lines_waiting")] long LinesWaiting)
{
    public static BatchProgress None { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public static BatchProgress operator +(BatchProgress a, BatchProgress b) => new(a.Submitted + b.Submitted, a.InProgress + b.InProgress,
        a.Ended + b.Ended, a.LinesSubmitted + b.LinesSubmitted, a.LinesAnswered + b.LinesAnswered, a.LinesFailed + b.LinesFailed, a.LinesWaiting + b.LinesWaiting);
}
