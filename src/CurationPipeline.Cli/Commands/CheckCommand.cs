using System.CommandLine;
using System.Globalization;
using CurationPipeline.Verification;
using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>`curate check DIR`: re-reads a run's outputs (or a sample file) and verifies every invariant from the files alone.</summary>
internal static class CheckCommand
{
    public static Command Create(IAnsiConsole console, IAnsiConsole errors)
    {
        var path = new Argument<string>("path") { Description = "A run's output folder (with run.json), or a sample Parquet file of `curate sample` (with its .sampling.json beside it)." };
        var command = new Command("check", "Verify a run's splits, card, sampling report and pool from the files alone; exit 1 on any violation.")
        {
            path,
        };
        command.SetAction(async (parse, ct) => await RunAsync(console, errors, parse.GetValue(path)!, null, ct));
        return command;
    }

    /// <summary>Checks <paramref name="path"/> (a run folder, or a sample file with the run folder it was drawn from), prints the table, returns the exit code.</summary>
    public static async Task<int> RunAsync(IAnsiConsole console, IAnsiConsole errors, string path, string? runOfSample, CancellationToken ct)
    {
        CheckReport report;
        try
        {
            report = Directory.Exists(path) || !File.Exists(path)
                ? await OutputChecker.CheckRunAsync(path, ct)
                : await OutputChecker.CheckSampleAsync(path, runOfSample, ct);
        }
        catch (CheckInputException e)
        {
            errors.Error(e.Message);
            return ExitCodes.UsageOrConfiguration;
        }

        Print(console, report);
        if (report.Ok)
        {
            console.MarkupLineInterpolated($"check: [green]ok[/], no violation in {path}");
            return ExitCodes.Success;
        }

        errors.Error($"check: {report.Violations} violation(s) in {path}; the table names the first of each check");
        return ExitCodes.CheckFailed;
    }

    private static void Print(IAnsiConsole console, CheckReport report)
    {
        var table = new Table().AddColumns("check", "checked", "violations", "first offenders", "rule");
        foreach (var c in report.Checks)
        {
            table.AddRow(
                Markup.Escape(c.Name),
                c.Checked.ToString(CultureInfo.InvariantCulture),
                c.Violations == 0 ? "0" : $"[red]{c.Violations.ToString(CultureInfo.InvariantCulture)}[/]",
                Markup.Escape(string.Join("; ", c.First)),
                Markup.Escape(c.Rule));
        }

        console.WriteTable("checks", table);
    }
}
