using QualityGates.Core.Coverage;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Coverage;

public class CoverageBadInputTests
{
    private static QualityGateException ReadFails(string repository, string file) =>
        Assert.Throws<QualityGateException>(() => CoverageLoader.Read(repository, new[] { file }));

    [Fact]
    public void MissingFile_QGB0101()
    {
        using var temp = new TempDirectory();
        string file = Path.Combine(temp.Path, "nope.xml");

        QualityGateException ex = ReadFails(temp.Path, file);

        Assert.Equal("QGB0101", ex.Code);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains(file, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFile_QGB0102()
    {
        using var temp = new TempDirectory();

        Assert.Equal("QGB0102", ReadFails(temp.Path, temp.Write("a.xml", string.Empty)).Code);
        Assert.Equal("QGB0102", ReadFails(temp.Path, temp.Write("b.xml", "   \n")).Code);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })] // UTF-8
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x20, 0x0A })]
    [InlineData(new byte[] { 0xFF, 0xFE })] // UTF-16 LE
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x0A })] // UTF-16 BE, a line break
    public void ByteOrderMarkOnly_QGB0102(byte[] content)
    {
        // An editor or a killed writer leaves a BOM and nothing else: empty, not "not a Cobertura file" (QGB0104).
        using var temp = new TempDirectory();
        string file = Path.Combine(temp.Path, "bom.xml");
        File.WriteAllBytes(file, content);

        QualityGateException ex = ReadFails(temp.Path, file);

        Assert.Equal(("QGB0102", $"Coverage file '{file}' has no content. Run the tests with --collect \"XPlat Code Coverage\" again."), (ex.Code, ex.Message));
    }

    [Fact]
    public void TruncatedCoverletFile_QGB0103()
    {
        using var temp = new TempDirectory();
        string full = File.ReadAllText(TestFiles.PricingCoverage);
        string file = temp.Write("a.xml", full.Substring(0, full.Length / 2));

        QualityGateException ex = ReadFails(TestFiles.FixtureRepository, file);

        Assert.Equal("QGB0103", ex.Code);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<report name=\"jacoco\"><package name=\"x\"/></report>", "<report>")]
    [InlineData("<CoverageSession><Summary/></CoverageSession>", "<CoverageSession>")]
    [InlineData("<coverage><packages/></coverage>", "<coverage>")]
    [InlineData("{ \"coverage\": 1 }", "not XML")]
    public void NotCobertura_QGB0104(string content, string expected)
    {
        using var temp = new TempDirectory();

        QualityGateException ex = ReadFails(temp.Path, temp.Write("a.xml", content));

        Assert.Equal("QGB0104", ex.Code);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dtd_QGB0105()
    {
        using var temp = new TempDirectory();
        string file = temp.Write("a.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
            <coverage line-rate="1" branch-rate="1"><packages/></coverage>
            """);

        Assert.Equal("QGB0105", ReadFails(temp.Path, file).Code);
    }

    [Fact]
    public void ExternalEntity_QGB0106_AndNothingIsRead()
    {
        using var temp = new TempDirectory();
        string secret = temp.Write("secret.txt", "TOPSECRET");
        string file = temp.Write("a.xml", $"""
            <?xml version="1.0"?>
            <!DOCTYPE coverage [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <coverage line-rate="1" branch-rate="1"><sources><source>&xxe;</source></sources></coverage>
            """);

        QualityGateException ex = ReadFails(temp.Path, file);

        Assert.Equal("QGB0106", ex.Code);
        Assert.DoesNotContain("TOPSECRET", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(70_000, "QGB0106")]
    [InlineData(200_000, "QGB0106")]
    public void ExternalEntityAfterALongComment_StillNamedForWhatItIs(int padding, string code)
    {
        using var temp = new TempDirectory();
        string secret = temp.Write("secret.txt", "TOPSECRET");
        string file = temp.Write("a.xml", "<?xml version=\"1.0\"?>\n<!-- " + new string('a', padding) + " -->\n" +
            $"<!DOCTYPE coverage [ <!ENTITY xxe SYSTEM \"file://{secret}\"> ]>\n<coverage line-rate=\"1\"><sources><source>&xxe;</source></sources></coverage>\n");

        QualityGateException ex = ReadFails(temp.Path, file);

        Assert.Equal(code, ex.Code);
        Assert.DoesNotContain("TOPSECRET", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<line number="x" hits="1" />""", "number 'x'")]
    [InlineData("""<line number="0" hits="1" />""", "number '0'")]
    [InlineData("""<line number="3" hits="-1" />""", "hits '-1'")]
    [InlineData("""<line number="3" />""", "hits '(missing)'")]
    [InlineData("""<line number="3" hits="1" condition-coverage="50% (3/2)" />""", "condition-coverage")]
    [InlineData("""<line number="3" hits="1" condition-coverage="50% (1/2)"><conditions><condition number="a" coverage="50%" /></conditions></line>""", "condition number")]
    [InlineData("""<line number="3" hits="1" condition-coverage="50% (1/2)"><conditions><condition number="1" coverage="150%" /></conditions></line>""", "condition coverage")]
    public void InvalidValue_QGB0107_NamesTheAttribute(string line, string expected)
    {
        using var temp = new TempDirectory();

        QualityGateException ex = ReadFails(temp.Path, temp.Write("a.xml", CoverageMergeTests.Cobertura(line)));

        Assert.Equal("QGB0107", ex.Code);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PathsOutsideTheRepository_AreLeftOutWithANote()
    {
        using var temp = new TempDirectory();
        string file = temp.Write("a.xml", CoverageMergeTests.Cobertura("""<line number="1" hits="1" />""", source: "/usr/share/other/", filename: "../../../etc/passwd"));
        string inside = temp.Write("b.xml", CoverageMergeTests.Cobertura("""<line number="1" hits="1" />""", source: "src/", filename: "../../outside.cs"));

        CoverageReport report = CoverageLoader.Read(temp.Path, new[] { file, inside });

        Assert.Empty(report.Files);
        Assert.Null(report.Totals.LineRate);
        string note = Assert.Single(report.Notes);
        Assert.Contains("QGB0108", note, StringComparison.Ordinal);
        Assert.StartsWith("2 source files outside the repository were left out", note, StringComparison.Ordinal);
    }

    [Fact]
    public void CoverletFixture_ReadAgainstAnotherRoot_LeavesEverythingOut()
    {
        using var temp = new TempDirectory();

        CoverageReport report = CoverageLoader.Read(temp.Path, new[] { TestFiles.PricingCoverage });

        Assert.Empty(report.Files);
        Assert.Contains("'/tmp/covsample/src/Insurance/Claims/ClaimValidator.cs'", report.Notes[0], StringComparison.Ordinal);
    }
}
