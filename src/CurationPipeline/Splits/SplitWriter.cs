using CurationPipeline.IO;
using CurationPipeline.Items;
using CurationPipeline.Parquet;
using CurationPipeline.Sampling;

namespace CurationPipeline.Splits;

/// <summary>
/// Samples each dataset of a pool to its target size and difficulty ratio and writes the splits as a
/// Hugging Face dataset: <c>data/&lt;dataset&gt;/test-00000-of-00001.parquet</c> per dataset, a <c>README.md</c>
/// card with YAML <c>configs</c>, and the sampling report (<c>sampling.md</c>, <c>sampling.json</c>).
/// </summary>
public static class SplitWriter
{
    public static async Task<SplitsResult> WriteAsync(
        IReadOnlyList<string> poolFiles, IReadOnlyList<SamplingSpec> specs, int seed, string outputDirectory,
        DatasetCardInfo card, CancellationToken cancellationToken = default)
    {
        var candidates = await PoolReader.ReadAllCandidatesAsync(poolFiles, cancellationToken);
        var (results, items) = await DrawAsync(poolFiles, candidates, specs, seed, cancellationToken);
        var written = new List<SplitFile>();
        foreach (var result in results)
        {
            var path = Path.Combine(outputDirectory, "data", result.Spec.Dataset, "test-00000-of-00001.parquet");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var rows = result.SelectedIds.Select(id => ItemRow.From(items[id])).ToList();
            await ParquetSerializer.WriteAsync(path, rows, new ParquetWriteOptions { Metadata = card.Metadata }, cancellationToken);
            // The card states what the file holds, read back from it.
            var stats = await SplitStats.ReadAsync(path, cancellationToken);
            written.Add(new SplitFile(result.Spec.Dataset, Path.GetRelativePath(outputDirectory, path), stats.Rows, stats.ReviewStatus.GetValueOrDefault("unreviewed"))
            {
                Departments = stats.Departments,
                Stats = stats,
            });
        }

        var report = SamplingReport.From(results);
        await AtomicFile.WriteAllTextAsync(Path.Combine(outputDirectory, "sampling.md"), report.ToMarkdown(), cancellationToken);
        await AtomicFile.WriteAllTextAsync(Path.Combine(outputDirectory, "sampling.json"), report.ToJson(), cancellationToken);
        await AtomicFile.WriteAllTextAsync(Path.Combine(outputDirectory, "README.md"), DatasetCard.Render(card, written, report), cancellationToken);
        return new SplitsResult(written, report, candidates.Count(c => c.DifficultyState == DifficultyState.PendingHuman));
    }

    /// <summary>Samples every spec from the candidates, then reads the selected items (only those) from the pool.</summary>
    public static async Task<(IReadOnlyList<SampleResult> Results, IReadOnlyDictionary<string, BenchmarkItem> Items)> DrawAsync(
        IReadOnlyList<string> poolFiles, IReadOnlyList<SampleCandidate> candidates, IReadOnlyList<SamplingSpec> specs, int seed,
        CancellationToken cancellationToken = default)
    {
        var sampler = new StratifiedSampler();
        var results = specs.Select(spec => sampler.Sample(candidates, spec, seed)).ToList();
        var selected = results.SelectMany(r => r.SelectedIds).ToHashSet(StringComparer.Ordinal);
        var items = new Dictionary<string, BenchmarkItem>(StringComparer.Ordinal);
        await foreach (var item in PoolReader.ReadItemsAsync(poolFiles, selected.Contains, cancellationToken))
        {
            items[item.Id] = item;
        }

        return (results, items);
    }
}

/// <summary>One written split.</summary>
public sealed record SplitFile(string Dataset, string Path, int Rows, int Unreviewed)
{
    /// <summary>How the split's items spread over departments; null when not computed.</summary>
    public DepartmentSpread? Departments { get; init; }

    /// <summary>The split's counts read back from the written file; null when not computed.</summary>
    public SplitStats? Stats { get; init; }
}

/// <summary>The splits of a run and their sampling report.</summary>
/// <param name="PendingHuman">Pool items whose difficulty waits for a human score (never sampled).</param>
public sealed record SplitsResult(IReadOnlyList<SplitFile> Files, SamplingReport Report, int PendingHuman);
