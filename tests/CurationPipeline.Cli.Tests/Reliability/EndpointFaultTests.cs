using CurationPipeline.Items;
using CurationPipeline.Parquet;
using CurationPipeline.Testing;
using CurationPipeline.Testing.Items;

namespace CurationPipeline.Cli.Tests.Reliability;

/// <summary>`curate evaluate` against a loopback endpoint that answers wrongly: a real process, real HTTP.</summary>
public sealed class EndpointFaultTests
{
    [Fact]
    public async Task A_200_with_no_choices_is_a_failed_call_not_a_crash()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Models = ["m"];
        server.Responder = _ => TestReply.Text("答案：A");
        server.EnqueueFaults(TestReply.NoChoices());
        using var dir = new TempDirectory();
        var args = await EvaluateArgsAsync(dir, server, items: 4);

        var result = await CliProcess.CurateAsync(args);

        // The empty answer is retried like a garbled body; every item is then answered and scored.
        Assert.True(result.Exit == 0, result.ToString());
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        Assert.Equal(1, server.FaultsInjected);
        var rows = await DuckDb.QueryAsync($"SELECT CAST(count(*) AS INTEGER) AS n, CAST(count(*) FILTER (WHERE list_contains(flags, 'call-failed')) AS INTEGER) AS failed FROM {DuckDb.Literal(dir.File("out/results.parquet"))}");
        Assert.Equal(4, rows[0].GetProperty("n").GetInt32());
        Assert.Equal(0, rows[0].GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task Failed_calls_beyond_max_failed_end_with_exit_1_naming_the_items()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Models = ["m"];
        server.Responder = r => r.Messages.Any(m => m.Content.Contains("问题1", StringComparison.Ordinal)) ? TestReply.Error(400) : TestReply.Text("答案：A");
        using var dir = new TempDirectory();
        var args = await EvaluateArgsAsync(dir, server, items: 3);

        var strict = await CliProcess.CurateAsync(args);
        var tolerant = await CliProcess.CurateAsync([.. args, "--max-failed", "1"]);

        Assert.True(strict.Exit == 1, strict.ToString());
        Assert.Contains("1 of 3 units failed their model call", strict.Err, StringComparison.Ordinal);
        Assert.Contains("item q1 (MAExam), model m", strict.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("item q0", strict.Err, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.File("out/results.parquet")));
        Assert.True(tolerant.Exit == 0, tolerant.ToString());
    }

    [Theory]
    [InlineData("http://127.0.0.1:/v1", "no port")]
    [InlineData("http://127.0.0.1:9/v1", "got no answer")]
    public async Task A_bad_endpoint_is_refused_before_any_call(string baseUrl, string message)
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        var args = await EvaluateArgsAsync(dir, server, items: 2, baseUrl);

        var result = await CliProcess.CurateAsync(args);

        BadInputExitTests.AssertUsageError(result, message);
        Assert.Contains("endpoints.yaml", result.Err, StringComparison.Ordinal);
        Assert.Equal(0, server.ChatRequests);
    }

    [Fact]
    public async Task An_endpoint_that_does_not_serve_models_is_refused_before_any_call()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        var args = await EvaluateArgsAsync(dir, server, items: 2, server.BaseUrl + "/wrong");

        var result = await CliProcess.CurateAsync(args);

        BadInputExitTests.AssertUsageError(result, "answered 404");
        Assert.Equal(0, server.ChatRequests);
    }

    /// <summary>A split of <paramref name="items"/> choice items and the arguments that evaluate it with one trial against <paramref name="server"/>.</summary>
    internal static async Task<string[]> EvaluateArgsAsync(TempDirectory dir, OpenAiTestServer server, int items, string baseUrl = "")
    {
        var rows = Enumerable.Range(0, items).Select(i => ItemRow.From(TestItems.Choice($"q{i}", "MAExam") with
        {
            Question = $"问题{i}", Options = ["甲" + i, "乙" + i, "丙" + i, "丁" + i, "戊" + i], Answer = "A",
        }));
        await ParquetSerializer.WriteAsync(dir.File("split.parquet"), rows);
        File.WriteAllText(dir.File("endpoints.yaml"), $"endpoints:\n  - name: m\n    base_url: {(baseUrl.Length > 0 ? baseUrl : server.BaseUrl)}\n    model: m\n    temperature: 0\n");
        return ["evaluate", "--split", dir.File("split.parquet"), "--models", "m", "--endpoints", dir.File("endpoints.yaml"), "--out", dir.File("out"), "--trials", "1", "--cache", dir.File("cache.db")];
    }
}
