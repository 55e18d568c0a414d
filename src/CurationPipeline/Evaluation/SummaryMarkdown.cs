using System.Globalization;
using System.Text;

namespace CurationPipeline.Evaluation;

/// <summary>Renders <see cref="EvaluationSummary"/> as <c>summary.md</c>: Table 4 layout first, then the breakdowns.</summary>
internal static class SummaryMarkdown
{
    public static string Render(EvaluationSummary s)
    {
        var md = new StringBuilder();
        md.AppendLine("# Evaluation summary").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{s.Items} items, {s.Models.Count} model(s), {s.Trials} trial(s), {s.Disputes} dispute(s). Scores on 0-100; a dimension scores the mean of its datasets, the average the mean of the dimensions.").AppendLine();
        md.AppendLine("## Overall (Table 4 layout)").AppendLine();
        Table(md, ["Model", "Average", .. s.Dimensions], s.Models.Select(m => (IReadOnlyList<string>)[m.Model, F(m.Average), .. s.Dimensions.Select(d => F(m.ByDimension.GetValueOrDefault(d)))]));
        Maturity(md, s);
        md.AppendLine("## By dataset").AppendLine();
        var datasets = s.Models.SelectMany(m => m.ByDataset).DistinctBy(d => d.Dataset).ToList();
        Table(md, ["Dataset", "Dimension", "Scoring", "Items", .. s.Models.Select(m => m.Model)],
            datasets.Select(d => (IReadOnlyList<string>)[d.Dataset, d.Dimension, d.Scoring, d.Items.ToString(CultureInfo.InvariantCulture),
                .. s.Models.Select(m => F(m.ByDataset.FirstOrDefault(x => x.Dataset == d.Dataset)?.Score))]));
        Breakdown(md, "By difficulty", s, m => m.ByDifficulty);
        Breakdown(md, "By department", s, m => m.ByDepartment);
        md.AppendLine("## Engines and flags").AppendLine();
        Table(md, ["Model", "Engine", "Flags"], s.Models.Select(m => (IReadOnlyList<string>)[m.Model, string.Join(", ", m.Engines),
            m.Flags.Count == 0 ? "-" : string.Join(", ", m.Flags.Select(f => $"{f.Key} {f.Value}"))]));
        return md.ToString();
    }

    private static void Maturity(StringBuilder md, EvaluationSummary s)
    {
        if (s.Maturity.Count == 0)
        {
            return;
        }

        var scenarios = s.Maturity.SelectMany(m => m.ByScenario).DistinctBy(d => d.Dataset).ToList();
        md.AppendLine("## Maturity scenarios (Table 2 layout)").AppendLine();
        Table(md, ["Model", .. scenarios.Select(d => $"{d.Dimension} {d.Dataset}")],
            s.Maturity.Select(m => (IReadOnlyList<string>)[m.Model, .. scenarios.Select(d => F(m.ByScenario.FirstOrDefault(x => x.Dataset == d.Dataset)?.Score))]));
        md.AppendLine("## Maturity levels and envelope").AppendLine();
        md.AppendLine("A level scores the mean of its scenarios; the envelope area is the L0-L4 radar's area as a percentage of the full pentagon (the paper's proxy for systematic maturity).").AppendLine();
        Table(md, ["Model", .. MaturityProfile.Levels, "Envelope area", "Weakest level"],
            s.Maturity.Select(m => (IReadOnlyList<string>)[m.Model, .. MaturityProfile.Levels.Select(l => F(m.ByLevel.GetValueOrDefault(l))), F(m.EnvelopeArea), m.WeakestLevel ?? "-"]));
    }

    private static void Breakdown(StringBuilder md, string title, EvaluationSummary s, Func<ModelSummary, IReadOnlyDictionary<string, double?>> pick)
    {
        var keys = s.Models.SelectMany(m => pick(m).Keys).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        md.AppendLine("## " + title).AppendLine();
        Table(md, ["", .. s.Models.Select(m => m.Model)], keys.Select(k => (IReadOnlyList<string>)[k, .. s.Models.Select(m => F(pick(m).GetValueOrDefault(k)))]));
    }

    private static void Table(StringBuilder md, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        md.AppendLine("| " + string.Join(" | ", header.Select(Cell)) + " |");
        md.AppendLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var r in rows)
        {
            md.AppendLine("| " + string.Join(" | ", r.Select(Cell)) + " |");
        }

        md.AppendLine();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    internal static string F(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
