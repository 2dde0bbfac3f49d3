using System.Globalization;
using System.Text;

namespace QualityGates.Core.Reports;

/// <summary>One series of a percentage chart: values are fractions 0..1, null for no data.</summary>
public sealed record ChartSeries(string Name, string Color, IReadOnlyList<double?> Values);

/// <summary>
/// Small server-side SVG charts (no script, no library): a line chart and grouped bars on a 0-100 % axis.
/// Labels are HTML-encoded; colours and numbers come from this code only.
/// </summary>
internal static class SvgCharts
{
    private const double Width = 760, Height = 240, Left = 44, Right = 12, Top = 12, Bottom = 40;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string LineChart(string id, string title, IReadOnlyList<string> xLabels, IReadOnlyList<ChartSeries> series, IReadOnlyList<bool?>? passed)
    {
        var sb = Open(id, title);
        var n = xLabels.Count;
        double X(int i) => n <= 1 ? Left + (PlotWidth / 2) : Left + (PlotWidth * i / (n - 1));
        XLabels(sb, xLabels, X);
        foreach (var s in series)
        {
            var points = new StringBuilder();
            var dots = new StringBuilder();
            for (var i = 0; i < n && i < s.Values.Count; i++)
            {
                if (s.Values[i] is not { } v || !double.IsFinite(v))
                {
                    // A gap in the data is a gap in the line.
                    Flush(sb, points, s.Color);
                    continue;
                }

                var p = F(X(i)) + "," + F(Y(v));
                points.Append(p).Append(' ');
                dots.Append("<circle cx=\"").Append(F(X(i))).Append("\" cy=\"").Append(F(Y(v))).Append("\" r=\"2.5\" fill=\"")
                    .Append(s.Color).Append("\"><title>").Append(ReportText.Html(s.Name)).Append(' ')
                    .Append(ReportText.Html(xLabels[i])).Append(": ").Append(ReportText.Percent(v)).Append("</title></circle>");
            }

            Flush(sb, points, s.Color);
            if (n <= 60)
            {
                // Dots with tooltips only while they stay readable.
                sb.Append(dots);
            }
        }

        if (passed is not null)
        {
            for (var i = 0; i < n && i < passed.Count; i++)
            {
                var (fill, label) = passed[i] switch { true => ("#2e7d32", "passed"), false => ("#c62828", "failed"), _ => ("#9e9e9e", "unknown") };
                sb.Append("<rect class=\"run\" x=\"").Append(F(X(i) - 2)).Append("\" y=\"").Append(F(Height - Bottom + 2))
                    .Append("\" width=\"4\" height=\"6\" fill=\"").Append(fill).Append("\"><title>").Append(ReportText.Html(xLabels[i]))
                    .Append(": gate ").Append(label).Append("</title></rect>");
            }
        }

        return Close(sb, series);
    }

    public static string GroupedBars(string id, string title, IReadOnlyList<string> xLabels, IReadOnlyList<ChartSeries> series)
    {
        var sb = Open(id, title);
        var n = Math.Max(1, xLabels.Count);
        var slot = PlotWidth / n;
        var bar = Math.Max(1, (slot * 0.8) / Math.Max(1, series.Count));
        double X(int i) => Left + (slot * i) + (slot / 2);
        XLabels(sb, xLabels, X);
        for (var si = 0; si < series.Count; si++)
        {
            var s = series[si];
            for (var i = 0; i < xLabels.Count && i < s.Values.Count; i++)
            {
                if (s.Values[i] is not { } v || !double.IsFinite(v))
                {
                    continue;
                }

                var x = Left + (slot * i) + (slot * 0.1) + (bar * si);
                var y = Y(v);
                sb.Append("<rect x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" width=\"").Append(F(bar))
                    .Append("\" height=\"").Append(F(Height - Bottom - y)).Append("\" fill=\"").Append(s.Color).Append("\"><title>")
                    .Append(ReportText.Html(s.Name)).Append(' ').Append(ReportText.Html(xLabels[i])).Append(": ")
                    .Append(ReportText.Percent(v)).Append("</title></rect>");
            }
        }

        return Close(sb, series);
    }

    private static double PlotWidth => Width - Left - Right;

    private static double Y(double fraction) => Top + ((Height - Top - Bottom) * (1 - Math.Clamp(fraction, 0, 1)));

    private static string F(double v) => v.ToString("0.#", Inv);

    private static StringBuilder Open(string id, string title)
    {
        var sb = new StringBuilder(4096);
        sb.Append("<svg class=\"chart\" id=\"").Append(id).Append("\" viewBox=\"0 0 ").Append(F(Width)).Append(' ').Append(F(Height))
            .Append("\" role=\"img\" aria-label=\"").Append(ReportText.Html(title)).Append("\">");
        foreach (var pct in new[] { 0, 25, 50, 75, 100 })
        {
            var y = F(Y(pct / 100.0));
            sb.Append("<line class=\"grid\" x1=\"").Append(F(Left)).Append("\" x2=\"").Append(F(Width - Right)).Append("\" y1=\"").Append(y)
                .Append("\" y2=\"").Append(y).Append("\"/><text class=\"axis\" x=\"").Append(F(Left - 4)).Append("\" y=\"").Append(y)
                .Append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").Append(pct.ToString(Inv)).Append(" %</text>");
        }

        return sb;
    }

    private static void XLabels(StringBuilder sb, IReadOnlyList<string> labels, Func<int, double> x)
    {
        // At most ~12 labels so they never overlap.
        var step = Math.Max(1, (int)Math.Ceiling(labels.Count / 12.0));
        for (var i = 0; i < labels.Count; i += step)
        {
            sb.Append("<text class=\"axis\" x=\"").Append(F(x(i))).Append("\" y=\"").Append(F(Height - Bottom + 20))
                .Append("\" text-anchor=\"middle\">").Append(ReportText.Html(labels[i])).Append("</text>");
        }
    }

    private static void Flush(StringBuilder sb, StringBuilder points, string color)
    {
        if (points.Length == 0)
        {
            return;
        }

        sb.Append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").Append(color).Append("\" points=\"")
            .Append(points.ToString().TrimEnd()).Append("\"/>");
        points.Clear();
    }

    private static string Close(StringBuilder sb, IReadOnlyList<ChartSeries> series)
    {
        var x = Left;
        foreach (var s in series)
        {
            sb.Append("<rect x=\"").Append(F(x)).Append("\" y=\"").Append(F(Height - 12)).Append("\" width=\"10\" height=\"10\" fill=\"")
                .Append(s.Color).Append("\"/><text class=\"axis\" x=\"").Append(F(x + 14)).Append("\" y=\"").Append(F(Height - 3)).Append("\">")
                .Append(ReportText.Html(s.Name)).Append("</text>");
            x += 24 + (s.Name.Length * 6.5);
        }

        return sb.Append("</svg>").ToString();
    }
}
