using QualityGates.Core.Coverage;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Coverage;

public class CoverageReportWriterTests
{
    [Fact]
    public void ReportGenerator_WritesMergedCoberturaAndHtml()
    {
        using var temp = new TempDirectory();
        string output = Path.Combine(temp.Path, "coverage-report");

        CoverageReportWriter.Write(new[] { TestFiles.PricingCoverage, TestFiles.ClaimsCoverage }, output, TestFiles.FixtureRepository);

        Assert.True(File.Exists(Path.Combine(output, "Cobertura.xml")));
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
        // Its merged line figures agree with ours (27 of 36 lines).
        string merged = File.ReadAllText(Path.Combine(output, "Cobertura.xml"));
        Assert.Contains("lines-covered=\"27\" lines-valid=\"36\"", merged, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(temp.Path, ".coverage-report.tmp-*"));
        // ReportGenerator writes a DOCTYPE: its output is for people and other tools, not an input of the gate.
        QualityGateException ex = Assert.Throws<QualityGateException>(
            () => CoverageLoader.Read(TestFiles.FixtureRepository, new[] { Path.Combine(output, "Cobertura.xml") }));
        Assert.Equal("QGB0105", ex.Code);
    }
}
