using System.Collections.Concurrent;

namespace CurationPipeline.Llm;

/// <summary>Thread-safe counters per endpoint and role; <see cref="Snapshot"/> turns them into a <see cref="UsageSnapshot"/>.</summary>
public sealed class UsageLedger
{
    private readonly ConcurrentDictionary<(string Endpoint, string Role), Counters> _counters = new();
    private readonly IReadOnlyDictionary<string, EndpointOptions> _endpoints;

    public UsageLedger(IEnumerable<EndpointOptions>? endpoints = null) =>
        _endpoints = (endpoints ?? []).ToDictionary(e => e.Name, StringComparer.Ordinal);

    /// <summary>One request answered by a call (or calls, with retries).</summary>
    public void RecordAnswer(string endpoint, string role, int attempts, long promptTokens, long completionTokens)
    {
        var c = Get(endpoint, role);
        Interlocked.Increment(ref c.Requests);
        Interlocked.Add(ref c.Calls, attempts);
        Interlocked.Add(ref c.Retries, Math.Max(0, attempts - 1));
        Interlocked.Add(ref c.PromptTokens, promptTokens);
        Interlocked.Add(ref c.CompletionTokens, completionTokens);
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
        decimal? cost = null;
        if (_endpoints.TryGetValue(endpoint, out var e) && (e.PromptPricePerMillion is not null || e.CompletionPricePerMillion is not null))
        {
            cost = (prompt * (e.PromptPricePerMillion ?? 0m) + completion * (e.CompletionPricePerMillion ?? 0m)) / 1_000_000m;
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
            CachedPromptTokens = Interlocked.Read(ref c.CachedPromptTokens),
            CachedCompletionTokens = Interlocked.Read(ref c.CachedCompletionTokens),
            EstimatedCost = cost,
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
    }
}
