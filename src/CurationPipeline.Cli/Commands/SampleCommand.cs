using System.CommandLine;
using System.Globalization;
using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.IO;
using CurationPipeline.Items;
using CurationPipeline.Parquet;
using CurationPipeline.Sampling;
using CurationPipeline.Splits;
using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>`curate sample`: a balanced sample from a labelled pool, with a new seed, size, ratio or strata.</summary>
internal static class SampleCommand
{
    public static Command Create(IAnsiConsole console, IAnsiConsole errors)
    {
        var pool = new Option<string>("--pool") { Description = "Pool Parquet file, or a run folder holding pool.parquet or pool/part-*.parquet.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Parquet file for the sampled items; the report goes beside it (.sampling.md, .sampling.json).", Required = true };
        var dataset = new Option<string?>("--dataset") { Description = "Sample only this dataset (default: every dataset in the pool)." };
        var n = new Option<int?>("--n") { Description = "Items per dataset (default: the pipeline's target_n)." };
        var ratio = new Option<string?>("--ratio") { Description = "Hard:Medium:Easy (default: the pipeline's, or 3:5:2)." };
        var keys = new Option<string?>("--keys") { Description = "Comma-separated coverage keys, e.g. department or risk_type (default: the pipeline's)." };
        var seed = new Option<int?>("--seed") { Description = "Seed (default: the pipeline's, or 42)." };
        var pipeline = new Option<FileInfo?>("--pipeline") { Description = "Pipeline file giving targets, keys, ratio and review policy per dataset." };
        var policy = new Option<string?>("--policy") { Description = "Review policy: required or recorded (default: the pipeline's, or recorded)." };
        var strict = new Option<bool>("--fail-on-shortfall") { Description = "Fail when the pool cannot supply a cell, instead of reporting it." };
        var command = new Command("sample", "Draw a stratified sample with an exact difficulty ratio from a labelled pool, and report it.")
        {
            pool, output, dataset, n, ratio, keys, seed, pipeline, policy, strict,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var root = CompositionRoot.Create(new CompositionOptions());
            var definition = parse.GetValue(pipeline) is { } p ? root.LoadPipeline(p.FullName) : null;
            var files = PoolReader.Resolve(parse.GetValue(pool)!);
            var candidates = await PoolReader.ReadAllCandidatesAsync(files, ct);
            var inPool = candidates.Select(c => c.Dataset).Distinct().Order(StringComparer.Ordinal).ToList();
            var datasets = parse.GetValue(dataset) is { } one ? [Known(one, inPool, definition)] : inPool;
            var specs = datasets.Select(d => Spec(d, definition, parse.GetValue(n), parse.GetValue(ratio), parse.GetValue(keys), parse.GetValue(policy), parse.GetValue(strict))).ToList();
            var runSeed = parse.GetValue(seed) ?? definition?.Seed ?? 42;
            var (results, items) = await SplitWriter.DrawAsync(files, candidates, specs, runSeed, ct);
            var order = results.SelectMany(r => r.SelectedIds).ToList();
            var outPath = parse.GetValue(output)!.FullName;
            Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
            await ParquetSerializer.WriteAsync(outPath, order.Select(id => ItemRow.From(items[id])), new ParquetWriteOptions
            {
                Metadata = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["curation.sample_seed"] = runSeed.ToString(CultureInfo.InvariantCulture),
                    ["curation.pipeline_version"] = PipelineInfo.Version,
                },
            }, ct);
            var report = SamplingReport.From(results);
            var stem = Path.Combine(Path.GetDirectoryName(outPath)!, Path.GetFileNameWithoutExtension(outPath));
            await AtomicFile.WriteAllTextAsync(stem + ".sampling.md", report.ToMarkdown(), ct);
            await AtomicFile.WriteAllTextAsync(stem + ".sampling.json", report.ToJson(), ct);

            var table = new Table().AddColumns("dataset", "pool", "target", "sampled", "Hard", "Medium", "Easy", "coverage", "shortfalls");
            foreach (var r in report.Datasets)
            {
                table.AddRow(r.Dataset, I(r.PoolSize), I(r.TargetN), I(r.SampleSize), I(r.SampleByDifficulty.Hard), I(r.SampleByDifficulty.Medium), I(r.SampleByDifficulty.Easy), r.Coverage, I(r.Shortfalls.Count));
            }

            console.Write(table);
            foreach (var s in report.Datasets.SelectMany(d => d.Shortfalls))
            {
                errors.Warning($"shortfall: {s.Text}");
            }

            console.MarkupLineInterpolated($"wrote {outPath} ({order.Count} items) and {stem}.sampling.md / .json");
            // The sample verifies what it wrote; the pool's run folder (when it is one) gives the calibration table.
            var runFolder = Path.GetDirectoryName(Path.GetFullPath(files[0]));
            runFolder = runFolder is not null && Path.GetFileName(runFolder) == "pool" ? Path.GetDirectoryName(runFolder) : runFolder;
            return await CheckCommand.RunAsync(console, errors, outPath, runFolder, ct);
        });
        return command;
    }

    /// <summary>The one dataset asked for, when both the pool and the pipeline (if given) have it.</summary>
    private static string Known(string name, IReadOnlyList<string> inPool, PipelineDefinition? definition)
    {
        if (definition is not null && definition.Datasets.All(d => d.Name != name))
        {
            throw new UsageException($"--dataset: '{name}' is not a dataset of {definition.FilePath} (datasets: {string.Join(", ", definition.Datasets.Select(d => d.Name))})");
        }

        return inPool.Contains(name, StringComparer.Ordinal)
            ? name
            : throw new UsageException($"--dataset: the pool has no item of '{name}' (datasets in the pool: {(inPool.Count > 0 ? string.Join(", ", inPool) : "none")})");
    }

    private static SamplingSpec Spec(string dataset, PipelineDefinition? definition, int? n, string? ratio, string? keys, string? policy, bool strict)
    {
        var d = definition?.Datasets.FirstOrDefault(x => x.Name == dataset);
        if (definition is not null && d is null)
        {
            throw new UsageException($"dataset '{dataset}' is not in {definition.FilePath}");
        }

        var target = n ?? d?.TargetN ?? throw new UsageException("give --n, or --pipeline for the datasets' target sizes");
        var reviewPolicy = definition?.ReviewPolicy ?? ReviewPolicy.Recorded;
        if (policy is not null && !ConfigNames.TryParse(policy, out reviewPolicy))
        {
            throw new UsageException($"--policy {ConfigNames.MustBe<ReviewPolicy>()}, not '{policy}'");
        }

        var spec = definition is not null && d is not null
            ? SamplingSpec.For(definition, d)
            : new SamplingSpec(dataset, target, DifficultyRatio.Parse(PaperConstants.DifficultyRatio), []);
        return spec with
        {
            TargetN = target,
            Ratio = ratio is null ? spec.Ratio : DifficultyRatio.Parse(ratio),
            Keys = keys?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? spec.Keys,
            Policy = reviewPolicy,
            FailOnShortfall = strict || spec.FailOnShortfall,
        };
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
