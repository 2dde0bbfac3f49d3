using System.Globalization;
using System.Text;

namespace QualityGates.Core.Reports;

/// <summary>
/// The report as GitHub-flavoured Markdown for a PR comment or a CI step summary: the same story as the HTML, shorter
/// (top hotspots only). Every string from the result is escaped for a table cell; code spans are used only for
/// values checked to be commit ids.
/// </summary>
public static class MarkdownReportWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(ReportView view, string path) => AtomicFile.WriteAllText(path, Render(view));

    public static string Render(ReportView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var sb = new StringBuilder(8 * 1024);
        Header(sb, view);
        Conditions(sb, view);
        Notes(sb, view);
        Hotspots(sb, view);
        Reviews(sb, view);
        Trends(sb, view);
        if (view.CoverageHtmlLink is { } link)
        {
            // The link was percent-encoded segment by segment: no character in it can end the Markdown link.
            sb.Append("[Line-by-line coverage (ReportGenerator)](").Append(link).Append(")\n");
        }

        return sb.ToString();
    }

    private static string Md(string? text) => ReportText.Markdown(text);

    private static string Sha(string? sha) =>
        ReportText.IsSha(sha) ? "`" + ReportText.ShortSha(sha) + "`" : Md(ReportText.ShortSha(sha));

    private static string Status(string? status) => status switch
    {
        "passed" => "✅ passed",
        "warning" => "⚠️ warning",
        "failed" => "❌ failed",
        "skipped" => "⏭️ skipped",
        "noData" => "❔ no data",
        _ => "❔ " + Md(ReportText.StatusLabel(status)),
    };

    private static void Header(StringBuilder sb, ReportView view)
    {
        var r = view.Result;
        sb.Append(view.Passed switch
        {
            true when view.CountStatus("warning") > 0 => "## ⚠️ Quality gate passed with warnings\n\n",
            true => "## ✅ Quality gate passed\n\n",
            false => "## ❌ Quality gate failed\n\n",
            null => "## ❔ Quality gate not evaluated\n\n",
        });
        var parts = new List<string>();
        if (r.Repository?.Branch is { Length: > 0 } branch)
        {
            parts.Add("Branch **" + Md(branch) + "**");
        }

        if (r.Repository?.Head is { Length: > 0 } head)
        {
            parts.Add("commit " + Sha(head));
        }

        if (r.GeneratedAt is not null)
        {
            parts.Add("generated " + ReportText.Date(r.GeneratedAt));
        }

        parts.Add(string.Create(Inv, $"{view.CountStatus("failed")} failed, {view.CountStatus("warning")} warning(s), {view.CountStatus("passed")} passed of {view.Conditions.Count} conditions"));
        sb.Append(string.Join(" · ", parts)).Append("\n\n");
        if (r.History?.Shallow == true)
        {
            sb.Append("> History truncated (shallow clone): history-based figures are incomplete; fetch with depth 0.\n\n");
        }

        if (ReportText.NotEvaluatedLine(r.NotEvaluated) is string notEvaluated)
        {
            sb.Append("> ").Append(Md(notEvaluated)).Append("\n\n");
        }
    }

    private static void Conditions(StringBuilder sb, ReportView view)
    {
        if (view.Conditions.Count == 0)
        {
            return;
        }

        sb.Append("| Condition | Status | Actual | Threshold | Baseline | Trend | Why |\n|---|---|---:|---:|---:|---:|---|\n");
        foreach (var c in view.Conditions)
        {
            var dir = ReportText.Direction(c.Actual, c.Baseline);
            var why = Md(c.Message);
            if (c.File is { Length: > 0 } file)
            {
                why += " (" + Md(file) + (c.Line is { } line ? ":" + line.ToString(Inv) : string.Empty) + ")";
            }

            sb.Append("| ").Append(Md(c.Id)).Append(" | ").Append(Status(c.Status)).Append(" | ")
                .Append(ReportText.ConditionValue(c.Id, c.Actual)).Append(" | ").Append(ReportText.ConditionValue(c.Id, c.Threshold)).Append(" | ")
                .Append(ReportText.ConditionValue(c.Id, c.Baseline)).Append(" | ").Append(dir > 0 ? "▲ " : dir < 0 ? "▼ " : string.Empty)
                .Append(ReportText.Delta(c.Id, c.Actual, c.Baseline)).Append(" | ").Append(why).Append(" |\n");
        }

        sb.Append('\n');
    }

    private static void Notes(StringBuilder sb, ReportView view)
    {
        if (view.Notes.Count == 0)
        {
            return;
        }

        sb.Append("### Notes\n\n");
        foreach (var note in view.Notes.Take(ReportLimits.MarkdownNotes))
        {
            sb.Append("- ").Append(Md(note)).Append('\n');
        }

        if (view.Notes.Count > ReportLimits.MarkdownNotes)
        {
            sb.Append(string.Create(Inv, $"- {view.Notes.Count - ReportLimits.MarkdownNotes} more notes are in the result JSON.\n"));
        }

        sb.Append('\n');
    }

    private static void Hotspots(StringBuilder sb, ReportView view)
    {
        var all = view.Hotspots;
        if (all.Count == 0)
        {
            sb.Append("### Hotspots\n\nNo hotspots: no file changed often enough in the window to rank.\n\n");
            return;
        }

        var top = all.Take(ReportLimits.MarkdownHotspots).ToList();
        sb.Append(string.Create(Inv, $"### Hotspots (top {top.Count} of {all.Count})\n\n"));
        sb.Append("| # | File | Revisions | Churn | Complexity | Coverage | CRAP | Score | Pricing / underwriting | Main authors | Why |\n")
            .Append("|---:|---|---:|---:|---:|---:|---:|---:|---|---|---|\n");
        for (var i = 0; i < top.Count; i++)
        {
            var h = top[i];
            sb.Append("| ").Append((i + 1).ToString(Inv)).Append(" | ").Append(Md(h.Path)).Append(" | ").Append(ReportText.Count(h.Revisions))
                .Append(" | ").Append(ReportText.Count(h.Churn)).Append(" | ").Append(ReportText.Count(h.Complexity)).Append(" | ")
                .Append(ReportText.Percent(h.LineRate)).Append(" | ").Append(ReportText.Number(ReportView.Crap(h))).Append(" | ")
                .Append(h.Score is { } s ? s.ToString("0.00", Inv) : ReportText.NoData).Append(" | ").Append(h.Critical == true ? "yes" : string.Empty)
                .Append(" | ").Append(Md(string.Join(", ", h.MainAuthors ?? new List<string>()))).Append(" | ").Append(Md(h.Why)).Append(" |\n");
        }

        sb.Append('\n');
        var withMethods = top.Where(h => h.Methods is { Count: > 0 }).Take(ReportLimits.MarkdownMethodFiles).ToList();
        if (withMethods.Count > 0)
        {
            sb.Append(string.Create(Inv, $"<details><summary>Most complex methods of the top {withMethods.Count} file(s)</summary>\n\n"));
            foreach (var h in withMethods)
            {
                sb.Append("**").Append(Md(h.Path)).Append("**\n\n| Method | Lines | Complexity | Coverage | CRAP |\n|---|---:|---:|---:|---:|\n");
                foreach (var m in ReportView.TopMethods(h, ReportLimits.MarkdownMethodsPerFile))
                {
                    sb.Append("| ").Append(Md(m.Name)).Append(" | ").Append(HtmlReportWriter.MethodLines(m)).Append(" | ").Append(ReportText.Count(m.Complexity)).Append(" | ")
                        .Append(ReportText.Percent(m.LineRate)).Append(" | ").Append(ReportText.Number(m.Crap)).Append(" |\n");
                }

                sb.Append('\n');
            }

            sb.Append("</details>\n\n");
        }
    }

    private static void Reviews(StringBuilder sb, ReportView view)
    {
        var r = view.Result.Reviews;
        if (r is null)
        {
            return;
        }

        sb.Append("### Reviews\n\n");
        sb.Append(string.Create(Inv, $"Over {(r.WindowDays is { } d ? d.ToString(Inv) : ReportText.NoData)} days: {ReportText.Count(r.Landings)} landings ({ReportText.Count(r.HumanLandings)} human, {ReportText.Count(r.Bots)} bots), {ReportText.Count(r.Reviewed)} reviewed. "))
            .Append(string.Create(Inv, $"Review coverage {ReportText.Percent(r.ReviewCoverage)}, pass rate {ReportText.Percent(r.PassRate)} ({ReportText.Count(r.Reverted)} reverted), first-pass rate {ReportText.Percent(r.FirstPassRate)}.\n\n"));
        if (r.Monthly is { Count: > 0 } months)
        {
            sb.Append("| Month | Landings | Human | Reviewed | Review coverage | Pass rate | First-pass rate |\n|---|---:|---:|---:|---:|---:|---:|\n");
            foreach (var m in months)
            {
                sb.Append("| ").Append(Md(m.Month)).Append(" | ").Append(ReportText.Count(m.Landings)).Append(" | ").Append(ReportText.Count(m.HumanLandings))
                    .Append(" | ").Append(ReportText.Count(m.Reviewed)).Append(" | ").Append(ReportText.Percent(m.ReviewCoverage)).Append(" | ")
                    .Append(ReportText.Percent(m.PassRate)).Append(" | ").Append(ReportText.Percent(m.FirstPassRate)).Append(" |\n");
            }

            sb.Append('\n');
        }

        var evidence = (r.Evidence ?? new Dictionary<string, int>()).OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
        sb.Append("Evidence found: ")
            .Append(evidence.Count == 0 ? "none" : string.Join(", ", evidence.Select(e => Md(e.Key) + " " + e.Value.ToString(Inv))))
            .Append(". A missing trailer is not proof of no review.\n\n");
        if (r.Unreviewed is { Count: > 0 } unreviewed)
        {
            var shown = unreviewed.OrderByDescending(u => u.Date ?? DateTimeOffset.MinValue).Take(ReportLimits.MarkdownUnreviewed).ToList();
            sb.Append(shown.Count < unreviewed.Count
                ? string.Create(Inv, $"**Unreviewed landings** (the {shown.Count} most recent of {unreviewed.Count}):\n\n")
                : string.Create(Inv, $"**Unreviewed landings** ({unreviewed.Count}):\n\n"));
            foreach (var u in shown)
            {
                sb.Append("- ").Append(Sha(u.Sha)).Append(' ').Append(ReportText.Day(u.Date)).Append(' ').Append(Md(u.Author)).Append(": ").Append(Md(u.Subject)).Append('\n');
            }

            sb.Append('\n');
        }
    }

    private static void Trends(StringBuilder sb, ReportView view)
    {
        if (view.Trend.Count == 0)
        {
            return;
        }

        var rows = view.Trend.Reverse().Take(ReportLimits.MarkdownTrendRows).ToList();
        sb.Append(string.Create(Inv, $"### Trend (last {rows.Count} of {view.Trend.Count} runs)\n\n"))
            .Append("| Date | Commit | Gate | Line | Branch | New code | Review coverage | Pass rate | Hotspots |\n|---|---|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var t in rows)
        {
            sb.Append("| ").Append(ReportText.Day(t.Date)).Append(" | ").Append(Sha(t.Commit)).Append(" | ")
                .Append(t.Passed switch { true => "✅", false => "❌", _ => ReportText.NoData }).Append(" | ").Append(ReportText.Percent(t.LineRate)).Append(" | ")
                .Append(ReportText.Percent(t.BranchRate)).Append(" | ").Append(ReportText.Percent(t.NewCodeLineRate)).Append(" | ")
                .Append(ReportText.Percent(t.ReviewCoverage)).Append(" | ").Append(ReportText.Percent(t.PassRate)).Append(" | ")
                .Append(ReportText.Count(t.Hotspots)).Append(" |\n");
        }

        sb.Append('\n');
    }
}
