using QualityGates.Core.Analyzers;
using QualityGates.Core.Config;
using QualityGates.Core.Coverage;
using QualityGates.Core.History;
using QualityGates.Core.Hotspots;

namespace QualityGates.Core.Gate;

/// <summary>Outcome of one condition. In the result JSON: passed, warning, failed, skipped, noData.</summary>
public enum ConditionStatus
{
    Passed,
    Warning,
    Failed,
    /// <summary>Disabled, or too small to judge (new code below minLines).</summary>
    Skipped,
    /// <summary>Nothing to measure and the no-data policy is "skip".</summary>
    NoData,
}

/// <summary>
/// The gate's verdict as texts give it. The exit code and the result JSON's <c>passed</c> follow the conditions alone
/// (a no-data policy of "warn" or "skip" does not fail); "not evaluated" keeps such a run from reading "passed".
/// </summary>
public enum GateVerdict
{
    Passed,
    Failed,
    /// <summary>No condition failed, but coverage conditions had no coverage data to judge.</summary>
    NotEvaluated,
}

/// <summary>
/// One condition's verdict. Actual and threshold are fractions for rates and counts for counts; null when unknown.
/// File and line (repo-relative, 1-based) point at the place to look when there is one.
/// </summary>
public sealed record ConditionResult(
    string Id,
    ConditionStatus Status,
    double? Actual,
    double? Threshold,
    string Message,
    string? File = null,
    int? Line = null);

/// <summary>Everything the gate judges. Null members are "not available" and lead to the no-data policy.</summary>
public sealed record GateInputs
{
    public CoverageReport? Coverage { get; init; }

    public HistoryResult? History { get; init; }

    /// <summary>The ranked hotspots.</summary>
    public IReadOnlyList<Hotspot> Hotspots { get; init; } = Array.Empty<Hotspot>();

    /// <summary>Method metrics of the files changed since the merge-base (from the hotspot calculator), by path.</summary>
    public IReadOnlyList<Hotspot> ChangedFiles { get; init; } = Array.Empty<Hotspot>();

    /// <summary>Pricing and underwriting files (repo-relative).</summary>
    public IReadOnlySet<string> CriticalFiles { get; init; } = new HashSet<string>();

    public Baseline? Baseline { get; init; }

    public AnalyzerFindings? Analyzers { get; init; }
}

/// <summary>The verdict with the figures behind it: what the result JSON and the summaries are written from.</summary>
public sealed record GateResult(
    bool Passed,
    IReadOnlyList<ConditionResult> Conditions,
    GateInputs Inputs,
    CoverageFigures NewCode,
    int ReviewWindowDays,
    IReadOnlyList<string> Notes)
{
    /// <summary>"Now" of the run (the engine's options); null when the result was not made by a run.</summary>
    public DateTimeOffset? GeneratedAt { get; init; }

    /// <summary>Full path of ReportGenerator's index.html when this run wrote it; null otherwise.</summary>
    public string? CoverageHtmlReport { get; init; }

    /// <summary>Why no coverage was measured ("no coverage file was found", ...); null when coverage data was read.</summary>
    public string? NoCoverage { get; init; }

    /// <summary>
    /// The enabled coverage conditions that had no coverage data to judge (<see cref="NoCoverage"/>); empty when coverage
    /// was measured. Unless a condition failed, the verdict is then "not evaluated", never "passed".
    /// </summary>
    public IReadOnlyList<string> NotEvaluated { get; init; } = Array.Empty<string>();

    public int Count(ConditionStatus status) => Conditions.Count(c => c.Status == status);

    /// <summary>Failed when a condition failed, else not evaluated when coverage conditions had no data, else passed.</summary>
    public GateVerdict Verdict => !Passed ? GateVerdict.Failed : NotEvaluated.Count > 0 ? GateVerdict.NotEvaluated : GateVerdict.Passed;

    /// <summary>
    /// "; no coverage data (REASON), so coverage.line and coverage.critical were not judged" when coverage conditions had
    /// nothing to judge; empty otherwise. Said after the counts by every text that gives the verdict.
    /// </summary>
    public string NotEvaluatedSentence => NoCoverage is null || NotEvaluated.Count == 0
        ? string.Empty
        : $"no coverage data ({NoCoverage}), so {Listed(NotEvaluated)} {(NotEvaluated.Count == 1 ? "was" : "were")} not judged";

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string Listed(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
