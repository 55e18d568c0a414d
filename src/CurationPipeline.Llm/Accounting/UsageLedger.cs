using System.Collections.Concurrent;

namespace CurationPipeline.Llm;

/// <summary>Thread-safe counters per endpoint and role; <see cref="Snapshot"/> turns them into a <see cref="UsageSnapshot"/>.</summary>
public sealed class UsageLedger
{
    private readonly ConcurrentDictionary<(string Endpoint, string Role), Counters> _counters = new();
    private readonly IReadOnlyDictionary<string, EndpointOptions> _endpoints;

    public UsageLedger(IEnumerable<EndpointOptions>? endpoints = null) =>
        _endpoints = (endpoints ?? []).ToDictionary(e => e.Name, StringComparer.Ordinal);

    /// <summary>One request answered by a call (or calls, with retries); <paramref name="batched"/> when a batch line answered it.</summary>
    public void RecordAnswer(string endpoint, string role, int attempts, long promptTokens, long completionTokens, bool batched = false)
    {
        var c = Get(endpoint, role);
        Interlocked.Increment(ref c.Requests);
        Interlocked.Add(ref c.Calls, attempts);
        Interlocked.Add(ref c.Retries, Math.Max(0, attempts - 1));
        Interlocked.Add(ref c.PromptTokens, promptTokens);
        Interlocked.Add(ref c.CompletionTokens, completionTokens);
        if (batched)
        {
            Interlocked.Increment(ref c.Batched);
            Interlocked.Add(ref c.BatchedPromptTokens, promptTokens);
            Interlocked.Add(ref c.BatchedCompletionTokens, completionTokens);
        }
    }

    /// <summary>Mean completion tokens of the answers (made or cached) of an endpoint under a role so far; <c>null</c> before the first.</summary>
    public double? MeanCompletionTokens(string endpoint, string role)
    {
        if (!_counters.TryGetValue((endpoint, role), out var c))
        {
            return null;
        }

        var answers = Interlocked.Read(ref c.Requests) - Interlocked.Read(ref c.Failures);
        return answers > 0 ? (double)(Interlocked.Read(ref c.CompletionTokens) + Interlocked.Read(ref c.CachedCompletionTokens)) / answers : null;
    }

    /// <summary>One request answered from the cache: no call, no tokens spent.</summary>
    public void RecordCacheHit(string endpoint, string role, long promptTokens, long completionTokens)
    {
        var c = Get(endpoint, role);
        Interlocked.Increment(ref c.Requests);
        Interlocked.Increment(ref c.CacheHits);
        Interlocked.Add(ref c.CachedPromptTokens, promptTokens);
        Interlocked.Add(ref c.CachedCompletionTokens, completionTokens);
    }

    /// <summary>One request that failed for good after <paramref name="attempts"/> calls.</summary>
    public void RecordFailure(string endpoint, string role, int attempts)
    {
        var c = Get(endpoint, role);
        Interlocked.Increment(ref c.Requests);
        Interlocked.Increment(ref c.Failures);
        Interlocked.Add(ref c.Calls, attempts);
        Interlocked.Add(ref c.Retries, Math.Max(0, attempts - 1));
    }

    public UsageSnapshot Snapshot(DateTimeOffset takenAt)
    {
        var rows = _counters
            .Select(kv => Row(kv.Key.Endpoint, kv.Key.Role, kv.Value))
            .OrderBy(r => r.Endpoint, StringComparer.Ordinal)
            .ThenBy(r => r.Role, StringComparer.Ordinal)
            .ToList();
        return new UsageSnapshot(takenAt, rows);
    }

    private UsageRow Row(string endpoint, string role, Counters c)
    {
        var prompt = Interlocked.Read(ref c.PromptTokens);
        var completion = Interlocked.Read(ref c.CompletionTokens);
        var (batchedPrompt, batchedCompletion) = (Interlocked.Read(ref c.BatchedPromptTokens), Interlocked.Read(ref c.BatchedCompletionTokens));
        var (cachedPrompt, cachedCompletion) = (Interlocked.Read(ref c.CachedPromptTokens), Interlocked.Read(ref c.CachedCompletionTokens));
        decimal? cost = null, savedByCache = null, savedByBatch = null;
        _endpoints.TryGetValue(endpoint, out var e);
        if (Pricing.HasPrice(e))
        {
            cost = Pricing.Cost(e!, prompt - batchedPrompt, completion - batchedCompletion, batched: false)
                + Pricing.Cost(e!, batchedPrompt, batchedCompletion, batched: true);
            savedByBatch = Pricing.Cost(e!, batchedPrompt, batchedCompletion, batched: false) - Pricing.Cost(e!, batchedPrompt, batchedCompletion, batched: true);
            // What the cached answers would cost if asked now, the way this endpoint asks.
            savedByCache = Pricing.Cost(e!, cachedPrompt, cachedCompletion, e!.Batch);
        }

        return new UsageRow
        {
            Endpoint = endpoint,
            Model = e?.Model,
            Role = role,
            Requests = Interlocked.Read(ref c.Requests),
            Calls = Interlocked.Read(ref c.Calls),
            CacheHits = Interlocked.Read(ref c.CacheHits),
            Retries = Interlocked.Read(ref c.Retries),
            Failures = Interlocked.Read(ref c.Failures),
            PromptTokens = prompt,
            CompletionTokens = completion,
            CachedPromptTokens = cachedPrompt,
            CachedCompletionTokens = cachedCompletion,
            Batched = Interlocked.Read(ref c.Batched),
            BatchedPromptTokens = batchedPrompt,
            BatchedCompletionTokens = batchedCompletion,
            EstimatedCost = cost,
            SavedByCache = savedByCache,
            SavedByBatch = savedByBatch,
        };
    }

    private Counters Get(string endpoint, string role) => _counters.GetOrAdd((endpoint, role), _ => new Counters());

    private sealed class Counters
    {
        public long Requests;
        public long Calls;
        public long CacheHits;
        public long Retries;
        public long Failures;
        public long PromptTokens;
        public long CompletionTokens;
        public long CachedPromptTokens;
        public long CachedCompletionTokens;
        public long Batched;
        public long BatchedPromptTokens;
        public long BatchedCompletionTokens;
    }
}
