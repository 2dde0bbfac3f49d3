using System.Text.Json;
using QualityGates.Cli;
using QualityGates.Core.Tests.Coverage;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Cli;

/// <summary>
/// The commands judge the newest run of each test project's TestResults folder, as the build does, and say which
/// files of earlier runs they left out; --all-coverage merges them all.
/// </summary>
public sealed class CoverageRunsCommandLineTests : IDisposable
{
    private const long Monday = 1_796_000_000;
    private const string Note =
        "note: 2 coverage files from earlier runs of the same tests were left out (the same results folder and packages as a newer run; only the newest run counts, --all-coverage merges every file): " +
        "'tests/T/TestResults/aaa/coverage.cobertura.xml', 'tests/T/TestResults/bbb/coverage.cobertura.xml'.";

    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory repo = new();
    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();

    public CoverageRunsCommandLineTests()
    {
        // Three runs of one test project: 100 %, 75 %, then 50 % now. Merged, the old runs said 100 %.
        repo.Write("tests/T/TestResults/aaa/coverage.cobertura.xml", CoverageRunsTests.Report(Monday, "Motor", 1, 2, 3, 4));
        repo.Write("tests/T/TestResults/bbb/coverage.cobertura.xml", CoverageRunsTests.Report(Monday + 3600, "Motor", 1, 2, 3));
        repo.Write("tests/T/TestResults/ccc/coverage.cobertura.xml", CoverageRunsTests.Report(Monday + 7200, "Motor", 1, 2));
    }

    public void Dispose()
    {
        repo.Dispose();
        stdout.Dispose();
        stderr.Dispose();
    }

    private int Run(params string[] args) => CommandLine.Run(args, new CliContext(stdout, stderr,
        () => new Engine(new FakeHistory(Histories.With()), new FakeHotspots(Array.Empty<Core.Hotspots.Hotspot>())), Now, repo.Path, ShowProgress: false));

    [Fact]
    public void Check_JudgesTheNewestRun_AndSaysWhatItLeftOut()
    {
        int exit = Run("check", "--repo", repo.Path);

        Assert.Equal(1, exit);
        string text = stdout.ToString();
        Assert.Contains("  FAIL  coverage.line          Line coverage is 50.0 %, below the required 80.0 %.\n", text, StringComparison.Ordinal);
        Assert.Contains("  " + Note + "\n", text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public void Check_AllCoverage_MergesEveryRun()
    {
        int exit = Run("check", "--repo", repo.Path, "--all-coverage", "--json", "-");

        Assert.Equal(0, exit);
        using JsonDocument json = JsonDocument.Parse(stdout.ToString());
        Assert.Equal(1.0, json.RootElement.GetProperty("coverage").GetProperty("lineRate").GetDouble());
        Assert.DoesNotContain(json.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("earlier runs", StringComparison.Ordinal));
    }

    [Fact]
    public void Coverage_CommandLineGlob_JudgesTheNewestRun()
    {
        Assert.Equal(0, Run("coverage", "--repo", repo.Path, "--coverage", "tests/*/TestResults/*/coverage.cobertura.xml"));

        Assert.Equal("Coverage of 1 file(s) from 1 report(s): line 50.0 % (2/4), branch n/a (0/0).\n  " + Note + "\n", stdout.ToString());
    }

    [Fact]
    public void Coverage_AllCoverage_MergesEveryRun()
    {
        Assert.Equal(0, Run("coverage", "--repo", repo.Path, "--all-coverage"));

        Assert.Equal("Coverage of 1 file(s) from 3 report(s): line 100.0 % (4/4), branch n/a (0/0).\n", stdout.ToString());
    }

    [Fact]
    public void Report_WithResult_AllCoverageBelongsToACheck_QGB0001()
    {
        repo.Write("result.json", """{ "schemaVersion": 1, "passed": true, "conditions": [] }""");

        Assert.Equal(2, Run("report", "--repo", repo.Path, "--result", "result.json", "--all-coverage"));

        Assert.Equal(
            "error QGB0001: --result renders an existing result: --coverage, --all-coverage, --require-coverage, --sarif and --base belong to a check. Leave out --result to run the check.\n",
            stderr.ToString().ReplaceLineEndings("\n"));
    }
}
