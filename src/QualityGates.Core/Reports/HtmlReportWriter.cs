using System.Globalization;
using System.Text;
using System.Text.Json;

namespace QualityGates.Core.Reports;

/// <summary>
/// Writes the report as one self-contained HTML file: styles, script and SVG charts inline, no network (a
/// Content-Security-Policy forbids any fetch). Charts are drawn here, server-side; the small script only adds
/// the file drill-down, the colour switch and table sorting, from a JSON block escaped for a script element.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>Only inline style and script, images only as data: URIs, nothing from the network.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

    private const double TreemapWidth = 960, TreemapHeight = 420;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly ChartSeries[] TrendSeriesTemplate =
    {
        new("Line coverage", "#1565c0", Array.Empty<double?>()),
        new("Branch coverage", "#6a1b9a", Array.Empty<double?>()),
        new("New code coverage", "#00838f", Array.Empty<double?>()),
        new("Review coverage", "#2e7d32", Array.Empty<double?>()),
        new("Review pass rate", "#ef6c00", Array.Empty<double?>()),
        new("First-pass rate", "#795548", Array.Empty<double?>()),
    };

    public static void Write(ReportView view, string path) => AtomicFile.WriteAllText(path, Render(view));

    public static string Render(ReportView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var sb = new StringBuilder(64 * 1024);
        var verdict = Verdict(view);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Quality gate ").Append(verdict.Word).Append(Html(BranchSuffix(view))).Append("</title>\n")
            .Append("<style>").Append(Css).Append("</style>\n</head>\n<body>\n");
        Header(sb, view, verdict);
        sb.Append("<nav><a href=\"#gate\">Gate</a> ").Append(view.Notes.Count > 0 ? "<a href=\"#notes\">Notes</a> " : string.Empty)
            .Append("<a href=\"#hotspots\">Hotspots</a> <a href=\"#reviews\">Reviews</a> ")
            .Append("<a href=\"#trends\">Trends</a> <a href=\"#coverage\">Coverage</a></nav>\n<main>\n");
        Conditions(sb, view);
        Notes(sb, view);
        Hotspots(sb, view);
        Reviews(sb, view);
        Trends(sb, view);
        Coverage(sb, view);
        sb.Append("</main>\n<footer>Written by qualitygate from result schemaVersion ")
            .Append(view.Result.SchemaVersion?.ToString(Inv) ?? ReportText.NoData).Append(".</footer>\n");
        sb.Append("<script type=\"application/json\" id=\"qg-data\">").Append(DataJson(view)).Append("</script>\n");
        sb.Append("<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string Html(string? text) => ReportText.Html(text);

    private static string BranchSuffix(ReportView view) =>
        view.Result.Repository?.Branch is { Length: > 0 } b ? " · " + b : string.Empty;

    private readonly record struct VerdictText(string Word, string Class);

    private static VerdictText Verdict(ReportView view) => view.Passed switch
    {
        true when view.CountStatus("warning") > 0 => new("passed with warnings", "warning"),
        true => new("passed", "passed"),
        false => new("failed", "failed"),
        null => new("not evaluated", "unknown"),
    };

    private static void Header(StringBuilder sb, ReportView view, VerdictText verdict)
    {
        var r = view.Result;
        sb.Append("<header class=\"verdict ").Append(verdict.Class).Append("\">\n<h1>Quality gate ").Append(verdict.Word).Append("</h1>\n<p>");
        var parts = new List<string>();
        if (r.Repository?.Branch is { Length: > 0 } branch)
        {
            parts.Add("branch <b>" + Html(branch) + "</b>");
        }

        if (r.Repository?.Head is { Length: > 0 } head)
        {
            parts.Add("commit <code title=\"" + Html(head) + "\">" + Html(ReportText.ShortSha(head)) + "</code>");
        }

        if (r.GeneratedAt is not null)
        {
            parts.Add("generated " + Html(ReportText.Date(r.GeneratedAt)));
        }

        parts.Add(string.Create(Inv, $"{view.CountStatus("failed")} failed, {view.CountStatus("warning")} warning(s), {view.CountStatus("passed")} passed of {view.Conditions.Count} conditions"));
        sb.Append(string.Join(" · ", parts)).Append("</p>\n");
        if (r.History?.Shallow == true)
        {
            sb.Append("<p class=\"warn\">History truncated (shallow clone): history-based figures are incomplete; fetch with depth 0.</p>\n");
        }

        if (ReportText.NotEvaluatedLine(r.NotEvaluated) is string notEvaluated)
        {
            sb.Append("<p class=\"warn\">").Append(Html(notEvaluated)).Append("</p>\n");
        }

        sb.Append("</header>\n");
    }

    private static void Conditions(StringBuilder sb, ReportView view)
    {
        sb.Append("<section id=\"gate\">\n<h2>Gate conditions</h2>\n");
        if (view.Conditions.Count == 0)
        {
            sb.Append("<p class=\"note\">The result has no conditions.</p>\n</section>\n");
            return;
        }

        sb.Append("<table class=\"conditions\">\n<thead><tr><th>Condition</th><th>Status</th><th class=\"n\">Actual</th><th class=\"n\">Threshold</th>")
            .Append("<th class=\"n\">Baseline</th><th class=\"n\">Trend</th><th>Why</th></tr></thead>\n<tbody>\n");
        foreach (var c in view.Conditions)
        {
            var dir = ReportText.Direction(c.Actual, c.Baseline);
            var trendClass = dir == 0 ? "same" : (dir > 0) == ReportText.HigherIsBetter(c.Id) ? "better" : "worse";
            var arrow = dir > 0 ? "▲ " : dir < 0 ? "▼ " : string.Empty;
            sb.Append("<tr class=\"").Append(ReportText.StatusClass(c.Status)).Append("\"><td><code>").Append(Html(c.Id)).Append("</code></td>")
                .Append("<td><span class=\"badge ").Append(ReportText.StatusClass(c.Status)).Append("\">").Append(Html(ReportText.StatusLabel(c.Status))).Append("</span></td>")
                .Append("<td class=\"n\">").Append(ReportText.ConditionValue(c.Id, c.Actual)).Append("</td>")
                .Append("<td class=\"n\">").Append(ReportText.ConditionValue(c.Id, c.Threshold)).Append("</td>")
                .Append("<td class=\"n\">").Append(ReportText.ConditionValue(c.Id, c.Baseline)).Append("</td>")
                .Append("<td class=\"n ").Append(trendClass).Append("\">").Append(arrow).Append(Html(ReportText.Delta(c.Id, c.Actual, c.Baseline))).Append("</td>")
                .Append("<td>").Append(Html(c.Message));
            if (c.File is { Length: > 0 } file)
            {
                sb.Append(" <span class=\"where\">").Append(Html(file));
                if (c.Line is { } line)
                {
                    sb.Append(':').Append(line.ToString(Inv));
                }

                sb.Append("</span>");
            }

            sb.Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>What the engine could not judge and why: a figure read without them looks more certain than it is.</summary>
    private static void Notes(StringBuilder sb, ReportView view)
    {
        if (view.Notes.Count == 0)
        {
            return;
        }

        sb.Append("<section id=\"notes\">\n<h2>Notes</h2>\n<ul id=\"notes-list\">\n");
        foreach (var note in view.Notes.Take(ReportLimits.Notes))
        {
            sb.Append("<li>").Append(Html(ReportText.Cut(note, ReportLimits.NoteChars))).Append(note.Length > ReportLimits.NoteChars ? "…" : string.Empty).Append("</li>\n");
        }

        sb.Append("</ul>\n");
        if (view.Notes.Count > ReportLimits.Notes)
        {
            sb.Append("<p class=\"note\">").Append(string.Create(Inv, $"{view.Notes.Count - ReportLimits.Notes} more notes are in the result JSON.")).Append("</p>\n");
        }

        sb.Append("</section>\n");
    }

    private static void Hotspots(StringBuilder sb, ReportView view)
    {
        var all = view.Hotspots;
        sb.Append("<section id=\"hotspots\">\n<h2>Hotspots</h2>\n");
        if (all.Count == 0)
        {
            sb.Append("<p class=\"note\">No hotspots: no file changed often enough in the window to rank.</p>\n</section>\n");
            return;
        }

        var rows = Math.Min(all.Count, ReportLimits.TableRows);
        var mapped = Math.Min(all.Count, ReportLimits.TreemapFiles);
        sb.Append("<p class=\"note\">Files that change often and are complex cost the most: refactor from the top. ")
            .Append("Area = complexity; colour = coverage (red low, green high, grey no data) or score. Click a file for its most complex methods.");
        if (all.Count > mapped)
        {
            sb.Append(string.Create(Inv, $" The map shows the top {mapped} and the table the top {rows} of {all.Count} files by score."));
        }

        sb.Append("</p>\n<div class=\"controls\">Colour by <button type=\"button\" data-color=\"c\" aria-pressed=\"true\">coverage</button>")
            .Append("<button type=\"button\" data-color=\"s\" aria-pressed=\"false\">score</button></div>\n");
        TreemapSvg(sb, all, mapped);
        sb.Append("<div id=\"detail\" class=\"detail\" hidden><h3 id=\"detail-title\"></h3><p id=\"detail-facts\"></p>")
            .Append("<table id=\"detail-methods\"><thead><tr><th>Method</th><th class=\"n\">Lines</th><th class=\"n\">Complexity</th>")
            .Append("<th class=\"n\">Coverage</th><th class=\"n\">CRAP</th></tr></thead><tbody></tbody></table><p id=\"detail-note\" class=\"note\"></p></div>\n");
        sb.Append("<table id=\"hotspot-table\" class=\"hotspots\">\n<thead><tr><th class=\"n\" data-sort=\"n\">#</th><th data-sort=\"t\">File</th>")
            .Append("<th class=\"n\" data-sort=\"n\">Revisions</th><th class=\"n\" data-sort=\"n\">Churn</th><th class=\"n\" data-sort=\"n\">Complexity</th>")
            .Append("<th class=\"n\" data-sort=\"n\">Coverage</th><th class=\"n\" data-sort=\"n\">CRAP</th><th class=\"n\" data-sort=\"n\">Score</th>")
            .Append("<th data-sort=\"t\">Pricing / underwriting</th><th data-sort=\"t\">Main authors</th><th>Why it is here</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < rows; i++)
        {
            var h = all[i];
            var crap = ReportView.Crap(h);
            sb.Append("<tr data-i=\"").Append(i.ToString(Inv)).Append("\" tabindex=\"0\">")
                .Append(NumCell(i + 1, (i + 1).ToString(Inv)))
                .Append("<td class=\"path\">").Append(Html(h.Path)).Append("</td>")
                .Append(NumCell(h.Revisions, ReportText.Count(h.Revisions)))
                .Append(NumCell(h.Churn, ReportText.Count(h.Churn)))
                .Append(NumCell(h.Complexity, ReportText.Count(h.Complexity)))
                .Append(NumCell(h.LineRate, ReportText.Percent(h.LineRate)))
                .Append(NumCell(crap, ReportText.Number(crap)))
                .Append(NumCell(h.Score, h.Score is { } s ? s.ToString("0.00", Inv) : ReportText.NoData))
                .Append("<td>").Append(h.Critical == true ? "<span class=\"flag\">yes</span>" : string.Empty).Append("</td>")
                .Append("<td>").Append(Html(string.Join(", ", h.MainAuthors ?? new List<string>()))).Append("</td>")
                .Append("<td>").Append(Html(h.Why)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
        if (all.Count > rows)
        {
            sb.Append("<p class=\"note\">").Append(string.Create(Inv, $"{all.Count - rows} more files are in the result JSON.")).Append("</p>\n");
        }

        sb.Append("</section>\n");
    }

    private static string NumCell(double? sortValue, string text) =>
        "<td class=\"n\" data-v=\"" + (sortValue is { } v && double.IsFinite(v) ? v.ToString("R", Inv) : "-1") + "\">" + Html(text) + "</td>";

    private static void TreemapSvg(StringBuilder sb, IReadOnlyList<HotspotEntry> all, int count)
    {
        var sizes = new double[count];
        for (var i = 0; i < count; i++)
        {
            // A file with no measured complexity still gets a sliver so that it can be seen and clicked.
            sizes[i] = Math.Max(1, all[i].Complexity ?? 0);
        }

        // Squarify needs the sizes largest first; keep the score rank as the index.
        var order = Enumerable.Range(0, count).OrderByDescending(i => sizes[i]).ThenBy(i => i).ToArray();
        var rects = Treemap.Layout(order.Select(i => sizes[i]).ToArray(), TreemapWidth, TreemapHeight);
        var maxScore = all.Take(count).Select(h => h.Score ?? 0).DefaultIfEmpty(0).Max();
        sb.Append("<svg id=\"treemap\" class=\"treemap\" viewBox=\"0 0 ").Append(F(TreemapWidth)).Append(' ').Append(F(TreemapHeight))
            .Append("\" role=\"img\" aria-label=\"Treemap of the top hotspot files\">\n");
        foreach (var r in rects)
        {
            var i = order[r.Index];
            var h = all[i];
            var coverFill = h.LineRate is { } rate ? Hsl(120 * Math.Clamp(rate, 0, 1)) : "#bdbdbd";
            var scoreFill = Hsl(120 * (1 - (maxScore > 0 ? Math.Clamp((h.Score ?? 0) / maxScore, 0, 1) : 0)));
            sb.Append("<g class=\"tm\" data-i=\"").Append(i.ToString(Inv)).Append("\"><rect x=\"").Append(F(r.X)).Append("\" y=\"").Append(F(r.Y))
                .Append("\" width=\"").Append(F(r.Width)).Append("\" height=\"").Append(F(r.Height)).Append("\" fill=\"").Append(coverFill)
                .Append("\" data-fc=\"").Append(coverFill).Append("\" data-fs=\"").Append(scoreFill).Append("\"><title>")
                .Append(Html(h.Path)).Append(" — complexity ").Append(ReportText.Count(h.Complexity)).Append(", revisions ")
                .Append(ReportText.Count(h.Revisions)).Append(", coverage ").Append(ReportText.Percent(h.LineRate)).Append(", score ")
                .Append(h.Score is { } s ? s.ToString("0.00", Inv) : ReportText.NoData).Append("</title></rect>");
            var label = Label(h.Path, r.Width);
            if (label is not null && r.Height >= 14)
            {
                sb.Append("<text x=\"").Append(F(r.X + 3)).Append("\" y=\"").Append(F(r.Y + 12)).Append("\">").Append(Html(label)).Append("</text>");
            }

            sb.Append("</g>\n");
        }

        sb.Append("</svg>\n");
    }

    private static string? Label(string? path, double width)
    {
        if (string.IsNullOrEmpty(path) || width < 36)
        {
            return null;
        }

        var name = path[(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1)..];
        var max = (int)((width - 6) / 6.5);
        return name.Length <= max ? name : max >= 4 ? name[..(max - 1)] + "…" : null;
    }

    private static string Hsl(double hue) => "hsl(" + hue.ToString("0", Inv) + ",62%,46%)";

    private static string F(double v) => v.ToString("0.#", Inv);

    private static void Reviews(StringBuilder sb, ReportView view)
    {
        var r = view.Result.Reviews;
        sb.Append("<section id=\"reviews\">\n<h2>Reviews</h2>\n");
        if (r is null)
        {
            sb.Append("<p class=\"note\">The result has no review figures.</p>\n</section>\n");
            return;
        }

        sb.Append("<table class=\"figures\">\n<tbody>\n");
        Figure(sb, "Window", r.WindowDays is { } d ? d.ToString(Inv) + " days" : ReportText.NoData);
        Figure(sb, "Landings", ReportText.Count(r.Landings));
        Figure(sb, "Human landings", ReportText.Count(r.HumanLandings));
        Figure(sb, "Bot landings", ReportText.Count(r.Bots));
        Figure(sb, "Reviewed", ReportText.Count(r.Reviewed));
        Figure(sb, "Review coverage", ReportText.Percent(r.ReviewCoverage));
        Figure(sb, "Reverted within 30 days", ReportText.Count(r.Reverted));
        Figure(sb, "Review pass rate", ReportText.Percent(r.PassRate));
        Figure(sb, "First-pass rate", ReportText.Percent(r.FirstPassRate));
        sb.Append("</tbody>\n</table>\n");

        var months = r.Monthly ?? new List<ReviewMonth>();
        if (months.Count > 0)
        {
            sb.Append("<h3>Per month</h3>\n");
            var labels = months.Select(m => m.Month ?? "?").ToList();
            sb.Append(SvgCharts.GroupedBars("reviews-chart", "Review coverage, pass rate and first-pass rate per month", labels, new[]
            {
                new ChartSeries("Review coverage", "#2e7d32", months.Select(m => m.ReviewCoverage).ToList()),
                new ChartSeries("Pass rate", "#ef6c00", months.Select(m => m.PassRate).ToList()),
                new ChartSeries("First-pass rate", "#795548", months.Select(m => m.FirstPassRate).ToList()),
            })).Append('\n');
            sb.Append("<table id=\"reviews-monthly\">\n<thead><tr><th>Month</th><th class=\"n\">Landings</th><th class=\"n\">Human</th><th class=\"n\">Reviewed</th>")
                .Append("<th class=\"n\">Review coverage</th><th class=\"n\">Pass rate</th><th class=\"n\">First-pass rate</th></tr></thead>\n<tbody>\n");
            foreach (var m in months)
            {
                sb.Append("<tr><td>").Append(Html(m.Month)).Append("</td><td class=\"n\">").Append(ReportText.Count(m.Landings))
                    .Append("</td><td class=\"n\">").Append(ReportText.Count(m.HumanLandings)).Append("</td><td class=\"n\">").Append(ReportText.Count(m.Reviewed))
                    .Append("</td><td class=\"n\">").Append(ReportText.Percent(m.ReviewCoverage)).Append("</td><td class=\"n\">").Append(ReportText.Percent(m.PassRate))
                    .Append("</td><td class=\"n\">").Append(ReportText.Percent(m.FirstPassRate)).Append("</td></tr>\n");
            }

            sb.Append("</tbody>\n</table>\n");
        }

        sb.Append("<h3>Evidence found</h3>\n");
        var evidence = (r.Evidence ?? new Dictionary<string, int>()).OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
        if (evidence.Count == 0)
        {
            sb.Append("<p class=\"note\">No review evidence was found in the window.</p>\n");
        }
        else
        {
            sb.Append("<table id=\"reviews-evidence\">\n<thead><tr><th>Kind</th><th class=\"n\">Landings</th></tr></thead>\n<tbody>\n");
            foreach (var e in evidence)
            {
                sb.Append("<tr><td>").Append(Html(e.Key)).Append("</td><td class=\"n\">").Append(e.Value.ToString(Inv)).Append("</td></tr>\n");
            }

            sb.Append("</tbody>\n</table>\n");
        }

        sb.Append("<p class=\"note\">A missing trailer is not proof of no review: these are the kinds of evidence found in git.</p>\n");

        var unreviewed = r.Unreviewed ?? new List<UnreviewedLanding>();
        sb.Append("<h3>Unreviewed landings</h3>\n");
        if (unreviewed.Count == 0)
        {
            sb.Append("<p class=\"note\">None listed.</p>\n");
        }
        else
        {
            var shown = Math.Min(unreviewed.Count, ReportLimits.UnreviewedRows);
            if (shown < unreviewed.Count)
            {
                sb.Append("<p class=\"note\">").Append(string.Create(Inv, $"The {shown} most recent of {unreviewed.Count}.")).Append("</p>\n");
            }

            sb.Append("<table id=\"reviews-unreviewed\">\n<thead><tr><th>Commit</th><th>Date</th><th>Author</th><th>Subject</th></tr></thead>\n<tbody>\n");
            foreach (var u in unreviewed.OrderByDescending(u => u.Date ?? DateTimeOffset.MinValue).Take(shown))
            {
                sb.Append("<tr><td><code title=\"").Append(Html(u.Sha)).Append("\">").Append(Html(ReportText.ShortSha(u.Sha))).Append("</code></td><td>")
                    .Append(Html(ReportText.Day(u.Date))).Append("</td><td>").Append(Html(u.Author)).Append("</td><td>").Append(Html(u.Subject)).Append("</td></tr>\n");
            }

            sb.Append("</tbody>\n</table>\n");
        }

        sb.Append("</section>\n");
    }

    private static void Figure(StringBuilder sb, string name, string value) =>
        sb.Append("<tr><th>").Append(name).Append("</th><td class=\"n\">").Append(Html(value)).Append("</td></tr>\n");

    private static void Trends(StringBuilder sb, ReportView view)
    {
        sb.Append("<section id=\"trends\">\n<h2>Trends</h2>\n");
        var trend = view.Trend;
        if (trend.Count == 0)
        {
            sb.Append("<p class=\"note\">No trend history yet: each gate run on the main branch adds one record.</p>\n</section>\n");
            return;
        }

        var labels = trend.Select(t => ReportText.Day(t.Date)).ToList();
        var values = new Func<TrendRecord, double?>[] { t => t.LineRate, t => t.BranchRate, t => t.NewCodeLineRate, t => t.ReviewCoverage, t => t.PassRate, t => t.FirstPassRate };
        var series = TrendSeriesTemplate.Select((s, k) => s with { Values = trend.Select(values[k]).ToList() }).ToList();
        sb.Append(SvgCharts.LineChart("trend-chart", "The gate's figures over time", labels, series, trend.Select(t => t.Passed).ToList())).Append('\n');
        var notes = new List<string> { string.Create(Inv, $"{trend.Count} run(s) shown, oldest first; the marks under the axis are the gate's verdicts.") };
        if (view.History.SkippedLines > 0)
        {
            notes.Add(string.Create(Inv, $"{view.History.SkippedLines} unreadable line(s) of the history were skipped."));
        }

        if (view.History.Truncated)
        {
            notes.Add("Older runs are left out.");
        }

        sb.Append("<p class=\"note\">").Append(string.Join(" ", notes)).Append("</p>\n");
        sb.Append("<table id=\"trend-table\">\n<thead><tr><th>Date</th><th>Commit</th><th>Gate</th><th class=\"n\">Line</th><th class=\"n\">Branch</th>")
            .Append("<th class=\"n\">New code</th><th class=\"n\">Review coverage</th><th class=\"n\">Pass rate</th><th class=\"n\">Hotspots</th></tr></thead>\n<tbody>\n");
        foreach (var t in trend.Reverse().Take(ReportLimits.MarkdownTrendRows))
        {
            sb.Append("<tr><td>").Append(Html(ReportText.Day(t.Date))).Append("</td><td><code>").Append(Html(ReportText.ShortSha(t.Commit))).Append("</code></td><td>")
                .Append(t.Passed switch { true => "passed", false => "failed", _ => ReportText.NoData }).Append("</td><td class=\"n\">")
                .Append(ReportText.Percent(t.LineRate)).Append("</td><td class=\"n\">").Append(ReportText.Percent(t.BranchRate)).Append("</td><td class=\"n\">")
                .Append(ReportText.Percent(t.NewCodeLineRate)).Append("</td><td class=\"n\">").Append(ReportText.Percent(t.ReviewCoverage)).Append("</td><td class=\"n\">")
                .Append(ReportText.Percent(t.PassRate)).Append("</td><td class=\"n\">").Append(ReportText.Count(t.Hotspots)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Coverage(StringBuilder sb, ReportView view)
    {
        var c = view.Result.Coverage;
        sb.Append("<section id=\"coverage\">\n<h2>Coverage</h2>\n");
        if (c is null)
        {
            sb.Append("<p class=\"note\">The result has no coverage figures.</p>\n");
        }
        else
        {
            sb.Append("<table class=\"figures\">\n<tbody>\n");
            Figure(sb, "Line coverage", ReportText.Percent(c.LineRate));
            Figure(sb, "Branch coverage", ReportText.Percent(c.BranchRate));
            Figure(sb, "New code coverage", ReportText.Percent(c.NewCode?.LineRate));
            Figure(sb, "New code lines covered", c.NewCode is null ? ReportText.NoData : ReportText.Count(c.NewCode.CoveredLines) + " of " + ReportText.Count(c.NewCode.CoverableLines));
            Figure(sb, "Files", ReportText.Count(c.FileCount));
            sb.Append("</tbody>\n</table>\n");
        }

        if (view.CoverageHtmlLink is { } link)
        {
            sb.Append("<p><a id=\"coverage-link\" href=\"").Append(Html(link)).Append("\">Line-by-line coverage (ReportGenerator)</a></p>\n");
        }

        sb.Append("</section>\n");
    }

    /// <summary>
    /// The drill-down data for the script: per table row, the file's path, its facts and its top methods. Serialized
    /// with the default encoder (which escapes &lt; &gt; &amp; ' and non-ASCII), then checked again so that no
    /// string from git can close the script element.
    /// </summary>
    internal static string DataJson(ReportView view)
    {
        var rows = Math.Min(view.Hotspots.Count, ReportLimits.TableRows);
        var files = new List<DrillDownFile>(rows);
        for (var i = 0; i < rows; i++)
        {
            var h = view.Hotspots[i];
            var facts = string.Create(Inv, $"{ReportText.Count(h.Revisions)} revisions · churn {ReportText.Count(h.Churn)} · complexity {ReportText.Count(h.Complexity)} · coverage {ReportText.Percent(h.LineRate)} · CRAP {ReportText.Number(ReportView.Crap(h))}")
                + (h.Critical == true ? " · pricing/underwriting code" : string.Empty);
            var methods = ReportView.TopMethods(h, ReportLimits.MethodsPerFile)
                .Select(m => (IReadOnlyList<string>)new[]
                {
                    NoBidi(m.Name),
                    MethodLines(m),
                    ReportText.Count(m.Complexity),
                    ReportText.Percent(m.LineRate),
                    ReportText.Number(m.Crap),
                })
                .ToList();
            files.Add(new DrillDownFile(NoBidi(h.Path), facts, h.Methods?.Count ?? 0, methods));
        }

        var json = JsonSerializer.Serialize(new DrillDownData(files), ReportJsonContext.Default.DrillDownData);
        return ScriptSafe(json);
    }

    /// <summary>The drill-down shows these with textContent: no markup can come from them, but bidi controls still reorder.</summary>
    private static string NoBidi(string? text) =>
        text is null ? string.Empty : string.Concat(text.Select(c => ReportText.IsBidiControl(c) ? '\uFFFD' : c));

    internal static string MethodLines(MethodEntry m) =>
        m.Line is null ? string.Empty : m.EndLine is null ? m.Line.Value.ToString(Inv) : string.Create(Inv, $"{m.Line}–{m.EndLine}");

    /// <summary>Makes JSON safe inside a script element whatever encoder produced it.</summary>
    internal static string ScriptSafe(string json) => json
        .Replace("<", "\\u003C", StringComparison.Ordinal)
        .Replace(">", "\\u003E", StringComparison.Ordinal)
        .Replace("&", "\\u0026", StringComparison.Ordinal)
        .Replace("\u2028", "\\u2028", StringComparison.Ordinal)
        .Replace("\u2029", "\\u2029", StringComparison.Ordinal);

    private const string Css = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",sans-serif;margin:0;color:#212121;background:#fafafa}
header.verdict{padding:16px 24px;color:#fff}header.verdict h1{margin:0 0 4px;font-size:24px}header p{margin:2px 0}
header.passed{background:#2e7d32}header.warning{background:#ef6c00}header.failed{background:#c62828}header.unknown{background:#616161}
header code{background:rgba(255,255,255,.2);padding:0 4px;border-radius:3px}header .warn{font-weight:600}
nav{padding:6px 24px;background:#eceff1;position:sticky;top:0;z-index:2}nav a{margin-right:14px;color:#1565c0;text-decoration:none}
main{padding:0 24px 24px;max-width:1400px}section{margin-top:20px}h2{border-bottom:2px solid #cfd8dc;padding-bottom:4px}
table{border-collapse:collapse;margin:8px 0;background:#fff}th,td{border:1px solid #e0e0e0;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f5f5f5}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.path{font-family:ui-monospace,Consolas,monospace;min-width:240px;overflow-wrap:anywhere}.where{color:#616161;font-family:ui-monospace,monospace}
.badge{padding:1px 8px;border-radius:9px;color:#fff;font-size:12px;white-space:nowrap}
.badge.passed{background:#2e7d32}.badge.warning{background:#ef6c00}.badge.failed{background:#c62828}.badge.skipped,.badge.nodata,.badge.unknown{background:#757575}
td.better{color:#2e7d32}td.worse{color:#c62828}.note{color:#616161}.flag{background:#6a1b9a;color:#fff;padding:0 6px;border-radius:3px;font-size:12px}
.treemap{width:100%;max-width:960px;height:auto;display:block;background:#fff;border:1px solid #e0e0e0}
.treemap rect{stroke:#fff;stroke-width:1;cursor:pointer}.treemap text{font-size:11px;fill:#fff;pointer-events:none}
.treemap g.sel rect{stroke:#000;stroke-width:2}
.chart{width:100%;max-width:760px;height:auto;display:block;background:#fff;border:1px solid #e0e0e0}
.chart .grid{stroke:#eee}.chart .axis{font-size:10px;fill:#616161}
table.hotspots tbody tr{cursor:pointer}table.hotspots tbody tr:hover,table.hotspots tr.sel{background:#fff8e1}
th[data-sort]{cursor:pointer}.controls button{margin-left:6px}.controls button[aria-pressed=true]{font-weight:700}
.detail{border:1px solid #ffb300;background:#fffde7;padding:8px 12px;margin:10px 0;max-width:960px}.detail h3{margin:0;font-family:ui-monospace,monospace;word-break:break-all}
footer{padding:12px 24px;color:#757575;font-size:12px}
""";

    // Builds the drill-down with textContent only (never innerHTML), so data can never become markup.
    private const string Script = """
(function () {
  var body = document.body, errors = [];
  function fail(message) { errors.push(String(message)); body.setAttribute('data-errors', errors.join('\n')); }
  window.addEventListener('error', function (e) { fail(e.message); });
  try {
    var data = JSON.parse(document.getElementById('qg-data').textContent);
    var detail = document.getElementById('detail');
    var selected = [];
    function show(i) {
      var f = data.files[i];
      if (!f) { return; }
      document.getElementById('detail-title').textContent = f.p;
      document.getElementById('detail-facts').textContent = f.f;
      var tbody = detail.querySelector('tbody');
      while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
      f.m.forEach(function (m) {
        var tr = document.createElement('tr');
        m.forEach(function (v, k) {
          var td = document.createElement('td');
          td.textContent = v;
          if (k > 0) { td.className = 'n'; }
          tr.appendChild(td);
        });
        tbody.appendChild(tr);
      });
      document.getElementById('detail-note').textContent = f.n === 0 ? 'No methods measured for this file.'
        : (f.n > f.m.length ? 'The ' + f.m.length + ' most complex of ' + f.n + ' methods.' : f.n + ' method(s).');
      selected.forEach(function (el) { el.classList.remove('sel'); });
      selected = Array.prototype.slice.call(document.querySelectorAll('[data-i="' + i + '"]'));
      selected.forEach(function (el) { el.classList.add('sel'); });
      detail.hidden = false;
      body.setAttribute('data-selected', String(i));
    }
    function sortBy(th) {
      var table = th.closest('table'), tbody = table.tBodies[0];
      var col = Array.prototype.indexOf.call(th.parentNode.children, th);
      var numeric = th.getAttribute('data-sort') === 'n';
      var dir = th.getAttribute('data-dir') === 'desc' ? 1 : -1;
      th.setAttribute('data-dir', dir === 1 ? 'asc' : 'desc');
      var rows = Array.prototype.slice.call(tbody.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col], y = b.cells[col];
        if (numeric) { return dir * (parseFloat(x.getAttribute('data-v')) - parseFloat(y.getAttribute('data-v'))); }
        return dir * x.textContent.localeCompare(y.textContent);
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
    }
    document.addEventListener('click', function (e) {
      var t = e.target;
      if (!(t instanceof Element)) { return; }
      var th = t.closest('th[data-sort]');
      if (th) { sortBy(th); return; }
      var btn = t.closest('button[data-color]');
      if (btn) {
        var key = btn.getAttribute('data-color');
        document.querySelectorAll('#treemap rect').forEach(function (r) { r.setAttribute('fill', r.getAttribute('data-f' + key)); });
        document.querySelectorAll('button[data-color]').forEach(function (b) { b.setAttribute('aria-pressed', String(b === btn)); });
        return;
      }
      var item = t.closest('[data-i]');
      if (item && !item.closest('#detail')) { show(parseInt(item.getAttribute('data-i'), 10)); }
    });
    document.addEventListener('keydown', function (e) {
      var t = e.target;
      if (e.key === 'Enter' && t instanceof Element && t.hasAttribute('data-i')) { show(parseInt(t.getAttribute('data-i'), 10)); }
    });
  } catch (e) {
    fail(e && e.message ? e.message : e);
  }
  body.setAttribute('data-ready', '1');
})();
""";
}
