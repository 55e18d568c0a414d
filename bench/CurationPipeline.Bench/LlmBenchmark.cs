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
        "model layer: rate vs the latency/concurrency bound, then a cached re-run [--requests N per round --rounds R --latency-ms MS --concurrency C --no-cache --raw]; "
        + "--batch: N requests through a batch endpoint, the batch path's time and memory [--batch-requests N --no-cache]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Contains("--batch"))
        {
            return await BatchAsync(Option(args, "--batch-requests", 100_000), !args.Contains("--no-cache"), cancellationToken);
        }

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

    /// <summary>
    /// <paramref name="count"/> requests through a batch endpoint (files of at most 50,000 lines, the provider's
    /// limit), all issued at once, through the whole model layer (accounting, the response cache unless
    /// <c>--no-cache</c>, retries, the batch client). The loopback server runs in a process of its own and answers
    /// a batch on its second retrieve, so this process's time and memory are the layer's and the batch
    /// machinery's: writing the bodies, collecting, building and uploading the files, creating and polling,
    /// downloading and parsing the output, handing each answer back. The protocol's waits (the idle flush, the
    /// polls' sleeps) and the server's work are printed apart.
    /// </summary>
    private static async Task<int> BatchAsync(int count, bool cache, CancellationToken cancellationToken)
    {
        var (serverProcess, baseUrl) = LoopbackServerVerb.Start("--batch-polls", "1");
        using var dir = new TempDirectory();
        const double flush = 0.5, poll = 0.05;
        var endpoint = new EndpointOptions
        {
            Name = "bench", BaseUrl = baseUrl, Model = "bench-model", Temperature = 0,
            Batch = true, BatchFlushSeconds = flush, BatchPollSeconds = poll,
        };
        var file = EndpointsFile.From([endpoint]);
        var options = new ModelHubOptions { CachePath = cache ? dir.File("cache.db") : null, BatchJournalPath = dir.File("batches.db") };
        Console.WriteLine($"llm --batch: {count:N0} requests through a batch endpoint (at most {endpoint.BatchMaxRequests:N0} lines a file), idle flush {flush} s, first poll {poll} s, response cache {(cache ? "on" : "off")}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, load average {LoadAverage()}");

        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        string Now()
        {
            self.Refresh();
            return string.Create(CultureInfo.InvariantCulture, $"{Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s (CPU {(self.TotalProcessorTime - cpuBefore).TotalSeconds:0.00} s, managed heap {GC.GetTotalMemory(false) / 1048576} MB, working set {self.WorkingSet64 / 1048576} MB)");
        }

        var phases = new List<string>();
        TimeSpan elapsed;
        BatchProgress progress;
        await using (var hub = ModelHub.Create(file, options))
        {
            var all = Ask(hub, count, cancellationToken);
            phases.Add($"issued at {Now()}");
            while (hub.BatchProgress() is var p && p.LinesSubmitted + p.LinesWaiting < count)
            {
                await Task.Delay(10, cancellationToken);
            }

            phases.Add($"all collected at {Now()}");
            while (hub.BatchProgress().Submitted < (count + endpoint.BatchMaxRequests - 1) / endpoint.BatchMaxRequests)
            {
                await Task.Delay(10, cancellationToken);
            }

            phases.Add($"submitted at {Now()}");
            await all;
            elapsed = Stopwatch.GetElapsedTime(started);
            phases.Add($"all answered at {Now()}");
            for (var wait = 0; wait < 500 && hub.BatchProgress() is var p && p.Ended < p.Submitted; wait++)
            {
                await Task.Delay(10, cancellationToken); // the last batch is journalled as ended just after its last line is handed over
            }

            progress = hub.BatchProgress();
        }

        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        var peak = self.PeakWorkingSet64 / 1048576.0;
        var waits = flush + 3 * poll; // the idle flush, then the polls' sleeps (0.05 s, 0.1 s)
        Console.WriteLine($"phases: {string.Join(", ", phases)}");
        Console.WriteLine($"batches: {progress.Submitted} submitted, {progress.Ended} ended, {progress.LinesAnswered:N0} lines answered, {progress.LinesFailed} failed");
        Console.WriteLine($"client: wall {elapsed.TotalSeconds:0.000} s, of which protocol waits {waits:0.00} s; CPU {cpu.TotalSeconds:0.000} s; peak working set {peak:0} MB; GC pauses {GC.GetTotalPauseDuration().TotalSeconds:0.00} s ({GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections of gen 0/1/2)");

        TimeSpan cached = TimeSpan.Zero;
        if (cache)
        {
            var cachedStarted = Stopwatch.GetTimestamp();
            await using (var hub = ModelHub.Create(file, options))
            {
                await Ask(hub, count, cancellationToken);
                Console.WriteLine($"re-run on the same cache file (new hub): {Stopwatch.GetElapsedTime(cachedStarted).TotalSeconds:0.000} s, {hub.Usage().Total.Calls} calls, {hub.BatchProgress().Submitted} new batches, {hub.Usage().Total.CacheHits:N0} cache hits");
            }
        }

        Console.WriteLine(await LoopbackServerVerb.StopAsync(serverProcess));
        var ok = progress.LinesAnswered == count && elapsed.TotalSeconds - waits < 10 && peak < 500;
        Console.WriteLine($"{count:N0} requests through the batch path in under 10 s (protocol waits aside) and 500 MB: {(ok ? "PASS" : "FAIL")}");
        return ok ? 0 : 1;
    }

    /// <summary>Asks <paramref name="count"/> questions at once; like a stage, keeps no answer once it is read.</summary>
    private static Task Ask(ModelHub hub, int count, CancellationToken cancellationToken)
    {
        var client = hub.GetClient("bench", "calibration");
        return Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, $"batch item {i}: 患者胸痛两小时，应首先就诊哪个科室？")], cancellationToken: cancellationToken);
            if (response.Text.Length == 0)
            {
                throw new InvalidOperationException($"item {i}: an empty answer");
            }
        }));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

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
