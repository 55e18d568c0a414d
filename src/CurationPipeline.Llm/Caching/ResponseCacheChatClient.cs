using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>
/// Serves answers already in the <see cref="ResponseCache"/> without a call, stores new ones with their
/// usage, and lets a second identical request in flight wait for the first rather than call again: in this
/// process through the cache's in-flight table, across processes through the file's leases.
/// </summary>
/// <param name="readOnly">Serve what is stored, store nothing and take no lease (a plan's stand-in answers are not answers).</param>
public sealed class ResponseCacheChatClient(IChatClient innerClient, ResponseCache cache, EndpointOptions keyEndpoint, TimeProvider timeProvider, bool readOnly = false)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? messages.ToList();
        var key = CacheKey.Compute(keyEndpoint.Model, keyEndpoint, list, options);
        if (readOnly)
        {
            if ((cache.TryGet(key) ?? cache.Planned.GetValueOrDefault(key)) is { } known)
            {
                return known.ToResponse(); // stored, or asked before in this plan: the run asks it once
            }

            var standIn = await base.GetResponseAsync(list, options, cancellationToken);
            cache.Planned.TryAdd(key, CachedResponse.From(standIn));
            return standIn;
        }

        while (true)
        {
            // Take the lead for this key before looking it up: whoever answered it before committed the
            // answer before leaving the in-flight table, so one lookup by the leader suffices.
            var mine = new TaskCompletionSource<CachedResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
            var current = cache.InFlight.GetOrAdd(key, mine.Task);
            if (current != mine.Task)
            {
                try
                {
                    return (await current.WaitAsync(cancellationToken)).ToResponse();
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    continue; // the first caller gave up; try again, possibly as the one who calls
                }
                catch (LlmException e)
                {
                    // The same failure, but the calls it made belong to the first caller's accounting.
                    throw new LlmException(e.Message, e)
                    {
                        Endpoint = e.Endpoint,
                        Model = e.Model,
                        StatusCode = e.StatusCode,
                        RawResponse = e.RawResponse,
                        Attempts = 0,
                    };
                }
            }

            var leased = false;
            var draining = false;
            try
            {
                var stored = cache.TryGet(key) ?? await WaitForLeaseAsync(key, cancellationToken);
                if (stored is not null)
                {
                    mine.SetResult(stored);
                    Leave(key, mine.Task);
                    return stored.ToResponse();
                }

                leased = true;
                // The call has a token of its own, cancelled a grace after the caller's: when a run stops, an answer
                // that arrives within the grace is still stored (the caller has gone), so it is not paid for again.
                var drain = new CancellationTokenSource();
                var grace = cache.Options.DrainGrace;
                var link = cancellationToken.Register(() => drain.CancelAfter(grace));
                var call = base.GetResponseAsync(list, options, drain.Token);
                if (!call.IsCompleted)
                {
                    try
                    {
                        await call.WaitAsync(cancellationToken);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !call.IsCompleted)
                    {
                        draining = true;
                        cache.Draining(StoreWhenAnsweredAsync(call, key, mine, drain, link));
                        throw;
                    }
                }

                link.Dispose();
                drain.Dispose();
                var response = await call;
                Store(key, mine, response);
                return response;
            }
            catch (OperationCanceledException) when (!draining)
            {
                mine.TrySetCanceled(CancellationToken.None);
                Abandon(key, mine.Task, leased);
                throw;
            }
            catch (Exception e) when (!draining)
            {
                mine.TrySetException(e);
                _ = mine.Task.Exception; // observed: no waiter may be there
                Abandon(key, mine.Task, leased);
                throw;
            }
        }
    }

    /// <summary>Hands the answer to identical requests waiting in this process and queues it for the file.</summary>
    private void Store(string key, TaskCompletionSource<CachedResponse> mine, ChatResponse response)
    {
        var entry = CachedResponse.From(response);
        mine.SetResult(entry);
        // Stay in the in-flight table until the answer is committed, so that an identical request
        // arriving meanwhile is served from here instead of calling again.
        cache.Enqueue(key, keyEndpoint.Model, entry, timeProvider.GetUtcNow(), () => Leave(key, mine.Task));
        cache.OnReceived();
    }

    /// <summary>The rest of a call whose caller was cancelled: its answer stored when it comes within the grace.</summary>
    private async Task StoreWhenAnsweredAsync(Task<ChatResponse> call, string key, TaskCompletionSource<CachedResponse> mine, CancellationTokenSource drain,
        CancellationTokenRegistration link)
    {
        try
        {
            Store(key, mine, await call);
        }
        catch (Exception)
        {
            mine.TrySetCanceled(CancellationToken.None); // unanswered within the grace, or failed: nothing to store
            Abandon(key, mine.Task, leased: true);
        }
        finally
        {
            await link.DisposeAsync();
            drain.Dispose();
        }
    }

    /// <summary>
    /// Takes the file's lease on the key, or waits while another process holds it; returns the answer when
    /// one is stored meanwhile, <c>null</c> once the lease is this cache's and the request is to be sent.
    /// </summary>
    private async Task<CachedResponse?> WaitForLeaseAsync(string key, CancellationToken cancellationToken)
    {
        var delay = cache.Options.FirstLeasePoll;
        while (true)
        {
            var claiming = cache.ClaimAsync(key);
            LeaseClaim claim;
            try
            {
                claim = await claiming.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The claim still completes in the writer: a lease taken for nobody is given back.
                _ = claiming.ContinueWith(t => { if (t.Result.State == LeaseClaim.Outcome.Taken) cache.Release(key); }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw;
            }

            switch (claim.State)
            {
                case LeaseClaim.Outcome.Taken:
                    return null;
                case LeaseClaim.Outcome.Answered:
                    return claim.Answer;
            }

            // Held by a live process: its answer will be in the file; wall clock, as the other process runs on it.
            await Task.Delay(delay, cancellationToken);
            if (cache.TryGet(key) is { } answer)
            {
                return answer;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, cache.Options.MaxLeasePoll.Ticks));
        }
    }

    private void Abandon(string key, Task<CachedResponse> task, bool leased)
    {
        if (leased)
        {
            cache.Release(key);
        }

        Leave(key, task);
    }

    private void Leave(string key, Task<CachedResponse> task) =>
        cache.InFlight.TryRemove(new KeyValuePair<string, Task<CachedResponse>>(key, task));

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingFallback.Updates(GetResponseAsync(messages, options, cancellationToken));
}
