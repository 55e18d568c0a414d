using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Llm;

/// <summary>
/// Entry point of the model layer: one shared middleware stack per endpoint (circuit breaker, limits,
/// telemetry, the OpenAI SDK client), and per role a client with logging, accounting, the response cache
/// and retries on top, spreading a model's requests (and each retry) over the endpoints serving it.
/// </summary>
public sealed class ModelHub : IAsyncDisposable
{
    /// <summary>
    /// Name of the <see cref="System.Diagnostics.Metrics.Meter"/> and <see cref="System.Diagnostics.ActivitySource"/>
    /// of the calls to the endpoints (OpenTelemetry's gen_ai conventions: <c>gen_ai.client.operation.duration</c>,
    /// <c>gen_ai.client.token.usage</c>, a <c>chat MODEL</c> span per HTTP attempt; no message contents).
    /// </summary>
    public const string TelemetrySourceName = "CurationPipeline.Llm";

    private readonly EndpointsFile _file;
    private readonly ModelHubOptions _options;
    private readonly ResponseCache? _cache;
    private readonly UsageLedger _ledger;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Lazy<EndpointRuntime>> _runtimes;
    private readonly Lazy<BatchJournal> _journal;
    private readonly ConcurrentDictionary<(string Target, string Role), IChatClient> _clients = new();

    private ModelHub(EndpointsFile file, ModelHubOptions options)
    {
        _file = file;
        _options = options;
        _logger = options.LoggerFactory?.CreateLogger("CurationPipeline.Llm") ?? NullLogger.Instance;
        _ledger = new UsageLedger(file.Endpoints);
        _cache = options.CachePath is { } path
            ? new ResponseCache(path, e => Log.CacheWriteFailed(_logger, e.GetType().Name, e.Message))
            : null;
        _journal = new Lazy<BatchJournal>(() => new BatchJournal(options.BatchJournalPath ?? options.CachePath));
        _runtimes = file.Endpoints.ToDictionary(
            e => e.Name, e => new Lazy<EndpointRuntime>(() => BuildRuntime(e)), StringComparer.Ordinal);
    }

    /// <summary>Endpoint names in file order.</summary>
    public IReadOnlyList<string> EndpointNames => _file.Endpoints.Select(e => e.Name).ToList();

    /// <summary>The response cache, when <see cref="ModelHubOptions.CachePath"/> is set.</summary>
    public ResponseCache? Cache => _cache;

    public static ModelHub Create(EndpointsFile endpoints, ModelHubOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(options);
        return new ModelHub(endpoints, options);
    }

    /// <summary>
    /// A client for an endpoint name, or a model name served by several endpoints, with all middleware,
    /// counting its requests under <paramref name="role"/> (e.g. "generator", "calibration", "judge").
    /// </summary>
    public IChatClient GetClient(string endpointOrModel, string role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointOrModel);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        return _clients.GetOrAdd((endpointOrModel, role), key => BuildClient(key.Target, key.Role));
    }

    /// <summary>Counters per endpoint and role: requests, calls, cache hits, retries, failures, tokens, cost.</summary>
    public UsageSnapshot Usage()
    {
        var snapshot = _ledger.Snapshot(_options.TimeProvider.GetUtcNow());
        return _file.Endpoints.Any(e => e.Batch) ? new UsageSnapshot(snapshot.TakenAt, snapshot.Rows) { Batches = BatchProgress() } : snapshot;
    }

    /// <summary>Batches of the batch endpoints: submitted, in progress, ended, and their lines.</summary>
    public BatchProgress BatchProgress() => _runtimes.Values.Where(r => r.IsValueCreated && r.Value.Batch is not null)
        .Aggregate(Llm.BatchProgress.None, (sum, r) => sum + r.Value.Batch!.Progress());

    /// <summary>Commits the queued cache writes and closes the cache file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_cache is not null)
        {
            await _cache.DrainAsync(); // before the clients go: calls answering within the grace are stored
        }

        foreach (var runtime in _runtimes.Values.Where(r => r.IsValueCreated))
        {
            runtime.Value.Dispose();
        }

        if (_journal.IsValueCreated)
        {
            _journal.Value.Dispose();
        }

        if (_cache is not null)
        {
            await _cache.FlushAsync();
            _cache.Dispose();
        }
    }

    private IChatClient BuildClient(string target, string role)
    {
        var endpoints = _file.Endpoints.Where(e => e.Name == target).ToList();
        if (endpoints.Count == 0)
        {
            endpoints = _file.Endpoints.Where(e => e.Model == target).ToList();
        }

        if (endpoints.Count == 0)
        {
            throw new ArgumentException(
                $"no endpoint or model named '{target}' (endpoints: {string.Join(", ", EndpointNames)})", nameof(target));
        }

        IChatClient inner;
        if (_options.Plan)
        {
            inner = new PlanChatClient(endpoints[0], role, _ledger);
        }
        else
        {
            var runtimes = endpoints.Select(e => _runtimes[e.Name].Value).ToList();
            inner = runtimes.Count == 1 ? new SingleEndpointChatClient(runtimes[0]) : new LeastOutstandingChatClient(runtimes);
        }

        var builder = new ChatClientBuilder(inner);
        if (_options.LoggerFactory is { } loggers)
        {
            builder.UseLogging(new ContentFreeLoggerFactory(loggers, $"CurationPipeline.Llm.{role}"));
        }

        builder.UseAccounting(_ledger, role, target);
        if (_cache is not null)
        {
            builder.UseResponseCache(_cache, endpoints[0], _options.TimeProvider, readOnly: _options.Plan);
        }

        // Batch endpoints retry their failed lines themselves, without a retry frame held per parked request.
        return _options.Plan || endpoints.All(e => e.Batch)
            ? builder.Build()
            : builder.UseRetries(target, _options.EffectiveResilience(), _options.TimeProvider, _logger).Build();
    }

    private EndpointRuntime BuildRuntime(EndpointOptions endpoint)
    {
        string? key = null;
        if (endpoint.ApiKeyEnv is { } variable)
        {
            key = _options.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(key))
            {
                throw new EndpointConfigurationException($"endpoint '{endpoint.Name}' ({endpoint.Source}): environment variable '{variable}' named by api_key_env is not set")
                {
                    Endpoint = endpoint.Name,
                    Model = endpoint.Model,
                };
            }
        }

        if (endpoint.Batch)
        {
            return BuildBatchRuntime(endpoint, key);
        }

        CircuitBreakerChatClient? breaker = null;
        var client = new ChatClientBuilder(OpenAiEndpoint.CreateClient(endpoint, key))
            .Use(inner => breaker = new CircuitBreakerChatClient(inner, endpoint, _options.EffectiveResilience(), _options.TimeProvider))
            .UseThrottling(endpoint)
            .UseOpenTelemetry(sourceName: TelemetrySourceName, configure: telemetry => telemetry.EnableSensitiveData = false)
            .Build();
        return new EndpointRuntime(endpoint, client, breaker);
    }

    /// <summary>
    /// A batch endpoint: requests are collected into the provider's batches; no circuit breaker and no limits
    /// (the provider queues a batch's lines itself), no span per request (a line's duration is its batch's);
    /// failed lines are retried by the batch client itself.
    /// </summary>
    private EndpointRuntime BuildBatchRuntime(EndpointOptions endpoint, string? key)
    {
        var network = new SocketsHttpHandler();
        var api = new BatchApi(endpoint, key, network);
        var collector = new BatchCollector(endpoint, api, _journal.Value, message => Log.BatchProblem(_logger, message),
            () => ThreadPool.PendingWorkItemCount > 1024 || _cache?.QueuedAnswers > 4096);
        var transport = new CapturingHttpHandler(network);
        var client = new BatchChatClient(OpenAiEndpoint.CreateClient(endpoint, key, transport), endpoint, collector,
            _options.EffectiveResilience(), _options.TimeProvider, _logger);
        return new EndpointRuntime(endpoint, client, null, collector, api, transport);
    }
}
