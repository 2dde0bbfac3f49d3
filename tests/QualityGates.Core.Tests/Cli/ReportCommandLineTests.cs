using System.Text.Json;
using QualityGates.Cli;
using QualityGates.Core.History;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Cli;

/// <summary>qualitygate report and check --report, through the real command line with the fake engine.</summary>
public sealed class ReportCommandLineTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory repo = new TempDirectory().AsWorkTree();
    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();

    public ReportCommandLineTests()
    {
        repo.CopyCoverage(TestFiles.PricingCoverage, "tests/PricingTests/TestResults/1/coverage.cobertura.xml");
        repo.CopyCoverage(TestFiles.ClaimsCoverage, "tests/ClaimsTests/TestResults/2/coverage.cobertura.xml");
    }

    public void Dispose()
    {
        repo.Dispose();
        stdout.Dispose();
        stderr.Dispose();
    }

    private string At(string relative) => Path.Combine(repo.Path, relative);

    private int RunOn(string? branch, Func<string, string?>? environment, params string[] args)
    {
        HistoryResult history = Histories.With();
        history = history with { Info = history.Info with { Branch = branch } };
        return CommandLine.Run(args, new CliContext(stdout, stderr,
            () => new Engine(new FakeHistory(history), new FakeHotspots(new[] { Histories.Hotspot("src/Insurance/Pricing/PremiumCalculator.cs", 14) })),
            Now, repo.Path, ShowProgress: false, environment));
    }

    private int Run(params string[] args) => RunOn("feature", null, args);

    [Fact]
    public void ReportResult_TrendHistoryLinkedOutside_IsNotRead_QGB0202()
    {
        using var outside = new TempDirectory();
        outside.Write("history.jsonl", "{\"date\":\"2025-05-01T00:00:00+00:00\",\"lineRate\":0.5}\n");
        Assert.Equal(1, Run("check", "--json", At("result.json")));
        stdout.GetStringBuilder().Clear();
        if (!Links.TryDirectory(At(".qualitygate"), outside.Path))
        {
            return;
        }

        int exit = Run("report", "--result", At("result.json"));

        Assert.Equal(2, exit);
        Assert.StartsWith("error QGB0202: $.trend.file '.qualitygate/history.jsonl' leads outside the repository through a symbolic link", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(At("artifacts/qualitygate")));
    }

    [Fact]
    public void CheckWithJsonBesideAReport_LinksTheCoverageHtmlWhereItEndsUp_NotIntoTheStagingFolder()
    {
        // What the build does: the result JSON in obj/, the report with its coverage HTML elsewhere.
        int exit = Run("check", "--json", "obj/qualitygate/result.json", "--report", "TestResults/qualitygate");

        Assert.Equal(1, exit);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(At("obj/qualitygate/result.json")));
        string link = json.RootElement.GetProperty("coverage").GetProperty("htmlReport").GetString()!;
        Assert.Equal("../../TestResults/qualitygate/coverage/index.html", link);
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(At("obj/qualitygate"), link))));
    }

    [Fact]
    public void Report_RunsTheCheck_WritesEverythingToTheDefaultFolder_ExitsWithTheGate()
    {
        int exit = Run("report");

        Assert.Equal(1, exit);
        string output = At("artifacts/qualitygate");
        Assert.True(File.Exists(Path.Combine(output, "report.html")));
        Assert.StartsWith("## ❌ Quality gate failed\n", File.ReadAllText(Path.Combine(output, "report.md")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "coverage", "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "coverage", "Cobertura.xml")));
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "qualitygate-result.json")));
        Assert.Equal("coverage/index.html", json.RootElement.GetProperty("coverage").GetProperty("htmlReport").GetString());
        Assert.Equal("2025-06-01T00:00:00+00:00", json.RootElement.GetProperty("generatedAt").GetString());
        Assert.Contains("href=\"coverage/index.html\"", File.ReadAllText(Path.Combine(output, "report.html")), StringComparison.Ordinal);
        string text = stdout.ToString();
        Assert.StartsWith("Quality gate FAILED: 1 failed, 3 warning(s), 11 conditions.\n", text, StringComparison.Ordinal);
        Assert.Contains($"Report written: {Path.Combine(output, "report.html")} and {Path.Combine(output, "report.md")} (1 hotspots, 1 trend runs).", text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr.ToString());
        // A feature branch adds no trend point.
        Assert.False(File.Exists(At(".qualitygate/history.jsonl")));
    }

    [Fact]
    public void Report_PassingGate_Exit0_OutputFolderRelativeToTheCurrentDirectory()
    {
        repo.Write("qualitygate.json", """{ "conditions": { "coverage.line": { "fail": 0.7, "warn": 0.8 } } }""");

        Assert.Equal(0, Run("report", "--output", "out/r"));

        Assert.True(File.Exists(At("out/r/report.html")));
        Assert.True(File.Exists(At("out/r/coverage/index.html")));
    }

    [Fact]
    public void Report_OnTheMainBranch_RecordsTheTrend_AndDrawsIt()
    {
        Assert.Equal(1, RunOn("main", null, "report"));
        Assert.Equal(1, RunOn("main", null, "check"));
        Assert.Equal(1, RunOn("main", null, "report"));

        // Three runs on one commit: its record is replaced, never repeated.
        Assert.Single(File.ReadAllLines(At(".qualitygate/history.jsonl")));
        Assert.Equal(2, stdout.ToString().Split("(1 hotspots, 1 trend runs).").Length - 1);
        Assert.DoesNotContain("2 trend runs", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderOnly_FromAResult_Exit0_EvenForAFailedGate_ReadsTheDefaultHistory()
    {
        Assert.Equal(1, Run("check", "--json", "result.json"));
        repo.Write(".qualitygate/history.jsonl",
            """{"date":"2025-05-01T00:00:00+00:00","commit":"aaa111","passed":true,"lineRate":0.8}""" + "\n"
            + """{"date":"2025-05-15T00:00:00+00:00","commit":"bbb222","passed":false,"lineRate":0.7}""" + "\n");
        stdout.GetStringBuilder().Clear();

        int exit = Run("report", "--result", "result.json", "--output", "rendered");

        Assert.Equal(0, exit);
        Assert.Equal($"Report written: {At("rendered/report.html")} and {At("rendered/report.md")} (1 hotspots, 3 trend runs).\n", stdout.ToString().ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, stderr.ToString());
        Assert.False(File.Exists(At("rendered/qualitygate-result.json")));
    }

    [Theory]
    [InlineData("histroy.jsonl", "does not exist")]
    [InlineData("folder", "is a folder")]
    public void ExplicitHistoryThatIsNoFile_QGB0605_NothingWritten(string history, string what)
    {
        Run("check", "--json", "result.json");
        Directory.CreateDirectory(At("folder"));
        stdout.GetStringBuilder().Clear();

        Assert.Equal(2, Run("report", "--result", "result.json", "--history", history, "--output", "r"));

        Assert.Equal(
            $"error QGB0605: trend history '{At(history)}' {what}: pass a history file (trend.file of qualitygate.json, .qualitygate/history.jsonl by default), or leave out --history\n",
            stderr.ToString().ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(At("r")));
    }

    [Fact]
    public void ReportRunningTheCheck_DrawsTheGivenHistory_RecordsTheRunInTheRepositorysOwn()
    {
        string line = "{\"commit\":\"0000000000000000000000000000000000000001\",\"date\":\"2025-05-01T00:00:00+00:00\",\"lineRate\":0.5}\n";
        repo.Write("other.jsonl", line);

        int exit = RunOn("main", null, "report", "--history", "other.jsonl", "--output", "r");

        Assert.Equal(1, exit);
        Assert.Equal(line, File.ReadAllText(At("other.jsonl")));
        Assert.Single(File.ReadAllLines(At(".qualitygate/history.jsonl")));
        Assert.Contains("(1 hotspots, 2 trend runs).", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderOnly_ExplicitHistory_BadLinesWarnOnStderr()
    {
        Run("check", "--json", "result.json");
        repo.Write("h.jsonl", "not json\n");
        stdout.GetStringBuilder().Clear();

        Assert.Equal(0, Run("report", "--result", "result.json", "--history", "h.jsonl", "--output", "r"));

        Assert.Equal($"warning QGB0605: 1 unreadable line(s) of the trend history '{At("h.jsonl")}' were skipped\n", stderr.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("(1 hotspots, 1 trend runs).", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("QGB0601", "report", "--result", "missing.json")]
    [InlineData("QGB0001", "report", "--result", "r.json", "--coverage", "x.xml")]
    [InlineData("QGB0001", "report", "--result", "r.json", "--base", "origin/main")]
    [InlineData("QGB0001", "report", "--bogus")]
    [InlineData("QGB0204", "report", "--config", "nope.json")]
    [InlineData("QGB0002", "report", "--repo", "does/not/exist")]
    public void Report_InputErrors_Exit2(string code, params string[] args)
    {
        Assert.Equal(2, Run(args));

        Assert.StartsWith("error " + code + ": ", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderOnly_NotAResult_Exit2_QGB0603()
    {
        repo.Write("r.json", """{ "passed": true }""");

        Assert.Equal(2, Run("report", "--result", "r.json"));

        Assert.StartsWith("error QGB0603: ", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout.ToString());
    }

    [Fact]
    public void Check_WithReport_WritesTheSameFiles_KeepsTheGateExitCode()
    {
        int exit = Run("check", "--report", "build/qg", "--markdown", "summary.md");

        Assert.Equal(1, exit);
        foreach (string file in new[] { "report.html", "report.md", "qualitygate-result.json", "coverage/index.html" })
        {
            Assert.True(File.Exists(At("build/qg/" + file)), file);
        }

        Assert.True(File.Exists(At("summary.md")));
    }

    [Fact]
    public void Check_WithReportAndJsonOnStdout_KeepsStdoutParseable()
    {
        Assert.Equal(1, Run("check", "--json", "-", "--report", "qg"));

        using JsonDocument json = JsonDocument.Parse(stdout.ToString());
        // On stdout the JSON has no folder, so no coverage link; the copy in the report folder has one.
        Assert.False(json.RootElement.GetProperty("coverage").TryGetProperty("htmlReport", out _));
        Assert.StartsWith("Report written: ", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_JsonFile_LinksTheCoverageHtmlRelativeToItself()
    {
        Run("check", "--json", "out/result.json", "--coverage-report", "out/coverage-html");

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(At("out/result.json")));
        Assert.Equal("coverage-html/index.html", json.RootElement.GetProperty("coverage").GetProperty("htmlReport").GetString());
    }

    [Theory]
    [InlineData("true", "feature", true)]
    [InlineData("TRUE", null, true)]
    [InlineData("False", "main", false)]
    [InlineData("false", "main", false)]
    [InlineData("", "main", true)]
    [InlineData(null, "main", true)]
    [InlineData(null, "feature", false)]
    public void RecordTrendVariable_OverridesTheBranchRule(string? value, string? branch, bool recorded)
    {
        RunOn(branch, name => name == "QUALITYGATE_RECORD_TREND" ? value : null, "check");

        Assert.Equal(recorded, File.Exists(At(".qualitygate/history.jsonl")));
    }

    [Theory]
    [InlineData("sometimes")]
    [InlineData("1")]
    [InlineData("yes")]
    [InlineData("0")]
    [InlineData(" true")]
    public void RecordTrendVariable_BadValue_Exit2(string value)
    {
        Assert.Equal(2, RunOn("main", name => name == "QUALITYGATE_RECORD_TREND" ? value : null, "check"));

        Assert.Equal($"error QGB0001: QUALITYGATE_RECORD_TREND is '{value}': set it to true or false.\n", stderr.ToString().ReplaceLineEndings("\n"));
        Assert.False(File.Exists(At(".qualitygate/history.jsonl")));
    }

    [Fact]
    public void Baseline_RecordsNoTrend()
    {
        Assert.Equal(0, RunOn("main", null, "baseline"));

        Assert.False(File.Exists(At(".qualitygate/history.jsonl")));
    }

    [Fact]
    public void TrendHistoryNotWritable_CheckPrintsTheVerdictAndWritesItsFilesFirst_ThenQGB0605_Exit2()
    {
        // A committed file where the trend folder goes: the finished verdict was thrown away with the record.
        repo.Write(".qualitygate", "x\n");

        int exit = RunOn("main", null, "check", "--json", At("out/result.json"), "--markdown", At("out/summary.md"));

        Assert.Equal(2, exit);
        Assert.StartsWith("Quality gate FAILED: 1 failed", stdout.ToString(), StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(At("out/result.json")));
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.True(File.Exists(At("out/summary.md")));
        string[] errors = stderr.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, errors.Length);
        Assert.StartsWith($"error QGB0605: trend history '{At(".qualitygate/history.jsonl")}' could not be written (", errors[0], StringComparison.Ordinal);
        Assert.Equal("The gate failed (verdict above); this run was not recorded in the trend history.", errors[1]);
        Assert.Equal("x\n", File.ReadAllText(At(".qualitygate")));
    }

    [Fact]
    public void TrendHistoryNotWritable_ReportPrintsTheVerdictFirst_ThenQGB0605_Exit2()
    {
        repo.Write(".qualitygate", "x\n");

        int exit = RunOn("main", null, "report", "--output", At("out"));

        Assert.Equal(2, exit);
        Assert.StartsWith("Quality gate FAILED: 1 failed", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains($"error QGB0605: trend history '{At(".qualitygate/history.jsonl")}' could not be written (", stderr.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("The gate failed (verdict above); this run was not recorded in the trend history.\n", stderr.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal("x\n", File.ReadAllText(At(".qualitygate")));
    }
}
