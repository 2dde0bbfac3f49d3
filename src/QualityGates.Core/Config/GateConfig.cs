using QualityGates.Core.Gate;
using QualityGates.Core.History;
using QualityGates.Core.Hotspots;

namespace QualityGates.Core.Config;

/// <summary>What the gate does when a condition has nothing to measure.</summary>
public enum NoDataPolicy
{
    /// <summary>The condition fails.</summary>
    Fail,
    /// <summary>The condition is a warning.</summary>
    Warn,
    /// <summary>The condition is reported as noData and does not affect the verdict.</summary>
    Skip,
}

/// <summary>Settings of one condition. Which optional fields apply depends on the condition (docs/gate.md).</summary>
public sealed record ConditionSettings
{
    public bool Enabled { get; init; } = true;

    /// <summary>Fail level: for rates the minimum, for counts and growth the maximum. Null: never fails on the value.</summary>
    public double? Fail { get; init; }

    /// <summary>Warn level, same direction as <see cref="Fail"/>. Null: never warns on the value.</summary>
    public double? Warn { get; init; }

    public NoDataPolicy NoData { get; init; } = NoDataPolicy.Skip;

    /// <summary>coverage.line / coverage.branch: allowed drop below the baseline (fraction: 0.001 = 0.1 point).</summary>
    public double? MaxDrop { get; init; }

    /// <summary>coverage.newCode: fewer new coverable lines than this skips the condition.</summary>
    public int? MinLines { get; init; }

    /// <summary>reviews.*: fewer landings (or PRs for firstPassRate) than this is insufficient data.</summary>
    public int? MinLandings { get; init; }

    /// <summary>coverage.critical: branch-rate levels beside the line-rate levels.</summary>
    public double? BranchFail { get; init; }

    public double? BranchWarn { get; init; }

    /// <summary>complexity.newCode: a new or changed method above this cyclomatic complexity counts.</summary>
    public int? MaxComplexity { get; init; }

    /// <summary>complexity.newCode: a new or changed method above this CRAP score counts.</summary>
    public double? MaxCrap { get; init; }
}

/// <summary>qualitygate.json, with every default of product.md filled in.</summary>
public sealed record GateConfig
{
    /// <summary>Where it was read from; null when the defaults are used.</summary>
    public string? Source { get; init; }

    public string? BaseBranch { get; init; }

    public IReadOnlyList<string> Bots { get; init; } = GateDefaults.Bots;

    /// <summary>Cobertura paths or globs, relative to the repository root.</summary>
    public IReadOnlyList<string> CoverageFiles { get; init; } = GateDefaults.CoverageFiles;

    /// <summary>No coverage data (no file found, or none with a line of the repository) is an error (QGB0109), not "not evaluated".</summary>
    public bool CoverageRequired { get; init; }

    /// <summary>Where the merged Cobertura and coverage HTML go (relative to the root); null: not written.</summary>
    public string? CoverageReportDirectory { get; init; }

    public int ReviewWindowDays { get; init; } = GateDefaults.ReviewWindowDays;

    public int RevertWindowDays { get; init; } = GateDefaults.RevertWindowDays;

    public int HotspotWindowMonths { get; init; } = GateDefaults.HotspotWindowMonths;

    public int HotspotMinRevisions { get; init; } = GateDefaults.HotspotMinRevisions;

    public int MaxFilesPerCommit { get; init; } = GateDefaults.MaxFilesPerCommit;

    public int MaxHotspots { get; init; } = GateDefaults.MaxHotspots;

    public bool WeighByMissingCoverage { get; init; } = true;

    /// <summary>The baseline file, relative to the repository root.</summary>
    public string BaselineFile { get; init; } = GateDefaults.BaselineFile;

    /// <summary>The trend history (JSON Lines, relative to the root); null: runs are not recorded.</summary>
    public string? TrendFile { get; init; } = GateDefaults.TrendFile;

    public IReadOnlyDictionary<string, ConditionSettings> Conditions { get; init; } = GateDefaults.Conditions;

    public ConditionSettings Condition(string id) => Conditions[id];

    public HistoryOptions ToHistoryOptions(DateTimeOffset now, string? baseRefOverride, string? cacheDirectory) => new()
    {
        ReviewWindowDays = ReviewWindowDays,
        RevertWindowDays = RevertWindowDays,
        HotspotWindowMonths = HotspotWindowMonths,
        MaxFilesPerCommit = MaxFilesPerCommit,
        BaseRef = baseRefOverride ?? BaseBranch,
        BaseRefRequired = baseRefOverride != null,
        BotPatterns = Bots,
        CacheDirectory = cacheDirectory,
        Now = now,
    };

    public HotspotOptions ToHotspotOptions() => new()
    {
        MinRevisions = HotspotMinRevisions,
        WeighByMissingCoverage = WeighByMissingCoverage,
        MaxHotspots = MaxHotspots,
    };
}

/// <summary>Every default in one place (product.md "Numbers worth starting from"; docs/gate.md lists them).</summary>
public static class GateDefaults
{
    public const string ConfigFileName = "qualitygate.json";
    public const string BaselineFile = "qualitygate.baseline.json";

    /// <summary>Trend history: one line per commit judged on the main branch (a new run on it replaces its line).</summary>
    public const string TrendFile = ".qualitygate/history.jsonl";

    /// <summary>Branch names taken as the main branch when the base ref does not name one (origin/HEAD, none).</summary>
    public static readonly IReadOnlyList<string> MainBranchNames = new[] { "main", "master" };

    /// <summary>Where 'qualitygate report' writes when no --output is given, relative to the root (ignored by git here).</summary>
    public const string ReportDirectory = "artifacts/qualitygate";

    /// <summary>Set to true (or false) to record (or not) the trend whatever the branch: CI on a detached HEAD.</summary>
    public const string RecordTrendVariable = "QUALITYGATE_RECORD_TREND";
    public const int ReviewWindowDays = 90;
    public const int RevertWindowDays = 30;
    public const int HotspotWindowMonths = 12;
    public const int HotspotMinRevisions = 5;
    public const int MaxFilesPerCommit = 50;
    public const int MaxHotspots = 50;

    public const double CoverageLineFail = 0.80;
    public const double CoverageLineWarn = 0.85;
    public const double CoverageBranchWarn = 0.80;
    /// <summary>0.1 percentage point, as a fraction.</summary>
    public const double AllowedCoverageDrop = 0.001;
    public const double NewCodeFail = 0.80;
    public const double NewCodeWarn = 0.85;
    public const int NewCodeMinLines = 20;
    public const double CriticalLineFail = 0.90;
    public const double CriticalLineWarn = 0.95;
    public const double CriticalBranchFail = 0.80;
    public const double CriticalBranchWarn = 0.85;
    public const double ReviewCoverageFail = 0.90;
    public const double ReviewCoverageWarn = 0.95;
    public const double PassRateFail = 0.95;
    public const double PassRateWarn = 0.98;
    public const double FirstPassRateWarn = 0.50;
    public const int MinLandings = 20;
    public const double HotspotGrowthFail = 0.10;
    public const double HotspotGrowthWarn = 0.05;
    public const int MaxMethodComplexity = 15;
    public const double MaxMethodCrap = 30;

    public static readonly IReadOnlyList<string> Bots = new[] { "[bot]", "dependabot", "renovate", "github-actions", "mergify" };

    public static readonly IReadOnlyList<string> CoverageFiles = new[] { "**/TestResults/*/coverage.cobertura.xml" };

    public static readonly IReadOnlyDictionary<string, ConditionSettings> Conditions = new Dictionary<string, ConditionSettings>(StringComparer.Ordinal)
    {
        [ConditionIds.CoverageLine] = new() { Fail = CoverageLineFail, Warn = CoverageLineWarn, NoData = NoDataPolicy.Warn, MaxDrop = AllowedCoverageDrop },
        [ConditionIds.CoverageBranch] = new() { Fail = null, Warn = CoverageBranchWarn, NoData = NoDataPolicy.Skip, MaxDrop = AllowedCoverageDrop },
        [ConditionIds.CoverageNewCode] = new() { Fail = NewCodeFail, Warn = NewCodeWarn, NoData = NoDataPolicy.Skip, MinLines = NewCodeMinLines },
        [ConditionIds.CoverageCritical] = new()
        {
            Fail = CriticalLineFail, Warn = CriticalLineWarn, BranchFail = CriticalBranchFail, BranchWarn = CriticalBranchWarn, NoData = NoDataPolicy.Warn,
        },
        [ConditionIds.ReviewsCoverage] = new() { Fail = ReviewCoverageFail, Warn = ReviewCoverageWarn, NoData = NoDataPolicy.Warn, MinLandings = MinLandings },
        [ConditionIds.ReviewsPassRate] = new() { Fail = PassRateFail, Warn = PassRateWarn, NoData = NoDataPolicy.Warn, MinLandings = MinLandings },
        [ConditionIds.ReviewsFirstPassRate] = new() { Fail = null, Warn = FirstPassRateWarn, NoData = NoDataPolicy.Skip, MinLandings = MinLandings },
        [ConditionIds.HotspotsNew] = new() { Fail = null, Warn = 0, NoData = NoDataPolicy.Skip },
        [ConditionIds.HotspotsGrowth] = new() { Fail = HotspotGrowthFail, Warn = HotspotGrowthWarn, NoData = NoDataPolicy.Skip },
        [ConditionIds.ComplexityNewCode] = new()
        {
            Fail = 0, Warn = null, NoData = NoDataPolicy.Skip, MaxComplexity = MaxMethodComplexity, MaxCrap = MaxMethodCrap,
        },
        [ConditionIds.AnalyzersNew] = new() { Fail = 0, Warn = null, NoData = NoDataPolicy.Skip },
    };
}
