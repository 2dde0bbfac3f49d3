using System.Text.Json;
using QualityGates.Core.Config;
using QualityGates.Core.Coverage;
using QualityGates.Core.Gate;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Coverage;

/// <summary>Branch and line totals are 64-bit: per-line counts up to int.MaxValue never wrap when summed.</summary>
public class CoverageLargeCountsTests
{
    private const string Half = """condition-coverage="50% (1000000000/2000000000)" """;
    private const string Full = """condition-coverage="100% (2000000000/2000000000)" """;

    private static string Lines(string coverage, params int[] numbers) =>
        string.Concat(numbers.Select(n => $"""<line number="{n}" hits="1" branch="true" {coverage}/>"""));

    [Fact]
    public void ThreeLinesOfTwoBillionOutcomes_SumWithoutWrapping()
    {
        using var temp = new TempDirectory();
        string file = temp.Write("a.xml", CoverageMergeTests.Cobertura(Lines(Half, 4, 5, 3)));

        CoverageReport report = CoverageLoader.Read(temp.Path, new[] { file });

        Assert.Equal(new CoverageFigures(3, 3, 6_000_000_000, 3_000_000_000), report.Totals);
        Assert.Equal(0.5, report.Totals.BranchRate);
        Assert.Equal(1.0, report.Totals.LineRate);
        Assert.Equal(new CoverageFigures(3, 3, 6_000_000_000, 3_000_000_000), report.Files["src/A.cs"].Figures);
    }

    [Fact]
    public void TwoFullyCoveredLines_AreOneHundredPercent()
    {
        using var temp = new TempDirectory();
        string file = temp.Write("a.xml", CoverageMergeTests.Cobertura(Lines(Full, 4, 5)));

        CoverageReport report = CoverageLoader.Read(temp.Path, new[] { file });

        Assert.Equal(new CoverageFigures(2, 2, 4_000_000_000, 4_000_000_000), report.Totals);
        Assert.Equal(1.0, report.Totals.BranchRate);
    }

    [Fact]
    public void SameLargeLinesInTwoReports_MergeByMaximum()
    {
        using var temp = new TempDirectory();
        string first = temp.Write("a.xml", CoverageMergeTests.Cobertura(Lines(Half, 3, 4, 5)));
        string second = temp.Write("b.xml", CoverageMergeTests.Cobertura(Lines(Full, 4)));

        CoverageReport report = CoverageLoader.Read(temp.Path, new[] { first, second });

        // Line 4 takes the better report (2e9/2e9); lines 3 and 5 keep 1e9/2e9 each.
        Assert.Equal(new CoverageFigures(3, 3, 6_000_000_000, 4_000_000_000), report.Totals);
    }

    [Fact]
    public void LargeTotals_InResultJsonAndGateMessage()
    {
        using var temp = new TempDirectory();
        CoverageReport report = CoverageLoader.Read(temp.Path, new[] { temp.Write("a.xml", CoverageMergeTests.Cobertura(Lines(Half, 4, 5, 3))) });

        using JsonDocument json = JsonDocument.Parse(ResultJsonWriter.WriteCoverage(report));
        JsonElement coverage = json.RootElement.GetProperty("coverage");
        JsonElement fileJson = coverage.GetProperty("files")[0];
        Assert.Equal(0.5, coverage.GetProperty("branchRate").GetDouble());
        Assert.Equal(6_000_000_000, fileJson.GetProperty("branchesValid").GetInt64());
        Assert.Equal(3_000_000_000, fileJson.GetProperty("branchesCovered").GetInt64());

        ConditionResult branch = GateEvaluator.Evaluate(new GateConfig(), new GateInputs { Coverage = report }).Conditions.Single(c => c.Id == "coverage.branch");
        Assert.Equal(new ConditionResult("coverage.branch", ConditionStatus.Warning, 0.5, 0.80, "Branch coverage is 50.0 %, below the target 80.0 %."), branch);
    }

    [Fact]
    public void OutcomesBeyondIntMaxOnOneLine_QGB0107()
    {
        using var temp = new TempDirectory();
        string file = temp.Write("a.xml", CoverageMergeTests.Cobertura(Lines("""condition-coverage="50% (1/2147483648)" """, 3)));

        QualityGateException ex = Assert.Throws<QualityGateException>(() => CoverageLoader.Read(temp.Path, new[] { file }));

        Assert.Equal("QGB0107", ex.Code);
        Assert.Contains("condition-coverage '50% (1/2147483648)'", ex.Message, StringComparison.Ordinal);
    }
}
