using QualityGates.Core.Analyzers;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Analyzers;

public class SarifReaderTests
{
    private const string SampleRepository = "/tmp/sarifsample";

    [Theory]
    [InlineData("Sarif/csc-2.1.sarif")]
    [InlineData("Sarif/csc-1.0.sarif")]
    public void CompilerErrorLog_CountsQgFindingsPerFile(string asset)
    {
        // csc wrote CS0219 once and QG0001 three times (one in Premium.cs, two in Tariff.cs).
        AnalyzerFindings findings = SarifReader.Read(TestFiles.Asset(asset), SampleRepository);

        Assert.Equal(3, findings.Total);
        Assert.Equal(new[] { "src/Pricing/Premium.cs", "src/Pricing/Tariff.cs" }, findings.Files.Keys);
        Assert.Equal(1, findings.Files["src/Pricing/Premium.cs"]["QG0001"]);
        Assert.Equal(2, findings.Files["src/Pricing/Tariff.cs"]["QG0001"]);
        Assert.Empty(findings.Notes);
    }

    [Fact]
    public void OtherRepository_NothingCountedWithANote()
    {
        using var temp = new TempDirectory();

        AnalyzerFindings findings = SarifReader.Read(TestFiles.Asset("Sarif/csc-2.1.sarif"), temp.Path);

        Assert.Equal(0, findings.Total);
        Assert.Equal("3 QG finding(s) without a location in the repository were not counted.", Assert.Single(findings.Notes));
    }

    [Fact]
    public void SuppressedAndRelative_Handled()
    {
        using var temp = new TempDirectory();
        string file = temp.Write("log.sarif", """
            { "version": "2.1.0", "runs": [ { "results": [
              { "ruleId": "QG1001", "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "src/A.cs" } } } ] },
              { "ruleId": "QG1001", "suppressions": [ { "kind": "inSource" } ], "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "src/A.cs" } } } ] },
              { "ruleId": "QGB0101", "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "src/A.cs" } } } ] }
            ] } ] }
            """);

        AnalyzerFindings findings = SarifReader.Read(file, temp.Path);

        Assert.Equal(1, findings.Total);
        Assert.Equal(1, findings.Files["src/A.cs"]["QG1001"]);
    }

    [Fact]
    public void UriBaseIds_AreResolved_AndABaseLeadingOutsideCountsNothing()
    {
        using var temp = new TempDirectory();
        string root = new Uri(temp.Path + "/").AbsoluteUri;
        string file = temp.Write("log.sarif", $$"""
            { "version": "2.1.0", "runs": [ {
              "originalUriBaseIds": {
                "REPO": { "uri": "{{root}}" },
                "SRC": { "uri": "src/", "uriBaseId": "REPO" },
                "UP": { "uri": "../../" },
                "LOOP": { "uri": "x/", "uriBaseId": "LOOP" }
              },
              "results": [
              { "ruleId": "QG1001", "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "src/A.cs", "uriBaseId": "REPO" } } } ] },
              { "ruleId": "QG1002", "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "A.cs", "uriBaseId": "SRC" } } } ] },
              { "ruleId": "QG1003", "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "etc/passwd", "uriBaseId": "UP" } } } ] },
              { "ruleId": "QG1004", "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "A.cs", "uriBaseId": "LOOP" } } } ] },
              { "ruleId": "QG1005", "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "A.cs", "uriBaseId": "NONE" } } } ] }
            ] } ] }
            """);

        AnalyzerFindings findings = SarifReader.Read(file, temp.Path);

        Assert.Equal(2, findings.Total);
        Assert.Equal(new[] { "QG1001", "QG1002" }, findings.Files["src/A.cs"].Keys);
        Assert.Equal("3 QG finding(s) without a location in the repository were not counted.", Assert.Single(findings.Notes));
    }

    [Fact]
    public void WindowsAgentPaths_MapToTheRepositoryFile_LikeCoverage_AndForeignFilesAreLeftOut()
    {
        // A log written on a Windows agent: the checkout was C:\agent\_work\1\s; D:\elsewhere\evil.cs and
        // \\server\share\other\B.cs name no file of this repository.
        using var temp = new TempDirectory();
        temp.Write("src/A.cs", "class A { }\n");
        string file = temp.Write("log.sarif", """
            { "version": "2.1.0", "runs": [ { "results": [
              { "ruleId": "QG1001", "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file:///C:/agent/_work/1/s/src/A.cs" } } } ] },
              { "ruleId": "QG1002", "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "C:\\agent\\_work\\1\\s\\src\\A.cs" } } } ] },
              { "ruleId": "QG1002", "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file://server/share/s/src/A.cs" } } } ] },
              { "ruleId": "QG1001", "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "D:\\elsewhere\\evil.cs" } } } ] },
              { "ruleId": "QG1001", "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file:///D:/elsewhere/evil.cs" } } } ] },
              { "ruleId": "QG1001", "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "\\\\server\\share\\other\\B.cs" } } } ] },
              { "ruleId": "QG1001", "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "https://example.com/src/A.cs" } } } ] }
            ] } ] }
            """);

        AnalyzerFindings findings = SarifReader.Read(file, temp.Path);

        Assert.Equal(new[] { "src/A.cs" }, findings.Files.Keys);
        Assert.Equal(1, findings.Files["src/A.cs"]["QG1001"]);
        Assert.Equal(2, findings.Files["src/A.cs"]["QG1002"]);
        Assert.Equal(3, findings.Total);
        Assert.Equal("4 QG finding(s) without a location in the repository were not counted.", Assert.Single(findings.Notes));
    }

    [Fact]
    public void BaselineFromAWindowsAgent_MatchesALinuxLog_NoNewFinding()
    {
        using var temp = new TempDirectory();
        temp.Write("src/A.cs", "class A { }\n");
        string Log(string name, string uri) => temp.Write(name,
            "{ \"version\": \"2.1.0\", \"runs\": [ { \"results\": [ { \"ruleId\": \"QG1001\", \"locations\": [ { \"physicalLocation\": { \"artifactLocation\": { \"uri\": \"" + uri + "\" } } } ] } ] } ] }");

        AnalyzerFindings windows = SarifReader.Read(Log("win.sarif", "file:///C:/agent/_work/1/s/src/A.cs"), temp.Path);
        AnalyzerFindings linux = SarifReader.Read(Log("linux.sarif", new Uri(Path.Combine(temp.Path, "src", "A.cs")).AbsoluteUri), temp.Path);

        Assert.Equal(linux.Files.Keys, windows.Files.Keys);
        Assert.Equal(linux.Files["src/A.cs"], windows.Files["src/A.cs"]);
    }

    [Fact]
    public void SeveralProjectsLogs_OneCount_ASharedFileCountedOnce()
    {
        // Two projects: A.cs only in the first, B.cs only in the second, Shared.cs (a linked file) compiled into both.
        using var temp = new TempDirectory();
        string Result(string rule, string file) =>
            "{ \"ruleId\": \"" + rule + "\", \"locations\": [ { \"physicalLocation\": { \"artifactLocation\": { \"uri\": \"" + file + "\" } } } ] }";
        string Log(string name, params string[] results) =>
            temp.Write(name, "{ \"version\": \"2.1.0\", \"runs\": [ { \"results\": [ " + string.Join(", ", results) + " ] } ] }");
        string first = Log("a/build.sarif", Result("QG1001", "src/A.cs"), Result("QG1002", "src/Shared.cs"), Result("QG1002", "src/Shared.cs"), Result("QG1001", "/elsewhere/X.cs"));
        string second = Log("b/build.sarif", Result("QG1001", "src/B.cs"), Result("QG1002", "src/Shared.cs"), Result("QG1002", "src/Shared.cs"), Result("QG3001", "src/Shared.cs"), Result("QG1001", "/elsewhere/Y.cs"));

        AnalyzerFindings findings = SarifReader.ReadAll([first, second, first], temp.Path);

        Assert.Equal(new[] { "src/A.cs", "src/B.cs", "src/Shared.cs" }, findings.Files.Keys);
        Assert.Equal(2, findings.Files["src/Shared.cs"]["QG1002"]);
        Assert.Equal(1, findings.Files["src/Shared.cs"]["QG3001"]);
        Assert.Equal(5, findings.Total);
        Assert.Equal("2 QG finding(s) without a location in the repository were not counted.", Assert.Single(findings.Notes));
    }

    [Theory]
    [InlineData(null, "QGB0401")]
    [InlineData("{ \"version\": ", "QGB0402")]
    [InlineData("{ \"results\": [] }", "QGB0403")]
    public void BadInput_HasItsCode(string? content, string code)
    {
        using var temp = new TempDirectory();
        string file = content is null ? Path.Combine(temp.Path, "none.sarif") : temp.Write("log.sarif", content);

        QualityGateException ex = Assert.Throws<QualityGateException>(() => SarifReader.Read(file, temp.Path));

        Assert.Equal(code, ex.Code);
    }
}
