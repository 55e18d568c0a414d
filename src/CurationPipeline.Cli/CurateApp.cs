using System.CommandLine;
using CurationPipeline.Cli.Commands;
using CurationPipeline.Llm;
using CurationPipeline.Parquet;
using CurationPipeline.Pipeline;
using Spectre.Console;

namespace CurationPipeline.Cli;

/// <summary>Wires the `curate` commands and maps failures to exit codes; commands live in Commands/.</summary>
public static class CurateApp
{
    public static RootCommand Build(IAnsiConsole console)
    {
        var root = new RootCommand("curate: build, label, sample and evaluate clinical LLM benchmark datasets (the MLB method).");
        root.Subcommands.Add(RunCommand.Create(console));
        root.Subcommands.Add(InspectCommand.Create(console));
        root.Subcommands.Add(SampleCommand.Create(console));
        root.Subcommands.Add(SynthCommand.Create(console));
        root.Subcommands.Add(DeidCommand.Create(console));
        root.Subcommands.Add(RelabelCommand.Create(console));
        root.Subcommands.Add(EvaluateCommand.Create(console));
        root.Subcommands.Add(JudgeAgreementCommand.Create(console));
        root.Subcommands.Add(ReviewCommand.Create(console));
        root.Subcommands.Add(DatasetsCommand.Create(console, console));
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken = default)
    {
        var parse = Build(console).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
            }

            console.MarkupLine("Try [bold]curate --help[/].");
            return ExitCodes.UsageOrConfiguration;
        }

        try
        {
            var invocation = new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = console.Profile.Out.Writer,
                Error = console.Profile.Out.Writer,
            };
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (Exception e) when (e is PipelineConfigException or UsageException or FileNotFoundException or DirectoryNotFoundException
                                      or ParquetException or FormatException or Sampling.SamplingException or EndpointsFileException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return ExitCodes.UsageOrConfiguration;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]cancelled:[/] stopped cleanly; no half-written output was left. Run again to resume (model answers are cached).");
            return ExitCodes.Cancelled;
        }
    }
}
