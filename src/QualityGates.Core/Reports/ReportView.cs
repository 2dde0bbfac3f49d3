namespace QualityGates.Core.Reports;

/// <summary>
/// What both writers show, computed once from the result and the trend history: hotspots ranked, methods ranked,
/// the trend including this run. Keeps the HTML and the Markdown telling the same story.
/// </summary>
public sealed class ReportView
{
    public ReportView(ReportModel result, TrendHistoryContent? history, string? coverageHtmlLink)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
        Conditions = result.Conditions ?? new List<ConditionResult>();
        Hotspots = (result.Hotspots ?? new List<HotspotEntry>())
            .OrderByDescending(h => h.Score ?? double.NegativeInfinity)
            .ThenBy(h => h.Path, StringComparer.Ordinal)
            .ToList();
        History = history ?? TrendHistoryContent.Empty;
        Trend = BuildTrend(result, History.Records);
        CoverageHtmlLink = coverageHtmlLink;
        Notes = result.Notes ?? new List<string>();
    }

    public ReportModel Result { get; }

    public IReadOnlyList<ConditionResult> Conditions { get; }

    /// <summary>All hotspots, highest score first (ties by path, so the order is stable).</summary>
    public IReadOnlyList<HotspotEntry> Hotspots { get; }

    public TrendHistoryContent History { get; }

    /// <summary>The history's records plus this run when the history does not end with it yet.</summary>
    public IReadOnlyList<TrendRecord> Trend { get; }

    /// <summary>Link to ReportGenerator's HTML relative to the report, already checked to be a relative path.</summary>
    public string? CoverageHtmlLink { get; }

    /// <summary>The run's notes, as the engine wrote them (untrusted: they quote paths and patterns).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>
    /// True passed, false failed, null not evaluated: no conditions, or coverage conditions without coverage data and no
    /// failed condition (the engine's <c>notEvaluated</c>).
    /// </summary>
    public bool? Passed => (Result.Passed ?? (Conditions.Count == 0 ? null : Conditions.All(c => c.Status != "failed"))) switch
    {
        true when Result.NotEvaluated?.Conditions is { Count: > 0 } => null,
        var verdict => verdict,
    };

    public int CountStatus(string status) => Conditions.Count(c => c.Status == status);

    /// <summary>The most complex methods of a file, then the least covered.</summary>
    public static IReadOnlyList<MethodEntry> TopMethods(HotspotEntry hotspot, int max) =>
        (hotspot.Methods ?? new List<MethodEntry>())
            .OrderByDescending(m => m.Complexity ?? 0)
            .ThenBy(m => m.LineRate ?? 1)
            .ThenBy(m => m.Line ?? 0)
            .Take(max)
            .ToList();

    /// <summary>The highest method CRAP of a file when the file has none of its own.</summary>
    public static double? Crap(HotspotEntry hotspot) =>
        hotspot.Crap ?? hotspot.Methods?.Where(m => m.Crap is not null).Select(m => m.Crap).DefaultIfEmpty(null).Max();

    private static List<TrendRecord> BuildTrend(ReportModel result, IReadOnlyList<TrendRecord> records)
    {
        var trend = records.OrderBy(r => r.Date).ToList();
        var head = result.Repository?.Head;
        // This run is the report's subject, so it is always the last point. Dates do not decide: CI agents' clocks
        // differ, and a history record dated after this run must not hide it. It is already there when the history
        // ends with its commit, or holds the engine's own record of it (same commit and time) wherever skew put it.
        if (result.GeneratedAt is { } at
            && (trend.Count == 0 || (trend[^1].Commit != head && !trend.Any(r => r.Commit == head && r.Date == at))))
        {
            trend.Add(TrendRecord.FromResult(result, at));
        }

        if (trend.Count > ReportLimits.TrendPoints)
        {
            trend.RemoveRange(0, trend.Count - ReportLimits.TrendPoints);
        }

        return trend;
    }
}
