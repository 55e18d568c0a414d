using System.CommandLine;
using System.Runtime.InteropServices;
using CurationPipeline.Cli.Commands;
using CurationPipeline.Core;
using CurationPipeline.Llm;
using CurationPipeline.Parquet;
using Spectre.Console;

namespace CurationPipeline.Cli;

/// <summary>
/// Wires the `curate` commands and maps failures to exit codes; commands live in Commands/. Every command writes its
/// results to <c>console</c> (stdout) and its progress, warnings and errors to <c>errors</c> (stderr).
/// </summary>
public static class CurateApp
{
    public static RootCommand Build(IAnsiConsole console, IAnsiConsole errors)
    {
        var root = new RootCommand("curate: build, label, sample and evaluate clinical LLM benchmark datasets (the MLB method).");
        root.Subcommands.Add(RunCommand.Create(console, errors));
        root.Subcommands.Add(MergeCommand.Create(console, errors));
        root.Subcommands.Add(InspectCommand.Create(console));
        root.Subcommands.Add(SampleCommand.Create(console, errors));
        root.Subcommands.Add(SynthCommand.Create(console));
        root.Subcommands.Add(DeidCommand.Create(console, errors));
        root.Subcommands.Add(RelabelCommand.Create(console));
        root.Subcommands.Add(EvaluateCommand.Create(console, errors));
        root.Subcommands.Add(JudgeAgreementCommand.Create(console));
        root.Subcommands.Add(ReviewCommand.Create(console, errors));
        root.Subcommands.Add(DatasetsCommand.Create(console, errors));
        root.Subcommands.Add(CacheCommand.Create(console));
        root.Subcommands.Add(CheckCommand.Create(console, errors));
        return root;
    }

    public static Task<int> InvokeAsync(string[] args, IAnsiConsole console, IAnsiConsole errors, CancellationToken cancellationToken = default) =>
        InvokeAsync(Build(console, errors), args, console, errors, cancellationToken);

    /// <summary>Runs <paramref name="root"/>; no failure escapes as a stack trace, each ends as a message and an exit code.</summary>
    internal static async Task<int> InvokeAsync(RootCommand root, string[] args, IAnsiConsole console, IAnsiConsole errors, CancellationToken cancellationToken = default)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                errors.Error(error.Message);
            }

            errors.MarkupLine("Try [bold]curate --help[/].");
            return ExitCodes.UsageOrConfiguration;
        }

        // Ctrl+C and SIGTERM cancel the command's token (the process is not ended by the signal), so a command
        // stops reading, deletes its temporary files, releases its output folder and exits 130.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Stop(c, stop, errors));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Stop(c, stop, errors));
        try
        {
            var invocation = new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
                Output = console.Profile.Out.Writer,
                Error = errors.Profile.Out.Writer,
            };
            return await parse.InvokeAsync(invocation, stop.Token);
        }
        catch (Exception e)
        {
            return Report(Innermost(e), errors);
        }
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource stop, IAnsiConsole errors)
    {
        context.Cancel = true;
        if (!stop.IsCancellationRequested)
        {
            errors.MarkupLineInterpolated($"[yellow]stopping[/] ({context.Signal}): no new records are read; cleaning up...");
            stop.Cancel();
        }
    }

    private static int Report(Exception e, IAnsiConsole errors)
    {
        switch (e)
        {
            case OperationCanceledException:
                errors.MarkupLine("[yellow]cancelled:[/] stopped cleanly; temporary files were deleted and no half-written output was left. "
                    + "Kept: every model answer received before the stop, in the output folder's cache; run again to resume without paying for them.");
                return ExitCodes.Cancelled;
            case PipelineConfigException or UsageException or ParquetException or FormatException or Sampling.SamplingException or EndpointsFileException or EndpointConfigurationException
                or IOException or UnauthorizedAccessException:
                // IOException covers a missing file or folder, and an output path that cannot be written.
                errors.Error(e.Message);
                return ExitCodes.UsageOrConfiguration;
            default:
                errors.Error($"internal fault ({e.GetType().Name}): {e.Message}");
                return ExitCodes.Fault;
        }
    }

    /// <summary>The one exception a wrapper stands for (a faulted block's AggregateException of one).</summary>
    private static Exception Innermost(Exception e) =>
        e is AggregateException { InnerExceptions.Count: 1 } a ? Innermost(a.InnerExceptions[0]) : e;
}
