using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CurationPipeline.Core;
using CurationPipeline.Items;
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

    /// <summary>Dataset name to its scoring (what kind of task it is).</summary>
    public IReadOnlyDictionary<string, ScoringMethod> Scoring { get; init; } = new Dictionary<string, ScoringMethod>();

    /// <summary>Parquet footer metadata of every split (config hash, version).</summary>
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>The pipeline's <c>card</c> section: licence, languages, tags, the default config.</summary>
    public CardSection Card { get; init; } = new();
}

/// <summary>
/// Renders the Hugging Face dataset card (README.md): a YAML header with the hub's metadata (pretty name, licence,
/// languages, task categories, size category, tags, <c>configs</c> with one default and <c>dataset_info</c> with the
/// example counts), then per split its difficulty, departments, engines and review status, all counted from the
/// written files, and how to cite the method.
/// </summary>
public static class DatasetCard
{
    /// <summary>Tags every card carries.</summary>
    public static IReadOnlyList<string> BaseTags { get; } = ["medical", "clinical", "benchmark"];

    /// <summary>The heading of the per-split table (<c>curate check</c> reads its rows).</summary>
    public const string SplitsHeading = "## Splits";

    /// <summary>The paper whose method the pipeline follows, as BibTeX.</summary>
    public const string MethodCitation = """
        @misc{he2025mlb,
          title  = {{MLB}: A Scenario-Driven Benchmark for Evaluating Large Language Models in Clinical Applications},
          author = {He, Qing and Bi, Dongsheng and Lu, Jianrong and Yang, Minghui and Chen, Zixiao and Lu, Jiacheng and Chen, Jing and Du, Nannan and Cu, Xiao and Wu, Sijing and Xiang, Peng and Hu, Yinyin and Guo, Yi and Li, Chunpu and Li, Shaoyang and Dong, Zhuo and Jiang, Ming and Guo, Shuai and Feng, Liyun and Peng, Jin and Wang, Jian and Gu, Jinjie and Liu, Junwei},
          year   = {2025},
          note   = {Ant Group; Zhejiang University; Health Information Center of Zhejiang Province; Peking University}
        }
        """;

    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(DatasetCardInfo info, IReadOnlyList<SplitFile> splits, SamplingReport report)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(splits);
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        Header(md, info, splits);
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {info.Card.PrettyName ?? info.Pipeline}");
        md.AppendLine();
        md.AppendLine(info.Description);
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{splits.Sum(s => s.Rows)} items in {splits.Count(s => s.Rows > 0)} datasets, one `test` split each, counted from the written files.");
        md.AppendLine();
        md.AppendLine(SplitsHeading);
        md.AppendLine();
        md.AppendLine("| dataset | dimension | task | items | Hard / Medium / Easy | approved | unreviewed | engines |");
        md.AppendLine("|---|---|---|---:|---|---:|---:|---|");
        foreach (var s in splits)
        {
            var dims = info.Dimensions.GetValueOrDefault(s.Dataset);
            var st = s.Stats;
            var levels = st is null ? "" : $"{Level(st, Difficulty.Hard)} / {Level(st, Difficulty.Medium)} / {Level(st, Difficulty.Easy)}";
            var approved = st?.ReviewStatus.GetValueOrDefault("approved") ?? 0;
            var engines = st is null ? "" : string.Join(", ", st.Engines.Select(e => $"`{e.Key}` ({e.Value})"));
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Dataset} | {dims.Primary} / {dims.Secondary} | {dims.Task} | {s.Rows} | {levels} | {approved} | {s.Unreviewed} | {engines} |");
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
        md.AppendLine("Each row's `engine` and `engine_kind` name what produced it; an `offline` engine is a deterministic algorithm");
        md.AppendLine("(templates, dictionaries, rules), not a model.");
        md.AppendLine();
        md.AppendLine("## Review status");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Review policy: **{info.ReviewPolicy}**. Per split, the `review_status` of its items:");
        md.AppendLine();
        md.AppendLine("| dataset | " + string.Join(" | ", ReviewStatuses) + " |");
        md.AppendLine("|---|" + string.Concat(ReviewStatuses.Select(_ => "---:|")));
        foreach (var s in splits.Where(s => s.Stats is not null))
        {
            var counts = string.Join(" | ", ReviewStatuses.Select(r => s.Stats!.ReviewStatus.GetValueOrDefault(r).ToString(CultureInfo.InvariantCulture)));
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Dataset} | {counts} |");
        }

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
        md.AppendLine("(name, weight, description) and `attributes` are JSON text. For extraction items the `answer` is the rendering");
        md.AppendLine("of `entities` (`text [start,end)` joined by `；`). `difficulty` comes from the calibration panel");
        md.AppendLine("with its evidence in `difficulty_correct` (models correct) or `difficulty_score` (mean judge score).");
        md.AppendLine("`engine` / `engine_kind` say what produced each item. `department_groups` (a list) holds the primary departments");
        md.AppendLine("of `departments`, `department_evidence` (JSON text) the item's words supporting each department, and");
        md.AppendLine("`department_engine` / `department_confidence` the tagger and its confidence.");
        md.AppendLine();
        md.AppendLine("## Licence");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"`{info.Card.License}`{(info.Card.LicenseName is { } name ? $" ({name})" : "")}. Items read from public datasets (`source_kind = public`)");
        md.AppendLine("keep the terms of their upstream distribution.");
        md.AppendLine();
        md.AppendLine("## Citation");
        md.AppendLine();
        md.AppendLine("The datasets were built with the curation method of the MLB benchmark (generation paradigms, de-identification,");
        md.AppendLine("difficulty from a calibration panel, department tags, 3:5:2 sampling). Cite the method as:");
        md.AppendLine();
        md.AppendLine("```bibtex");
        md.AppendLine(MethodCitation);
        md.AppendLine("```");
        return md.ToString();
    }

    /// <summary>The review statuses in the order the card lists them.</summary>
    public static IReadOnlyList<string> ReviewStatuses { get; } = ["approved", "unreviewed", "in_review", "rejected"];

    /// <summary>The hub's size category of <paramref name="items"/> items.</summary>
    public static string SizeCategory(long items) => items switch
    {
        < 1_000 => "n<1K",
        < 10_000 => "1K<n<10K",
        < 100_000 => "10K<n<100K",
        < 1_000_000 => "100K<n<1M",
        < 10_000_000 => "1M<n<10M",
        _ => "10M<n<100M",
    };

    /// <summary>The hub's task categories of a scoring: multiple choice, extraction, open-ended generation.</summary>
    public static IReadOnlyList<string> TaskCategories(ScoringMethod scoring) => scoring switch
    {
        ScoringMethod.Accuracy => ["multiple-choice", "question-answering"],
        ScoringMethod.MicroF1 => ["token-classification"],
        _ => ["text-generation"],
    };

    private static void Header(StringBuilder md, DatasetCardInfo info, IReadOnlyList<SplitFile> splits)
    {
        var card = info.Card;
        var withRows = splits.Where(s => s.Rows > 0).Select(s => s.Dataset).ToList();
        var defaultConfig = card.DefaultConfig is { } d && splits.Any(s => s.Dataset == d) ? d : withRows.FirstOrDefault() ?? splits.FirstOrDefault()?.Dataset;
        var tasks = splits.Where(s => s.Rows > 0).SelectMany(s => info.Scoring.TryGetValue(s.Dataset, out var sc) ? TaskCategories(sc) : [])
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        md.AppendLine("---");
        md.AppendLine(CultureInfo.InvariantCulture, $"pretty_name: {Q(card.PrettyName ?? info.Pipeline)}");
        md.AppendLine(CultureInfo.InvariantCulture, $"license: {Q(card.License)}");
        if (card.LicenseName is { } licenseName)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"license_name: {Q(licenseName)}");
        }

        if (card.LicenseLink is { } licenseLink)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"license_link: {Q(licenseLink)}");
        }

        List("language", card.Language);
        List("task_categories", tasks);
        List("size_categories", [SizeCategory(splits.Sum(s => (long)s.Rows))]);
        List("tags", [.. BaseTags.Concat(card.Tags).Distinct(StringComparer.Ordinal)]);
        md.AppendLine("configs:");
        foreach (var s in splits)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- config_name: {s.Dataset}");
            md.AppendLine("  data_files:");
            md.AppendLine("  - split: test");
            md.AppendLine(CultureInfo.InvariantCulture, $"    path: data/{s.Dataset}/test-*.parquet");
            if (s.Dataset == defaultConfig)
            {
                md.AppendLine("  default: true");
            }
        }

        md.AppendLine("dataset_info:");
        foreach (var s in splits)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- config_name: {s.Dataset}");
            md.AppendLine("  splits:");
            md.AppendLine("  - name: test");
            md.AppendLine(CultureInfo.InvariantCulture, $"    num_examples: {s.Rows}");
        }

        md.AppendLine("---");

        void List(string key, IReadOnlyList<string> values)
        {
            if (values.Count == 0)
            {
                return;
            }

            md.AppendLine(CultureInfo.InvariantCulture, $"{key}:");
            foreach (var v in values)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {Q(v)}");
            }
        }
    }

    private static int Level(SplitStats stats, Difficulty level) => stats.Difficulty.GetValueOrDefault(level.ToString());

    // A JSON string is a YAML double-quoted scalar: any text stays one value.
    private static string Q(string value) => JsonSerializer.Serialize(value, Quoting);

    /// <summary>The departments section: both levels of Table 2 per split, and the largest department combination.</summary>
    public static void DepartmentTable(StringBuilder md, IReadOnlyList<SplitFile> splits)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(splits);
        var tagged = splits.Select(s => (s.Dataset, Spread: s.Departments ?? s.Stats?.Departments)).Where(s => s.Spread is { Items: > 0 }).ToList();
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
            var d = s.Spread!;
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Dataset} | {d.Items} | {DepartmentSpread.Describe(d.Groups, 9)} | {DepartmentSpread.Describe(d.Departments, 5)} | {d.DescribeTop()} |");
        }
    }
}
