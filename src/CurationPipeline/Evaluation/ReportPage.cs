using System.Globalization;
using System.Net;
using System.Text;

namespace CurationPipeline.Evaluation;

/// <summary>
/// <c>report.html</c>: one self-contained page (inline CSS and SVG, no scripts, no external resources) with
/// per-dimension bars, a radar over the dimensions, scores by difficulty, and the summary's tables.
/// </summary>
public static class ReportPage
{
    public static string Render(EvaluationSummary summary, string title = "Evaluation report")
    {
        ArgumentNullException.ThrowIfNull(summary);
        var models = summary.Models.Select(m => m.Model).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title><style>")
            .Append(Css).Append("</style></head><body>");
        html.Append("<h1>").Append(E(title)).Append("</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{summary.Items} items · {summary.Models.Count} model(s) · {summary.Trials} trial(s) · {summary.Disputes} dispute(s). Scores 0–100; a dimension scores the mean of its datasets.</p>");
        html.Append(SvgCharts.Legend(models));

        html.Append("<section id=\"overall\"><h2>Overall</h2>");
        Table(html, "overall-table", ["Model", "Average", .. summary.Dimensions],
            summary.Models.Select(m => (IReadOnlyList<string>)[m.Model, F(m.Average), .. summary.Dimensions.Select(d => F(m.ByDimension.GetValueOrDefault(d)))]));
        html.Append("<div class=\"charts\"><figure>")
            .Append(SvgCharts.GroupedBars("Score by dimension", summary.Dimensions, [.. summary.Models.Select(m => (m.Model, (IReadOnlyList<double?>)[.. summary.Dimensions.Select(d => m.ByDimension.GetValueOrDefault(d))]))]))
            .Append("<figcaption>Score by dimension</figcaption></figure>");
        if (summary.Dimensions.Count >= 3)
        {
            html.Append("<figure>")
                .Append(SvgCharts.Radar("Dimension profile", summary.Dimensions, [.. summary.Models.Select(m => (m.Model, (IReadOnlyList<double?>)[.. summary.Dimensions.Select(d => m.ByDimension.GetValueOrDefault(d))]))]))
                .Append("<figcaption>Dimension profile</figcaption></figure>");
        }

        var levels = new[] { "Easy", "Medium", "Hard" }.Where(l => summary.Models.Any(m => m.ByDifficulty.ContainsKey(l))).ToList();
        if (levels.Count > 0)
        {
            html.Append("<figure>")
                .Append(SvgCharts.GroupedBars("Score by difficulty", levels, [.. summary.Models.Select(m => (m.Model, (IReadOnlyList<double?>)[.. levels.Select(l => m.ByDifficulty.GetValueOrDefault(l))]))]))
                .Append("<figcaption>Score by difficulty</figcaption></figure>");
        }

        html.Append("</div></section>");
        Maturity(html, summary);

        var datasets = summary.Models.SelectMany(m => m.ByDataset).DistinctBy(d => d.Dataset).ToList();
        html.Append("<section id=\"datasets\"><h2>By dataset</h2>");
        Table(html, "dataset-table", ["Dataset", "Dimension", "Scoring", "Items", .. models],
            datasets.Select(d => (IReadOnlyList<string>)[d.Dataset, d.Dimension, d.Scoring, d.Items.ToString(CultureInfo.InvariantCulture),
                .. summary.Models.Select(m => F(m.ByDataset.FirstOrDefault(x => x.Dataset == d.Dataset)?.Score))]));
        html.Append("</section>");
        Breakdown(html, "difficulty", "By difficulty", summary, m => m.ByDifficulty);
        Breakdown(html, "departments", "By department", summary, m => m.ByDepartment);
        html.Append("<section id=\"engines\"><h2>Engines and flags</h2>");
        Table(html, "engine-table", ["Model", "Engine", "Flags"], summary.Models.Select(m => (IReadOnlyList<string>)[m.Model, string.Join(", ", m.Engines),
            m.Flags.Count == 0 ? "–" : string.Join(", ", m.Flags.Select(f => $"{f.Key} {f.Value}"))]));
        html.Append("</section></body></html>");
        return html.ToString();
    }

    private static void Maturity(StringBuilder html, EvaluationSummary s)
    {
        if (s.Maturity.Count == 0)
        {
            return;
        }

        var scenarios = s.Maturity.SelectMany(m => m.ByScenario).DistinctBy(d => d.Dataset).ToList();
        html.Append("<section id=\"maturity\"><h2>Maturity model: L0–L4 envelope</h2>");
        html.Append("<p class=\"meta\">A level scores the mean of its scenarios; the envelope area is the radar's area as a percentage of the full pentagon.</p>");
        Table(html, "maturity-scenarios", ["Model", .. scenarios.Select(d => $"{d.Dimension} {d.Dataset}")],
            s.Maturity.Select(m => (IReadOnlyList<string>)[m.Model, .. scenarios.Select(d => F(m.ByScenario.FirstOrDefault(x => x.Dataset == d.Dataset)?.Score))]));
        Table(html, "maturity-levels", ["Model", .. MaturityProfile.Levels, "Envelope area", "Weakest level"],
            s.Maturity.Select(m => (IReadOnlyList<string>)[m.Model, .. MaturityProfile.Levels.Select(l => F(m.ByLevel.GetValueOrDefault(l))), F(m.EnvelopeArea), m.WeakestLevel ?? "–"]));
        html.Append("<figure>")
            .Append(SvgCharts.Radar("L0–L4 envelope", MaturityProfile.Levels, [.. s.Maturity.Select(m => (m.Model, (IReadOnlyList<double?>)[.. MaturityProfile.Levels.Select(l => m.ByLevel.GetValueOrDefault(l))]))]))
            .Append("<figcaption>L0–L4 envelope</figcaption></figure></section>");
    }

    private static void Breakdown(StringBuilder html, string id, string title, EvaluationSummary s, Func<ModelSummary, IReadOnlyDictionary<string, double?>> pick)
    {
        var keys = s.Models.SelectMany(m => pick(m).Keys).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"").Append(id).Append("\"><h2>").Append(E(title)).Append("</h2>");
        Table(html, id + "-table", ["", .. s.Models.Select(m => m.Model)], keys.Select(k => (IReadOnlyList<string>)[k, .. s.Models.Select(m => F(pick(m).GetValueOrDefault(k)))]));
        html.Append("</section>");
    }

    private static void Table(StringBuilder html, string id, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        html.Append("<table id=\"").Append(id).Append("\"><thead><tr>");
        foreach (var h in header)
        {
            html.Append("<th>").Append(E(h)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(E(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string F(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css =
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#222;max-width:1200px}" +
        "h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}.meta{color:#555}" +
        "table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}" +
        "th:first-child,td:first-child{text-align:left}thead{background:#f3f3f3}" +
        ".charts{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0}figcaption{font-size:12px;color:#555;text-align:center}" +
        ".legend span{margin-right:14px;font-size:13px}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}";
}
