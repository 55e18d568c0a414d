using System.Globalization;
using System.Text;
using CurationPipeline.Sampling;

namespace CurationPipeline.Splits;

/// <summary>What the dataset card says besides the splits themselves.</summary>
public sealed class DatasetCardInfo
{
    public required string Pipeline { get; init; }

    public required string Description { get; init; }

    public required string ReviewPolicy { get; init; }

    public required IReadOnlyDictionary<string, string> Engines { get; init; }

    /// <summary>Dataset name to (primary, secondary, task) dimensions.</summary>
    public required IReadOnlyDictionary<string, (string Primary, string Secondary, string Task)> Dimensions { get; init; }

    /// <summary>Parquet footer metadata of every split (config hash, version).</summary>
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }
}

/// <summary>Renders the Hugging Face dataset card (README.md with YAML <c>configs</c>).</summary>
public static class DatasetCard
{
    public static string Render(DatasetCardInfo info, IReadOnlyList<SplitFile> splits, SamplingReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("---");
        md.AppendLine("configs:");
        foreach (var s in splits)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- config_name: {s.Dataset}");
            md.AppendLine("  data_files:");
            md.AppendLine("  - split: test");
            md.AppendLine(CultureInfo.InvariantCulture, $"    path: data/{s.Dataset}/test-*.parquet");
        }

        md.AppendLine("---");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {info.Pipeline}");
        md.AppendLine();
        md.AppendLine(info.Description);
        md.AppendLine();
        md.AppendLine("## Splits");
        md.AppendLine();
        md.AppendLine("| dataset | dimension | task | items | Hard / Medium / Easy | unreviewed |");
        md.AppendLine("|---|---|---|---:|---|---:|");
        var byDataset = report.Datasets.ToDictionary(d => d.Dataset, StringComparer.Ordinal);
        foreach (var s in splits)
        {
            var dims = info.Dimensions.GetValueOrDefault(s.Dataset);
            var levels = byDataset.TryGetValue(s.Dataset, out var r)
                ? $"{r.SampleByDifficulty.Hard} / {r.SampleByDifficulty.Medium} / {r.SampleByDifficulty.Easy}"
                : "";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Dataset} | {dims.Primary} / {dims.Secondary} | {dims.Task} | {s.Rows} | {levels} | {s.Unreviewed} |");
        }

        DepartmentTable(md, splits);
        md.AppendLine();
        md.AppendLine("## How the items were made");
        md.AppendLine();
        foreach (var (role, engine) in info.Engines.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {role}: {engine}");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Review policy: **{info.ReviewPolicy}**.");
        if (splits.Any(s => s.Unreviewed > 0))
        {
            md.AppendLine();
            md.AppendLine("Items with `review_status = unreviewed` have not been reviewed by physicians; the policy let them into the");
            md.AppendLine("splits marked as such. Do not treat them as gold.");
        }

        var shortfalls = report.Datasets.SelectMany(d => d.Shortfalls.Select(s => (d.Dataset, s))).ToList();
        if (shortfalls.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Shortfalls");
            md.AppendLine();
            md.AppendLine("The pool could not supply these cells; see sampling.md for what was taken instead.");
            md.AppendLine();
            foreach (var (_, s) in shortfalls)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {s.Text}");
            }
        }

        md.AppendLine();
        md.AppendLine("## Columns");
        md.AppendLine();
        md.AppendLine("`options`, `departments` and `flags` are lists; `entities` (type, text, start, end with end exclusive), `rubric`");
        md.AppendLine("(name, weight, description) and `attributes` are JSON text. `difficulty` comes from the calibration panel");
        md.AppendLine("with its evidence in `difficulty_correct` (models correct) or `difficulty_score` (mean judge score).");
        md.AppendLine("`engine` / `engine_kind` say what produced each item. `department_groups` (a list) holds the primary departments");
        md.AppendLine("of `departments`, `department_evidence` (JSON text) the item's words supporting each department, and");
        md.AppendLine("`department_engine` / `department_confidence` the tagger and its confidence.");
        return md.ToString();
    }

    /// <summary>The departments section: both levels of Table 2 per split, and the largest department combination.</summary>
    public static void DepartmentTable(StringBuilder md, IReadOnlyList<SplitFile> splits)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(splits);
        var tagged = splits.Where(s => s.Departments is { Items: > 0 }).ToList();
        if (tagged.Count == 0)
        {
            return;
        }

        md.AppendLine();
        md.AppendLine("## Departments");
        md.AppendLine();
        md.AppendLine("Items per primary department (`department_groups`) and per secondary department (`departments`, any of an item's up to three tags), and the most frequent combination of tags.");
        md.AppendLine();
        md.AppendLine("| dataset | tagged | primary departments | secondary departments | largest combination |");
        md.AppendLine("|---|---:|---|---|---|");
        foreach (var s in tagged)
        {
            var d = s.Departments!;
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Dataset} | {d.Items} | {Items.DepartmentSpread.Describe(d.Groups, 9)} | {Items.DepartmentSpread.Describe(d.Departments, 5)} | {d.DescribeTop()} |");
        }
    }
}
