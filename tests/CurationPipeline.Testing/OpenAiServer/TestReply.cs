using System.Text.Json;

namespace CurationPipeline.Testing;

/// <summary>What the loopback server does with one chat request: answer, fail with a status, drop the connection or send a garbled body.</summary>
public sealed record TestReply
{
    /// <summary>The kinds of reply.</summary>
    public enum ReplyKind
    {
        Answer,
        Status,
        DropConnection,
        MalformedBody,
        EmptyChoices,
    }

    public ReplyKind Kind { get; init; }

    /// <summary>Assistant text of an <see cref="ReplyKind.Answer"/>.</summary>
    public string Content { get; init; } = "";

    public int StatusCode { get; init; } = 200;

    /// <summary>Sent as a <c>Retry-After</c> header in whole seconds (rounded up).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Usage to report; estimated from the text (4 characters a token) when <c>null</c>.</summary>
    public int? PromptTokens { get; init; }

    public int? CompletionTokens { get; init; }

    public string FinishReason { get; init; } = "stop";

    /// <summary>Extra wait before replying, on top of the server's latency.</summary>
    public TimeSpan Delay { get; init; }

    public static TestReply Text(string content) => new() { Content = content };

    /// <summary>An answer whose text is <paramref name="value"/> serialised as JSON.</summary>
    public static TestReply Json(object value) => new() { Content = JsonSerializer.Serialize(value) };

    public static TestReply Error(int statusCode, TimeSpan? retryAfter = null) =>
        new() { Kind = ReplyKind.Status, StatusCode = statusCode, RetryAfter = retryAfter };

    public static TestReply TooManyRequests(TimeSpan? retryAfter = null) => Error(429, retryAfter);

    public static TestReply ServerError() => Error(500);

    public static TestReply DroppedConnection() => new() { Kind = ReplyKind.DropConnection };

    /// <summary>A 200 whose body is cut-off JSON.</summary>
    public static TestReply MalformedJson() => new() { Kind = ReplyKind.MalformedBody };

    /// <summary>A 200 chat completion whose <c>choices</c> array is empty.</summary>
    public static TestReply NoChoices() => new() { Kind = ReplyKind.EmptyChoices };

    /// <summary>An answer in prose where JSON was asked for.</summary>
    public static TestReply NotRequestedJson() => Text("I am sorry, I cannot give that as JSON. The answer is probably B.");

    public TestReply WithDelay(TimeSpan delay) => this with { Delay = delay };
}
