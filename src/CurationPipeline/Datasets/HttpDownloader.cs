using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace CurationPipeline.Datasets;

/// <summary>A download that did not complete; the message says why in one line, without the URL.</summary>
public sealed class DownloadException(string message, bool transient, bool unreachable = false) : Exception(message)
{
    /// <summary>Trying again may help (an interrupted transfer, a stall, a server error).</summary>
    public bool Transient { get; } = transient;

    /// <summary>The host cannot be reached at all (its name does not resolve, or it refuses connections).</summary>
    public bool Unreachable { get; } = unreachable;
}

/// <summary>How downloads behave.</summary>
public sealed record DownloadOptions
{
    /// <summary>Longest wait for the connection, the response headers or the next bytes of the body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Further attempts after a transient failure within one run; each resumes where the last stopped.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>Wait before the first retry; doubled for each further one.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Downloads a URL into <c>&lt;file&gt;.part</c>, resuming a partial file with an HTTP Range request (and starting
/// over when the server ignores it), retrying transient failures, and reporting progress.
/// </summary>
public sealed class HttpDownloader(HttpClient http, DownloadOptions options)
{
    /// <summary>A client for downloads: no automatic decompression (the bytes are checksummed as served), timeouts handled per read.</summary>
    public static HttpClient CreateClient(DownloadOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.Timeout,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("curate", Core.PipelineInfo.Version));
        return client;
    }

    /// <summary>
    /// Completes <paramref name="partPath"/> from <paramref name="url"/>. <paramref name="progress"/> gets the bytes
    /// in the part file and the total when known; <paramref name="note"/> hears of resumes, restarts and retries.
    /// </summary>
    public async Task DownloadAsync(Uri url, string partPath, long? expectedSize, Action<long, long?> progress, Action<string> note, CancellationToken cancellationToken = default)
    {
        var delay = options.RetryDelay;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await AttemptAsync(url, partPath, expectedSize, progress, note, cancellationToken);
                return;
            }
            catch (DownloadException e) when (e.Transient && attempt < options.Retries)
            {
                note(string.Create(CultureInfo.InvariantCulture, $"{e.Message}; trying again in {delay.TotalSeconds:0.#} s ({attempt + 1} of {options.Retries})"));
                await Task.Delay(delay, cancellationToken);
                delay *= 2;
            }
        }
    }

    private async Task AttemptAsync(Uri url, string partPath, long? expectedSize, Action<long, long?> progress, Action<string> note, CancellationToken ct)
    {
        var have = File.Exists(partPath) ? new FileInfo(partPath).Length : 0;
        if (expectedSize is { } size && have > size)
        {
            File.Delete(partPath);
            have = 0;
        }

        if (expectedSize is { } complete && have == complete && have > 0)
        {
            progress(have, complete);
            return;
        }

        using var stall = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (have > 0)
        {
            request.Headers.Range = new RangeHeaderValue(have, null);
            note(string.Create(CultureInfo.InvariantCulture, $"resuming at byte {have}"));
        }

        stall.CancelAfter(options.Timeout);
        using var response = await Guard(() => http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stall.Token), url, have, expectedSize, ct);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
        {
            // The part does not fit what the server has now: start over.
            File.Delete(partPath);
            throw new DownloadException("the server refused to resume the partial download; it was discarded", transient: true);
        }

        if (!response.IsSuccessStatusCode)
        {
            var code = (int)response.StatusCode;
            throw new DownloadException($"HTTP {code} {response.ReasonPhrase}".TrimEnd(), transient: code is 408 or 429 or >= 500);
        }

        var append = response.StatusCode == HttpStatusCode.PartialContent;
        if (append && response.Content.Headers.ContentRange is { From: { } from } && from != have)
        {
            File.Delete(partPath);
            throw new DownloadException($"the server resumed at byte {from}, not {have}; the partial download was discarded", transient: true);
        }

        if (have > 0 && !append)
        {
            note("the server does not resume downloads; starting over");
        }

        // 200 to a Range request: the server sends the whole file, so the part starts over.
        var offset = append ? have : 0;
        var length = response.Content.Headers.ContentLength;
        var total = length is { } l ? offset + l : expectedSize;
        await using var body = await Guard(() => response.Content.ReadAsStreamAsync(stall.Token), url, offset, total, ct);
        await using var file = new FileStream(partPath, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var received = offset;
        progress(received, total);
        var buffer = new byte[1 << 16];
        while (true)
        {
            stall.CancelAfter(options.Timeout);
            var read = await Guard(() => body.ReadAsync(buffer, stall.Token).AsTask(), url, received, total, ct);
            if (read == 0)
            {
                break;
            }

            await file.WriteAsync(buffer.AsMemory(0, read), ct);
            received += read;
            progress(received, total);
        }

        if (total is { } expected && received < expected)
        {
            throw Interrupted(received, total);
        }
    }

    /// <summary>Runs a step of the transfer and turns its failures into one-line reasons.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> step, Uri url, long received, long? total, CancellationToken ct)
    {
        try
        {
            return await step();
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The stall timer, or the connect timeout of the handler.
            throw new DownloadException(
                string.Create(CultureInfo.InvariantCulture, $"timed out: nothing received for {options.Timeout.TotalSeconds:0.#} s{Kept(received, total)}"), transient: true);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            throw new DownloadException($"host not found: {url.Host} (no network, or the name does not resolve)", transient: false, unreachable: true);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            throw new DownloadException($"connection refused by {url.Host}:{url.Port}", transient: false, unreachable: true);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException s)
        {
            throw new DownloadException($"cannot reach {url.Host}:{url.Port}: {s.Message}", transient: s.SocketErrorCode is SocketError.TimedOut or SocketError.ConnectionReset);
        }
        catch (Exception e) when (e is IOException or HttpRequestException && received > 0 || e is HttpIOException)
        {
            throw Interrupted(received, total);
        }
        catch (HttpRequestException e)
        {
            var inner = e.GetBaseException();
            throw new DownloadException($"cannot reach {url.Host}:{url.Port}: {(inner == e ? e.Message : inner.Message)}", transient: true);
        }
    }

    private static DownloadException Interrupted(long received, long? total) =>
        new(string.Create(CultureInfo.InvariantCulture, $"the transfer stopped{Kept(received, total)}"), transient: true);

    private static string Kept(long received, long? total) =>
        received <= 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" after {received} of {(total is { } t ? t.ToString(CultureInfo.InvariantCulture) : "?")} bytes");
}
