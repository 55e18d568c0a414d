using System.Diagnostics;
using System.Globalization;
using CurationPipeline.Items;
using CurationPipeline.Parquet;
using CurationPipeline.Testing;

namespace CurationPipeline.Bench;

/// <summary>
/// What an evaluator does every day: `curate evaluate` run as the user runs it (the built command, a process of
/// its own) on the split of <see cref="EvaluateBenchmark"/>, then again into a new output folder. Nothing names a
/// cache: both runs use the default one in the user's cache folder (XDG_CACHE_HOME, pointed at a scratch folder).
/// The second run must make no call, in under 5% of the first run's time, and write the same results.
/// </summary>
internal sealed class ReevaluateBenchmark : IBenchmark
{
    public string Name => "reevaluate";

    public string Description =>
        "curate evaluate (the built command) on the 4,250-item split, then again into a new folder on the default cache: calls and time [--latency-ms MS --concurrency C --curate PATH/curate.dll]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var latencyMs = EvaluateBenchmark.Option(args, "--latency-ms", 200);
        var concurrency = EvaluateBenchmark.Option(args, "--concurrency", 64);
        var at = Array.IndexOf(args, "--curate");
        var curate = at >= 0 && at + 1 < args.Length ? Path.GetFullPath(args[at + 1]) : BuiltCurate();
        if (curate is null || !File.Exists(curate))
        {
            Console.Error.WriteLine("curate is not built: run `dotnet build -c Release src/CurationPipeline.Cli` first, or give --curate PATH/curate.dll");
            return 2;
        }

        using var dir = new TempDirectory();
        var split = dir.File("test-bench.parquet");
        await ParquetSerializer.WriteAsync(split, EvaluateBenchmark.Items().Select(ItemRow.From), cancellationToken: cancellationToken);

        await using var server = await OpenAiTestServer.StartAsync(cancellationToken);
        server.KeepRequestLog = false;
        server.Latency = TimeSpan.FromMilliseconds(latencyMs);
        server.Responder = r => TestReply.Text(EvaluateBenchmark.Reply(r.LastUserMessage));
        var endpoints = dir.File("endpoints.yaml");
        File.WriteAllText(endpoints, "endpoints:\n" + string.Concat(new[] { "bench-model", "judge-a", "judge-b" }.Select(name =>
            $"  - name: {name}\n    base_url: {server.BaseUrl}\n    model: {name}\n    temperature: 0\n    max_concurrency: {concurrency}\n")));
        var cacheHome = Directory.CreateDirectory(dir.File("cache-home")).FullName;

        Console.WriteLine($"reevaluate: curate evaluate on a 4,250-item split (1 model, 2 judges), latency {latencyMs} ms, max_concurrency {concurrency} per endpoint; default cache under XDG_CACHE_HOME={cacheHome}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a")}");

        var cpu0 = ChildrenCpu();
        var (first, firstCalls) = await EvaluateAsync(curate, split, endpoints, dir.File("first"), cacheHome, server, cancellationToken);
        if (first is null)
        {
            return 1;
        }

        var cpu1 = ChildrenCpu();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run 1 into first/: {first.Value.TotalSeconds:0.00} s, {firstCalls:N0} calls; CPU of the process {cpu1 - cpu0:0.00} s"));
        var (second, secondCalls) = await EvaluateAsync(curate, split, endpoints, dir.File("second"), cacheHome, server, cancellationToken);
        if (second is null)
        {
            return 1;
        }

        var cpu2 = ChildrenCpu() - cpu1;
        var share = second.Value / first.Value;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run 2 into second/: {second.Value.TotalSeconds:0.00} s = {100 * share:0.0}% of run 1, {secondCalls:N0} calls; CPU of the process {cpu2:0.00} s = {100 * cpu2 / first.Value.TotalSeconds:0.0}% of run 1's time"));
        var cache = Path.Combine(cacheHome, "curate", "model-cache.db");
        Console.WriteLine($"cache file: {(File.Exists(cache) ? $"{new FileInfo(cache).Length / 1048576.0:0.0} MB" : "missing")} (curate/model-cache.db under XDG_CACHE_HOME)");
        var same = File.ReadAllText(Path.Combine(dir.File("first"), "summary.json")) == File.ReadAllText(Path.Combine(dir.File("second"), "summary.json"));
        Console.WriteLine($"summary.json of both runs {(same ? "equal" : "DIFFERENT")}");
        var ok = firstCalls > 0 && secondCalls == 0 && share < 0.05 && same;
        Console.WriteLine($"re-evaluation into a new folder: 0 calls in under 5% of the first run's time: {(ok ? "PASS" : "FAIL")}");
        return ok ? 0 : 1;
    }

    private static async Task<(TimeSpan? Elapsed, long Calls)> EvaluateAsync(string curate, string split, string endpoints, string output, string cacheHome,
        OpenAiTestServer server, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { curate, "evaluate", "--split", split, "--models", "bench-model", "--judges", "judge-a,judge-b", "--endpoints", endpoints, "--out", output })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["XDG_CACHE_HOME"] = cacheHome;
        start.Environment["NO_COLOR"] = "1";
        var before = server.ChatRequests;
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"curate evaluate exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
            return (null, 0);
        }

        return (elapsed, server.ChatRequests - before);
    }

    /// <summary>
    /// CPU seconds (user and system) of this process's ended children, from /proc/self/stat (cutime, cstime, in
    /// clock ticks of 1/100 s): what a run of <c>curate</c> cost however loaded the machine; NaN elsewhere than Linux.
    /// </summary>
    private static double ChildrenCpu()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            return double.NaN;
        }

        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // fields from the 3rd on: cutime is the 16th
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>The Release build of the command in this repository, found from the bench's own folder.</summary>
    private static string? BuiltCurate()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "CurationPipeline.sln")))
            {
                return Path.Combine(d.FullName, "src", "CurationPipeline.Cli", "bin", "Release", "net10.0", "curate.dll");
            }
        }

        return null;
    }
}
