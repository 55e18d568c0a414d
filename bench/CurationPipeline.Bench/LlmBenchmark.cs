using System.Diagnostics;
using System.Globalization;
using CurationPipeline.Llm;
using CurationPipeline.Testing;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Bench;

/// <summary>
/// The model layer against the loopback server: throughput at a fixed latency and concurrency (target:
/// 95% of the concurrency/latency bound), then the same requests again from the cache file (target: no
/// call, under 5% of the first run's time).
/// </summary>
internal sealed class LlmBenchmark : IBenchmark
{
    public string Name => "llm";

    public string Description => "model layer: rate vs the latency/concurrency bound, then a cached re-run [--requests N --latency-ms MS --concurrency C]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var requests = Option(args, "--requests", 2000);
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

        Console.WriteLine($"llm: {requests} requests, server latency {latencyMs} ms, max_concurrency {concurrency}, bound {bound:0} req/s");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

        TimeSpan first;
        await using (var hub = ModelHub.Create(file, options))
        {
            // Warm-up on prompts the measured runs do not use: about a second of work, so connections are
            // open and the hot paths have left tier-0 code before the clock starts.
            await RunAsync(hub, "warm-up", 5 * concurrency, cancellationToken);
            server.ResetCounters();
            first = await RunAsync(hub, "item", requests, cancellationToken);
        }

        var firstCalls = server.ChatRequests;
        var rate = requests / first.TotalSeconds;
        Console.WriteLine($"run 1: {first.TotalSeconds:0.000} s, {firstCalls} calls, {rate:0.0} req/s = {100 * rate / bound:0.0}% of bound");

        TimeSpan second;
        UsageSnapshot usage;
        await using (var hub = ModelHub.Create(file, options))
        {
            second = await RunAsync(hub, "item", requests, cancellationToken);
            usage = hub.Usage();
        }

        var secondCalls = server.ChatRequests - firstCalls;
        Console.WriteLine($"run 2 (same cache file): {second.TotalSeconds:0.000} s, {secondCalls} calls, {usage.Total.CacheHits} cache hits = {100 * second / first:0.00}% of run 1");

        var rateOk = rate >= 0.95 * bound && firstCalls == requests;
        var cacheOk = secondCalls == 0 && usage.Total.CacheHits == requests && second < first * 0.05;
        Console.WriteLine($"rate >= 95% of bound: {(rateOk ? "PASS" : "FAIL")}; cached re-run: {(cacheOk ? "PASS" : "FAIL")}");
        return rateOk && cacheOk ? 0 : 1;
    }

    private static async Task<TimeSpan> RunAsync(ModelHub hub, string prefix, int count, CancellationToken cancellationToken)
    {
        var client = hub.GetClient("bench", "generator");
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            client.GetResponseAsync([new ChatMessage(ChatRole.User, $"{prefix} {i}: which department handles chest pain?")], cancellationToken: cancellationToken)));
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
