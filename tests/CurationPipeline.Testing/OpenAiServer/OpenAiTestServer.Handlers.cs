using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CurationPipeline.Testing;

public sealed partial class OpenAiTestServer
{
    private async Task HandleChatAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); now > max; max = Volatile.Read(ref _maxInFlight))
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, now, max) == max)
            {
                break;
            }
        }

        try
        {
            Interlocked.Increment(ref _chatRequests);
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            TestChatRequest request;
            try
            {
                request = TestRequestParser.Parse(body, context.Request.Headers, Interlocked.Increment(ref _sequence));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
            {
                await WriteErrorAsync(context, 400, "invalid request body: " + e.Message);
                return;
            }

            if (KeepRequestLog)
            {
                _log.Enqueue(request);
            }

            var reply = NextFault() ?? Responder(request);
            if (reply.Kind != TestReply.ReplyKind.Answer)
            {
                Interlocked.Increment(ref _faultsInjected);
            }

            var wait = Latency + reply.Delay + Jitter();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, context.RequestAborted);
            }

            await WriteReplyAsync(context, request, reply);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (its timeout); nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task HandleModelsAsync(HttpContext context)
    {
        Interlocked.Increment(ref _modelRequests);
        context.Response.ContentType = "application/json";
        await using var w = new Utf8JsonWriter(context.Response.Body);
        w.WriteStartObject();
        w.WriteString("object", "list");
        w.WriteStartArray("data");
        foreach (var m in Models)
        {
            w.WriteStartObject();
            w.WriteString("id", m);
            w.WriteString("object", "model");
            w.WriteNumber("created", 1_700_000_000);
            w.WriteString("owned_by", "loopback");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        await w.FlushAsync();
    }

    private TestReply? NextFault()
    {
        if (_faults.TryDequeue(out var queued))
        {
            return queued;
        }

        lock (_randomLock)
        {
            return _rateFault is not null && _random.NextDouble() < _faultRate ? _rateFault : null;
        }
    }

    private TimeSpan Jitter()
    {
        if (LatencyJitter <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        lock (_randomLock)
        {
            return LatencyJitter * _random.NextDouble();
        }
    }

    private async Task WriteReplyAsync(HttpContext context, TestChatRequest request, TestReply reply)
    {
        switch (reply.Kind)
        {
            case TestReply.ReplyKind.DropConnection:
                context.Abort();
                return;
            case TestReply.ReplyKind.MalformedBody:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"id\":\"chatcmpl-broken\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"mess", context.RequestAborted);
                return;
            case TestReply.ReplyKind.EmptyChoices:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"id\":\"chatcmpl-empty\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"" + request.Model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":0,\"total_tokens\":1}}", context.RequestAborted);
                return;
            case TestReply.ReplyKind.Status:
                if (reply.RetryAfter is { } after)
                {
                    context.Response.Headers.RetryAfter = Math.Ceiling(after.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                await WriteErrorAsync(context, reply.StatusCode, $"injected status {reply.StatusCode}");
                return;
        }

        context.Response.ContentType = "application/json";
        await using (var w = new Utf8JsonWriter(context.Response.Body))
        {
            WriteCompletion(w, request, reply);
        }

        Interlocked.Increment(ref _answered);
    }

    private static string ErrorBody(int status, string message) =>
        JsonSerializer.Serialize(new { error = new { message, type = status == 429 ? "rate_limit_exceeded" : "server_error", code = status } });

    /// <summary>The body of a chat completion answering <paramref name="request"/> with <paramref name="reply"/>, with usage.</summary>
    private static void WriteCompletion(Utf8JsonWriter w, TestChatRequest request, TestReply reply)
    {
        var prompt = reply.PromptTokens ?? Math.Max(1, request.Messages.Sum(m => m.Content.Length) / 4);
        var completion = reply.CompletionTokens ?? Math.Max(1, reply.Content.Length / 4);
        w.WriteStartObject();
        w.WriteString("id", "chatcmpl-" + request.Sequence.ToString(CultureInfo.InvariantCulture));
        w.WriteString("object", "chat.completion");
        w.WriteNumber("created", request.ReceivedAt.ToUnixTimeSeconds());
        w.WriteString("model", request.Model);
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("message");
        w.WriteString("role", "assistant");
        w.WriteString("content", reply.Content);
        w.WriteEndObject();
        w.WriteString("finish_reason", reply.FinishReason);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", prompt);
        w.WriteNumber("completion_tokens", completion);
        w.WriteNumber("total_tokens", prompt + completion);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(ErrorBody(status, message), context.RequestAborted);
    }
}
