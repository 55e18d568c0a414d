using System.Globalization;
using System.Net;
using System.Text;

namespace CurationPipeline.Evaluation;

/// <summary>Inline SVG charts for the report page: grouped bars and a radar, scores on 0..100.</summary>
public static class SvgCharts
{
    /// <summary>Colours of the series, in model order.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

    /// <summary>Groups along x (categories), one bar per series in each; missing values leave a gap.</summary>
    public static string GroupedBars(string title, IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series)
    {
        const int height = 260, top = 30, bottom = 50, left = 40, barWidth = 16, gap = 18;
        var groupWidth = Math.Max(1, series.Count) * barWidth + gap;
        var width = left + categories.Count * groupWidth + 20;
        var plot = height - top - bottom;
        var svg = Open(title, width, height);
        for (var tick = 0; tick <= 100; tick += 25)
        {
            var y = top + plot - plot * tick / 100.0;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{width - 10}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 4}\" y=\"{y + 4:0.#}\" font-size=\"10\" text-anchor=\"end\">{tick}</text>");
        }

        for (var c = 0; c < categories.Count; c++)
        {
            var x0 = left + c * groupWidth + gap / 2;
            for (var s = 0; s < series.Count; s++)
            {
                if (series[s].Values[c] is not { } v)
                {
                    continue;
                }

                var h = plot * Math.Clamp(v, 0, 100) / 100;
                var x = x0 + s * barWidth;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"bar\" x=\"{x}\" y=\"{top + plot - h:0.##}\" width=\"{barWidth - 2}\" height=\"{h:0.##}\" fill=\"{Palette[s % Palette.Count]}\"><title>{E(series[s].Name)} · {E(categories[c])}: {v:0.00}</title></rect>");
            }

            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x0 + series.Count * barWidth / 2.0:0.#}\" y=\"{height - bottom + 16}\" font-size=\"11\" text-anchor=\"middle\">{E(categories[c])}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A radar over the axes (at least three), one polygon per series.</summary>
    public static string Radar(string title, IReadOnlyList<string> axes, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series)
    {
        const int size = 320;
        const double cx = size / 2.0, cy = size / 2.0 + 6, r = size / 2.0 - 50;
        var svg = Open(title, size, size);
        foreach (var ring in new[] { 25, 50, 75, 100 })
        {
            svg.Append("<polygon fill=\"none\" stroke=\"#ddd\" points=\"").Append(Points(axes.Count, i => ring, cx, cy, r)).Append("\"/>");
        }

        for (var i = 0; i < axes.Count; i++)
        {
            var (x, y) = Point(i, axes.Count, 100, cx, cy, r);
            var (lx, ly) = Point(i, axes.Count, 118, cx, cy, r);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{cx:0.#}\" y1=\"{cy:0.#}\" x2=\"{x:0.#}\" y2=\"{y:0.#}\" stroke=\"#ccc\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx:0.#}\" y=\"{ly + 4:0.#}\" font-size=\"11\" text-anchor=\"middle\">{E(axes[i])}</text>");
        }

        for (var s = 0; s < series.Count; s++)
        {
            var colour = Palette[s % Palette.Count];
            var values = series[s].Values;
            svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"radar\" fill=\"{colour}\" fill-opacity=\"0.15\" stroke=\"{colour}\" stroke-width=\"2\" points=\"")
                .Append(Points(axes.Count, i => values[i] ?? 0, cx, cy, r)).Append("\"><title>").Append(E(series[s].Name)).Append("</title></polygon>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A colour key for the series.</summary>
    public static string Legend(IReadOnlyList<string> names)
    {
        var html = new StringBuilder("<div class=\"legend\">");
        for (var i = 0; i < names.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span><i style=\"background:{Palette[i % Palette.Count]}\"></i>{E(names[i])}</span>");
        }

        return html.Append("</div>").ToString();
    }

    private static StringBuilder Open(string title, int width, int height) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\"><title>{E(title)}</title>");

    private static string Points(int n, Func<int, double> value, double cx, double cy, double r) =>
        string.Join(" ", Enumerable.Range(0, n).Select(i => Point(i, n, value(i), cx, cy, r)).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.##},{p.Y:0.##}")));

    private static (double X, double Y) Point(int i, int n, double value, double cx, double cy, double r)
    {
        var angle = -Math.PI / 2 + 2 * Math.PI * i / n;
        var d = r * Math.Clamp(value, 0, 120) / 100;
        return (cx + d * Math.Cos(angle), cy + d * Math.Sin(angle));
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
