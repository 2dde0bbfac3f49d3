using QualityGates.Core.Gate;

namespace QualityGates.Core.Config;

/// <summary>How a condition's value is judged against its levels.</summary>
public enum ConditionKind
{
    /// <summary>A fraction 0..1 that must stay at or above the levels.</summary>
    MinimumRate,
    /// <summary>A whole count that must stay at or below the levels.</summary>
    MaximumCount,
    /// <summary>A fraction (0.10 = 10 %) that must stay at or below the levels.</summary>
    MaximumFraction,
}

/// <summary>The shape of each condition's settings: its kind and the optional keys it accepts.</summary>
public static class ConditionSpecs
{
    public const string Enabled = "enabled";
    public const string Fail = "fail";
    public const string Warn = "warn";
    public const string NoData = "noData";
    public const string MaxDrop = "maxDrop";
    public const string MinLines = "minLines";
    public const string MinLandings = "minLandings";
    public const string BranchFail = "branchFail";
    public const string BranchWarn = "branchWarn";
    public const string MaxComplexity = "maxComplexity";
    public const string MaxCrap = "maxCrap";

    private static readonly string[] Common = { Enabled, Fail, Warn, NoData };

    public static ConditionKind KindOf(string id) => id switch
    {
        ConditionIds.HotspotsNew or ConditionIds.ComplexityNewCode or ConditionIds.AnalyzersNew => ConditionKind.MaximumCount,
        ConditionIds.HotspotsGrowth => ConditionKind.MaximumFraction,
        _ => ConditionKind.MinimumRate,
    };

    public static IReadOnlyList<string> KeysOf(string id) => id switch
    {
        ConditionIds.CoverageLine or ConditionIds.CoverageBranch => [.. Common, MaxDrop],
        ConditionIds.CoverageNewCode => [.. Common, MinLines],
        ConditionIds.CoverageCritical => [.. Common, BranchFail, BranchWarn],
        ConditionIds.ReviewsCoverage or ConditionIds.ReviewsPassRate or ConditionIds.ReviewsFirstPassRate => [.. Common, MinLandings],
        ConditionIds.ComplexityNewCode => [.. Common, MaxComplexity, MaxCrap],
        _ => Common,
    };
}
