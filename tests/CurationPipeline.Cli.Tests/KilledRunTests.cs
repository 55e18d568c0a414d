using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests;

/// <summary>
/// `curate run` with a model endpoint, killed as a separate process in the middle of its model calls, then run again
/// over the same output folder: no answered call is paid for twice, and the resumed run ends as an uninterrupted one.
/// </summary>
public class KilledRunTests
{
    /// <summary>Answers delivered before the kill; the calls after them wait until the process is dead.</summary>
    private const int AnsweredBeforeKill = 8;

    /// <summary>A valid answer to either prompt: a question for P1, the first two characters of the source for P3.</summary>
    internal static TestReply Answer(TestChatRequest request)
    {
        var prompt = request.Messages.First(m => m.Role == "user").Content;
        if (prompt.Contains("\"entities\"", StringComparison.Ordinal))
        {
            return TestReply.Json(new { entities = new[] { new { type = "symptom", text = LlmTestPipeline.SourceOf(prompt)[..2], start = 0, end = 2 } } });
        }

        return LlmTestPipeline.ExamAnswer();
    }

    /// <summary>Each output folder with a cache file of its own, so the uninterrupted reference pays for its own calls.</summary>
    private static string[] RunArguments(TempDirectory dir, string output) =>
        ["run", LlmTestPipeline.Write(dir, "killed", 10), "--out", dir.File(output), "--endpoints", dir.File("endpoints.yaml"), "--limit", "12", "--raw", CliHarness.RepoFile("raw"),
         "--cache", dir.File(output + "-cache.db")];

    [Fact]
    public async Task A_run_killed_during_its_model_calls_resumes_without_paying_for_an_answered_call_again()
    {
        using var dir = new TempDirectory();
        await using var server = await OpenAiTestServer.StartAsync();
        LlmTestPipeline.WriteEndpoints(dir, server);

        // The reference: the same run, never interrupted, into its own folder.
        server.Responder = Answer;
        var (cleanExit, cleanOutput) = await CliHarness.RunAsync(RunArguments(dir, "clean"));
        Assert.True(cleanExit is 0 or 1, cleanOutput);
        var cleanCalls = server.ChatRequests;
        Assert.True(cleanCalls > AnsweredBeforeKill + 4, $"only {cleanCalls} model calls: too few to kill the run in the middle");

        // First attempt, in a process of its own: the first answers are delivered, every later call hangs.
        var delivered = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var askedAfterKill = new ConcurrentBag<string>();
        using var hold = new ManualResetEventSlim(false);
        var killed = 0;
        var answers = 0;
        server.Responder = request =>
        {
            var prompt = request.Messages.First(m => m.Role == "user").Content;
            if (Volatile.Read(ref killed) == 1)
            {
                askedAfterKill.Add(prompt);
                return Answer(request);
            }

            if (Interlocked.Increment(ref answers) > AnsweredBeforeKill)
            {
                hold.Wait(TimeSpan.FromMinutes(2));
                return TestReply.Text("too late"); // goes to a process that no longer exists
            }

            delivered.AddOrUpdate(prompt, 1, (_, n) => n + 1);
            return Answer(request);
        };

        var output = dir.File("out");
        using (var child = StartCurate(RunArguments(dir, "out")))
        {
            // Kill once the delivered answers are committed to the model cache (read by a second connection).
            var cache = dir.File("out-cache.db");
            var stopwatch = Stopwatch.StartNew();
            while (CacheFile.Count(cache, "SELECT count(*) FROM responses") < AnsweredBeforeKill)
            {
                Assert.False(child.HasExited, $"curate exited early with {(child.HasExited ? child.ExitCode : 0)}");
                Assert.True(stopwatch.Elapsed < TimeSpan.FromMinutes(2), "the first answers never reached the model cache");
                await Task.Delay(50);
            }

            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        Volatile.Write(ref killed, 1);
        hold.Set();
        Assert.Equal(AnsweredBeforeKill, delivered.Values.Sum());
        Assert.False(File.Exists(Path.Combine(output, "pool.parquet")), "a killed run must not leave a pool behind");

        // Second attempt over the same folder, to the end.
        var (exit, text) = await CliHarness.RunAsync(RunArguments(dir, "out"));
        Assert.True(exit is 0 or 1, text);
        var repaid = askedAfterKill.Where(delivered.ContainsKey).Distinct().ToList();
        Assert.True(repaid.Count == 0, $"{repaid.Count} answered calls were made again after the kill");
        Assert.Equal(cleanCalls - AnsweredBeforeKill, askedAfterKill.Count);

        var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json"))).RootElement;
        Assert.True(run.GetProperty("counts_balanced").GetBoolean());
        Assert.Equal(await PoolRows(Path.Combine(dir.File("clean"), "pool.parquet")), await PoolRows(Path.Combine(output, "pool.parquet")));
    }

    private static Process StartCurate(string[] arguments)
    {
        var process = CliHarness.StartProcess(arguments);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The pool's items in a fixed order, without run-specific columns.</summary>
    private static async Task<string> PoolRows(string pool)
    {
        var rows = await DuckDb.QueryAsync($"SELECT dataset, question, options, answer, context, entities FROM {DuckDb.Literal(pool)} ORDER BY dataset, question, context");
        return string.Join('\n', rows.Select(r => r.ToString()));
    }
}
