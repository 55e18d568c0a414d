using System.Text.Json;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests.Reliability;

public sealed class EmptySourceTests
{
    [Fact]
    public async Task An_empty_source_file_is_warned_about_and_named_in_run_json()
    {
        using var dir = new TempDirectory();
        var pipeline = CliTests.WritePipeline(dir);
        File.WriteAllBytes(dir.File("exam.csv"), []);

        var result = await CliProcess.CurateAsync(["run", pipeline, "--out", dir.File("out")]);

        Assert.Contains("warning: source file holds no record:", result.Err, StringComparison.Ordinal);
        Assert.Contains("exam.csv", result.Err, StringComparison.Ordinal);
        using var run = JsonDocument.Parse(File.ReadAllText(dir.File("out/run.json")));
        Assert.Contains(run.RootElement.GetProperty("empty_sources").EnumerateArray(), e => e.GetString()!.EndsWith("exam.csv", StringComparison.Ordinal));
    }
}
