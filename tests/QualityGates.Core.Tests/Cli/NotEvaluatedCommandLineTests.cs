using System.Text.Json;
using QualityGates.Cli;
using QualityGates.Core.History;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Cli;

/// <summary>
/// With nothing to judge, check printed "Quality gate PASSED" and exited 0: a CI gate that fails open. Now the verdict
/// says NOT EVALUATED, and --require-coverage (or coverage.required) makes it error QGB0109, exit 2.
/// </summary>
public sealed class NotEvaluatedCommandLineTests : IDisposable
{
    private const string NoFileLine =
        "Quality gate NOT EVALUATED: 0 failed, 3 warning(s), 11 conditions; no coverage data (no coverage file was found), " +
        "so coverage.line, coverage.branch, coverage.newCode and coverage.critical were not judged.\n";

    private const string RequiredByOption =
        "error QGB0109: no coverage data: no coverage file was found, and coverage is required (--require-coverage). " +
        "Run the tests with coverage first (dotnet test --collect \"XPlat Code Coverage\", coverlet.collector in the test projects) in this repository, " +
        "or fix --coverage / coverage.files (see the notes).\n" +
        "The gate was not evaluated (verdict above); coverage is required, and this run had none.\n";

    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory repo = new TempDirectory().AsWorkTree();
    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();

    public void Dispose()
    {
        repo.Dispose();
        stdout.Dispose();
        stderr.Dispose();
    }

    private string At(string relative) => Path.Combine(repo.Path, relative);

    private int Run(params string[] args)
    {
        // On main: a run that is recorded in the trend history unless something stops it.
        HistoryResult history = Histories.With();
        history = history with { Info = history.Info with { Branch = "main" } };
        return CommandLine.Run(args, new CliContext(stdout, stderr,
            () => new Engine(new FakeHistory(history), new FakeHotspots(Array.Empty<Core.Hotspots.Hotspot>())), Now, repo.Path, ShowProgress: false));
    }

    [Fact]
    public void NoCoverageFile_NotEvaluated_NeverPassed_Exit0()
    {
        int exit = Run("check");

        Assert.Equal(0, exit);
        string text = stdout.ToString();
        Assert.StartsWith(NoFileLine, text, StringComparison.Ordinal);
        Assert.DoesNotContain("PASSED", text, StringComparison.Ordinal);
        Assert.Contains("  note: No coverage file matched '**/TestResults/*/coverage.cobertura.xml'.\n", text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public void NotEvaluated_IsRecordedInTheTrend_WithoutAVerdict()
    {
        Assert.Equal(0, Run("check"));

        string record = Assert.Single(File.ReadAllLines(At(".qualitygate/history.jsonl")));
        Assert.DoesNotContain("\"passed\"", record, StringComparison.Ordinal);
        Assert.Contains("\"failedConditions\":0", record, StringComparison.Ordinal);
    }

    [Fact]
    public void CoverageFromAnotherCheckout_NotEvaluated_SaysTheFilesHadNothingOfThisRepository()
    {
        // Coverage of the same tests run in /agent/_work/1/s (another machine's checkout): no source is in this repository.
        repo.Write("tests/T/TestResults/1/coverage.cobertura.xml", TestFiles.CoverageFor(TestFiles.PricingCoverage, "/agent/_work/1/s"));

        int exit = Run("check");

        Assert.Equal(0, exit);
        string text = stdout.ToString();
        Assert.StartsWith(
            "Quality gate NOT EVALUATED: 0 failed, 3 warning(s), 11 conditions; no coverage data (the 1 coverage file found has no coverable line of this repository), " +
            "so coverage.line, coverage.branch, coverage.newCode and coverage.critical were not judged.\n", text, StringComparison.Ordinal);
        Assert.Contains("  note: 2 source files outside the repository were left out of coverage (QGB0108: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireCoverage_NoCoverage_QGB0109_Exit2_AfterTheVerdictAndTheFiles()
    {
        int exit = Run("check", "--require-coverage", "--json", "out/result.json", "--markdown", "out/summary.md");

        Assert.Equal(2, exit);
        Assert.StartsWith(NoFileLine, stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(RequiredByOption, stderr.ToString().ReplaceLineEndings("\n"));
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(At("out/result.json")));
        Assert.Equal(
            new[] { "coverage.line", "coverage.branch", "coverage.newCode", "coverage.critical" },
            json.RootElement.GetProperty("notEvaluated").GetProperty("conditions").EnumerateArray().Select(c => c.GetString()));
        Assert.StartsWith("## Quality gate: **not evaluated** (0 failed, 3 warning(s))\n", File.ReadAllText(At("out/summary.md")), StringComparison.Ordinal);
        // A run that lacks what it requires is no point of the trend.
        Assert.False(File.Exists(At(".qualitygate/history.jsonl")));
    }

    [Fact]
    public void RequireCoverage_WithCoverage_JudgesAsUsual()
    {
        repo.CopyCoverage(TestFiles.PricingCoverage, "tests/PricingTests/TestResults/1/coverage.cobertura.xml");

        int exit = Run("check", "--require-coverage");

        Assert.Equal(1, exit);
        Assert.StartsWith("Quality gate FAILED: 1 failed, 3 warning(s), 11 conditions.\n", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public void CoverageRequiredInTheConfig_QGB0109_NamesTheKey()
    {
        repo.Write("qualitygate.json", """{ "coverage": { "required": true } }""");

        int exit = Run("check");

        Assert.Equal(2, exit);
        Assert.Equal(
            "error QGB0109: no coverage data: no coverage file was found, and coverage is required (coverage.required in qualitygate.json). " +
            "Run the tests with coverage first (dotnet test --collect \"XPlat Code Coverage\", coverlet.collector in the test projects) in this repository, " +
            "or fix --coverage / coverage.files (see the notes).\n" +
            "The gate was not evaluated (verdict above); coverage is required, and this run had none.\n",
            stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void CoverageRequiredNotABoolean_QGB0202()
    {
        repo.Write("qualitygate.json", """{ "coverage": { "required": "yes" } }""");

        Assert.Equal(2, Run("check"));

        Assert.StartsWith("error QGB0202: ", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("$.coverage.required", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RequireCoverage_AnotherConditionFailed_SaysFailed_Exit2()
    {
        repo.Write("qualitygate.json", """{ "conditions": { "reviews.coverage": { "fail": 0.99, "warn": 0.99 } } }""");

        int exit = Run("check", "--require-coverage");

        Assert.Equal(2, exit);
        Assert.StartsWith(
            "Quality gate FAILED: 1 failed, 3 warning(s), 11 conditions; no coverage data (no coverage file was found), " +
            "so coverage.line, coverage.branch, coverage.newCode and coverage.critical were not judged.\n", stdout.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("The gate failed (verdict above); coverage is required, and this run had none.\n", stderr.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_NotEvaluated_TheReportSaysSo_RequireCoverageExit2()
    {
        int exit = Run("report", "--require-coverage");

        Assert.Equal(2, exit);
        Assert.StartsWith(NoFileLine, stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(RequiredByOption, stderr.ToString().ReplaceLineEndings("\n"));
        Assert.StartsWith("## ❔ Quality gate not evaluated\n", File.ReadAllText(At("artifacts/qualitygate/report.md")), StringComparison.Ordinal);
        Assert.Contains("<h1>Quality gate not evaluated</h1>", File.ReadAllText(At("artifacts/qualitygate/report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_RequireCoverage_NoCoverage_QGB0109_NothingWritten()
    {
        int exit = Run("baseline", "--require-coverage");

        Assert.Equal(2, exit);
        Assert.StartsWith("error QGB0109: no coverage data: no coverage file was found, and coverage is required (--require-coverage).", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(At("qualitygate.baseline.json")));
        Assert.Equal(string.Empty, stdout.ToString());
    }
}
