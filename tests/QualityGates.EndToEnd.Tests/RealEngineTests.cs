using System.Text.Json;
using QualityGates.EndToEnd.Tests.Infrastructure;

namespace QualityGates.EndToEnd.Tests;

/// <summary>
/// The package as a user gets it, the real engine included: git history, coverlet coverage, the verdict.
/// Written against the engine contract (issue 3); they need the engine's `qualitygate check`.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class RealEngineTests
{
    private readonly ConsumerSolution _motor;

    public RealEngineTests(PackageFeedFixture feed)
    {
        _motor = feed.Motor;
        GateScenarioTests.ResetGateState(_motor);
    }

    private string ResultFile => Path.Combine(_motor.Directory, "tests", "Motor.Smoke.Tests", "obj", "qualitygate", "result.json");

    [Fact]
    public void CleanSolution_Passes_AndWritesItsReports()
    {
        _motor.ReviewedHistory();
        var run = _motor.Test();

        Assert.True(run.ExitCode == 0, run.ToString());
        GateScenarioTests.AssertNoStackTrace(run);
        Assert.Contains("Quality gate passed", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error QGB", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(_motor.SummaryFile), "Markdown summary missing");
        // The tech lead's report lands beside the summary: HTML, Markdown and ReportGenerator's coverage HTML.
        var reports = Path.GetDirectoryName(_motor.SummaryFile)!;
        Assert.True(File.Exists(Path.Combine(reports, "report.html")), "report.html missing");
        Assert.True(File.Exists(Path.Combine(reports, "report.md")), "report.md missing");
        Assert.True(File.Exists(Path.Combine(reports, "coverage", "index.html")), "coverage HTML missing");
        using var result = JsonDocument.Parse(File.ReadAllText(ResultFile));
        Assert.Equal(1, result.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.True(result.RootElement.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public void UncoveredPremiumCalculation_FailsOnCriticalCoverage()
    {
        _motor.ReviewedHistory();
        // The premium tests are not run: PremiumCalculator ([PremiumCalculation]) is left uncovered.
        var run = _motor.Test(null, true, "--filter", "FullyQualifiedName!~PremiumCalculatorTests");

        Assert.Equal(1, run.ExitCode);
        GateScenarioTests.AssertNoStackTrace(run);
        // Reported at the uncovered pricing file, so the IDE error list and CI logs point at it.
        Assert.Matches(@"PremiumCalculator\.cs : QualityGate error QGB1004: coverage\.critical: Pricing and underwriting code \(2 files\): line coverage 14\.3 %.*\(actual 14\.3 %, threshold 90\.0 %\)", run.Output);
    }

    [Fact]
    public void UnreviewedDirectPushes_FailOnReviewCoverage()
    {
        _motor.DirectPushHistory();
        var run = _motor.Test();

        Assert.Equal(1, run.ExitCode);
        GateScenarioTests.AssertNoStackTrace(run);
        // 1 of 26 human landings is reviewed: the import commit "(#99)".
        Assert.Matches(@"error QGB1101: reviews\.coverage: Review coverage is 3\.8 %, below the required 90\.0 % \(n = 26 human landings over 90 days.*\(actual 3\.8 %, threshold 90\.0 %\)", run.Output);
    }

    [Fact]
    public void ShallowClone_SaysFullHistoryIsNeeded()
    {
        _motor.ShallowHistory();
        var run = _motor.Test();

        GateScenarioTests.AssertNoStackTrace(run);
        Assert.Matches(@"warning QGB9103: history truncated: fetch-depth 0 needed", run.Output);
    }

    [Fact]
    public void NoGitRepository_SaysSo_WithoutACrash()
    {
        _motor.RemoveGit();
        try
        {
            var run = _motor.Test();

            GateScenarioTests.AssertNoStackTrace(run);
            Assert.Matches(@"warning QGB9103: no git repository: review and hotspot figures need git history", run.Output);
        }
        finally
        {
            _motor.ReviewedHistory();
        }
    }
}
