namespace QualityGates.Core.Gate;

/// <summary>Condition ids: part of the public contract (result JSON, qualitygate.json, MSBuild messages).</summary>
public static class ConditionIds
{
    public const string CoverageLine = "coverage.line";
    public const string CoverageBranch = "coverage.branch";
    public const string CoverageNewCode = "coverage.newCode";
    public const string CoverageCritical = "coverage.critical";
    public const string ReviewsCoverage = "reviews.coverage";
    public const string ReviewsPassRate = "reviews.passRate";
    public const string ReviewsFirstPassRate = "reviews.firstPassRate";
    public const string HotspotsNew = "hotspots.new";
    public const string HotspotsGrowth = "hotspots.growth";
    public const string ComplexityNewCode = "complexity.newCode";
    public const string AnalyzersNew = "analyzers.new";

    /// <summary>Every id, in the order the gate reports them.</summary>
    public static readonly IReadOnlyList<string> All = new[]
    {
        CoverageLine, CoverageBranch, CoverageNewCode, CoverageCritical,
        ReviewsCoverage, ReviewsPassRate, ReviewsFirstPassRate,
        HotspotsNew, HotspotsGrowth, ComplexityNewCode, AnalyzersNew,
    };

    /// <summary>The conditions judged on coverage: with no coverage data, none of them is evaluated.</summary>
    public static readonly IReadOnlyList<string> Coverage = new[] { CoverageLine, CoverageBranch, CoverageNewCode, CoverageCritical };
}
