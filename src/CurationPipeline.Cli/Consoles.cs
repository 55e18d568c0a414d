using Spectre.Console;

namespace CurationPipeline.Cli;

/// <summary>
/// The two consoles of `curate`: results to stdout, errors, warnings and progress to stderr. Each stream is set up on
/// its own: redirected, or with <c>NO_COLOR</c> set (no-color.org: any non-empty value), it gets plain text with no
/// escape code; redirected, it is also never wrapped, so a log line stays one line whatever its length.
/// </summary>
public static class Consoles
{
    public static (IAnsiConsole Out, IAnsiConsole Error) FromProcess()
    {
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return (Create(Console.Out, Console.IsOutputRedirected, noColor), Create(Console.Error, Console.IsErrorRedirected, noColor));
    }

    public static IAnsiConsole Create(TextWriter writer, bool redirected, bool noColor)
    {
        var plain = redirected || noColor;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(writer),
        });
        if (redirected)
        {
            // Spectre wraps at the profile width (80 when it cannot ask a terminal); a file or pipe has no width.
            console.Profile.Width = int.MaxValue;
        }

        return console;
    }
}
