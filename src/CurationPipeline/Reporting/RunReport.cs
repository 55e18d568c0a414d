using System.Globalization;
using System.Text;
using CurationPipeline.Splits;

namespace CurationPipeline.Reporting;

/// <summary>report.md of a run: engines, stage counts, rejects, splits and shortfalls, in words and tables.</summary>
public static class RunReport
{
    /// <param name="missing">How to get the optional sources the run did not find (<c>curate datasets fetch</c>), when some are missing.</param>
    public static string Render(RunManifest run, SplitsResult? splits, IReadOnlyList<(string Reason, int Count)> topRejectReasons, Datasets.MissingSourcesHint? missing = null)
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine(c, $"# Run report: {run.Pipeline}");
        md.AppendLine();
        md.AppendLine(c, $"- pipeline file: `{run.PipelineFile}` (config hash `{run.ConfigHash[..Math.Min(12, run.ConfigHash.Length)]}`)");
        md.AppendLine(c, $"- pipeline version {run.PipelineVersion}, seed {run.Seed}{(run.Limit is { } l ? $", limit {l} records per source" : "")}");
        md.AppendLine(c, $"- {run.DurationSeconds:0.0} s, {run.PoolItems} items in the pool, {run.Rejects} rejects ({run.RejectFraction:P1} of records read; threshold {run.MaxRejectFraction:P1})");
        md.AppendLine(c, $"- counts balanced: {(run.CountsBalanced ? "yes, every record is accounted for" : "NO: some stage lost records")}");
        md.AppendLine(c, $"- items waiting for a human score (disputed judgements, never sampled): {run.PendingHumanScores}");
        md.AppendLine();
        md.AppendLine("## Engines");
        md.AppendLine();
        foreach (var (role, engine) in run.Engines.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            md.AppendLine(c, $"- **{role}**: {engine}");
        }

        if (run.EmptySources.Count > 0)
        {
            md.AppendLine();
            md.AppendLine(c, $"Source files that held no record: {string.Join(", ", run.EmptySources)}.");
        }

        if (run.MissingSources.Count > 0)
        {
            md.AppendLine();
            md.AppendLine(c, $"Optional sources not found and skipped: {string.Join(", ", run.MissingSources)}.");
            if (missing is not null)
            {
                md.AppendLine(string.Join(' ', missing.Advice(withFolder: false)));
            }
        }

        md.AppendLine();
        md.AppendLine("## Stages");
        md.AppendLine();
        md.AppendLine("| stage | received | emitted | rejected | filtered | seconds |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var s in run.Stages)
        {
            md.AppendLine(c, $"| {s.Name} | {s.Received} | {s.Emitted} | {s.Rejected} | {s.Filtered} | {s.Seconds:0.00} |");
        }

        if (topRejectReasons.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Most frequent reject reasons");
            md.AppendLine();
            md.AppendLine("| count | reason |");
            md.AppendLine("|---:|---|");
            foreach (var (reason, count) in topRejectReasons)
            {
                md.AppendLine(c, $"| {count} | {reason.Replace("|", "\\|", StringComparison.Ordinal)} |");
            }

            md.AppendLine();
            md.AppendLine("Every reject, with its stage, file, record and field, is in `rejects.jsonl`.");
        }

        DedupSection.Append(md, run.Dedup);
        ModelUsageSection.Append(md, run.Models);
        md.AppendLine();
        md.AppendLine("## Reviewer agreement");
        md.AppendLine();
        var reviewed = run.ReviewAgreement.Where(a => a.Items > 0).ToList();
        if (reviewed.Count == 0)
        {
            md.AppendLine("No item has two reviews yet (`curate review serve --store review.db`).");
        }
        else
        {
            md.AppendLine("| criterion | items with two reviews | both pass | both fail | split | observed agreement | Cohen's kappa |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var a in reviewed)
            {
                md.AppendLine(c, $"| {a.Criterion} | {a.Items} | {a.BothPass} | {a.BothFail} | {a.Split} | {a.ObservedAgreement:0.000} | {(a.Kappa is { } k ? k.ToString("0.000", c) : "n/a")} |");
            }
        }

        if (splits is not null)
        {
            md.AppendLine();
            md.AppendLine("## Splits");
            md.AppendLine();
            md.AppendLine("| dataset | target | items | Hard | Medium | Easy | coverage | unreviewed |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---|---:|");
            var files = splits.Files.ToDictionary(f => f.Dataset, StringComparer.Ordinal);
            foreach (var d in splits.Report.Datasets)
            {
                var unreviewed = files.TryGetValue(d.Dataset, out var f) ? f.Unreviewed : 0;
                md.AppendLine(c, $"| {d.Dataset} | {d.TargetN} | {d.SampleSize} | {d.SampleByDifficulty.Hard} | {d.SampleByDifficulty.Medium} | {d.SampleByDifficulty.Easy} | {d.Coverage} | {unreviewed} |");
            }

            Splits.DatasetCard.DepartmentTable(md, splits.Files);

            var shortfalls = splits.Report.Datasets.SelectMany(d => d.Shortfalls).ToList();
            if (shortfalls.Count > 0)
            {
                md.AppendLine();
                md.AppendLine("### Shortfalls");
                md.AppendLine();
                foreach (var s in shortfalls)
                {
                    md.AppendLine(c, $"- {s.Text}");
                }
            }
        }

        return md.ToString();
    }
}
