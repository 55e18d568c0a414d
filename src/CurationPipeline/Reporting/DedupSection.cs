using System.Globalization;
using System.Text;
using CurationPipeline.Deduplication;

namespace CurationPipeline.Reporting;

/// <summary>The report's section on duplicates and contamination: counts, then the clusters and matches themselves.</summary>
public static class DedupSection
{
    /// <summary>Clusters and matches listed in the report; run.json carries all of them.</summary>
    public const int Listed = 50;

    public static void Append(StringBuilder md, DedupSummary? dedup)
    {
        ArgumentNullException.ThrowIfNull(md);
        if (dedup is null)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        md.AppendLine();
        md.AppendLine("## Duplicates and contamination");
        md.AppendLine();
        md.AppendLine(c, $"Character {dedup.Ngram}-grams after normalisation (width, punctuation, white space; options as a set), MinHash with LSH, "
            + $"duplicates at Jaccard similarity >= {dedup.Threshold:0.00} of both task and context. The first item of a cluster in pipeline order is kept.");
        md.AppendLine();
        md.AppendLine("| checked | kept | clusters | duplicates in the same dataset | duplicates across datasets | contaminated |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(c, $"| {dedup.Checked} | {dedup.Kept} | {dedup.Clusters} | {dedup.DuplicatesWithin} | {dedup.DuplicatesAcross} | {dedup.Contaminated.Values.Sum()} |");
        if (dedup.AgainstRecords.Count > 0 || dedup.MissingAgainst.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("| public benchmark source | records checked against | items contaminated |");
            md.AppendLine("|---|---:|---:|");
            foreach (var (source, records) in dedup.AgainstRecords)
            {
                md.AppendLine(c, $"| {source} | {records} | {dedup.Contaminated.GetValueOrDefault(source)} |");
            }

            foreach (var source in dedup.MissingAgainst)
            {
                md.AppendLine(c, $"| {source} | not found (optional, skipped) | 0 |");
            }
        }

        if (dedup.ClusterList.Count > 0)
        {
            md.AppendLine();
            md.AppendLine(c, $"### Clusters{(dedup.ClusterList.Count > Listed ? $" (first {Listed} of {dedup.ClusterList.Count}; all in run.json)" : "")}");
            md.AppendLine();
            md.AppendLine("| kept item | dataset | rejected duplicates (dataset, similarity) |");
            md.AppendLine("|---|---|---|");
            foreach (var cluster in dedup.ClusterList.Take(Listed))
            {
                var members = string.Join(", ", cluster.Duplicates.Select(d => string.Create(c, $"{d.Id} ({d.Dataset}, {d.Similarity:0.00})")));
                md.AppendLine(c, $"| {cluster.Kept} | {cluster.Dataset} | {members} |");
            }
        }

        if (dedup.ContaminationList.Count > 0)
        {
            md.AppendLine();
            md.AppendLine(c, $"### Contaminated items{(dedup.ContaminationList.Count > Listed ? $" (first {Listed} of {dedup.ContaminationList.Count}; all in run.json)" : "")}");
            md.AppendLine();
            md.AppendLine("| item | dataset | benchmark | file | record | similarity |");
            md.AppendLine("|---|---|---|---|---|---:|");
            foreach (var m in dedup.ContaminationList.Take(Listed))
            {
                md.AppendLine(c, $"| {m.Item} | {m.Dataset} | {m.Benchmark} | {m.File} | {m.Record} | {m.Similarity:0.00} |");
            }
        }
    }
}
