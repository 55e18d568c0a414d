using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;

namespace CurationPipeline.Llm;

public sealed partial class ResponseCache
{
    private const int MaxBatch = 1024;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<Exception>? _onWriteError;
    private readonly Task _writerLoop;

    private int _queuedAnswers;

    /// <summary>Answers queued and not yet taken by the writer.</summary>
    internal int QueuedAnswers => Volatile.Read(ref _queuedAnswers);
    private WriterSession? _writer;

    /// <summary>Completes when everything queued so far is committed to the file.</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new PendingWrite(WriteKind.Flush, null) { Stored = () => done.TrySetResult() }))
        {
            done.TrySetResult(); // closed: the writer has already finished
        }

        return done.Task;
    }

    /// <summary>Queues an answer and the release of its lease; <paramref name="stored"/> runs once it is committed (or could not be).</summary>
    internal void Enqueue(string key, string model, CachedResponse response, DateTimeOffset now, Action stored)
    {
        Interlocked.Increment(ref _queuedAnswers);
        if (!_queue.Writer.TryWrite(new PendingWrite(WriteKind.Answer, key) { Model = model, Response = response, Now = now, Stored = stored }))
        {
            Interlocked.Decrement(ref _queuedAnswers);
            stored(); // disposed: the answer is returned but not kept
        }
    }

    /// <summary>
    /// Takes the lease on <paramref name="key"/> for this owner unless the answer is stored by now (then it is
    /// returned) or a live owner holds the lease (then the caller waits and asks again).
    /// </summary>
    internal Task<LeaseClaim> ClaimAsync(string key)
    {
        var claim = new TaskCompletionSource<LeaseClaim>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new PendingWrite(WriteKind.Claim, key) { Claim = claim }))
        {
            claim.TrySetResult(LeaseClaim.Taken); // disposed: nothing to coordinate with any more
        }

        return claim.Task;
    }

    /// <summary>Gives up the lease on <paramref name="key"/> (the request failed or was cancelled).</summary>
    internal void Release(string key) => _queue.Writer.TryWrite(new PendingWrite(WriteKind.Release, key));

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                if (item.Kind == WriteKind.Answer)
                {
                    Interlocked.Decrement(ref _queuedAnswers);
                }

                batch.Add(item);
            }

            try
            {
                WriteBatch(batch);
            }
            catch (Exception e)
            {
                _onWriteError?.Invoke(e);
                foreach (var item in batch)
                {
                    // Without the file's leases the request is made: paying twice is better than never answering.
                    item.Claim?.TrySetResult(LeaseClaim.Taken);
                }
            }

            foreach (var item in batch)
            {
                item.Stored?.Invoke();
            }

            batch.Clear();
        }
    }

    private void WriteBatch(List<PendingWrite> batch)
    {
        if (batch.TrueForAll(b => b.Kind == WriteKind.Flush))
        {
            return;
        }

        _writer ??= new WriterSession(Open(), OwnerId);
        var w = _writer;
        var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var results = new List<(TaskCompletionSource<LeaseClaim>, LeaseClaim)>();
        using (var transaction = w.Connection.BeginTransaction()) // BEGIN IMMEDIATE: waits on other processes' writes
        {
            w.Enlist(transaction);
            var liveness = new OwnerLiveness(w.Connection, transaction, _options, nowMs);
            foreach (var item in batch)
            {
                switch (item.Kind)
                {
                    case WriteKind.Answer:
                        Store(w, item);
                        Drop(w, item.Key!);
                        break;
                    case WriteKind.Release:
                        Drop(w, item.Key!);
                        break;
                    case WriteKind.Claim:
                        results.Add((item.Claim!, Claim(w, item.Key!, nowMs, liveness)));
                        break;
                    case WriteKind.Heartbeat:
                        w.Beat.Parameters["$now"].Value = nowMs;
                        if (w.Beat.ExecuteNonQuery() == 0)
                        {
                            RegisterOwner(w.Connection, transaction); // removed as dead by another process: back again
                        }

                        break;
                }
            }

            transaction.Commit();
        }

        // Only once committed does a lease count: then the request may be sent.
        foreach (var (claim, result) in results)
        {
            claim.TrySetResult(result);
        }
    }

    private static void Store(WriterSession w, PendingWrite item)
    {
        var response = item.Response!;
        var p = w.Put.Parameters;
        p["$key"].Value = item.Key;
        p["$model"].Value = item.Model;
        p["$endpoint"].Value = (object?)response.Endpoint ?? DBNull.Value;
        p["$created"].Value = item.Now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        p["$prompt"].Value = (object?)response.PromptTokens ?? DBNull.Value;
        p["$completion"].Value = (object?)response.CompletionTokens ?? DBNull.Value;
        p["$body"].Value = JsonSerializer.Serialize(response);
        w.Put.ExecuteNonQuery();
    }

    private static void Drop(WriterSession w, string key)
    {
        w.DropLease.Parameters["$key"].Value = key;
        w.DropLease.ExecuteNonQuery();
    }

    private LeaseClaim Claim(WriterSession w, string key, long nowMs, OwnerLiveness liveness)
    {
        w.Body.Parameters["$key"].Value = key;
        if (w.Body.ExecuteScalar() is string body)
        {
            return LeaseClaim.AnsweredWith(JsonSerializer.Deserialize<CachedResponse>(body)!);
        }

        // Usually nobody holds it: one insert takes it.
        w.NewLease.Parameters["$key"].Value = key;
        w.NewLease.Parameters["$now"].Value = nowMs;
        if (w.NewLease.ExecuteNonQuery() == 1)
        {
            return LeaseClaim.Taken;
        }

        w.LeaseOwner.Parameters["$key"].Value = key;
        if (w.LeaseOwner.ExecuteScalar() is string owner && owner != OwnerId && liveness.IsAlive(owner))
        {
            return LeaseClaim.HeldElsewhere;
        }

        w.TakeLease.Parameters["$key"].Value = key;
        w.TakeLease.Parameters["$now"].Value = nowMs;
        w.TakeLease.ExecuteNonQuery();
        return LeaseClaim.Taken;
    }

    private enum WriteKind
    {
        Answer,
        Claim,
        Release,
        Heartbeat,
        Flush,
    }

    /// <summary>One thing for the writer to do in its next transaction.</summary>
    private sealed record PendingWrite(WriteKind Kind, string? Key)
    {
        public static readonly PendingWrite Heartbeat = new(WriteKind.Heartbeat, null);

        public string? Model { get; init; }

        public CachedResponse? Response { get; init; }

        public DateTimeOffset Now { get; init; }

        public TaskCompletionSource<LeaseClaim>? Claim { get; init; }

        /// <summary>Runs after the transaction (committed or not).</summary>
        public Action? Stored { get; init; }
    }
}

/// <summary>What <see cref="ResponseCache.ClaimAsync"/> found: the lease is ours, the answer is stored, or another live owner is asking.</summary>
internal readonly record struct LeaseClaim(LeaseClaim.Outcome State, CachedResponse? Answer)
{
    public enum Outcome
    {
        Taken,
        Answered,
        Held,
    }

    public static LeaseClaim Taken => new(Outcome.Taken, null);

    public static LeaseClaim HeldElsewhere => new(Outcome.Held, null);

    public static LeaseClaim AnsweredWith(CachedResponse answer) => new(Outcome.Answered, answer);
}
