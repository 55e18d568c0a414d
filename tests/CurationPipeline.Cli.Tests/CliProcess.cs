using System.Diagnostics;

namespace CurationPipeline.Cli.Tests;

/// <summary>What a command wrote, each stream on its own, and how it exited.</summary>
internal sealed record ProcessResult(int Exit, string Out, string Err)
{
    public override string ToString() => $"exit {Exit}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>Runs a program as a child process with stdout and stderr captured separately.</summary>
internal static class CliProcess
{
    /// <summary>The `dotnet` that runs the tests (so a test runs the build it was built with).</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>The built `curate` beside the tests, run with <paramref name="args"/>.</summary>
    public static Task<ProcessResult> CurateAsync(string[] args, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null) =>
        RunAsync(Dotnet, [Path.Combine(AppContext.BaseDirectory, "curate.dll"), .. args], workingDirectory, environment);

    /// <summary>Runs <paramref name="program"/>; <paramref name="environment"/> sets (or, with null, removes) variables.</summary>
    public static async Task<ProcessResult> RunAsync(string program, IEnumerable<string> args, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The tests' own environment must not decide what the command writes.
        start.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in time");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }
}
