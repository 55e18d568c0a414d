using System.CommandLine;
using System.Text.RegularExpressions;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests;

/// <summary>
/// The command-line conventions, checked on `curate` run as a process of its own: results on stdout; progress,
/// warnings and errors on stderr; no escape code in a redirected stream; no line broken at a fixed width.
/// </summary>
public partial class ConventionsTests
{
    private const char Escape = '\u001b';

    [Fact]
    public async Task A_run_writes_its_results_to_stdout_and_its_progress_and_warnings_to_stderr()
    {
        using var dir = new TempDirectory();
        var pipeline = CliTests.WritePipeline(dir);

        var result = await CliProcess.CurateAsync(["run", pipeline, "--out", dir.File("out")]);

        Assert.True(result.Exit == 1, result.ToString()); // one reject in three records is above the threshold
        Assert.Contains("stages", result.Out, StringComparison.Ordinal);
        Assert.Contains("counts balanced: yes", result.Out, StringComparison.Ordinal);
        Assert.Contains($"wrote {Path.Combine(dir.File("out"), "pool.parquet")}", result.Out, StringComparison.Ordinal);
        Assert.Contains($"curate run demo: 1 datasets, 1 sources -> {dir.File("out")}", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("curate run demo", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("counts balanced", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain(Escape, result.Out);
        Assert.DoesNotContain(Escape, result.Err);
    }

    [Fact]
    public async Task An_error_goes_to_stderr_alone_with_exit_2()
    {
        using var dir = new TempDirectory();

        var result = await CliProcess.CurateAsync(["inspect", dir.File("none.parquet")]);

        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Out);
        Assert.Equal($"error: {dir.File("none.parquet")}: file not found", result.Err.TrimEnd());
    }

    [Fact]
    public async Task An_unknown_dataset_is_a_usage_error_naming_the_datasets_there()
    {
        using var dir = new TempDirectory();
        var pipeline = CliTests.WritePipeline(dir);
        Assert.Equal(1, (await CliHarness.RunAsync("run", pipeline, "--out", dir.File("out"))).Exit);

        var notInPool = await CliProcess.CurateAsync(["sample", "--pool", dir.File("out"), "--out", dir.File("s.parquet"), "--dataset", "CMExan", "--n", "2"]);
        var notInPipeline = await CliProcess.CurateAsync(["sample", "--pool", dir.File("out"), "--out", dir.File("s.parquet"), "--dataset", "CMExan", "--pipeline", pipeline]);

        Assert.Equal(2, notInPool.Exit);
        Assert.Equal("", notInPool.Out);
        Assert.Contains("--dataset: the pool has no item of 'CMExan' (datasets in the pool: CMExam)", notInPool.Err, StringComparison.Ordinal);
        Assert.Equal(2, notInPipeline.Exit);
        Assert.Equal("", notInPipeline.Out);
        Assert.Contains($"--dataset: 'CMExan' is not a dataset of {pipeline} (datasets: CMExam)", notInPipeline.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("s.parquet")));
        var known = await CliProcess.CurateAsync(["sample", "--pool", dir.File("out"), "--out", dir.File("s.parquet"), "--dataset", "CMExam", "--n", "2"]);
        Assert.True(known.Exit == 0, known.ToString());
        Assert.Contains($"wrote {dir.File("s.parquet")} (", known.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_line_is_not_broken_when_redirected()
    {
        using var dir = new TempDirectory();
        var deep = Path.Combine(dir.Path, new string('a', 120), new string('b', 120), new string('c', 120));

        var written = await CliProcess.CurateAsync(["synth", "phi-notes", "--count", "2", "--out", deep]);
        var missing = await CliProcess.CurateAsync(["inspect", Path.Combine(deep, "none.parquet")]);

        Assert.Equal(0, written.Exit);
        Assert.Equal($"wrote 2 phi-notes records to {Path.Combine(deep, "phi-notes.jsonl")}", written.Out.TrimEnd());
        Assert.Equal(2, missing.Exit);
        Assert.Equal($"error: {Path.Combine(deep, "none.parquet")}: file not found", missing.Err.TrimEnd());
    }

    [Fact]
    public async Task A_file_system_failure_is_a_message_naming_the_path_without_a_stack_trace()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("taken"), "a file where the output folder should go");

        var result = await CliProcess.CurateAsync(["synth", "phi-notes", "--count", "2", "--out", dir.File("taken/notes")]);

        Assert.Equal(2, result.Exit);
        Assert.StartsWith("error: ", result.Err, StringComparison.Ordinal);
        Assert.Contains(dir.File("taken"), result.Err, StringComparison.Ordinal);
        Assert.Single(result.Err.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_fault_is_one_line_on_stderr_and_exit_3()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var root = new RootCommand();
        var broken = new Command("broken");
        broken.SetAction(int (_) => throw new InvalidOperationException("the index is out of step"));
        root.Subcommands.Add(broken);

        var exit = await CurateApp.InvokeAsync(root, ["broken"], CliHarness.PlainConsole(output), CliHarness.PlainConsole(errors));

        Assert.Equal(3, exit);
        Assert.Equal("", output.ToString());
        Assert.Equal("error: internal fault (InvalidOperationException): the index is out of step", errors.ToString().TrimEnd());
    }

    [TerminalFact]
    public async Task On_a_terminal_each_stream_has_colours_unless_it_is_redirected_or_NO_COLOR_is_set()
    {
        using var dir = new TempDirectory();
        var parquet = dir.File("t.parquet");
        await DuckDb.QueryAsync($"COPY (SELECT 'CMExam' AS dataset, 'Hard' AS difficulty) TO {DuckDb.Literal(parquet)} (FORMAT parquet)");
        var curate = $"{Quote(CliProcess.Dotnet)} {Quote(Path.Combine(AppContext.BaseDirectory, "curate.dll"))}";
        var results = $"{curate} inspect {Quote(parquet)}";
        var error = $"{curate} inspect {Quote(dir.File("none.parquet"))}";

        // stdout on the terminal, stderr redirected; then the other way round.
        var resultsOnTerminal = await OnTerminalAsync($"{results} 2> {Quote(dir.File("err1"))}");
        var resultsToFile = await OnTerminalAsync($"{results} > {Quote(dir.File("out2"))}");
        var errorOnTerminal = await OnTerminalAsync($"{error} > {Quote(dir.File("out3"))}");
        var errorToFile = await OnTerminalAsync($"{error} 2> {Quote(dir.File("err4"))}");
        var noColor = await OnTerminalAsync($"{results}; {error}", noColor: true);

        Assert.Matches(Styled(), resultsOnTerminal);
        Assert.Contains("rows in 1 row group", File.ReadAllText(dir.File("out2")), StringComparison.Ordinal);
        Assert.DoesNotContain(Escape, File.ReadAllText(dir.File("out2")));
        Assert.DoesNotMatch(Styled(), resultsToFile);
        Assert.Matches(Styled(), errorOnTerminal);
        Assert.Contains("file not found", File.ReadAllText(dir.File("err4")), StringComparison.Ordinal);
        Assert.DoesNotContain(Escape, File.ReadAllText(dir.File("err4")));
        Assert.Contains("rows in 1 row group", noColor, StringComparison.Ordinal);
        Assert.Contains("file not found", noColor, StringComparison.Ordinal);
        Assert.DoesNotContain(Escape, KeypadMode().Replace(noColor, ""));
    }

    /// <summary>What a terminal shows of <paramref name="command"/>, run by util-linux `script` on a pseudo-terminal.</summary>
    private static async Task<string> OnTerminalAsync(string command, bool noColor = false)
    {
        var result = await CliProcess.RunAsync("script", ["-qec", command, "/dev/null"], environment: new Dictionary<string, string?>
        {
            ["TERM"] = "xterm-256color",
            ["NO_COLOR"] = noColor ? "1" : null,
        });
        Assert.True(result.Exit is 0 or 2, result.ToString());
        return result.Out;
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>A colour or style (SGR) escape sequence.</summary>
    [GeneratedRegex(@"\u001b\[[0-9;]*m")]
    private static partial Regex Styled();

    /// <summary>
    /// The keypad mode the .NET runtime itself switches on (and off) whenever a program writes to a terminal; it shows
    /// nothing and is no colour.
    /// </summary>
    [GeneratedRegex(@"\u001b\[\?1[hl]\u001b[=>]")]
    private static partial Regex KeypadMode();
}

/// <summary>A test that runs commands on a pseudo-terminal; skipped, saying why, where util-linux `script` is missing.</summary>
public sealed class TerminalFactAttribute : FactAttribute
{
    public TerminalFactAttribute()
    {
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator) ?? [];
        if (!OperatingSystem.IsLinux() || !path.Any(p => File.Exists(Path.Combine(p, "script"))))
        {
            Skip = "needs util-linux `script` (Linux) to give the command a terminal";
        }
    }
}
