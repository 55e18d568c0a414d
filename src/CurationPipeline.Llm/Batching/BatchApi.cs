using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CurationPipeline.Llm;

/// <summary>
/// The provider's Files and Batch APIs, as OpenAI defines them: upload a JSONL file (<c>POST files</c>, purpose
/// <c>batch</c>), create a batch on it (<c>POST batches</c>), retrieve it, list batches, download its output and
/// error files. Credentials as for the endpoint's chat calls.
/// </summary>
internal sealed class BatchApi(EndpointOptions endpoint, string? apiKey, HttpMessageHandler handler) : IDisposable
{
    private readonly HttpClient _http = CreateClient(endpoint, apiKey, handler);

    /// <summary>Uploads a batch input file (written as it is sent); returns its file id.</summary>
    public async Task<string> UploadAsync(Func<HttpContent> jsonl, string fileName, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("batch"), "purpose");
        form.Add(jsonl(), "file", fileName);
        using var response = await _http.PostAsync("files", form, cancellationToken);
        using var doc = await ReadAsync(response, "upload the batch file", cancellationToken);
        return doc.RootElement.GetProperty("id").GetString() ?? throw Malformed("upload", "no file id");
    }

    /// <summary>Creates a batch over an uploaded file, tagged with <paramref name="metadata"/>.</summary>
    public async Task<BatchStatus> CreateAsync(string inputFileId, string url, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["input_file_id"] = inputFileId,
            ["endpoint"] = url,
            ["completion_window"] = endpoint.BatchCompletionWindow,
            ["metadata"] = metadata,
        });
        using var content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        using var response = await _http.PostAsync("batches", content, cancellationToken);
        using var doc = await ReadAsync(response, "create the batch", cancellationToken);
        return BatchStatus.Read(doc.RootElement);
    }

    public async Task<BatchStatus> RetrieveAsync(string batchId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("batches/" + Uri.EscapeDataString(batchId), cancellationToken);
        using var doc = await ReadAsync(response, $"retrieve batch {batchId}", cancellationToken);
        return BatchStatus.Read(doc.RootElement);
    }

    public async Task<BatchStatus> CancelAsync(string batchId, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync("batches/" + Uri.EscapeDataString(batchId) + "/cancel", null, cancellationToken);
        using var doc = await ReadAsync(response, $"cancel batch {batchId}", cancellationToken);
        return BatchStatus.Read(doc.RootElement);
    }

    /// <summary>The provider's batches, newest first, until <paramref name="stop"/> says enough (or there are no more).</summary>
    public async Task<BatchStatus?> FindAsync(Func<BatchStatus, bool> match, Func<BatchStatus, bool> stop, CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var query = "batches?limit=100" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
            using var response = await _http.GetAsync(query, cancellationToken);
            using var doc = await ReadAsync(response, "list batches", cancellationToken);
            var page = doc.RootElement.GetProperty("data").EnumerateArray().Select(BatchStatus.Read).ToList();
            foreach (var batch in page)
            {
                if (match(batch))
                {
                    return batch;
                }

                if (stop(batch))
                {
                    return null;
                }
            }

            if (page.Count == 0 || !doc.RootElement.TryGetProperty("has_more", out var more) || more.ValueKind != JsonValueKind.True)
            {
                return null;
            }

            after = page[^1].Id;
        }
    }

    /// <summary>
    /// Reads a file (a batch's output or error file) line by line as it downloads, handing <paramref name="lines"/>
    /// each chunk's complete lines (awaited before the next chunk is read); false when the provider no longer has the file.
    /// </summary>
    public async Task<bool> DownloadLinesAsync(string fileId, Func<ReadOnlyMemory<byte>, ValueTask> lines, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("files/" + Uri.EscapeDataString(fileId) + "/content", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureAsync(response, $"download file {fileId}", cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[1 << 20];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2); // a line longer than the buffer
            }

            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                if (filled > 0)
                {
                    await lines(buffer.AsMemory(0, filled));
                }

                return true;
            }

            filled += read;
            var end = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n');
            if (end >= 0)
            {
                await lines(buffer.AsMemory(0, end + 1));
                buffer.AsSpan(end + 1, filled - end - 1).CopyTo(buffer);
                filled -= end + 1;
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private static HttpClient CreateClient(EndpointOptions endpoint, string? apiKey, HttpMessageHandler handler)
    {
        var baseUrl = endpoint.BaseUrl.AbsoluteUri.EndsWith('/') ? endpoint.BaseUrl : new Uri(endpoint.BaseUrl.AbsoluteUri + "/");
        var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(Math.Max(endpoint.TimeoutSeconds, 300)) };
        if (apiKey is not null)
        {
            if (endpoint.ApiKeyHeader is { } header)
            {
                http.DefaultRequestHeaders.TryAddWithoutValidation(header, apiKey);
            }
            else
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            }
        }

        return http;
    }

    private async Task<JsonDocument> ReadAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        await EnsureAsync(response, what, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        try
        {
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw Malformed(what, e.Message);
        }
    }

    private async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        // The provider's error message says what is wrong (never the key); a line of it is enough.
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        throw new BatchApiException($"endpoint '{endpoint.Name}' could not {what}: HTTP {status.ToString(CultureInfo.InvariantCulture)} {Shorten(text)}", status);
    }

    private BatchApiException Malformed(string what, string problem) =>
        new($"endpoint '{endpoint.Name}' could not {what}: the answer is not what the Batch API returns ({problem})", 0);

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}

/// <summary>A Batch API call failed; <see cref="StatusCode"/> is 0 when no HTTP status came back.</summary>
internal sealed class BatchApiException(string message, int statusCode) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>Worth trying again: no answer, 408, 409, 429 or a server error.</summary>
    public bool IsTransient => StatusCode is 0 or 408 or 409 or 429 or >= 500;
}

/// <summary>The fields of a batch object the client uses.</summary>
internal sealed record BatchStatus(string Id, string Status, string? OutputFileId, string? ErrorFileId, long CreatedAt,
    int Total, int Completed, int Failed, IReadOnlyDictionary<string, string> Metadata, string? Errors)
{
    /// <summary>Whether the batch has ended: completed, failed, expired or cancelled.</summary>
    public bool Ended => Status is "completed" or "failed" or "expired" or "cancelled";

    public static BatchStatus Read(JsonElement batch)
    {
        string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        int Count(string name) => batch.TryGetProperty("request_counts", out var c) && c.ValueKind == JsonValueKind.Object
            && c.TryGetProperty(name, out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : 0;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (batch.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in m.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
            {
                metadata[p.Name] = p.Value.GetString()!;
            }
        }

        string? errors = null;
        if (batch.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object && e.TryGetProperty("data", out var data))
        {
            errors = string.Join("; ", data.EnumerateArray().Select(d => $"{Text(d, "code")}: {Text(d, "message")}"));
        }

        return new BatchStatus(
            Text(batch, "id") ?? throw new JsonException("a batch object without an id"),
            Text(batch, "status") ?? "unknown",
            Text(batch, "output_file_id"),
            Text(batch, "error_file_id"),
            batch.TryGetProperty("created_at", out var created) && created.ValueKind == JsonValueKind.Number ? created.GetInt64() : 0,
            Count("total"), Count("completed"), Count("failed"), metadata, errors);
    }
}
