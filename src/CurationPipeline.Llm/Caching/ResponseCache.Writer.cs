using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;

namespace CurationPipeline.Llm;

public sealed partial class ResponseCache
{
    private const int MaxBatch = 256;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<Exception>? _onWriteError;
    private readonly Task _writerLoop;
    private Session? _writer;

    /// <summary>Completes when everything queued so far is committed to the file.</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new PendingWrite(null, null, null, default, () => done.TrySetResult())))
        {
            done.TrySetResult(); // closed: the writer has already finished
        }

        return done.Task;
    }

    /// <summary>Queues an answer; <paramref name="stored"/> runs once it is committed (or could not be).</summary>
    internal void Enqueue(string key, string model, CachedResponse response, DateTimeOffset now, Action stored)
    {
        if (!_queue.Writer.TryWrite(new PendingWrite(key, model, response, now, stored)))
        {
            stored(); // disposed: the answer is returned but not kept
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                WriteBatch(batch);
            }
            catch (Exception e)
            {
                _onWriteError?.Invoke(e);
            }

            foreach (var item in batch)
            {
                item.Stored();
            }

            batch.Clear();
        }
    }

    private void WriteBatch(List<PendingWrite> batch)
    {
        if (!batch.Exists(b => b.Key is not null))
        {
            return;
        }

        _writer ??= new Session(Open());
        using var transaction = _writer.Connection.BeginTransaction(); // BEGIN IMMEDIATE: waits on other processes' writes
        var command = _writer.Put;
        command.Transaction = transaction;
        var p = command.Parameters;
        foreach (var item in batch)
        {
            if (item.Key is null)
            {
                continue;
            }

            var response = item.Response!;
            p["$key"].Value = item.Key;
            p["$model"].Value = item.Model;
            p["$endpoint"].Value = (object?)response.Endpoint ?? DBNull.Value;
            p["$created"].Value = item.Now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            p["$prompt"].Value = (object?)response.PromptTokens ?? DBNull.Value;
            p["$completion"].Value = (object?)response.CompletionTokens ?? DBNull.Value;
            p["$body"].Value = JsonSerializer.Serialize(response);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>An answer to store, or (key null) a flush marker.</summary>
    private sealed record PendingWrite(string? Key, string? Model, CachedResponse? Response, DateTimeOffset Now, Action Stored);
}
