using QualityGates.Core.Analyzers;
using QualityGates.Core.Config;
using QualityGates.Core.Coverage;
using QualityGates.Core.Gate;
using QualityGates.Core.Hotspots;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Gate;

public class GateEvaluatorTests
{
    private const string Pricing = "src/Insurance/Pricing/PremiumCalculator.cs";
    private const string Claims = "src/Insurance/Claims/ClaimValidator.cs";

    private static readonly CoverageReport Both = CoverageLoader.Read(TestFiles.FixtureRepository, new[] { TestFiles.PricingCoverage, TestFiles.ClaimsCoverage });

    private static ConditionResult Condition(GateResult result, string id) => result.Conditions.Single(c => c.Id == id);

    private static GateResult Evaluate(GateInputs inputs, GateConfig? config = null) => GateEvaluator.Evaluate(config ?? new GateConfig(), inputs);

    [Fact]
    public void EveryCondition_IsReportedInOrder()
    {
        GateResult result = Evaluate(new GateInputs());

        Assert.Equal(ConditionIds.All, result.Conditions.Select(c => c.Id));
    }

    [Fact]
    public void NothingAtAll_IsNoDataNeverFullCoverage()
    {
        GateResult result = Evaluate(new GateInputs());

        ConditionResult line = Condition(result, "coverage.line");
        Assert.Equal(ConditionStatus.Warning, line.Status); // default no-data policy of coverage.line: warn
        Assert.Null(line.Actual);
        Assert.Equal("Line coverage is unknown: no coverage file was found. The no-data policy of this condition is \"warn\".", line.Message);
        Assert.Equal(ConditionStatus.NoData, Condition(result, "coverage.branch").Status);
        Assert.Equal(ConditionStatus.Warning, Condition(result, "reviews.coverage").Status);
        Assert.Equal(ConditionStatus.NoData, Condition(result, "analyzers.new").Status);
        Assert.True(result.Passed);
    }

    [Fact]
    public void NoDataPolicyFail_FailsTheGate()
    {
        var config = new GateConfig
        {
            Conditions = new Dictionary<string, ConditionSettings>(GateDefaults.Conditions) { ["coverage.line"] = GateDefaults.Conditions["coverage.line"] with { NoData = NoDataPolicy.Fail } },
        };

        GateResult result = Evaluate(new GateInputs(), config);

        Assert.Equal(ConditionStatus.Failed, Condition(result, "coverage.line").Status);
        Assert.False(result.Passed);
    }

    [Fact]
    public void LineCoverageBelowFail_Fails()
    {
        ConditionResult line = Condition(Evaluate(new GateInputs { Coverage = Both }), "coverage.line");

        Assert.Equal(new ConditionResult("coverage.line", ConditionStatus.Failed, 0.75, 0.80, "Line coverage is 75.0 %, below the required 80.0 %."), line);
    }

    [Theory]
    [InlineData(0.9995, 1.0, "99.95 %")]
    [InlineData(0.79999, 0.8, "79.999 %")]
    [InlineData(0.75, 0.8, "75.0 %")]
    public void RateJustBelowItsThreshold_IsShownWithTheDecimalsThatTellThemApart(double actual, double threshold, string shown)
    {
        Assert.Equal(shown, GateEvaluator.PctBeside(actual, threshold));
    }

    [Fact]
    public void LineCoverageBetweenLevels_Warns()
    {
        var config = new GateConfig
        {
            Conditions = new Dictionary<string, ConditionSettings>(GateDefaults.Conditions) { ["coverage.line"] = new() { Fail = 0.70, Warn = 0.80, NoData = NoDataPolicy.Warn } },
        };

        ConditionResult line = Condition(Evaluate(new GateInputs { Coverage = Both }, config), "coverage.line");

        Assert.Equal(ConditionStatus.Warning, line.Status);
        Assert.Equal(0.80, line.Threshold);
        Assert.Equal("Line coverage is 75.0 %, below the target 80.0 %.", line.Message);
    }

    [Fact]
    public void DropBelowBaseline_FailsEvenAboveTheLevels()
    {
        var config = new GateConfig
        {
            Conditions = new Dictionary<string, ConditionSettings>(GateDefaults.Conditions) { ["coverage.line"] = new() { Fail = 0.5, Warn = 0.6, MaxDrop = 0.001 } },
        };

        ConditionResult within = Condition(Evaluate(new GateInputs { Coverage = Both, Baseline = new Baseline { LineRate = 0.7505 } }, config), "coverage.line");
        ConditionResult beyond = Condition(Evaluate(new GateInputs { Coverage = Both, Baseline = new Baseline { LineRate = 0.752 } }, config), "coverage.line");

        Assert.Equal(ConditionStatus.Passed, within.Status);
        Assert.Equal(ConditionStatus.Failed, beyond.Status);
        Assert.Equal(0.751, beyond.Threshold!.Value, 9);
        Assert.Equal("Line coverage dropped from 75.2 % (baseline) to 75.0 %, more than the allowed 0.1 point.", beyond.Message);
    }

    [Fact]
    public void BranchCoverage_WarnsBelowDefaultTarget()
    {
        ConditionResult branch = Condition(Evaluate(new GateInputs { Coverage = Both }), "coverage.branch");

        Assert.Equal(new ConditionResult("coverage.branch", ConditionStatus.Warning, 0.45, 0.80, "Branch coverage is 45.0 %, below the target 80.0 %."), branch);
    }

    [Fact]
    public void NewCode_BelowMinimumLines_Skipped()
    {
        var changed = new Dictionary<string, IReadOnlySet<int>> { [Pricing] = new HashSet<int> { 35, 36, 37 } };

        GateResult result = Evaluate(new GateInputs { Coverage = Both, History = Histories.With(changed: changed) });

        ConditionResult newCode = Condition(result, "coverage.newCode");
        Assert.Equal(ConditionStatus.Skipped, newCode.Status);
        Assert.Equal(0.0, newCode.Actual);
        Assert.Equal("Only 3 new coverable line(s), fewer than the 20 needed to judge new-code coverage.", newCode.Message);
        Assert.Equal(new CoverageFigures(3, 0, 2, 0), result.NewCode);
    }

    [Fact]
    public void NewCode_Failing_PointsAtFirstUncoveredLine()
    {
        // Every coverable line of both files: 36 lines, 27 covered.
        var changed = new Dictionary<string, IReadOnlySet<int>>
        {
            [Pricing] = Enumerable.Range(1, 40).ToHashSet(),
            [Claims] = Enumerable.Range(1, 30).ToHashSet(),
        };

        ConditionResult newCode = Condition(Evaluate(new GateInputs { Coverage = Both, History = Histories.With(changed: changed) }), "coverage.newCode");

        Assert.Equal(ConditionStatus.Failed, newCode.Status);
        Assert.Equal(0.75, newCode.Actual);
        Assert.Equal("New-code coverage is 75.0 %, below the required 80.0 % (27 of 36 new coverable lines covered).", newCode.Message);
        Assert.Equal(Claims, newCode.File);
        Assert.Equal(22, newCode.Line);
    }

    [Fact]
    public void NewCode_WithoutMergeBase_IsNoData()
    {
        ConditionResult newCode = Condition(Evaluate(new GateInputs { Coverage = Both, History = Histories.With(mergeBase: null) }), "coverage.newCode");

        Assert.Equal(ConditionStatus.NoData, newCode.Status);
    }

    [Fact]
    public void Critical_JudgesLineAndBranch()
    {
        ConditionResult critical = Condition(Evaluate(new GateInputs { Coverage = Both, CriticalFiles = new HashSet<string> { Pricing } }), "coverage.critical");

        // 16/21 lines, 6/14 branches.
        Assert.Equal(ConditionStatus.Failed, critical.Status);
        Assert.Equal(16.0 / 21, critical.Actual);
        Assert.Equal(0.90, critical.Threshold);
        Assert.Equal("Pricing and underwriting code (1 file): line coverage 76.2 %, branch coverage 42.9 %; below the required 90.0 % line and 80.0 % branch.", critical.Message);
        Assert.Equal(Pricing, critical.File);
    }

    [Fact]
    public void Critical_NamesPricingFilesNoReportCovers()
    {
        var critical = Condition(
            Evaluate(new GateInputs { Coverage = Both, CriticalFiles = new HashSet<string> { Pricing, "src/Rating/Zeta.cs", "src/Rating/Alpha.cs" } }),
            "coverage.critical");

        Assert.Equal(16.0 / 21, critical.Actual);
        Assert.Equal(
            "Pricing and underwriting code (1 file): line coverage 76.2 %, branch coverage 42.9 %; below the required 90.0 % line and 80.0 % branch. "
            + "2 more files have no coverage data at all, so no test project loads them (first: src/Rating/Alpha.cs).",
            critical.Message);
    }

    [Fact]
    public void Critical_NoCriticalFileCovered_NamesThemInTheNoDataMessage()
    {
        var critical = Condition(
            Evaluate(new GateInputs { Coverage = Both, CriticalFiles = new HashSet<string> { "src/Rating/Zeta.cs", "src/Rating/Alpha.cs" } }),
            "coverage.critical");

        Assert.Equal(
            new ConditionResult("coverage.critical", ConditionStatus.Warning, null, 0.90,
                "No pricing or underwriting file has coverage data. 2 files have no coverage data at all, so no test project loads them (first: src/Rating/Alpha.cs)."
                + " The no-data policy of this condition is \"warn\"."),
            critical);
    }

    [Fact]
    public void Critical_NoCriticalFile_IsNoDataWithPolicy()
    {
        ConditionResult critical = Condition(Evaluate(new GateInputs { Coverage = Both }), "coverage.critical");

        Assert.Equal(ConditionStatus.Warning, critical.Status);
        Assert.StartsWith("No pricing or underwriting file was found", critical.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reviews_JudgedWithN()
    {
        GateResult result = Evaluate(new GateInputs { History = Histories.With() });

        Assert.Equal(
            new ConditionResult("reviews.coverage", ConditionStatus.Passed, 0.95, 0.90, "Review coverage is 95.0 % (required at least 90.0 %) (n = 40 human landings over 90 days, 95 % interval 83.5 %-98.6 %)."),
            Condition(result, "reviews.coverage"));
        ConditionResult pass = Condition(result, "reviews.passRate");
        Assert.Equal(ConditionStatus.Warning, pass.Status); // 1 - 1/38 = 97.4 %, below the 98 % target
        Assert.Equal(1 - (1.0 / 38), pass.Actual);
        // The Wilson bounds of 37/38 and 24/30, as an independent computation gives them (0.8651-0.9953, 0.6269-0.9049).
        Assert.EndsWith("(n = 38 reviewed landings over 90 days, 95 % interval 86.5 %-99.5 %).", pass.Message, StringComparison.Ordinal);
        ConditionResult firstPass = Condition(result, "reviews.firstPassRate");
        Assert.Equal(ConditionStatus.Passed, firstPass.Status);
        Assert.EndsWith("(n = 30 merged pull requests over 90 days, 95 % interval 62.7 %-90.5 %).", firstPass.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reviews_FewerThan20Landings_InsufficientData()
    {
        GateResult result = Evaluate(new GateInputs { History = Histories.With(Histories.Reviews(humanLandings: 19, reviewed: 19, reverted: 0, pullRequests: 5)) });

        ConditionResult coverage = Condition(result, "reviews.coverage");
        Assert.Equal(ConditionStatus.Warning, coverage.Status);
        Assert.Null(coverage.Actual);
        Assert.Equal("Insufficient data for review coverage: 19 human landings in the last 90 days, at least 20 needed. The no-data policy of this condition is \"warn\".", coverage.Message);
        Assert.Equal(ConditionStatus.NoData, Condition(result, "reviews.firstPassRate").Status);
    }

    [Fact]
    public void Hotspots_NewAndGrowthAgainstBaseline()
    {
        var baseline = new Baseline { Hotspots = new[] { new BaselineHotspot("src/A.cs", 40, 0.9), new BaselineHotspot("src/B.cs", 10, 0.5) } };
        var inputs = new GateInputs
        {
            Baseline = baseline,
            Hotspots = new[] { Histories.Hotspot("src/A.cs", 42), Histories.Hotspot("src/B.cs", 12), Histories.Hotspot("src/C.cs", 30) },
        };

        GateResult result = Evaluate(inputs);

        Assert.Equal(new ConditionResult("hotspots.new", ConditionStatus.Warning, 1, 0, "1 new hotspot(s) since the baseline: src/C.cs.", "src/C.cs"), Condition(result, "hotspots.new"));
        ConditionResult growth = Condition(result, "hotspots.growth");
        Assert.Equal(ConditionStatus.Failed, growth.Status);
        Assert.Equal(0.2, growth.Actual!.Value, 12);
        Assert.Equal("Complexity of src/B.cs grew 20.0 % since the baseline (10 -> 12), above the allowed 10.0 %.", growth.Message);
        Assert.Equal("src/B.cs", growth.File);
    }

    [Fact]
    public void HotspotGrowth_FromZeroComplexity_CountsTheNewComplexityAsGrowth()
    {
        // A file of records has complexity 0 in the baseline; a 10-branch method makes it 11: 11 / max(0, 1) = 1100 %.
        var baseline = new Baseline { Hotspots = new[] { new BaselineHotspot("src/P.cs", 0, 1.0), new BaselineHotspot("src/Q.cs", 0, 0.5) } };
        var inputs = new GateInputs { Baseline = baseline, Hotspots = new[] { Histories.Hotspot("src/P.cs", 11), Histories.Hotspot("src/Q.cs", 0) } };

        ConditionResult growth = Condition(Evaluate(inputs), "hotspots.growth");

        Assert.Equal(
            new ConditionResult("hotspots.growth", ConditionStatus.Failed, 11.0, 0.10,
                "Complexity of src/P.cs grew 1100.0 % since the baseline (0 -> 11), above the allowed 10.0 %.", "src/P.cs"),
            growth);
    }

    [Fact]
    public void HotspotGrowth_ZeroStayingZero_IsNoGrowth()
    {
        var inputs = new GateInputs
        {
            Baseline = new Baseline { Hotspots = new[] { new BaselineHotspot("src/P.cs", 0, 1.0) } },
            Hotspots = new[] { Histories.Hotspot("src/P.cs", 0) },
        };

        ConditionResult growth = Condition(Evaluate(inputs), "hotspots.growth");

        Assert.Equal(new ConditionResult("hotspots.growth", ConditionStatus.Passed, 0.0, 0.10, "No hotspot grew in complexity since the baseline."), growth);
    }

    [Theory]
    [InlineData(0, 1, 1.0)]
    [InlineData(0, 0, 0.0)]
    [InlineData(1, 2, 1.0)]
    [InlineData(10, 11, 0.1)]
    [InlineData(10, 5, -0.5)]
    [InlineData(4, 0, -1.0)]
    public void Growth_IsRelativeToTheBaselineOrToOneFromZero(int before, int after, double expected) =>
        Assert.Equal(expected, GateEvaluator.Growth(before, after), 12);

    [Fact]
    public void Hotspots_WithoutBaseline_NoData()
    {
        GateResult result = Evaluate(new GateInputs { Hotspots = new[] { Histories.Hotspot("src/A.cs", 42) } });

        Assert.Equal(ConditionStatus.NoData, Condition(result, "hotspots.new").Status);
        Assert.Equal(ConditionStatus.NoData, Condition(result, "hotspots.growth").Status);
    }

    [Fact]
    public void ComplexityNewCode_CountsOnlyChangedMethodsAboveLimits()
    {
        var changed = new Dictionary<string, IReadOnlySet<int>> { ["src/A.cs"] = new HashSet<int> { 12, 40 }, ["src/B.cs"] = new HashSet<int> { 5 } };
        var inputs = new GateInputs
        {
            History = Histories.With(changed: changed),
            Hotspots = new[]
            {
                Histories.Hotspot("src/A.cs", 50, 0.5, false,
                    new MethodMetrics("Quote", 10, 30, 18, 0.9, 18.1),      // changed, CC 18 > 15
                    new MethodMetrics("Untouched", 50, 60, 40, 0, 1640)),   // not changed
            },
            ChangedFiles = new[] { Histories.Hotspot("src/B.cs", 9, 0, false, new MethodMetrics("Rate", 1, 20, 9, 0, 90)) }, // CRAP 90 > 30
        };

        ConditionResult result = Condition(Evaluate(inputs), "complexity.newCode");

        Assert.Equal(ConditionStatus.Failed, result.Status);
        Assert.Equal(2, result.Actual);
        Assert.Equal(0, result.Threshold);
        Assert.Equal("2 new or changed method(s) above complexity 15 or CRAP 30: Quote in src/A.cs (CC 18, CRAP 18.1), Rate in src/B.cs (CC 9, CRAP 90).", result.Message);
        Assert.Equal("src/A.cs", result.File);
        Assert.Equal(10, result.Line);
    }

    [Fact]
    public void AnalyzersNew_ComparesPerFileAndRule()
    {
        var findings = new AnalyzerFindings(
            new Dictionary<string, IReadOnlyDictionary<string, int>>
            {
                ["src/A.cs"] = new Dictionary<string, int> { ["QG1001"] = 3, ["QG1002"] = 1 },
                ["src/B.cs"] = new Dictionary<string, int> { ["QG1001"] = 1 },
            },
            5,
            Array.Empty<string>());
        var baseline = new Baseline
        {
            Analyzers = new Dictionary<string, IReadOnlyDictionary<string, int>> { ["src/A.cs"] = new Dictionary<string, int> { ["QG1001"] = 3, ["QG1002"] = 2 } },
        };

        ConditionResult result = Condition(Evaluate(new GateInputs { Analyzers = findings, Baseline = baseline }), "analyzers.new");
        ConditionResult noBaseline = Condition(Evaluate(new GateInputs { Analyzers = findings }), "analyzers.new");

        Assert.Equal(new ConditionResult("analyzers.new", ConditionStatus.Failed, 1, 0, "1 new QG analyzer finding(s) since the baseline, first in src/B.cs.", "src/B.cs"), result);
        Assert.Equal(ConditionStatus.NoData, noBaseline.Status);
    }

    [Fact]
    public void DisabledCondition_Skipped()
    {
        var config = new GateConfig
        {
            Conditions = new Dictionary<string, ConditionSettings>(GateDefaults.Conditions) { ["coverage.line"] = GateDefaults.Conditions["coverage.line"] with { Enabled = false } },
        };

        ConditionResult line = Condition(Evaluate(new GateInputs { Coverage = Both }, config), "coverage.line");

        Assert.Equal(ConditionStatus.Skipped, line.Status);
        Assert.Equal("coverage.line is disabled in qualitygate.json.", line.Message);
    }
}
