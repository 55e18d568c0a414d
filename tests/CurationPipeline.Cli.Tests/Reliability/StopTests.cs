using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests.Reliability;

/// <summary>
/// `curate run` as a process of its own, stopped by a real signal in the middle of its model calls: it stops reading,
/// lets the calls in flight answer into the cache, deletes its temporary files, says what it kept and exits 130; run
/// again, it pays for no answered call twice. A run killed outright leaves a folder that does not look complete.
/// </summary>
public sealed class StopTests
{
    private const int AnsweredBeforeStop = 8;

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_stops_the_run_cleanly_with_exit_130_and_the_answers_in_flight_are_kept(string signal)
    {
        using var dir = new TempDirectory();
        await using var server = await OpenAiTestServer.StartAsync();
        LlmTestPipeline.WriteEndpoints(dir, server);

        // The first answers come at once; the calls after them wait for the signal and then answer within the grace.
        var answered = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var askedAgain = new ConcurrentBag<string>();
        using var signalled = new ManualResetEventSlim(false);
        var second = 0;
        var answers = 0;
        server.Responder = request =>
        {
            var prompt = request.Messages.First(m => m.Role == "user").Content;
            if (Volatile.Read(ref second) == 1)
            {
                askedAgain.Add(prompt);
                return KilledRunTests.Answer(request);
            }

            if (Interlocked.Increment(ref answers) > AnsweredBeforeStop)
            {
                signalled.Wait(TimeSpan.FromMinutes(2));
                Thread.Sleep(300);
            }

            answered.AddOrUpdate(prompt, 1, (_, n) => n + 1);
            return KilledRunTests.Answer(request);
        };

        var output = dir.File("out");
        var stderr = new StringBuilder();
        int exit;
        using (var child = CliHarness.StartProcess(Arguments(dir), defaultSignals: true))
        {
            child.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
            child.OutputDataReceived += (_, _) => { };
            child.BeginErrorReadLine();
            child.BeginOutputReadLine();
            var watch = Stopwatch.StartNew();
            while (Volatile.Read(ref answers) <= AnsweredBeforeStop)
            {
                Assert.False(child.HasExited, $"curate exited early:\n{stderr}");
                Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), "the run never reached its model calls");
                await Task.Delay(50);
            }

            await Task.Delay(500); // the calls in flight are now waiting at the server
            await Kill(signal, child.Id);
            signalled.Set();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await child.WaitForExitAsync(timeout.Token);
            exit = child.ExitCode;
        }

        var err = stderr.ToString();
        Assert.True(exit == 130, $"exit {exit}\n{err}");
        Assert.Contains($"stopping (SIG{signal})", err, StringComparison.Ordinal);
        Assert.Contains("cancelled:", err, StringComparison.Ordinal);
        Assert.True(err.Contains("kept: ", StringComparison.Ordinal), err);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal); // no stack trace
        Assert.True(answered.Count > AnsweredBeforeStop, "no call was in flight when the signal came");
        Assert.Empty(Directory.GetFiles(output, "*.tmp*", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(output, ".curate.lock")), "the output folder is still locked");
        Assert.False(File.Exists(Path.Combine(output, "run.json")), "a stopped run must not look complete");
        Assert.False(File.Exists(Path.Combine(output, "pool.parquet")), "a stopped run must not leave a pool");
        Assert.Contains($"kept: {answered.Count} model answers", err, StringComparison.Ordinal);

        // Run again to the end: no call answered in the first attempt, in flight at the signal or not, is made again.
        Volatile.Write(ref second, 1);
        var (again, text) = await CliHarness.RunAsync(Arguments(dir));
        Assert.True(again is 0 or 1, text);
        var repaid = askedAgain.Where(answered.ContainsKey).Distinct().ToList();
        Assert.True(repaid.Count == 0, $"{repaid.Count} of {answered.Count} answered calls were paid again");
        Assert.True(File.Exists(Path.Combine(output, "run.json")));
    }

    [Fact]
    public async Task A_run_killed_over_a_finished_folder_leaves_no_run_json_and_run_json_is_written_last()
    {
        using var dir = new TempDirectory();
        await using var server = await OpenAiTestServer.StartAsync();
        LlmTestPipeline.WriteEndpoints(dir, server);
        server.Responder = KilledRunTests.Answer;
        var (exit, text) = await CliHarness.RunAsync(Arguments(dir));
        Assert.True(exit is 0 or 1, text);

        // A finished folder: run.json is the newest of its outputs (the review store is a database that lives on across runs).
        var output = dir.File("out");
        var runJson = File.GetLastWriteTimeUtc(Path.Combine(output, "run.json"));
        var newer = Directory.GetFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("run.json", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("review.db", StringComparison.Ordinal) && File.GetLastWriteTimeUtc(f) > runJson).ToList();
        Assert.True(newer.Count == 0, "written after run.json: " + string.Join(", ", newer));

        // The same run again, with a new cache so that it calls the model, killed outright during its calls.
        using var hold = new ManualResetEventSlim(false);
        var asked = 0;
        server.Responder = request =>
        {
            Interlocked.Increment(ref asked);
            hold.Wait(TimeSpan.FromMinutes(2));
            return KilledRunTests.Answer(request);
        };
        using (var child = CliHarness.StartProcess([.. Arguments(dir).SkipLast(1), dir.File("cache-2.db")]))
        {
            child.OutputDataReceived += (_, _) => { };
            child.ErrorDataReceived += (_, _) => { };
            child.BeginOutputReadLine();
            child.BeginErrorReadLine();
            var watch = Stopwatch.StartNew();
            while (Volatile.Read(ref asked) == 0)
            {
                Assert.False(child.HasExited);
                Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), "the run never reached its model calls");
                await Task.Delay(50);
            }

            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        hold.Set();
        Assert.False(File.Exists(Path.Combine(output, "run.json")), "the folder of a killed run looks complete");
    }

    private static string[] Arguments(TempDirectory dir) =>
        ["run", LlmTestPipeline.Write(dir, "stopped", 10), "--out", dir.File("out"), "--endpoints", dir.File("endpoints.yaml"), "--limit", "12",
         "--raw", CliHarness.RepoFile("raw"), "--cache", dir.File("cache.db")];

    private static async Task Kill(string signal, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, pid.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }
}
