using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace CurationPipeline.Llm;

/// <summary>
/// Collects the chat requests of one batch endpoint into batch files, sends them through the provider's Batch
/// API and hands every request the line of the output file that answers it. Requests are parked until the
/// collection is sent: when it reaches the file limits (<c>batch_max_requests</c>, <c>batch_max_bytes</c>), when
/// no request came for <c>batch_flush_seconds</c> (the end of a stage, or a stage whose parallelism is below the
/// batch size: nobody waits for a full file that will not come), or a minute after the first parked request.
/// Each line's custom id is its request's cache key, so a request already in a batch (this run's or, through the
/// journal, one a killed run sent) waits for that batch instead of being sent again.
/// </summary>
internal sealed class BatchCollector : IDisposable
{
    private const string MetadataKey = "curate_batch";
    private static readonly TimeSpan JournalRetention = TimeSpan.FromDays(30);

    private readonly EndpointOptions _endpoint;
    private readonly BatchApi _api;
    private readonly BatchJournal _journal;
    private readonly Action<string> _warn;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, TaskCompletionSource<LineResult>> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LineState> _index = new(StringComparer.Ordinal);
    private readonly HashSet<string> _parked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BatchStatus> _ended = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<Dictionary<string, LineResult>>>> _outputs = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> _work = [];
    private readonly Task _startup;
    private readonly Task _flushLoop;
    private readonly Func<bool> _busy;
    private List<(string Key, byte[] Body)> _buffer = [];
    private long _bufferBytes;
    private long _firstParked;
    private long _lastParked;
    private readonly string _url;
    private readonly int _lineOverhead;
    private int _submitted;
    private int _inProgress;
    private int _endedCount;
    private long _linesSubmitted;
    private long _linesAnswered;
    private long _linesFailed;

    /// <param name="busy">Whether answers pile up above the collector (queued continuations, cache writes): a batch's output is then read no further for a moment.</param>
    public BatchCollector(EndpointOptions endpoint, BatchApi api, BatchJournal journal, Action<string> warn, Func<bool> busy)
    {
        _busy = busy;
        _endpoint = endpoint;
        _api = api;
        _journal = journal;
        _warn = warn;
        // The path the SDK posts to, which the provider expects in each line (e.g. /v1/chat/completions).
        var baseUrl = endpoint.BaseUrl.AbsoluteUri.EndsWith('/') ? endpoint.BaseUrl : new Uri(endpoint.BaseUrl.AbsoluteUri + "/");
        _url = new Uri(baseUrl, "chat/completions").AbsolutePath;
        _lineOverhead = BatchFileContent.Overhead(_url);
        _startup = Task.Run(ReattachAsync);
        _flushLoop = Task.Run(FlushLoopAsync);
    }

    private TimeSpan FlushAfter => TimeSpan.FromSeconds(_endpoint.BatchFlushSeconds);

    private TimeSpan MaxWait => TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(1).Ticks, FlushAfter.Ticks * 12));

    /// <summary>Batches and lines so far.</summary>
    public BatchProgress Progress()
    {
        lock (_lock)
        {
            return new BatchProgress(Volatile.Read(ref _submitted), Volatile.Read(ref _inProgress), Volatile.Read(ref _endedCount),
                Interlocked.Read(ref _linesSubmitted), Interlocked.Read(ref _linesAnswered), Interlocked.Read(ref _linesFailed), _buffer.Count);
        }
    }

    /// <summary>
    /// The answer to one chat request: its line of a batch's output (or error) file; <see cref="LineResult.Direct"/>
    /// when the request is to be sent directly instead (a failed line, with <c>batch_retry: direct</c>).
    /// </summary>
    public Task<LineResult> SendAsync(string key, byte[] body, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
        if (!_startup.IsCompletedSuccessfully)
        {
            return AfterStartupAsync(key, body, cancellationToken);
        }

        // No async frame of its own while parked: a batch may hold tens of thousands of requests for hours.
        Task<LineResult> answer;
        string answeredIn;
        lock (_lock)
        {
            _index.TryGetValue(key, out var state);
            switch (state.Status)
            {
                case LineState.Open when state.LocalId is not null:
                    answer = Waiter(key).Task; // in a batch in flight: wait for it, never send twice
                    return cancellationToken.CanBeCanceled ? answer.WaitAsync(cancellationToken) : answer;
                case LineState.Answered:
                    answeredIn = state.LocalId!;
                    break;
                default:
                    if (state.LocalId is not null && _endpoint.BatchRetry == BatchRetryMode.Direct)
                    {
                        return Task.FromResult(LineResult.Direct); // its line failed: ask directly
                    }

                    answer = Park(key, body);
                    return cancellationToken.CanBeCanceled ? answer.WaitAsync(cancellationToken) : answer;
            }
        }

        return FromEndedBatchAsync(answeredIn, key, body, cancellationToken);
    }

    private async Task<LineResult> AfterStartupAsync(string key, byte[] body, CancellationToken cancellationToken)
    {
        await _startup.WaitAsync(cancellationToken);
        return await SendAsync(key, body, cancellationToken);
    }

    /// <summary>A line answered in a batch that ended before this process asked (a resumed run): from the batch's output file.</summary>
    private async Task<LineResult> FromEndedBatchAsync(string localId, string key, byte[] body, CancellationToken cancellationToken)
    {
        if (await FromOutputAsync(localId, key).WaitAsync(cancellationToken) is { } stored)
        {
            return stored;
        }

        lock (_lock)
        {
            _index.Remove(key); // the output file is gone: ask again
        }

        return await SendAsync(key, body, cancellationToken);
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            Task.WaitAll([_flushLoop, .. _work], TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // Cancelled work: the journal keeps every batch in flight for the next run.
        }

        lock (_lock)
        {
            foreach (var waiter in _waiting.Values)
            {
                waiter.TrySetCanceled();
            }

            _waiting.Clear();
        }
    }

    private Task<LineResult> Park(string key, byte[] body)
    {
        var waiter = Waiter(key);
        if (!_parked.Add(key))
        {
            return waiter.Task; // the same request parked twice: one line
        }

        var size = body.Length + key.Length + _lineOverhead;
        if (_buffer.Count > 0 && (_buffer.Count >= _endpoint.BatchMaxRequests || _bufferBytes + size > _endpoint.BatchMaxBytes))
        {
            FlushLocked();
        }

        var now = Stopwatch.GetTimestamp();
        if (_buffer.Count == 0)
        {
            _firstParked = now;
        }

        _lastParked = now;
        _buffer.Add((key, body));
        _bufferBytes += size;
        if (_buffer.Count >= _endpoint.BatchMaxRequests)
        {
            FlushLocked();
        }

        return waiter.Task;
    }

    private TaskCompletionSource<LineResult> Waiter(string key)
    {
        if (!_waiting.TryGetValue(key, out var waiter))
        {
            _waiting[key] = waiter = new TaskCompletionSource<LineResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return waiter;
    }

    private async Task FlushLoopAsync()
    {
        var tick = TimeSpan.FromTicks(Math.Clamp(FlushAfter.Ticks / 4, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromSeconds(1).Ticks));
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(tick, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lock (_lock)
            {
                if (_buffer.Count > 0
                    && (Stopwatch.GetElapsedTime(_lastParked) >= FlushAfter || Stopwatch.GetElapsedTime(_firstParked) >= MaxWait))
                {
                    FlushLocked();
                }
            }
        }
    }

    /// <summary>Sends what is collected as one batch (under the lock; the upload runs on its own).</summary>
    private void FlushLocked()
    {
        var lines = _buffer;
        _buffer = [];
        _bufferBytes = 0;
        _parked.Clear();
        var localId = Guid.NewGuid().ToString("N");
        foreach (var line in lines)
        {
            _index[line.Key] = new LineState(localId, LineState.Open);
        }

        Interlocked.Add(ref _linesSubmitted, lines.Count);
        var url = _url;
        _work.Add(Task.Run(() => SubmitAsync(localId, lines, url)));
    }

    private async Task SubmitAsync(string localId, List<(string Key, byte[] Body)> lines, string url)
    {
        var keys = lines.ConvertAll(l => l.Key);
        BatchStatus? created = null;
        try
        {
            // Journalled before the upload: a process killed from here on finds the batch again by its local id.
            _journal.Add(localId, _endpoint.Name, keys, DateTimeOffset.UtcNow);
            var fileId = await WithRetriesAsync(() => _api.UploadAsync(() => new BatchFileContent(lines, url), $"curate-{localId}.jsonl", _stop.Token));
            lines.Clear(); // the bodies are no longer needed while the batch runs, maybe for hours
            lines.TrimExcess();
            created = await CreateOnceAsync(localId, fileId, url);
            _journal.Submitted(localId, created.Id);
            Interlocked.Increment(ref _submitted);
            Interlocked.Increment(ref _inProgress);
            await PollAsync(localId, created.Id, keys);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping: the journal keeps the batch for the next run.
        }
        catch (Exception e) when (created is null)
        {
            _warn($"endpoint '{_endpoint.Name}': a batch of {keys.Count} requests could not be submitted ({e.Message}); they are asked again");
            _journal.Remove(localId);
            var status = e is BatchApiException { StatusCode: > 0 } api ? api.StatusCode : 503;
            Deliver(keys.Select(k => (k, LineResult.Error(status, "the batch could not be submitted: " + e.Message, null))).ToList(), localId, forget: true);
        }
        catch (Exception e)
        {
            _warn($"endpoint '{_endpoint.Name}': batch {created!.Id} could not be followed ({e.Message}); it is followed again on the next run");
            Deliver(keys.Select(k => (k, LineResult.Error(503, "the batch could not be followed: " + e.Message, created.Id))).ToList(), localId, forget: true);
        }
    }

    /// <summary>Creates the batch; a failed attempt is retried only once the provider is known not to have created it.</summary>
    private async Task<BatchStatus> CreateOnceAsync(string localId, string fileId, string url)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [MetadataKey] = localId };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _api.CreateAsync(fileId, url, metadata, _stop.Token);
            }
            catch (Exception e) when (IsTransient(e) && attempt < 5)
            {
                await Task.Delay(Backoff(attempt), _stop.Token);
                if (await FindAsync(localId, DateTimeOffset.UtcNow - TimeSpan.FromHours(1)) is { } existing)
                {
                    return existing; // the failed attempt did create it
                }
            }
        }
    }

    private async Task PollAsync(string localId, string batchId, IReadOnlyList<string> keys)
    {
        var first = TimeSpan.FromSeconds(_endpoint.BatchPollSeconds);
        var longest = TimeSpan.FromTicks(Math.Min(first.Ticks * 20, TimeSpan.FromMinutes(10).Ticks));
        var delay = first;
        while (true)
        {
            await Task.Delay(delay, _stop.Token);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, longest.Ticks));
            BatchStatus status;
            try
            {
                status = await _api.RetrieveAsync(batchId, _stop.Token);
            }
            catch (Exception e) when (IsTransient(e))
            {
                continue; // the batch goes on at the provider; look again later
            }

            if (status.Ended)
            {
                await EndAsync(localId, status, keys);
                return;
            }
        }
    }

    /// <summary>Reads the output and error files of an ended batch as they download, answering the lines as they come, then every line not in them.</summary>
    private async Task EndAsync(string localId, BatchStatus status, IReadOnlyList<string> keys)
    {
        var pending = new HashSet<string>(keys, StringComparer.Ordinal);
        var failed = new List<(string, int)>();
        foreach (var file in new[] { status.OutputFileId, status.ErrorFileId })
        {
            if (file is null)
            {
                continue;
            }

            await WithRetriesAsync(() => _api.DownloadLinesAsync(file, async chunk =>
            {
                var answers = new List<(string, LineResult)>();
                var failedBefore = failed.Count;
                BatchOutput.Read(chunk.Span, status.Id, (key, result) =>
                {
                    if (pending.Remove(key))
                    {
                        if (result.Status != 200)
                        {
                            failed.Add((key, result.Status));
                        }

                        answers.Add((key, result));
                    }
                });
                Interlocked.Add(ref _linesAnswered, answers.Count - (failed.Count - failedBefore)); // counted as they come, for progress
                Interlocked.Add(ref _linesFailed, failed.Count - failedBefore);
                Deliver(answers, localId, forget: false);
                await TakenAsync();
            }, _stop.Token));
        }

        var missing = pending.Select(key => (key, status.Status == "failed"
            ? LineResult.Error(400, $"batch {status.Id} failed: {status.Errors ?? "no reason given"}", status.Id)
            : LineResult.Error(503, $"batch {status.Id} {status.Status} before answering this request", status.Id))).ToList();
        failed.AddRange(missing.Select(m => (m.key, m.Item2.Status)));
        _journal.Ended(localId, status.Status, status.OutputFileId, status.ErrorFileId, failed);
        _ended[localId] = status;
        Interlocked.Decrement(ref _inProgress);
        Interlocked.Increment(ref _endedCount);
        Interlocked.Add(ref _linesFailed, missing.Count);
        Deliver(missing, localId, forget: false);
    }

    /// <summary>Completes the waiting requests; <paramref name="forget"/> drops the lines from the index (they will be asked anew).</summary>
    private void Deliver(List<(string Key, LineResult Result)> answers, string localId, bool forget)
    {
        var ready = new List<(TaskCompletionSource<LineResult>, LineResult)>();
        lock (_lock)
        {
            foreach (var (key, result) in answers)
            {
                if (forget)
                {
                    if (_index.TryGetValue(key, out var s) && s.LocalId == localId)
                    {
                        _index.Remove(key);
                    }
                }
                else
                {
                    _index[key] = new LineState(localId, result.Status == 200 ? LineState.Answered : result.Status);
                }

                if (_waiting.Remove(key, out var waiter))
                {
                    ready.Add((waiter, result));
                }
            }
        }

        foreach (var (waiter, result) in ready)
        {
            waiter.TrySetResult(result);
        }
    }

    /// <summary>
    /// Waits while the answers just handed over have not been taken: the requests continue on the thread pool and
    /// their answers are then cached, and a file read faster than that would pile up answers in memory.
    /// </summary>
    private async Task TakenAsync()
    {
        while (_busy())
        {
            await Task.Delay(1, _stop.Token);
        }
    }

    /// <summary>The answer to <paramref name="key"/> in the output file of ended batch <paramref name="localId"/>, or <c>null</c>.</summary>
    private async Task<LineResult?> FromOutputAsync(string localId, string key)
    {
        if (!_ended.TryGetValue(localId, out var status) || status.OutputFileId is not { } file)
        {
            return null;
        }

        var lines = await _outputs.GetOrAdd(localId, _ => new Lazy<Task<Dictionary<string, LineResult>>>(async () =>
        {
            var results = new Dictionary<string, LineResult>(StringComparer.Ordinal);
            await WithRetriesAsync(() => _api.DownloadLinesAsync(file, chunk =>
            {
                BatchOutput.Read(chunk.Span, status.Id, (k, r) => results[k] = r);
                return ValueTask.CompletedTask;
            }, _stop.Token));
            return results;
        })).Value;
        return lines.TryGetValue(key, out var result) && result.Status == 200 ? result : null;
    }

    /// <summary>
    /// Takes up what the journal says earlier runs sent: batches in flight are followed again (their requests
    /// wait for them), lines of ended batches are answered from their output files, and a batch journalled but
    /// maybe never created is looked up at the provider by its local id.
    /// </summary>
    private async Task ReattachAsync()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var batch in _journal.Load(_endpoint.Name, now - JournalRetention))
        {
            var state = batch.State;
            var providerId = batch.ProviderId;
            if (state == "uploading")
            {
                if (batch.OwnerMayBeAlive(now))
                {
                    continue; // another process is sending it right now
                }

                BatchStatus? found;
                try
                {
                    found = await FindAsync(batch.LocalId, batch.Created - TimeSpan.FromDays(1));
                }
                catch (Exception e) when (IsTransient(e) || e is BatchApiException)
                {
                    _warn($"endpoint '{_endpoint.Name}': could not tell whether batch {batch.LocalId} was created ({e.Message}); its requests are asked again");
                    continue;
                }

                if (found is null)
                {
                    _journal.Remove(batch.LocalId); // never created: its requests are asked anew
                    continue;
                }

                _journal.Submitted(batch.LocalId, found.Id);
                (state, providerId) = ("submitted", found.Id);
            }

            lock (_lock)
            {
                foreach (var (key, failedWith) in batch.Lines)
                {
                    var status = state == "submitted" ? LineState.Open : failedWith == 0 ? LineState.Answered : failedWith;
                    _index[key] = new LineState(batch.LocalId, status);
                }
            }

            if (state == "submitted")
            {
                Interlocked.Increment(ref _submitted);
                Interlocked.Increment(ref _inProgress);
                var keys = batch.Lines.Keys.ToList();
                var localId = batch.LocalId;
                _work.Add(Task.Run(async () =>
                {
                    try
                    {
                        await PollAsync(localId, providerId!, keys);
                    }
                    catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                    {
                        // Stopping again: still journalled.
                    }
                }));
            }
            else
            {
                _ended[batch.LocalId] = new BatchStatus(providerId ?? batch.LocalId, state, batch.OutputFileId, batch.ErrorFileId, 0, batch.Lines.Count, 0, 0,
                    new Dictionary<string, string>(), null);
            }
        }
    }

    private Task<BatchStatus?> FindAsync(string localId, DateTimeOffset notBefore) =>
        _api.FindAsync(
            b => b.Metadata.TryGetValue(MetadataKey, out var id) && id == localId,
            b => b.CreatedAt > 0 && b.CreatedAt < notBefore.ToUnixTimeSeconds(),
            _stop.Token);

    private async Task<T> WithRetriesAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (IsTransient(e) && attempt < 6)
            {
                await Task.Delay(Backoff(attempt), _stop.Token);
            }
        }
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt - 1)));

    private bool IsTransient(Exception e) => !_stop.IsCancellationRequested
        && e is BatchApiException { IsTransient: true } or HttpRequestException or TaskCanceledException or IOException;

    /// <summary>Where a request's line is: in batch <see cref="LocalId"/>, open, answered, or failed with an HTTP status.</summary>
    private readonly record struct LineState(string? LocalId, int Status)
    {
        public const int Open = 0;
        public const int Answered = 200;
    }
}

/// <summary>One line's outcome: the HTTP status and body the provider gave it, and the batch it was in.</summary>
internal sealed record LineResult(int Status, byte[] Body, string? BatchId)
{
    /// <summary>Not a line: the request is to be sent directly.</summary>
    public static readonly LineResult Direct = new(0, [], null);

    public static LineResult Error(int status, string message, string? batchId) =>
        new(status, JsonSerializer.SerializeToUtf8Bytes(new { error = new { message, type = "batch_error", code = status } }), batchId);
}
