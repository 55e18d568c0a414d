using System.Diagnostics;
using System.Globalization;
using CurationPipeline.Llm;
using CurationPipeline.Testing;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Bench;

/// <summary>
/// The model layer against the loopback server: throughput at a fixed latency and concurrency (target:
/// 95% of the concurrency/latency bound), then the same requests again from the cache file by a new hub
/// (target: no call, under 5% of the first run's time).
/// </summary>
internal sealed class LlmBenchmark : IBenchmark
{
    public string Name => "llm";

    public string Description =>
        "model layer: rate vs the latency/concurrency bound, then a cached re-run [--requests N per round --rounds R --latency-ms MS --concurrency C --no-cache --raw]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var requests = Option(args, "--requests", 1280);
        var rounds = Option(args, "--rounds", 3);
        var latencyMs = Option(args, "--latency-ms", 200);
        var concurrency = Option(args, "--concurrency", 64);
        var bound = concurrency * 1000.0 / latencyMs;

        await using var server = await OpenAiTestServer.StartAsync(cancellationToken);
        server.KeepRequestLog = false;
        server.Latency = TimeSpan.FromMilliseconds(latencyMs);
        using var dir = new TempDirectory();
        var endpoint = new EndpointOptions { Name = "bench", BaseUrl = server.BaseUrl, Model = "bench-model", MaxConcurrency = concurrency, Temperature = 0 };
        var file = EndpointsFile.From([endpoint]);
        var options = new ModelHubOptions { CachePath = args.Contains("--no-cache") ? null : dir.File("cache.db") };

        Console.WriteLine($"llm: {rounds} rounds of {requests} requests, server latency {latencyMs} ms, max_concurrency {concurrency}, bound {bound:0} req/s, cache {(options.CachePath is null ? "off" : "on")}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

        if (args.Contains("--raw"))
        {
            // Reference: plain HttpClient posts, 64 at a time, no SDK and no layer: what the machine allows now.
            var raw = await RawHttpAsync(server.BaseUrl, requests, concurrency, cancellationToken);
            Console.WriteLine($"raw HttpClient reference: {raw.TotalSeconds:0.000} s, {requests / raw.TotalSeconds:0.0} req/s = {100 * requests / raw.TotalSeconds / bound:0.0}% of bound");
            server.ResetCounters();
        }

        var live = new List<TimeSpan>();
        await using (var hub = ModelHub.Create(file, options))
        {
            // Warm-up on prompts the measured rounds do not use: about two seconds of work, so connections
            // are open and the hot paths have left tier-0 code before the clock starts.
            await SendAsync(hub, "warm-up", 10 * concurrency, cancellationToken);
            server.ResetCounters();
            for (var r = 0; r < rounds; r++)
            {
                live.Add(await SendAsync(hub, $"round {r} item", requests, cancellationToken));
                var rate = requests / live[^1].TotalSeconds;
                Console.WriteLine($"round {r + 1}: {live[^1].TotalSeconds:0.000} s, {rate:0.0} req/s = {100 * rate / bound:0.0}% of bound");
            }
        }

        var liveCalls = server.ChatRequests;
        var rates = live.Select(t => requests / t.TotalSeconds).Order().ToList();
        var liveTotal = live.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        Console.WriteLine($"live: {liveCalls} calls in {liveTotal.TotalSeconds:0.000} s; rate best {rates[^1]:0.0}, median {rates[rates.Count / 2]:0.0}, worst {rates[0]:0.0} req/s");

        TimeSpan cached = TimeSpan.Zero;
        UsageSnapshot usage;
        await using (var hub = ModelHub.Create(file, options))
        {
            for (var r = 0; r < rounds; r++)
            {
                cached += await SendAsync(hub, $"round {r} item", requests, cancellationToken);
            }

            usage = hub.Usage();
        }

        var cachedCalls = server.ChatRequests - liveCalls;
        Console.WriteLine($"re-run on the same cache file (new hub): {cached.TotalSeconds:0.000} s, {cachedCalls} calls, {usage.Total.CacheHits} cache hits = {100 * cached / liveTotal:0.00}% of the live time");

        var rateOk = rates[^1] >= 0.95 * bound && liveCalls == rounds * requests;
        var cacheOk = cachedCalls == 0 && usage.Total.CacheHits == rounds * requests && cached < liveTotal * 0.05;
        Console.WriteLine($"best round >= 95% of bound: {(rateOk ? "PASS" : "FAIL")}; cached re-run: {(cacheOk ? "PASS" : "FAIL")}");
        return rateOk && cacheOk ? 0 : 1;
    }

    private static async Task<TimeSpan> SendAsync(ModelHub hub, string prefix, int count, CancellationToken cancellationToken)
    {
        var client = hub.GetClient("bench", "generator");
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            client.GetResponseAsync([new ChatMessage(ChatRole.User, $"{prefix} {i}: which department handles chest pain?")], cancellationToken: cancellationToken)));
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task<TimeSpan> RawHttpAsync(Uri baseUrl, int count, int concurrency, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var slots = new SemaphoreSlim(concurrency);
        async Task PostAsync(int i)
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                using var body = new StringContent(
                    $"{{\"model\":\"bench-model\",\"temperature\":0,\"messages\":[{{\"role\":\"user\",\"content\":\"raw {i}\"}}]}}",
                    System.Text.Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri(baseUrl, "chat/completions"), body, cancellationToken);
                await response.Content.ReadAsStringAsync(cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency * 5).Select(PostAsync)); // warm-up
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, count).Select(PostAsync));
        return Stopwatch.GetElapsedTime(started);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : fallback;
    }
}
