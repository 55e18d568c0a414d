using CurationPipeline.Cli;
using Spectre.Console;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Logs and CI: no wrapping at the default 80 columns.
    console.Profile.Width = 200;
}

return await CurateApp.InvokeAsync(args, console);
