using QualityGates.Cli;
using QualityGates.Core.History;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Cli;

/// <summary>
/// Where report and coverage output goes: a folder qualitygate.json or a committed link chose stays inside the
/// repository; a link inside the report folder is never written through; and the folder is written as a set, so a
/// failed run leaves no new file beside old ones and still shows the verdict.
/// </summary>
public sealed class ReportOutputFolderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory repo = new TempDirectory().AsWorkTree();
    private readonly TempDirectory outside = new();
    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();

    public ReportOutputFolderTests()
    {
        repo.CopyCoverage(TestFiles.PricingCoverage, "tests/PricingTests/TestResults/1/coverage.cobertura.xml");
        outside.Write("index.html", "mine\n");
    }

    public void Dispose()
    {
        repo.Dispose();
        outside.Dispose();
        stdout.Dispose();
        stderr.Dispose();
    }

    private string At(string relative) => Path.Combine(repo.Path, relative);

    private int Run(params string[] args)
    {
        HistoryResult history = Histories.With();
        return CommandLine.Run(args, new CliContext(stdout, stderr,
            () => new Engine(new FakeHistory(history), new FakeHotspots(new[] { Histories.Hotspot("src/Insurance/Pricing/PremiumCalculator.cs", 14) })),
            Now, repo.Path, ShowProgress: false));
    }

    private void AssertOutsideUntouched()
    {
        Assert.Equal(new[] { Path.Combine(outside.Path, "index.html") }, Directory.GetFileSystemEntries(outside.Path));
        Assert.Equal("mine\n", File.ReadAllText(Path.Combine(outside.Path, "index.html")));
    }

    [Fact]
    public void ConfiguredCoverageReportDirectoryOutside_QGB0202_NothingWritten()
    {
        string escaped = Path.GetRelativePath(repo.Path, outside.Path).Replace('\\', '/');
        repo.Write("qualitygate.json", $$"""{ "coverage": { "reportDirectory": "{{escaped}}" } }""");

        Assert.Equal(2, Run("check"));

        Assert.Equal($"error QGB0202: $.coverage.reportDirectory '{escaped}' is outside the repository. Give a folder inside it, e.g. artifacts/coverage, or null to write no coverage report.\n",
            stderr.ToString().ReplaceLineEndings("\n"));
        AssertOutsideUntouched();
    }

    [Fact]
    public void ConfiguredCoverageReportDirectoryThroughALinkOutside_QGB0202_NothingWritten()
    {
        if (!Links.TryDirectory(At("build"), outside.Path))
        {
            return;
        }

        repo.Write("qualitygate.json", """{ "coverage": { "reportDirectory": "build/coverage" } }""");

        Assert.Equal(2, Run("check"));

        Assert.StartsWith($"error QGB0202: $.coverage.reportDirectory 'build/coverage' leads outside the repository through a symbolic link to '{RealPaths.Resolve(outside.Path)}", stderr.ToString(), StringComparison.Ordinal);
        AssertOutsideUntouched();
    }

    [Fact]
    public void ConfiguredCoverageReportDirectoryInsideTheRepository_IsWritten()
    {
        repo.Write("qualitygate.json", """{ "coverage": { "reportDirectory": "build/coverage" } }""");

        Assert.Equal(1, Run("check"));

        Assert.True(File.Exists(At("build/coverage/index.html")));
        Assert.Empty(Directory.GetDirectories(At("build"), ".coverage.tmp-*"));
    }

    [Fact]
    public void DefaultReportFolderThroughACommittedLinkOutside_QGB0006_NothingWritten()
    {
        if (!Links.TryDirectory(At("artifacts"), outside.Path))
        {
            return;
        }

        Assert.Equal(2, Run("report"));

        Assert.Equal(
            $"error QGB0006: The report folder 'artifacts/qualitygate' leads outside the repository through a symbolic link to '{Path.Combine(RealPaths.Resolve(outside.Path)!, "qualitygate")}': " +
            "the gate neither reads nor writes it. Replace the link with a file or folder inside the repository, or: Pass the folder with --output.\n",
            stderr.ToString().ReplaceLineEndings("\n"));
        AssertOutsideUntouched();
    }

    [Theory]
    [InlineData("report", "--output", "out")]
    [InlineData("check", "--report", "out")]
    public void CommittedCoverageLinkInsideTheChosenFolder_IsNotWrittenThrough_QGB0604_VerdictShown(params string[] args)
    {
        if (!Links.TryDirectory(At("out/coverage"), outside.Path))
        {
            return;
        }

        Assert.Equal(2, Run(args));

        Assert.StartsWith("Quality gate FAILED: ", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            $"error QGB0604: the report could not be written to '{At("out")}' ('{At("out/coverage")}' is a symbolic link (to '{outside.Path}'): the output is never written through a link. Remove the link.); nothing of it was moved there: pass a writable output folder\n" +
            $"The gate failed (verdict above); the report was not written to '{At("out")}'.\n",
            stderr.ToString().ReplaceLineEndings("\n"));
        AssertOutsideUntouched();
        Assert.Equal(new[] { At("out/coverage") }, Directory.GetFileSystemEntries(At("out")));
        Assert.Equal(new[] { At("out") }, Directory.GetFileSystemEntries(repo.Path, "out*").Concat(Directory.GetFileSystemEntries(repo.Path, ".out*")));
    }

    [Fact]
    public void ReportHtmlIsAFolder_NothingNewBesideTheOldReport_VerdictShown_Exit2()
    {
        Directory.CreateDirectory(At("out/report.html"));
        repo.Write("out/report.md", "STALE report.md of last week\n");
        repo.Write("out/qualitygate-result.json", "{\"stale\":true}\n");

        Assert.Equal(2, Run("report", "--output", "out"));

        Assert.StartsWith("Quality gate FAILED: ", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            $"error QGB0604: the report could not be written to '{At("out")}' ('{At("out/report.html")}' is a folder where a file is written. Remove or rename it.); nothing of it was moved there: pass a writable output folder\n" +
            $"The gate failed (verdict above); the report was not written to '{At("out")}'.\n",
            stderr.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("STALE report.md of last week\n", File.ReadAllText(At("out/report.md")));
        Assert.Equal("{\"stale\":true}\n", File.ReadAllText(At("out/qualitygate-result.json")));
        Assert.Empty(Directory.GetFileSystemEntries(At("out/report.html")));
        Assert.False(Directory.Exists(At("out/coverage")));
        Assert.Empty(Directory.GetDirectories(repo.Path, ".out.tmp-*"));
    }

    [Fact]
    public void RenderOnly_ReportMdIsAFolder_TheOldReportHtmlIsKept()
    {
        Assert.Equal(1, Run("check", "--json", At("result.json")));
        repo.Write("out/report.html", "old html\n");
        Directory.CreateDirectory(At("out/report.md"));
        stdout.GetStringBuilder().Clear();

        Assert.Equal(2, Run("report", "--result", "result.json", "--output", "out"));

        Assert.Equal("old html\n", File.ReadAllText(At("out/report.html")));
        Assert.StartsWith($"error QGB0604: the report could not be written to '{At("out")}' ('{At("out/report.md")}' is a folder where a file is written.", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout.ToString());
    }
}
