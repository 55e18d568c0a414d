using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>How `curate` writes tables, warnings and errors, the same way in every command.</summary>
internal static class ConsoleExtensions
{
    /// <summary>A table under a title line of its own (Spectre centres a title over the table, padding the line with spaces).</summary>
    public static void WriteTable(this IAnsiConsole console, string? title, Table table, string? footnote = null)
    {
        if (title is not null)
        {
            console.MarkupLineInterpolated($"[bold]{title}[/]");
        }

        console.Write(table);
        if (footnote is not null)
        {
            console.MarkupLineInterpolated($"[grey]{footnote}[/]");
        }
    }

    public static void Warning(this IAnsiConsole errors, string message) =>
        errors.MarkupLineInterpolated($"[yellow]warning:[/] {message}");

    public static void Error(this IAnsiConsole errors, string message) =>
        errors.MarkupLineInterpolated($"[red]error:[/] {message}");
}
