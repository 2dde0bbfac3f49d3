using QualityGates.Core.Coverage;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Coverage;

/// <summary>
/// Coverage written on a Windows build agent, judged in another checkout: drive-letter, UNC and file:// paths not
/// under the repository are mapped by the longest suffix that exists in it, then merged by the maximum per line.
/// </summary>
public sealed class ForeignSourcePathTests : IDisposable
{
    // Four coverable lines as coverlet writes them on Linux: 3 and 4 covered, 4 with one of two outcomes.
    private const string LinuxLines = """
        <line number="3" hits="5" branch="false" />
        <line number="4" hits="5" branch="true" condition-coverage="50% (1/2)"><conditions><condition number="0" type="jump" coverage="50%" /></conditions></line>
        <line number="5" hits="0" branch="false" />
        <line number="7" hits="0" branch="false" />
        """;

    private readonly TempDirectory repo = new();

    public ForeignSourcePathTests()
    {
        repo.Write("src/A.cs", "class A { }\n");
    }

    public void Dispose() => repo.Dispose();

    private string Windows(string source, string filename, string name = "win.xml") =>
        repo.Write(name, CoverageMergeTests.Cobertura("""<line number="3" hits="1" />""", source, filename));

    private string Linux() => repo.Write("linux.xml", CoverageMergeTests.Cobertura(LinuxLines, repo.Path + "/", "src/A.cs"));

    private CoverageReport Read(params string[] files) => CoverageLoader.Read(repo.Path, files);

    [Fact]
    public void WindowsAgentSource_Alone_MapsToTheRepositoryFile()
    {
        CoverageReport report = Read(Windows(@"C:\agent\_work\1\s\", @"src\A.cs"));

        Assert.Equal(new[] { "src/A.cs" }, report.Files.Keys);
        Assert.Equal(new CoverageFigures(1, 1, 0, 0), report.Totals);
        Assert.Empty(report.Notes);
    }

    [Fact]
    public void LinuxReport_Alone()
    {
        CoverageReport report = Read(Linux());

        Assert.Equal(new CoverageFigures(4, 2, 2, 1), report.Totals);
        Assert.Equal(0.5, report.Totals.LineRate);
    }

    [Fact]
    public void WindowsAndLinuxReports_MergeIntoOneFile_ByMaximumPerLine()
    {
        CoverageReport report = Read(Windows(@"C:\agent\_work\1\s\", @"src\A.cs"), Linux());

        // One file, not two: line 3 is max(1, 5) hits, never 3/5 lines over two paths.
        Assert.Equal(new[] { "src/A.cs" }, report.Files.Keys);
        Assert.Equal(new CoverageFigures(4, 2, 2, 1), report.Totals);
        Assert.Equal(0.5, report.Totals.LineRate);
        Assert.True(report.Files["src/A.cs"].TryGetLine(3, out LineCoverage line));
        Assert.Equal(5, line.Hits);
        Assert.Empty(report.Notes);
    }

    [Fact]
    public void WindowsReportCoveringAnotherLine_AddsItToTheMerge()
    {
        string windows = repo.Write("win.xml", CoverageMergeTests.Cobertura("""<line number="5" hits="2" />""", @"D:\a\r\r\", @"src\A.cs"));

        CoverageReport report = Read(windows, Linux());

        Assert.Equal(new CoverageFigures(4, 3, 2, 1), report.Totals);
        Assert.Equal(0.75, report.Totals.LineRate);
    }

    [Theory]
    [InlineData(@"C:\agent\_work\1\s\src\", "A.cs")]                 // coverlet's source: the deepest common folder
    [InlineData("", @"C:\build\r\src\A.cs")]                          // absolute filename, empty source
    [InlineData(@"\\server\share\", @"src\A.cs")]                     // UNC
    [InlineData("file:///C:/agent/_work/1/s/", "src/A.cs")]           // file URI of a drive path
    [InlineData("file://server/share/s/", "src/A.cs")]                // file URI of a UNC path
    [InlineData(@"C:\agent\s\tests\..\", @"src\A.cs")]                // ".." inside the foreign path
    public void ForeignPaths_MapByTheLongestSuffixThatExists(string source, string filename)
    {
        CoverageReport report = Read(Windows(source, filename));

        Assert.Equal(new[] { "src/A.cs" }, report.Files.Keys);
        Assert.Empty(report.Notes);
    }

    [Fact]
    public void LocalFileUriSource_IsThePathItNames()
    {
        CoverageReport report = Read(Windows("file://" + repo.Path + "/", "src/A.cs"));

        Assert.Equal(new[] { "src/A.cs" }, report.Files.Keys);
        Assert.Empty(report.Notes);
    }

    [Fact]
    public void LongerSuffix_WinsOverAShorterOne()
    {
        repo.Write("lib/src/A.cs", "class B { }\n");

        CoverageReport report = Read(Windows(@"C:\agent\_work\1\s\", @"lib\src\A.cs"));

        Assert.Equal(new[] { "lib/src/A.cs" }, report.Files.Keys);
    }

    [Fact]
    public void ForeignFileNotInTheRepository_IsLeftOutWithQGB0108()
    {
        CoverageReport report = Read(Windows(@"D:\a\r\", "src/Other/Nope.cs"));

        Assert.Empty(report.Files);
        Assert.Null(report.Totals.LineRate);
        Assert.Equal(
            new[] { "1 source file outside the repository was left out of coverage (QGB0108: 'D:/a/r/src/Other/Nope.cs')." },
            report.Notes);
    }

    [Fact]
    public void DriveLetterPath_IsNeverTakenAsRepoRelative()
    {
        // Before: "C:/agent/x/Only.cs" became a repository file named so.
        CoverageReport report = Read(Windows(@"C:\agent\x\", "Only.cs"));

        Assert.Empty(report.Files);
        Assert.Contains("'C:/agent/x/Only.cs'", Assert.Single(report.Notes), StringComparison.Ordinal);
    }
}
