using System.Diagnostics;
using Spectre.Console;

namespace CurationPipeline.Cli.Tests;

/// <summary>Runs `curate` in process with consoles that record plain text.</summary>
internal static class CliHarness
{
    /// <summary>Runs a command; the text is stdout and stderr as one terminal would show them.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var writer = new StringWriter();
        var console = PlainConsole(writer);
        var exit = await CurateApp.InvokeAsync(args, console, console);
        return (exit, writer.ToString());
    }

    public static IAnsiConsole PlainConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        return console;
    }

    /// <summary>Starts `curate` as a process of its own (the built curate.dll), output redirected.</summary>
    /// <param name="defaultSignals">
    /// Start it with SIGINT and SIGTERM handled by default, as in a terminal, even when the test runner was started
    /// with them ignored (a background job inherits SIGINT ignored, and .NET keeps an inherited ignore); through
    /// coreutils' <c>env --default-signal</c>, which execs in place, so the process id is curate's.
    /// </param>
    public static Process StartProcess(string[] arguments, IReadOnlyDictionary<string, string>? environment = null, bool defaultSignals = false)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(defaultSignals ? "env" : dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (defaultSignals)
        {
            start.ArgumentList.Add("--default-signal=INT,TERM");
            start.ArgumentList.Add(dotnet);
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "curate.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    public static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CurationPipeline.sln")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
