using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CurationPipeline.Testing;

/// <summary>A request the file server received: the path, the Range start asked for, the status and the body bytes sent.</summary>
public sealed record ServedRequest(string Path, long? RangeFrom, int Status, long BytesSent);

/// <summary>
/// A static file server on 127.0.0.1 (Kestrel, a free port) for download tests: serves byte arrays by path with
/// HTTP Range support, and injects faults per path (a body cut off after some bytes, a status code, a stall, a
/// server that ignores Range). Keeps a log of requests.
/// </summary>
public sealed class LoopbackFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ServedRequest> _log = new();

    private sealed record Fault(long? CutAfter, int? Status, TimeSpan? Stall);

    private LoopbackFileServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's root, ending in '/'.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Answer Range requests with the whole file (200), as some servers do.</summary>
    public bool IgnoreRange { get; set; }

    public IReadOnlyList<ServedRequest> Requests => _log.ToArray();

    public static async Task<LoopbackFileServer> StartAsync(CancellationToken cancellationToken = default)
    {
        LoopbackFileServer? server = null;
        var (app, address) = await LoopbackApp.StartAsync(web => web.MapGet("/{**path}", context => server!.ServeAsync(context)), cancellationToken);
        server = new LoopbackFileServer(app, new Uri(address + "/"));
        return server;
    }

    /// <summary>Serves <paramref name="content"/> at <paramref name="path"/> (no leading '/'); returns its URL.</summary>
    public Uri Add(string path, byte[] content)
    {
        _files[path] = content;
        return UrlOf(path);
    }

    public Uri UrlOf(string path) => new(BaseUrl, path);

    /// <summary>The next <paramref name="times"/> requests for the path send <paramref name="bytes"/> bytes of the body, then drop the connection.</summary>
    public void CutAfter(string path, long bytes, int times = 1) => Enqueue(path, new Fault(bytes, null, null), times);

    /// <summary>The next <paramref name="times"/> requests for the path get this status and no file.</summary>
    public void FailWith(string path, int status, int times = 1) => Enqueue(path, new Fault(null, status, null), times);

    /// <summary>The next request for the path sends the headers, then nothing for <paramref name="wait"/>.</summary>
    public void Stall(string path, TimeSpan wait) => Enqueue(path, new Fault(null, null, wait), 1);

    /// <summary>Requests received for a path.</summary>
    public int RequestsFor(string path) => _log.Count(r => r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Enqueue(string path, Fault fault, int times)
    {
        var queue = _faults.GetOrAdd(path, _ => new ConcurrentQueue<Fault>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(fault);
        }
    }

    private async Task ServeAsync(HttpContext context)
    {
        var path = (context.Request.Path.Value ?? "/").TrimStart('/');
        var fault = _faults.TryGetValue(path, out var queue) && queue.TryDequeue(out var f) ? f : null;
        long? rangeFrom = null;
        if (context.Request.Headers.Range.ToString() is { Length: > 0 } range && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
        {
            rangeFrom = long.Parse(range["bytes=".Length..^1], CultureInfo.InvariantCulture);
        }

        if (fault?.Status is { } status || !_files.TryGetValue(path, out var content))
        {
            var code = fault?.Status ?? StatusCodes.Status404NotFound;
            _log.Enqueue(new ServedRequest(path, rangeFrom, code, 0));
            context.Response.StatusCode = code;
            return;
        }

        var start = 0L;
        context.Response.StatusCode = StatusCodes.Status200OK;
        if (rangeFrom is { } from && !IgnoreRange)
        {
            if (from >= content.Length)
            {
                _log.Enqueue(new ServedRequest(path, rangeFrom, StatusCodes.Status416RangeNotSatisfiable, 0));
                context.Response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                context.Response.Headers.ContentRange = $"bytes */{content.Length}";
                return;
            }

            start = from;
            context.Response.StatusCode = StatusCodes.Status206PartialContent;
            context.Response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {from}-{content.Length - 1}/{content.Length}");
        }

        context.Response.Headers.AcceptRanges = "bytes";
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = content.Length - start;
        var send = fault?.CutAfter is { } cut ? Math.Min(cut, content.Length - start) : content.Length - start;
        _log.Enqueue(new ServedRequest(path, rangeFrom, context.Response.StatusCode, send));
        if (fault?.Stall is { } wait)
        {
            await context.Response.StartAsync(context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(wait, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(content.AsMemory((int)start, (int)send), context.RequestAborted);
        if (fault?.CutAfter is not null)
        {
            // Abort drops what the transport has not sent yet: give the bytes time to leave first.
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromMilliseconds(250), context.RequestAborted);
            context.Abort();
        }
    }
}
