using QualityGates.Core.Coverage;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Coverage;

/// <summary>
/// dotnet test writes a new TestResults/&lt;guid&gt;/coverage.cobertura.xml every run and keeps the old ones: of the
/// runs of the same tests (one results folder, one set of packages) a glob finds, only the newest counts.
/// </summary>
public sealed class CoverageRunsTests : IDisposable
{
    private const string DefaultGlob = "**/TestResults/*/coverage.cobertura.xml";
    private const long Monday = 1_796_000_000;
    private const long Hour = 3600;
    private readonly TempDirectory repo = new();

    public void Dispose() => repo.Dispose();

    /// <summary>A coverlet-like report of src/A.cs (lines 1-4) in package <paramref name="package"/>; covered lines hit once.</summary>
    internal static string Report(long? timestamp, string package, params int[] covered)
    {
        string lines = string.Concat(Enumerable.Range(1, 4).Select(n => $"""<line number="{n}" hits="{(covered.Contains(n) ? 1 : 0)}" branch="False" />"""));
        string stamp = timestamp is long t ? $" timestamp=\"{t}\"" : string.Empty;
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <coverage line-rate="0" branch-rate="0" version="1.9"{stamp} lines-covered="0" lines-valid="4">
              <sources><source>src/</source></sources>
              <packages><package name="{package}"><classes>
                <class name="A" filename="A.cs"><methods /><lines>{lines}</lines></class>
              </classes></package></packages>
            </coverage>
            """;
    }

    private string Write(string relative, string content) => repo.Write(relative, content);

    private CoverageReport Load(List<string> notes, bool allRuns = false, params string[] patterns) =>
        CoverageLoader.Load(repo.Path, repo.Path, patterns.Length == 0 ? new[] { DefaultGlob } : patterns, notes, confineAll: true, allRuns: allRuns)!;

    private IEnumerable<string> Relative(IEnumerable<string> files) => files.Select(f => Path.GetRelativePath(repo.Path, f).Replace('\\', '/'));

    [Fact]
    public void EarlierRunsOfTheSameTests_AreLeftOut_TheNewestCounts()
    {
        // Three runs of one test project: the tests lost coverage of lines 2-4 since the first run.
        Write("tests/T/TestResults/aaa/coverage.cobertura.xml", Report(Monday, "Motor", 1, 2, 3, 4));
        Write("tests/T/TestResults/bbb/coverage.cobertura.xml", Report(Monday + Hour, "Motor", 1, 2));
        Write("tests/T/TestResults/ccc/coverage.cobertura.xml", Report(Monday + (2 * Hour), "Motor", 1));
        var notes = new List<string>();

        CoverageReport report = Load(notes);

        Assert.Equal(new[] { "tests/T/TestResults/ccc/coverage.cobertura.xml" }, Relative(report.Inputs));
        Assert.Equal(new CoverageFigures(4, 1, 0, 0), report.Totals);
        Assert.Equal(0.25, report.Totals.LineRate);
        Assert.Equal(new[]
        {
            "2 coverage files from earlier runs of the same tests were left out (the same results folder and packages as a newer run; only the newest run counts, --all-coverage merges every file): " +
            "'tests/T/TestResults/aaa/coverage.cobertura.xml', 'tests/T/TestResults/bbb/coverage.cobertura.xml'.",
        }, report.Notes);
    }

    [Fact]
    public void AllRuns_MergesEveryFile_AsBefore()
    {
        Write("tests/T/TestResults/aaa/coverage.cobertura.xml", Report(Monday, "Motor", 1, 2, 3, 4));
        Write("tests/T/TestResults/ccc/coverage.cobertura.xml", Report(Monday + (2 * Hour), "Motor", 1));
        var notes = new List<string>();

        CoverageReport report = Load(notes, allRuns: true);

        Assert.Equal(2, report.Inputs.Count);
        Assert.Equal(new CoverageFigures(4, 4, 0, 0), report.Totals);
        Assert.Empty(report.Notes);
    }

    [Fact]
    public void NewestByTimestamp_NotByNameOrFileTime()
    {
        // The older run sorts last by name and was written last (copied later); its timestamp still says it is older.
        string old = Write("tests/T/TestResults/zzz/coverage.cobertura.xml", Report(Monday, "Motor", 1, 2, 3, 4));
        string newer = Write("tests/T/TestResults/aaa/coverage.cobertura.xml", Report(Monday + Hour, "Motor", 1, 2));
        File.SetLastWriteTimeUtc(newer, new DateTime(2029, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(old, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var notes = new List<string>();

        CoverageReport report = Load(notes);

        Assert.Equal(new[] { "tests/T/TestResults/aaa/coverage.cobertura.xml" }, Relative(report.Inputs));
        Assert.Equal(new CoverageFigures(4, 2, 0, 0), report.Totals);
    }

    [Fact]
    public void TimestampAfterTheFileWasWritten_IsNoTimeOfTheRun_TheFileTimeDecides()
    {
        // A committed file claims the year 2100 to outrank the run the CI just made; it was written (checked out) earlier.
        string forged = Write("tests/T/TestResults/old/coverage.cobertura.xml", Report(4_102_444_800, "Motor", 1, 2, 3, 4));
        string real = Write("tests/T/TestResults/new/coverage.cobertura.xml", Report(Monday + Hour, "Motor", 1, 2));
        File.SetLastWriteTimeUtc(forged, DateTimeOffset.FromUnixTimeSeconds(Monday).UtcDateTime);
        File.SetLastWriteTimeUtc(real, DateTimeOffset.FromUnixTimeSeconds(Monday + Hour + 5).UtcDateTime);
        var notes = new List<string>();

        CoverageReport report = Load(notes);

        Assert.Equal(new[] { "tests/T/TestResults/new/coverage.cobertura.xml" }, Relative(report.Inputs));
        Assert.Equal(new CoverageFigures(4, 2, 0, 0), report.Totals);
    }

    [Fact]
    public void WithoutTimestamp_TheFileTimeDecides()
    {
        string old = Write("tests/T/TestResults/aaa/coverage.cobertura.xml", Report(null, "Motor", 1, 2, 3, 4));
        string newer = Write("tests/T/TestResults/bbb/coverage.cobertura.xml", Report(null, "Motor", 1, 2, 3));
        File.SetLastWriteTimeUtc(old, new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(newer, new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc));
        var notes = new List<string>();

        CoverageReport report = Load(notes);

        Assert.Equal(new[] { "tests/T/TestResults/bbb/coverage.cobertura.xml" }, Relative(report.Inputs));
        Assert.Equal(new CoverageFigures(4, 3, 0, 0), report.Totals);
    }

    [Fact]
    public void TwoTargetFrameworksOfOneRun_AreBothKept_TheirEarlierRunIsNot()
    {
        // Real coverlet output of one run of a multi-targeted test project (net8.0 and net10.0, 5 s apart), plus the
        // net8.0 file of a run a day earlier.
        string net8 = repo.CopyCoverage(TestFiles.Asset("Coverage/multitarget-net8.cobertura.xml"), "tests/Motor.Tests/TestResults/8b1f/coverage.cobertura.xml");
        repo.CopyCoverage(TestFiles.Asset("Coverage/multitarget-net10.cobertura.xml"), "tests/Motor.Tests/TestResults/c47e/coverage.cobertura.xml");
        Write("tests/Motor.Tests/TestResults/0a11/coverage.cobertura.xml",
            File.ReadAllText(net8).Replace("timestamp=\"1796322242\"", "timestamp=\"1796235842\"", StringComparison.Ordinal));
        var notes = new List<string>();

        CoverageReport report = Load(notes);

        Assert.Equal(new[] { "tests/Motor.Tests/TestResults/8b1f/coverage.cobertura.xml", "tests/Motor.Tests/TestResults/c47e/coverage.cobertura.xml" }, Relative(report.Inputs));
        Assert.Equal(new CoverageFigures(8, 8, 6, 3), report.Files["src/Motor/Claims.cs"].Figures);
        Assert.Equal(
            "1 coverage file from earlier runs of the same tests was left out (the same results folder and packages as a newer run; only the newest run counts, --all-coverage merges every file): " +
            "'tests/Motor.Tests/TestResults/0a11/coverage.cobertura.xml'.",
            report.Notes[0]);
    }

    [Fact]
    public void RunsJustOverTheSameRunWindowApart_AreEarlierRuns()
    {
        Write("tests/T/TestResults/aaa/coverage.cobertura.xml", Report(Monday, "Motor", 1, 2, 3, 4));
        Write("tests/T/TestResults/bbb/coverage.cobertura.xml", Report(Monday + CoverageRuns.SameRunSeconds, "Motor", 1, 2));
        Write("tests/T/TestResults/ccc/coverage.cobertura.xml", Report(Monday + CoverageRuns.SameRunSeconds + 1, "Motor", 1));
        var notes = new List<string>();

        CoverageReport report = Load(notes);

        // 300 s before the newest is the same run; 301 s is an earlier one.
        Assert.Equal(300, CoverageRuns.SameRunSeconds);
        Assert.Equal(new[] { "tests/T/TestResults/bbb/coverage.cobertura.xml", "tests/T/TestResults/ccc/coverage.cobertura.xml" }, Relative(report.Inputs));
        Assert.Equal(new CoverageFigures(4, 2, 0, 0), report.Totals);
    }

    [Fact]
    public void OtherTestProjects_WithTheSamePackages_AreKept()
    {
        // Two test projects of one library, each with its own TestResults folder, a week apart: both are the current
        // coverage of their project.
        Write("tests/Unit/TestResults/aaa/coverage.cobertura.xml", Report(Monday, "Motor", 1, 2));
        Write("tests/Integration/TestResults/bbb/coverage.cobertura.xml", Report(Monday + (168 * Hour), "Motor", 3));
        var notes = new List<string>();

        CoverageReport report = Load(notes);

        Assert.Equal(2, report.Inputs.Count);
        Assert.Equal(new CoverageFigures(4, 3, 0, 0), report.Totals);
        Assert.Empty(report.Notes);
    }

    [Fact]
    public void OneResultsFolder_OtherPackages_AreKept()
    {
        // dotnet test --results-directory TestResults: two test projects of two libraries share one results folder.
        Write("TestResults/aaa/coverage.cobertura.xml", Report(Monday, "Motor", 1, 2));
        Write("TestResults/bbb/coverage.cobertura.xml", Report(Monday + (2 * Hour), "Claims", 3));
        Write("TestResults/ccc/coverage.cobertura.xml", Report(Monday + (3 * Hour), "Claims", 4));
        var notes = new List<string>();

        CoverageReport report = Load(notes, false, "TestResults/*/coverage.cobertura.xml");

        Assert.Equal(new[] { "TestResults/aaa/coverage.cobertura.xml", "TestResults/ccc/coverage.cobertura.xml" }, Relative(report.Inputs));
        Assert.Equal(new CoverageFigures(4, 3, 0, 0), report.Totals);
        Assert.Equal(
            "1 coverage file from earlier runs of the same tests was left out (the same results folder and packages as a newer run; only the newest run counts, --all-coverage merges every file): " +
            "'TestResults/bbb/coverage.cobertura.xml'.",
            Assert.Single(report.Notes));
    }

    [Fact]
    public void FilesNamedOneByOne_AreAllKept()
    {
        Write("tests/T/TestResults/aaa/coverage.cobertura.xml", Report(Monday, "Motor", 1, 2, 3, 4));
        Write("tests/T/TestResults/bbb/coverage.cobertura.xml", Report(Monday + Hour, "Motor", 1));
        var notes = new List<string>();

        CoverageReport report = Load(notes, false, "tests/T/TestResults/aaa/coverage.cobertura.xml", "tests/T/TestResults/bbb/coverage.cobertura.xml");

        Assert.Equal(2, report.Inputs.Count);
        Assert.Equal(new CoverageFigures(4, 4, 0, 0), report.Totals);
        Assert.Empty(report.Notes);
    }

    [Fact]
    public void NamedFile_DoesNotPushOutTheGlobsRuns()
    {
        // A file named on its own takes no part: the glob's older run is judged against the glob's newer run only.
        Write("tests/T/TestResults/aaa/coverage.cobertura.xml", Report(Monday, "Motor", 1, 2));
        Write("tests/T/TestResults/bbb/coverage.cobertura.xml", Report(Monday + Hour, "Motor", 1));
        var notes = new List<string>();

        CoverageReport report = Load(notes, false, "tests/T/TestResults/bbb/coverage.cobertura.xml", "tests/T/TestResults/a*/coverage.cobertura.xml");

        Assert.Equal(new[] { "tests/T/TestResults/bbb/coverage.cobertura.xml", "tests/T/TestResults/aaa/coverage.cobertura.xml" }, Relative(report.Inputs));
        Assert.Equal(new CoverageFigures(4, 2, 0, 0), report.Totals);
    }

    [Fact]
    public void TruncatedEarlierRun_IsStillReported()
    {
        // A file that cannot be read cannot be placed in a run: it stays, and reading it says what is wrong (as before).
        Write("tests/T/TestResults/aaa/coverage.cobertura.xml", Report(Monday, "Motor", 1).Substring(0, 200));
        Write("tests/T/TestResults/bbb/coverage.cobertura.xml", Report(Monday + Hour, "Motor", 1));
        var notes = new List<string>();

        QualityGateException ex = Assert.Throws<QualityGateException>(() => Load(notes));

        Assert.Equal(QgbCodes.CoverageFileTruncated, ex.Code);
    }

    [Fact]
    public void EarlierRunWithADtd_IsStillRefused()
    {
        // DTDs stay prohibited while the runs are compared: the file is not taken apart, and reading refuses it.
        Write("tests/T/TestResults/aaa/coverage.cobertura.xml",
            Report(Monday, "Motor", 1).Replace("<coverage ", "<!DOCTYPE coverage [<!ENTITY x \"y\">]>\n<coverage ", StringComparison.Ordinal));
        Write("tests/T/TestResults/bbb/coverage.cobertura.xml", Report(Monday + Hour, "Motor", 1));
        var notes = new List<string>();

        QualityGateException ex = Assert.Throws<QualityGateException>(() => Load(notes));

        Assert.Equal(QgbCodes.CoverageDtdProhibited, ex.Code);
    }

    [Fact]
    public void ManyEarlierRuns_NameFiveAndCountTheRest()
    {
        for (int run = 0; run < 12; run++)
        {
            Write($"tests/T/TestResults/run{run:00}/coverage.cobertura.xml", Report(Monday + (run * Hour), "Motor", run == 11 ? new[] { 1 } : new[] { 1, 2, 3 }));
        }

        var notes = new List<string>();

        CoverageReport report = Load(notes);

        Assert.Equal(new[] { "tests/T/TestResults/run11/coverage.cobertura.xml" }, Relative(report.Inputs));
        Assert.Equal(0.25, report.Totals.LineRate);
        Assert.Equal(
            "11 coverage files from earlier runs of the same tests were left out (the same results folder and packages as a newer run; only the newest run counts, --all-coverage merges every file): " +
            "'tests/T/TestResults/run00/coverage.cobertura.xml', 'tests/T/TestResults/run01/coverage.cobertura.xml', 'tests/T/TestResults/run02/coverage.cobertura.xml', " +
            "'tests/T/TestResults/run03/coverage.cobertura.xml', 'tests/T/TestResults/run04/coverage.cobertura.xml' and 6 more.",
            Assert.Single(report.Notes));
    }
}
