using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CurationPipeline.Sampling;

/// <summary>The sampling reports of a run, one per dataset, rendered as Markdown or JSON.</summary>
public sealed class SamplingReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public SamplingReport(IEnumerable<DatasetSamplingReport> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        Datasets = [.. datasets];
    }

    /// <summary>The reports in the order given.</summary>
    public IReadOnlyList<DatasetSamplingReport> Datasets { get; }

    /// <summary>Collects the reports of several samples.</summary>
    public static SamplingReport From(IEnumerable<SampleResult> results) =>
        new(results.Select(r => r.Report));

    public string ToJson() => JsonSerializer.Serialize(new { datasets = Datasets }, JsonOptions);

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Sampling report");
        foreach (var r in Datasets)
        {
            md.AppendLine();
            Render(md, r);
        }

        return md.ToString();
    }

    private static void Render(StringBuilder md, DatasetSamplingReport r)
    {
        var ic = CultureInfo.InvariantCulture;
        md.AppendLine(ic, $"## {r.Dataset}");
        md.AppendLine();
        var keys = r.Keys.Count == 0 ? "none" : string.Join(", ", r.Keys);
        md.AppendLine(ic, $"Target N {r.TargetN}, ratio Hard:Medium:Easy {r.Ratio}, keys: {keys}, review policy {r.Policy.ToString().ToLowerInvariant()}, seed {r.Seed}.");
        var ineligible = r.Ineligible.Count == 0 ? "none" : string.Join(", ", r.Ineligible.Select(p => $"{p.Value} {Words(p.Key)}"));
        md.AppendLine(ic, $"Pool: {r.PoolSize} candidate(s), {r.PoolByDifficulty.Total} eligible; left out: {ineligible}.");
        md.AppendLine();
        md.AppendLine("| | Hard | Medium | Easy | Total |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        Row(md, "target", r.Targets);
        Row(md, "pool (eligible)", r.PoolByDifficulty);
        Row(md, "sample", r.SampleByDifficulty);
        md.AppendLine();
        md.AppendLine(ic, $"- Ratio exact: {YesNo(r.RatioExact)}");
        md.AppendLine(ic, $"- Coverage: {r.Coverage} strata in the sample");
        md.AppendLine(ic, $"- Largest deviation from proportional allocation: {r.LargestDeviation:0.####} item(s) (within one item: {YesNo(r.WithinOneItem)})");
        var st = r.Steps;
        md.AppendLine(ic, $"- Steps: coverage sample {st.InitialDraw}, gap draws {st.GapDraws}, swaps {st.Swaps}, chained moves {st.ChainMoves}, allocation widened by {st.AllocationWidenedBy}");
        Section(md, "Shortfalls", r.Shortfalls.Select(s => s.Text));
        Section(md, "Strata short of a level", r.CellShortfalls.Select(s => s.Text));
        Section(md, "Notes", r.Notes);
        md.AppendLine();
        md.AppendLine("| stratum | pool H/M/E | pool | share | sample H/M/E | sample | deviation |");
        md.AppendLine("|---|---|---:|---:|---|---:|---:|");
        foreach (var s in r.Strata)
        {
            var name = s.Stratum.Replace("|", "\\|", StringComparison.Ordinal);
            md.AppendLine(ic, $"| {name} | {s.Pool} | {s.Pool.Total} | {s.Quota:0.##} | {s.Sample} | {s.Sample.Total} | {s.Deviation:+0.##;-0.##;0} |");
        }
    }

    private static void Row(StringBuilder md, string label, LevelCounts c) =>
        md.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {c.Hard} | {c.Medium} | {c.Easy} | {c.Total} |");

    private static void Section(StringBuilder md, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"### {title}");
        md.AppendLine();
        foreach (var line in list)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        }
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Words(IneligibleReason reason) => reason switch
    {
        IneligibleReason.Rejected => "rejected",
        IneligibleReason.AwaitingReview => "awaiting review",
        IneligibleReason.NotLabelled => "without a difficulty label",
        IneligibleReason.Excluded => "flagged exclude",
        _ => reason.ToString(),
    };
}
