using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using CurationPipeline.Llm;
using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>`curate cache stats|prune`: what the shared response cache holds, and removing old answers.</summary>
internal static partial class CacheCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("cache", $"The response cache shared by runs and evaluations (default: curate/{CacheLocation.FileName} in the user's cache folder).");
        command.Subcommands.Add(Stats(console));
        command.Subcommands.Add(Prune(console));
        return command;
    }

    private static Option<FileInfo?> FileOption() =>
        new("--cache") { Description = "The cache file (default: the shared one in the user's cache folder)." };

    private static Command Stats(IAnsiConsole console)
    {
        var file = FileOption();
        var command = new Command("stats", "Answers stored per model, their tokens and age, requests being answered now and batches in flight.") { file };
        command.SetAction((parse, _) =>
        {
            var path = parse.GetValue(file)?.FullName ?? CacheLocation.Default();
            var stats = ResponseCache.ReadStats(path);
            var table = new Table().AddColumns("model", "answers", "prompt tokens", "completion tokens", "oldest (UTC)", "newest (UTC)");
            foreach (var m in stats.Models)
            {
                table.AddRow(Markup.Escape(m.Model), N(m.Entries), N(m.PromptTokens), N(m.CompletionTokens), Day(m.Oldest), Day(m.Newest));
            }

            console.WriteTable(null, table);
            console.MarkupLineInterpolated($"{stats.Path}: {N(stats.Entries)} answers, {stats.Bytes / 1048576.0:0.0} MiB; {N(stats.Leases)} request(s) being answered now by {N(stats.Owners)} open cache(s); {N(stats.OpenBatches)} batch(es) in flight");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command Prune(IAnsiConsole console)
    {
        var file = FileOption();
        var olderThan = new Option<string>("--older-than") { Description = "Remove answers stored longer ago than this: 30d, 12h, 90m, 2w.", Required = true };
        var vacuum = new Option<bool>("--vacuum") { Description = "Then shrink the file (waits until no other process writes to it)." };
        var command = new Command("prune", "Remove answers stored longer ago than --older-than.") { file, olderThan, vacuum };
        command.SetAction((parse, _) =>
        {
            var age = ParseAge(parse.GetValue(olderThan)!);
            var path = parse.GetValue(file)?.FullName ?? CacheLocation.Default();
            var before = DateTimeOffset.UtcNow - age;
            var removed = ResponseCache.Prune(path, before, parse.GetValue(vacuum));
            console.MarkupLineInterpolated($"removed {N(removed)} answer(s) stored before {before.UtcDateTime:yyyy-MM-dd HH:mm} UTC from {path}");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>A number and a unit: m (minutes), h, d, w.</summary>
    internal static TimeSpan ParseAge(string text)
    {
        var match = AgePattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n < 0)
        {
            throw new UsageException($"--older-than: expected a number and a unit (m, h, d or w), e.g. 30d, got '{text}'");
        }

        return match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            "d" => TimeSpan.FromDays(n),
            _ => TimeSpan.FromDays(7 * n),
        };
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*([mhdw])$")]
    private static partial Regex AgePattern();

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
