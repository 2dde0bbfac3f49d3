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
