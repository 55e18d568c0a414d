using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests.Reliability;

/// <summary>Input a user can get wrong ends with exit 2 and one line naming what is wrong, never a stack trace (a real process each).</summary>
public sealed class BadInputExitTests
{
    [Fact]
    public async Task An_unclosed_flow_sequence_in_the_pipeline_names_the_file_and_line()
    {
        using var dir = new TempDirectory();
        var pipeline = CliTests.WritePipeline(dir);
        File.WriteAllText(pipeline, File.ReadAllText(pipeline).Replace("name: demo\n", "name: demo\nseed: [1\n", StringComparison.Ordinal));

        var result = await CliProcess.CurateAsync(["run", pipeline, "--out", dir.File("out")]);

        AssertUsageError(result, $"{pipeline}:2:");
    }

    [Fact]
    public async Task An_unclosed_flow_sequence_in_the_endpoints_file_names_the_file_and_line()
    {
        using var dir = new TempDirectory();
        var pipeline = CliTests.WritePipeline(dir);
        File.WriteAllText(dir.File("endpoints.yaml"), "endpoints:\n  - name: m\n    base_url: http://127.0.0.1:9/v1\n    model: m\n    seed: [1\n    temperature: 0\n");

        var result = await CliProcess.CurateAsync(["run", pipeline, "--endpoints", dir.File("endpoints.yaml"), "--out", dir.File("out")]);

        AssertUsageError(result, $"{dir.File("endpoints.yaml")}:5:");
    }

    [Fact]
    public async Task An_out_folder_that_is_a_file_or_under_a_file_is_a_usage_error_for_run()
    {
        using var dir = new TempDirectory();
        var pipeline = CliTests.WritePipeline(dir);
        File.WriteAllText(dir.File("taken"), "x");

        AssertUsageError(await CliProcess.CurateAsync(["run", pipeline, "--out", dir.File("taken")]), dir.File("taken"));
        AssertUsageError(await CliProcess.CurateAsync(["run", pipeline, "--out", Path.Combine(dir.File("taken"), "sub")]), dir.File("taken"));
    }

    [Fact]
    public async Task An_out_file_that_is_a_folder_or_under_a_file_is_a_usage_error_for_sample()
    {
        using var dir = new TempDirectory();
        var pipeline = CliTests.WritePipeline(dir);
        Assert.Equal(1, (await CliHarness.RunAsync("run", pipeline, "--out", dir.File("out"))).Exit);
        File.WriteAllText(dir.File("taken"), "x");
        Directory.CreateDirectory(dir.File("folder"));

        AssertUsageError(await CliProcess.CurateAsync(["sample", "--pool", dir.File("out"), "--out", dir.File("folder"), "--n", "1"]), dir.File("folder"));
        AssertUsageError(await CliProcess.CurateAsync(["sample", "--pool", dir.File("out"), "--out", Path.Combine(dir.File("taken"), "s.parquet"), "--n", "1"]), dir.File("taken"));
    }

    [Fact]
    public async Task An_unset_api_key_variable_is_a_usage_error_naming_it()
    {
        using var dir = new TempDirectory();
        var pipeline = CliTests.WritePipeline(dir);
        File.WriteAllText(dir.File("endpoints.yaml"), "endpoints:\n  - name: m\n    base_url: http://127.0.0.1:9/v1\n    model: m\n    api_key_env: CURATE_TEST_UNSET_KEY\n");

        var result = await CliProcess.CurateAsync(["run", pipeline, "--endpoints", dir.File("endpoints.yaml"), "--out", dir.File("out")],
            environment: new Dictionary<string, string?> { ["CURATE_TEST_UNSET_KEY"] = null });

        AssertUsageError(result, "CURATE_TEST_UNSET_KEY");
    }

    internal static void AssertUsageError(ProcessResult result, string named)
    {
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains(named, result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("internal fault", result.Err, StringComparison.Ordinal);
    }
}
