using System.Globalization;
using System.Text;
using CurationPipeline.Llm;

namespace CurationPipeline.Reporting;

/// <summary>The "Model calls" section of report.md, from the model layer's usage snapshot (run.json's <c>models</c>).</summary>
internal static class ModelUsageSection
{
    public static void Append(StringBuilder md, UsageSnapshot? usage)
    {
        if (usage is null)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        md.AppendLine();
        md.AppendLine("## Model calls");
        md.AppendLine();
        md.AppendLine("| endpoint | role | requests | calls | from the cache | batched | retries | failures | prompt tokens | completion tokens | cost | saved by cache | saved by batch |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in usage.Rows.Append(usage.Total))
        {
            md.AppendLine(c, $"| {Text(r.Endpoint)} | {Text(r.Role)} | {N(r.Requests)} | {N(r.Calls)} | {N(r.CacheHits)} | {N(r.Batched)} | {N(r.Retries)} | {N(r.Failures)} | {N(r.PromptTokens)} | {N(r.CompletionTokens)} | {Money(r.EstimatedCost)} | {Money(r.SavedByCache)} | {Money(r.SavedByBatch)} |");
        }

        if (usage.Batches is { } b)
        {
            md.AppendLine();
            md.AppendLine(c, $"Provider batches: {N(b.Submitted)} submitted, {N(b.Ended)} ended, {N(b.LinesAnswered)} of {N(b.LinesSubmitted)} lines answered, {N(b.LinesFailed)} failed.");
        }

        md.AppendLine();
        md.AppendLine("Costs at the endpoints' prices (batched tokens at the batch price); \"-\" where an endpoint has none.");
    }

    private static string Text(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Money(decimal? m) => m is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-";
}
