using System.CommandLine;
using CurationPipeline.Llm;

namespace CurationPipeline.Cli.Commands;

/// <summary>The options of the commands that call models: where answers are cached (<c>--cache</c>, <c>--no-cache</c>).</summary>
internal sealed class ModelCallOptions
{
    public Option<FileInfo?> Cache { get; } = new("--cache")
    {
        Description = $"Response cache file, shared by every run that names it (default: the pipeline's cache key, else curate/{CacheLocation.FileName} in the user's cache folder, XDG_CACHE_HOME or the platform's).",
    };

    public Option<bool> NoCache { get; } = new("--no-cache") { Description = "Cache no answer and reuse none: every request is sent." };

    public Option<bool> Plan { get; } = new("--plan")
    {
        Description = $"Send nothing: count the model calls this would make (answers already cached left out), estimate their tokens and cost per endpoint and role, and write {CallPlan.FileName} to the output folder (a later run there shows its spending against it).",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Cache);
        command.Options.Add(NoCache);
        command.Options.Add(Plan);
    }

    /// <summary>The model layer's settings: the cache, the batch journal (beside the cache, else in <paramref name="outputDirectory"/>), plan mode.</summary>
    public ModelHubOptions HubOptions(ParseResult parse, string outputDirectory, string? cachePath) => new()
    {
        CachePath = cachePath,
        BatchJournalPath = cachePath is null ? Path.Combine(outputDirectory, "batches.db") : null,
        Plan = parse.GetValue(Plan),
    };

    /// <summary>The cache file of this invocation, or <c>null</c> with <c>--no-cache</c>; <paramref name="configured"/> is a pipeline file's <c>cache:</c> key, relative to <paramref name="configuredBase"/>.</summary>
    public string? CachePath(ParseResult parse, string? configured = null, string? configuredBase = null)
    {
        var path = parse.GetValue(Cache);
        if (path is not null && parse.GetValue(NoCache))
        {
            throw new UsageException("--cache and --no-cache exclude each other");
        }

        return CacheLocation.Resolve(path?.FullName, parse.GetValue(NoCache), configured, configuredBase);
    }
}
