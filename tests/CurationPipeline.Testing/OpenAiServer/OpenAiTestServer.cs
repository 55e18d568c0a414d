using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;

namespace CurationPipeline.Testing;

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 (Kestrel, a free port) for tests and benchmarks: serves
/// <c>/v1/chat/completions</c> and <c>/v1/models</c> with usage, answers through a scripted
/// <see cref="Responder"/>, injects faults (latency, 429 with Retry-After, 5xx, dropped connections,
/// garbled bodies, prose where JSON was asked) and keeps a request log and counters.
/// </summary>
public sealed partial class OpenAiTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TestReply> _faults = new();
    private readonly ConcurrentQueue<TestChatRequest> _log = new();
    private readonly Lock _randomLock = new();
    private Random _random = new(1);
    private double _faultRate;
    private TestReply? _rateFault;
    private long _sequence;
    private long _chatRequests;
    private long _modelRequests;
    private long _answered;
    private long _faultsInjected;
    private int _inFlight;
    private int _maxInFlight;

    private OpenAiTestServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Base URL including <c>/v1/</c>, as an endpoint's <c>base_url</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Answers requests that no queued or random fault takes; by default a deterministic echo of the last user message.</summary>
    public Func<TestChatRequest, TestReply> Responder { get; set; } = DefaultResponder;

    /// <summary>Fixed wait before every reply.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Random extra wait, uniform from zero to this, before every reply.</summary>
    public TimeSpan LatencyJitter { get; set; }

    /// <summary>Models listed by <c>/v1/models</c>.</summary>
    public IReadOnlyList<string> Models { get; set; } = ["test-model"];

    /// <summary>Whether requests are kept in <see cref="Requests"/> (turn off for long benchmarks).</summary>
    public bool KeepRequestLog { get; set; } = true;

    /// <summary>Chat requests received, in arrival order.</summary>
    public IReadOnlyList<TestChatRequest> Requests => _log.ToArray();

    /// <summary>Chat completion requests received (all, faults included).</summary>
    public long ChatRequests => Interlocked.Read(ref _chatRequests);

    public long ModelRequests => Interlocked.Read(ref _modelRequests);

    /// <summary>Chat requests answered with 200 and a completion.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    public long FaultsInjected => Interlocked.Read(ref _faultsInjected);

    /// <summary>Chat requests being handled now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Most chat requests ever handled at once (since start or <see cref="ResetCounters"/>).</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Starts a server on 127.0.0.1 with a port the system picks.</summary>
    public static async Task<OpenAiTestServer> StartAsync(CancellationToken cancellationToken = default)
    {
        OpenAiTestServer? server = null;
        var (app, address) = await LoopbackApp.StartAsync(web =>
        {
            web.MapPost("/v1/chat/completions", context => server!.HandleChatAsync(context));
            web.MapGet("/v1/models", context => server!.HandleModelsAsync(context));
            MapBatches(web, () => server!);
        }, cancellationToken);
        server = new OpenAiTestServer(app, new Uri(address + "/v1/"));
        return server;
    }

    /// <summary>The next requests get these replies, in order, before the responder is asked.</summary>
    public void EnqueueFaults(params TestReply[] replies)
    {
        foreach (var r in replies)
        {
            _faults.Enqueue(r);
        }
    }

    /// <summary>Each request (after queued faults) gets <paramref name="fault"/> with this probability; seeded.</summary>
    public void SetFaultRate(double probability, TestReply fault, int seed = 1)
    {
        lock (_randomLock)
        {
            _random = new Random(seed);
            _faultRate = probability;
            _rateFault = fault;
        }
    }

    /// <summary>Clears counters, the request log and pending faults.</summary>
    public void ResetCounters()
    {
        _faults.Clear();
        _log.Clear();
        Interlocked.Exchange(ref _chatRequests, 0);
        Interlocked.Exchange(ref _modelRequests, 0);
        Interlocked.Exchange(ref _answered, 0);
        Interlocked.Exchange(ref _faultsInjected, 0);
        Volatile.Write(ref _maxInFlight, Volatile.Read(ref _inFlight));
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Answers "echo: " and the last user message.</summary>
    public static TestReply DefaultResponder(TestChatRequest request) => TestReply.Text("echo: " + request.LastUserMessage);
}
