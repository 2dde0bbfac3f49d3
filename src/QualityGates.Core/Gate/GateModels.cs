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

    public int Count(ConditionStatus status) => Conditions.Count(c => c.Status == status);
}
