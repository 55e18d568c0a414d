using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CurationPipeline.Testing;

/// <summary>
/// The Files and Batch APIs (<c>/v1/files</c>, <c>/v1/batches</c>) in the shapes of OpenAI's: a JSONL file of
/// <c>{custom_id, method, url, body}</c> lines is uploaded, a batch is created on it, retrieved until it ends
/// (validating, in_progress, finalizing, completed; or failed, expired, cancelling, cancelled), and its
/// output and error files are downloaded. Each line is answered by the same <see cref="Responder"/> and
/// queued faults as a chat request; a line whose reply is an error goes to the error file.
/// </summary>
public sealed partial class OpenAiTestServer
{
    private readonly ConcurrentDictionary<string, StoredFile> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TestBatch> _batches = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _batchOrder = new();
    private long _fileSequence;
    private long _batchSequence;
    private long _batchRetrieves;
    private long _batchLines;

    /// <summary>Retrieves that find a new batch still in progress before the next one finishes it; default 1.</summary>
    public int BatchPolls { get; set; } = 1;

    /// <summary>While true, every batch stays in progress however often it is retrieved.</summary>
    public bool HoldBatches { get; set; }

    /// <summary>When set, a batch that finishes answers only this many lines and ends <c>expired</c> (the rest: <c>batch_expired</c> in the error file).</summary>
    public int? ExpireBatchesAfterLines { get; set; }

    /// <summary>Most lines one batch file may hold (OpenAI: 50,000); a larger file fails the batch.</summary>
    public int MaxBatchLines { get; set; } = 50_000;

    /// <summary>Largest batch input file in bytes (OpenAI: 200 MB); a larger file fails the batch.</summary>
    public long MaxBatchFileBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Batches created, oldest first.</summary>
    public IReadOnlyList<TestBatch> Batches => _batchOrder.Select(id => _batches[id]).ToList();

    /// <summary>Files uploaded (any purpose), batch output and error files excluded.</summary>
    public long FilesUploaded => _files.Values.Count(f => f.Purpose != "batch_output");

    /// <summary>Batch retrieves served.</summary>
    public long BatchRetrieves => Interlocked.Read(ref _batchRetrieves);

    /// <summary>Batch lines answered with a completion.</summary>
    public long BatchLinesAnswered => Interlocked.Read(ref _batchLines);

    /// <summary>Maps the Files and Batch APIs onto <paramref name="web"/>; <paramref name="server"/> is the instance once it exists.</summary>
    private static void MapBatches(WebApplication web, Func<OpenAiTestServer> server)
    {
        web.MapPost("/v1/files", c => server().UploadAsync(c));
        web.MapGet("/v1/files/{id}", (string id, HttpContext c) => server().WithFile(c, id, f => WriteJsonAsync(c, w => WriteFile(w, f))));
        web.MapGet("/v1/files/{id}/content", (string id, HttpContext c) => server().WithFile(c, id, f =>
        {
            c.Response.ContentType = "application/octet-stream";
            return c.Response.Body.WriteAsync(f.Content).AsTask();
        }));
        web.MapDelete("/v1/files/{id}", (string id, HttpContext c) => server().WithFile(c, id, f =>
        {
            server()._files.TryRemove(id, out _);
            return WriteJsonAsync(c, w =>
            {
                w.WriteStartObject();
                w.WriteString("id", f.Id);
                w.WriteString("object", "file");
                w.WriteBoolean("deleted", true);
                w.WriteEndObject();
            });
        }));
        web.MapPost("/v1/batches", c => server().CreateBatchAsync(c));
        web.MapGet("/v1/batches", c => server().ListBatchesAsync(c));
        web.MapGet("/v1/batches/{id}", (string id, HttpContext c) => server().WithBatch(c, id, b =>
        {
            Interlocked.Increment(ref server()._batchRetrieves);
            server().Advance(b);
            return WriteJsonAsync(c, w => b.Write(w));
        }));
        web.MapPost("/v1/batches/{id}/cancel", (string id, HttpContext c) => server().WithBatch(c, id, b =>
        {
            lock (b)
            {
                if (b.Status is "validating" or "in_progress" or "finalizing")
                {
                    b.Status = "cancelling";
                    b.CancellingAt = Now();
                }
            }

            return WriteJsonAsync(c, w => b.Write(w));
        }));
    }

    private async Task UploadAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await WriteErrorAsync(context, 400, "expected multipart/form-data with 'purpose' and 'file'");
            return;
        }

        // Batch files are large (up to 200 MB at the provider): no request size limit here.
        context.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null;
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = long.MaxValue }));
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var upload = form.Files.GetFile("file");
        var purpose = form["purpose"].ToString();
        if (upload is null || string.IsNullOrEmpty(purpose))
        {
            await WriteErrorAsync(context, 400, "'purpose' and 'file' are required");
            return;
        }

        var content = new byte[upload.Length];
        await using (var stream = upload.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, context.RequestAborted);
        }

        var file = AddFile(purpose, upload.FileName, content);
        await WriteJsonAsync(context, w => WriteFile(w, file));
    }

    private async Task CreateBatchAsync(HttpContext context)
    {
        using var doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var root = doc.RootElement;
        var inputId = root.TryGetProperty("input_file_id", out var i) ? i.GetString() : null;
        var endpoint = root.TryGetProperty("endpoint", out var e) ? e.GetString() : null;
        if (inputId is null || endpoint is null || !_files.TryGetValue(inputId, out var input))
        {
            await WriteErrorAsync(context, 400, "input_file_id must name an uploaded file, and endpoint is required");
            return;
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in m.EnumerateObject())
            {
                metadata[p.Name] = p.Value.GetString() ?? "";
            }
        }

        var batch = new TestBatch
        {
            Id = "batch_" + Interlocked.Increment(ref _batchSequence).ToString("D6", CultureInfo.InvariantCulture),
            InputFileId = inputId,
            Endpoint = endpoint,
            CompletionWindow = root.TryGetProperty("completion_window", out var cw) ? cw.GetString() ?? "24h" : "24h",
            Metadata = metadata,
            CreatedAt = Now(),
            Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value),
        };
        Validate(batch, input);
        _batches[batch.Id] = batch;
        _batchOrder.Enqueue(batch.Id);
        await WriteJsonAsync(context, w => batch.Write(w));
    }

    private async Task ListBatchesAsync(HttpContext context)
    {
        var limit = int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 100) : 20;
        var after = context.Request.Query["after"].ToString();
        var newestFirst = _batchOrder.Reverse().ToList();
        var start = string.IsNullOrEmpty(after) ? 0 : newestFirst.IndexOf(after) + 1;
        var page = newestFirst.Skip(start).Take(limit).Select(id => _batches[id]).ToList();
        await WriteJsonAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteString("object", "list");
            w.WriteStartArray("data");
            foreach (var b in page)
            {
                b.Write(w);
            }

            w.WriteEndArray();
            w.WriteString("first_id", page.FirstOrDefault()?.Id);
            w.WriteString("last_id", page.LastOrDefault()?.Id);
            w.WriteBoolean("has_more", start + page.Count < newestFirst.Count);
            w.WriteEndObject();
        });
    }

    /// <summary>Checks the input file as the provider does when the batch is created; a bad file fails the batch.</summary>
    private void Validate(TestBatch batch, StoredFile input)
    {
        void Fail(string code, string message, int? line)
        {
            batch.Status = "failed";
            batch.FailedAt = Now();
            batch.Errors.Add((code, message, line));
        }

        if (batch.Endpoint != "/v1/chat/completions")
        {
            Fail("invalid_endpoint", $"endpoint {batch.Endpoint} is not served", null);
            return;
        }

        if (input.Content.Length > MaxBatchFileBytes)
        {
            Fail("file_too_large", $"the input file has {input.Content.Length} bytes, more than {MaxBatchFileBytes}", null);
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in Lines(input.Content))
        {
            number++;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var id = root.GetProperty("custom_id").GetString() ?? "";
                if (!ids.Add(id))
                {
                    Fail("duplicate_custom_id", $"custom_id '{id}' is used twice", number);
                    return;
                }

                if (root.GetProperty("method").GetString() != "POST" || root.GetProperty("url").GetString() != batch.Endpoint)
                {
                    Fail("invalid_request", "method must be POST and url the batch's endpoint", number);
                    return;
                }

                batch.Lines.Add((id, root.GetProperty("body").GetRawText()));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                Fail("invalid_json_line", "the line is not a request object: " + ex.Message, number);
                return;
            }
        }

        if (batch.Lines.Count == 0 || batch.Lines.Count > MaxBatchLines)
        {
            Fail("too_many_requests", $"the file has {batch.Lines.Count} requests; from 1 to {MaxBatchLines} are allowed", null);
        }
    }

    /// <summary>Moves a batch on by one retrieve: validating, in progress for <see cref="BatchPolls"/> retrieves, then done.</summary>
    private void Advance(TestBatch batch)
    {
        lock (batch)
        {
            batch.Retrieves++;
            switch (batch.Status)
            {
                case "validating":
                    batch.Status = "in_progress";
                    batch.InProgressAt = Now();
                    break;
                case "in_progress" when !HoldBatches && batch.Retrieves > BatchPolls:
                    Finish(batch, "completed", ExpireBatchesAfterLines);
                    break;
                case "cancelling":
                    Finish(batch, "cancelled", 0);
                    break;
            }

            batch.Completed = batch.Status == "in_progress" && !HoldBatches ? Math.Min(batch.Lines.Count, batch.Completed + (batch.Lines.Count / Math.Max(1, BatchPolls))) : batch.Completed;
        }
    }

    /// <summary>Answers the lines (the first <paramref name="answered"/> of them, when given) and writes the output and error files.</summary>
    private void Finish(TestBatch batch, string status, int? answered)
    {
        var output = new ArrayBufferWriter<byte>(batch.Lines.Count * 512);
        var errors = new ArrayBufferWriter<byte>(1024);
        var (completed, failed) = (0, 0);
        var headers = new HeaderDictionary(batch.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase));
        for (var n = 0; n < batch.Lines.Count; n++)
        {
            var (customId, body) = batch.Lines[n];
            var lineId = $"batch_req_{batch.Id}_{n}";
            if (answered is { } limit && n >= limit)
            {
                WriteLine(errors, w =>
                {
                    w.WriteString("id", lineId);
                    w.WriteString("custom_id", customId);
                    w.WriteNull("response");
                    w.WriteStartObject("error");
                    w.WriteString("code", status == "cancelled" ? "batch_cancelled" : "batch_expired");
                    w.WriteString("message", "This request could not be executed before the batch ended.");
                    w.WriteEndObject();
                });
                failed++;
                continue;
            }

            var request = TestRequestParser.Parse(body, headers, Interlocked.Increment(ref _sequence)) with { BatchId = batch.Id };
            if (KeepRequestLog)
            {
                _log.Enqueue(request);
            }

            var reply = NextFault() ?? Responder(request);
            if (reply.Kind == TestReply.ReplyKind.Answer)
            {
                WriteLine(output, w =>
                {
                    w.WriteString("id", lineId);
                    w.WriteString("custom_id", customId);
                    w.WriteStartObject("response");
                    w.WriteNumber("status_code", 200);
                    w.WriteString("request_id", "req_" + request.Sequence.ToString(CultureInfo.InvariantCulture));
                    w.WritePropertyName("body");
                    WriteCompletion(w, request, reply);
                    w.WriteEndObject();
                    w.WriteNull("error");
                });
                completed++;
                Interlocked.Increment(ref _batchLines);
                continue;
            }

            Interlocked.Increment(ref _faultsInjected);
            var code = reply.Kind == TestReply.ReplyKind.Status ? reply.StatusCode : 500;
            WriteLine(errors, w =>
            {
                w.WriteString("id", lineId);
                w.WriteString("custom_id", customId);
                w.WriteStartObject("response");
                w.WriteNumber("status_code", code);
                w.WriteString("request_id", "req_" + request.Sequence.ToString(CultureInfo.InvariantCulture));
                w.WritePropertyName("body");
                using (var error = JsonDocument.Parse(ErrorBody(code, $"injected status {code}")))
                {
                    error.RootElement.WriteTo(w);
                }

                w.WriteEndObject();
                w.WriteNull("error");
            });
            failed++;
        }

        batch.Completed = completed;
        batch.Failed = failed;
        batch.OutputFileId = output.WrittenCount > 0 ? AddFile("batch_output", batch.Id + "_output.jsonl", output.WrittenSpan.ToArray()).Id : null;
        batch.ErrorFileId = errors.WrittenCount > 0 ? AddFile("batch_output", batch.Id + "_error.jsonl", errors.WrittenSpan.ToArray()).Id : null;
        batch.FinalizingAt = Now();
        batch.Status = answered is not null && status == "completed" ? "expired" : status;
        switch (batch.Status)
        {
            case "completed":
                batch.CompletedAt = Now();
                break;
            case "expired":
                batch.ExpiredAt = Now();
                break;
            default:
                batch.CancelledAt = Now();
                break;
        }
    }

    private static void WriteLine(ArrayBufferWriter<byte> buffer, Action<Utf8JsonWriter> fields)
    {
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            fields(w);
            w.WriteEndObject();
        }

        buffer.Write("\n"u8);
    }

    private static IEnumerable<string> Lines(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    private StoredFile AddFile(string purpose, string name, byte[] content)
    {
        var file = new StoredFile("file-" + Interlocked.Increment(ref _fileSequence).ToString("D6", CultureInfo.InvariantCulture), purpose, name, content, Now());
        _files[file.Id] = file;
        return file;
    }

    private Task WithFile(HttpContext context, string id, Func<StoredFile, Task> found) =>
        _files.TryGetValue(id, out var file) ? found(file) : WriteErrorAsync(context, 404, $"no file {id}");

    private Task WithBatch(HttpContext context, string id, Func<TestBatch, Task> found) =>
        _batches.TryGetValue(id, out var batch) ? found(batch) : WriteErrorAsync(context, 404, $"no batch {id}");

    private static void WriteFile(Utf8JsonWriter w, StoredFile f)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("object", "file");
        w.WriteNumber("bytes", f.Content.Length);
        w.WriteNumber("created_at", f.CreatedAt);
        w.WriteString("filename", f.Name);
        w.WriteString("purpose", f.Purpose);
        w.WriteEndObject();
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.ContentType = "application/json";
        await using var w = new Utf8JsonWriter(context.Response.Body);
        write(w);
        await w.FlushAsync();
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private sealed record StoredFile(string Id, string Purpose, string Name, byte[] Content, long CreatedAt);
}

/// <summary>A batch as the loopback server holds it; <see cref="Write"/> gives OpenAI's batch object.</summary>
public sealed class TestBatch
{
    public required string Id { get; init; }

    public required string InputFileId { get; init; }

    public required string Endpoint { get; init; }

    public string CompletionWindow { get; init; } = "24h";

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>validating, in_progress, finalizing, completed, failed, expired, cancelling or cancelled.</summary>
    public string Status { get; internal set; } = "validating";

    /// <summary>The input lines: custom id and request body.</summary>
    public List<(string CustomId, string Body)> Lines { get; } = [];

    /// <summary>How often the batch was retrieved.</summary>
    public int Retrieves { get; internal set; }

    public string? OutputFileId { get; internal set; }

    public string? ErrorFileId { get; internal set; }

    public int Completed { get; internal set; }

    public int Failed { get; internal set; }

    internal List<(string Code, string Message, int? Line)> Errors { get; } = [];

    internal IReadOnlyDictionary<string, Microsoft.Extensions.Primitives.StringValues> Headers { get; init; } = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>();

    internal long CreatedAt { get; init; }

    internal long? InProgressAt { get; set; }

    internal long? FinalizingAt { get; set; }

    internal long? CompletedAt { get; set; }

    internal long? FailedAt { get; set; }

    internal long? ExpiredAt { get; set; }

    internal long? CancellingAt { get; set; }

    internal long? CancelledAt { get; set; }

    internal void Write(Utf8JsonWriter w)
    {
        lock (this)
        {
            w.WriteStartObject();
            w.WriteString("id", Id);
            w.WriteString("object", "batch");
            w.WriteString("endpoint", Endpoint);
            if (Errors.Count == 0)
            {
                w.WriteNull("errors");
            }
            else
            {
                w.WriteStartObject("errors");
                w.WriteString("object", "list");
                w.WriteStartArray("data");
                foreach (var (code, message, line) in Errors)
                {
                    w.WriteStartObject();
                    w.WriteString("code", code);
                    w.WriteString("message", message);
                    w.WriteNull("param");
                    if (line is { } l)
                    {
                        w.WriteNumber("line", l);
                    }
                    else
                    {
                        w.WriteNull("line");
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteString("input_file_id", InputFileId);
            w.WriteString("completion_window", CompletionWindow);
            w.WriteString("status", Status);
            w.WriteString("output_file_id", OutputFileId);
            w.WriteString("error_file_id", ErrorFileId);
            w.WriteNumber("created_at", CreatedAt);
            Time(w, "in_progress_at", InProgressAt);
            w.WriteNumber("expires_at", CreatedAt + 86_400);
            Time(w, "finalizing_at", FinalizingAt);
            Time(w, "completed_at", CompletedAt);
            Time(w, "failed_at", FailedAt);
            Time(w, "expired_at", ExpiredAt);
            Time(w, "cancelling_at", CancellingAt);
            Time(w, "cancelled_at", CancelledAt);
            w.WriteStartObject("request_counts");
            w.WriteNumber("total", Lines.Count);
            w.WriteNumber("completed", Completed);
            w.WriteNumber("failed", Failed);
            w.WriteEndObject();
            w.WriteStartObject("metadata");
            foreach (var (k, v) in Metadata)
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }
    }

    private static void Time(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
