using System.Globalization;
using System.Text;
using QualityGates.Core.Gate;
using QualityGates.Core.History;
using QualityGates.Core.Hotspots;
using ReportText = QualityGates.Core.Reports.ReportText;

namespace QualityGates.Cli;

/// <summary>Plain text for a person at a terminal or in a CI log.</summary>
internal static class ConsoleText
{
    public static string Gate(GateResult result)
    {
        var text = new StringBuilder();
        string notEvaluated = result.NotEvaluatedSentence.Length == 0 ? string.Empty : "; " + result.NotEvaluatedSentence;
        text.Append(CultureInfo.InvariantCulture,
            $"Quality gate {Verdict(result.Verdict)}: {result.Count(ConditionStatus.Failed)} failed, {result.Count(ConditionStatus.Warning)} warning(s), {result.Conditions.Count} conditions{notEvaluated}.\n");
        int width = result.Conditions.Max(c => c.Id.Length);
        foreach (ConditionResult c in result.Conditions)
        {
            string mark = c.Status switch
            {
                ConditionStatus.Failed => "FAIL",
                ConditionStatus.Warning => "WARN",
                ConditionStatus.Passed => "ok  ",
                _ => "--  ",
            };
            string where = c.File is null ? string.Empty : $" [{c.File}{(c.Line is int line ? ":" + line.ToString(CultureInfo.InvariantCulture) : string.Empty)}]";
            text.Append(CultureInfo.InvariantCulture, $"  {mark}  {c.Id.PadRight(width)}  {Clean(c.Message)}{Clean(where)}\n");
        }

        return Notes(text, result.Notes);
    }

    private static string Verdict(GateVerdict verdict) => verdict switch
    {
        GateVerdict.Failed => "FAILED",
        GateVerdict.NotEvaluated => "NOT EVALUATED",
        _ => "PASSED",
    };

    public static string Reviews(ReviewSummary r, IReadOnlyList<string> notes) => Notes(new StringBuilder(string.Format(CultureInfo.InvariantCulture,
        "Reviews over {0} days: {1} landings ({2} human, {3} bot), {4} reviewed, review coverage {5}, pass rate {6} ({7} reverted), first-pass rate {8} ({9} PRs).\n",
        r.WindowDays, r.Landings, r.HumanLandings, r.Bots, r.Reviewed, Rate(r.ReviewCoverage), Rate(r.PassRate), r.Reverted, Rate(r.FirstPassRate), r.PullRequests)), notes);

    public static string Hotspots(IReadOnlyList<Hotspot> hotspots, IReadOnlyList<string> notes)
    {
        if (hotspots.Count == 0)
        {
            return Notes(new StringBuilder("No hotspot.\n"), notes);
        }

        var text = new StringBuilder("  score  revs  churn  cc    cover  path\n");
        foreach (Hotspot h in hotspots)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {h.Score,5:0.00}  {h.Revisions,4}  {h.Churn,5}  {h.Complexity,4}  {Rate(h.LineRate),6}  {Clean(h.Path)}{(h.Critical ? "  (critical)" : string.Empty)}\n");
        }

        return Notes(text, notes);
    }

    public static string Coverage(Core.Coverage.CoverageReport? report, IReadOnlyList<string> notes)
    {
        var text = new StringBuilder();
        text.Append(report is null
            ? "No coverage file found: no data.\n"
            : string.Format(CultureInfo.InvariantCulture, "Coverage of {0} file(s) from {1} report(s): line {2} ({3}/{4}), branch {5} ({6}/{7}).\n",
                report.Files.Count, report.Inputs.Count, Rate(report.Totals.LineRate), report.Totals.CoveredLines, report.Totals.CoverableLines,
                Rate(report.Totals.BranchRate), report.Totals.BranchesCovered, report.Totals.BranchesValid));
        return Notes(text, report?.Notes ?? notes);
    }

    /// <summary>What the engine could not judge and why, after the figures: the same lines from every command.</summary>
    private static string Notes(StringBuilder text, IEnumerable<string> notes)
    {
        foreach (string note in notes)
        {
            text.Append("  note: ").Append(Clean(note)).Append('\n');
        }

        return text.ToString();
    }

    public static string Rate(double? rate) => rate is double r ? GateEvaluatorFormat(r) : "n/a";

    private static string GateEvaluatorFormat(double r) => (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>
    /// Names from git and coverage files could carry terminal escapes, or bidi controls that show a name reversed in a CI
    /// log (the reports' <see cref="ReportText.IsBidiControl"/>): both become '?'.
    /// </summary>
    internal static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            sb.Append(char.IsControl(c) || ReportText.IsBidiControl(c) ? '?' : c);
        }

        return sb.ToString();
    }
}
