using System.Text;
using CurationPipeline.Core;
using CurationPipeline.IO;
using CurationPipeline.Parquet;

namespace CurationPipeline.Evaluation;

/// <summary>Writes an evaluation's files into its output folder, each atomically.</summary>
public static class EvaluationOutput
{
    public const string Results = "results.parquet";
    public const string SummaryMarkdown = "summary.md";
    public const string SummaryJson = "summary.json";
    public const string Disputes = "disputes.jsonl";
    public const string Report = "report.html";

    public static async Task<EvaluationSummary> WriteAsync(string directory, EvaluationResult result, string title, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        await ParquetSerializer.WriteAsync(Path.Combine(directory, Results), result.Rows, new ParquetWriteOptions
        {
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["curation.pipeline_version"] = PipelineInfo.Version },
        }, cancellationToken);
        var summary = EvaluationSummary.From(result.Rows, result.Disputes.Count);
        await AtomicFile.WriteAllTextAsync(Path.Combine(directory, SummaryMarkdown), summary.ToMarkdown(), cancellationToken);
        await AtomicFile.WriteAllTextAsync(Path.Combine(directory, SummaryJson), summary.ToJson(), cancellationToken);
        var disputes = new StringBuilder();
        foreach (var d in result.Disputes)
        {
            disputes.Append(d.ToJson()).Append('\n');
        }

        await AtomicFile.WriteAllTextAsync(Path.Combine(directory, Disputes), disputes.ToString(), cancellationToken);
        await AtomicFile.WriteAllTextAsync(Path.Combine(directory, Report), ReportPage.Render(summary, title), cancellationToken);
        return summary;
    }

    /// <summary>Reads <c>disputes.jsonl</c> back (for the review store).</summary>
    public static IReadOnlyList<DisputeRecord> ReadDisputes(string path) =>
        [.. File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(DisputeRecord.FromJson)];
}
