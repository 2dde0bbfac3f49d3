using QualityGates.Core.Reports;

namespace QualityGates.Core.Tests.Reports;

public sealed class ReportCommandTests
{
    [Fact]
    public void Example_WritesHtmlAndMarkdownAndReturnsZero()
    {
        using var files = new ReportTestFiles();
        var output = files.PathOf("out");
        var log = new StringWriter();
        var code = ReportCommand.Run(ReportTestFiles.ResultPath, ReportTestFiles.HistoryPath, output, log);
        Assert.Equal(0, code);
        var html = Path.Combine(output, "report.html");
        var md = Path.Combine(output, "report.md");
        Assert.Equal(
            $"warning QGB0605: 1 unreadable line(s) of the trend history '{ReportTestFiles.HistoryPath}' were skipped\nReport written: {html} and {md} (6 hotspots, 5 trend runs).\n",
            log.ToString().ReplaceLineEndings("\n"));
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(html), StringComparison.Ordinal);
        Assert.StartsWith("## ❌ Quality gate failed", File.ReadAllText(md), StringComparison.Ordinal);
        // Atomic writes leave no temp file behind.
        Assert.Equal("report.html,report.md", string.Join(",", Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal)));
        // The link is relative to the report, which sits one folder below the result here.
        Assert.Contains(
            "href=\"" + Path.GetRelativePath(output, Path.Combine(ReportTestFiles.AssetDirectory, "coverage-html", "index.html")).Replace('\\', '/') + "\"",
            File.ReadAllText(html), StringComparison.Ordinal);
    }

    [Fact]
    public void NoHistory_WritesTheReportWithThisRunAsTheOnlyTrendPoint()
    {
        using var files = new ReportTestFiles();
        var log = new StringWriter();
        Assert.Equal(0, ReportCommand.Run(ReportTestFiles.ResultPath, null, files.Directory, log));
        Assert.EndsWith("(6 hotspots, 1 trend runs).\n", log.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "QGB0602", "is empty: the check did not finish")]
    [InlineData("  \n", "QGB0602", "is empty: the check did not finish")]
    [InlineData("{\"schemaVersion\":1,\"passed\":tru", "QGB0602", "is not valid result JSON")]
    [InlineData("{\"schemaVersion\":1,\"hotspots\":[{\"revisions\":\"many\"}]}", "QGB0602", "is not valid result JSON at $.hotspots[0].revisions")]
    [InlineData("{\"schemaVersion\":1,\"hotspots\":[null]}", "QGB0602", "is not valid result JSON at $.hotspots[0]: null where an object is expected.")]
    [InlineData("{\"schemaVersion\":1,\"reviews\":{\"monthly\":[null],\"unreviewed\":[null]}}", "QGB0602", "is not valid result JSON at $.reviews.monthly[0]: null where an object is expected.")]
    [InlineData("{\"schemaVersion\":1,\"reviews\":{\"unreviewed\":[{\"sha\":\"a\"},null]}}", "QGB0602", "is not valid result JSON at $.reviews.unreviewed[1]: null where an object is expected.")]
    [InlineData("{\"schemaVersion\":1,\"conditions\":[null]}", "QGB0602", "is not valid result JSON at $.conditions[0]: null where an object is expected.")]
    [InlineData("{\"schemaVersion\":1,\"conditions\":[null, 5, \"x\"]}", "QGB0602", "is not valid result JSON at $.conditions[1]")]
    [InlineData("{\"schemaVersion\":1,\"hotspots\":[{\"path\":\"a.cs\",\"methods\":[null]}]}", "QGB0602", "is not valid result JSON at $.hotspots[0].methods[0]: null where an object is expected.")]
    [InlineData("{\"schemaVersion\":1,\"hotspots\":[{\"path\":\"a.cs\"},{\"mainAuthors\":[\"Ann\",null]}]}", "QGB0602", "is not valid result JSON at $.hotspots[1].mainAuthors[1]: null where a string is expected.")]
    [InlineData("{\"schemaVersion\":1,\"reviews\":{\"evidence\":{\"bot\":null}}}", "QGB0602", "is not valid result JSON at $.reviews.evidence.bot")]
    [InlineData("# Quality gate\n", "QGB0602", "is not valid result JSON (line 1): '#' is an invalid start of a value. Pass the JSON written by")]
    [InlineData("[1,2]", "QGB0602", "holds a JSON array, not a result object")]
    [InlineData("null", "QGB0602", "holds a JSON null, not a result object")]
    [InlineData("{\"passed\":true}", "QGB0603", "has no numeric 'schemaVersion': it is not a qualitygate result")]
    [InlineData("{\"schemaVersion\":\"1\"}", "QGB0603", "has no numeric 'schemaVersion'")]
    [InlineData("{\"schemaVersion\":2,\"newThing\":{}}", "QGB0603", "has schemaVersion 2, this report reads schemaVersion 1: use the qualitygate version that wrote it")]
    [InlineData("{\"schemaVersion\":1.5}", "QGB0603", "has schemaVersion 1.5, this report reads schemaVersion 1")]
    public void BadResult_ReturnsTwoWithItsCode(string json, string code, string message)
    {
        using var files = new ReportTestFiles();
        var path = files.Write("result.json", json);
        var log = new StringWriter();
        Assert.Equal(2, ReportCommand.Run(path, null, files.PathOf("out"), log));
        var text = log.ToString();
        Assert.StartsWith($"error {code}: result file '{path}' ", text, StringComparison.Ordinal);
        Assert.Contains(message, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(files.PathOf("out")));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1e0")]
    [InlineData("10E-1")]
    public void SchemaVersionOneWrittenAsDecimal_IsRead(string version)
    {
        // JSON does not tell 1.0 from 1; a tool that rewrote the result (jq, PowerShell) may write either.
        using var files = new ReportTestFiles();
        var path = files.Write("result.json", File.ReadAllText(ReportTestFiles.ResultPath).Replace("\"schemaVersion\": 1,", "\"schemaVersion\": " + version + ",", StringComparison.Ordinal));
        var log = new StringWriter();

        Assert.Equal(0, ReportCommand.Run(path, null, files.PathOf("out"), log));
        Assert.Contains("from result schemaVersion 1.</footer>", File.ReadAllText(files.PathOf("out/report.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schemaVersion\":1,\"coverage\":{\"lineRate\":2.5}}", "$.coverage.lineRate: 2.5 is out of range 0..1.")]
    [InlineData("{\"schemaVersion\":1,\"coverage\":{\"newCode\":{\"lineRate\":-0.1}}}", "$.coverage.newCode.lineRate: -0.1 is out of range 0..1.")]
    [InlineData("{\"schemaVersion\":1,\"coverage\":{\"files\":-3}}", "$.coverage.files: -3 is out of range: at least 0.")]
    [InlineData("{\"schemaVersion\":1,\"hotspots\":[{\"path\":\"a.cs\",\"revisions\":3},{\"path\":\"b.cs\",\"revisions\":-4}]}", "$.hotspots[1].revisions: -4 is out of range: at least 0.")]
    [InlineData("{\"schemaVersion\":1,\"hotspots\":[{\"path\":\"a.cs\",\"score\":1e308}]}", "$.hotspots[0].score: 1E+308 is out of range 0..1.")]
    [InlineData("{\"schemaVersion\":1,\"hotspots\":[{\"path\":\"a.cs\",\"crap\":1e308}]}", "$.hotspots[0].crap: 1E+308 is out of range 0..1E+15.")]
    [InlineData("{\"schemaVersion\":1,\"hotspots\":[{\"path\":\"a.cs\",\"methods\":[{\"name\":\"M\",\"line\":0}]}]}", "$.hotspots[0].methods[0].line: 0 is out of range: at least 1.")]
    [InlineData("{\"schemaVersion\":1,\"reviews\":{\"passRate\":1.5}}", "$.reviews.passRate: 1.5 is out of range 0..1.")]
    [InlineData("{\"schemaVersion\":1,\"reviews\":{\"evidence\":{\"Reviewed-by\":-1}}}", "$.reviews.evidence['Reviewed-by']: -1 is out of range: at least 0.")]
    [InlineData("{\"schemaVersion\":1,\"reviews\":{\"monthly\":[{\"month\":\"2026-10\",\"reviewCoverage\":7}]}}", "$.reviews.monthly[0].reviewCoverage: 7 is out of range 0..1.")]
    [InlineData("{\"schemaVersion\":1,\"conditions\":[{\"id\":\"coverage.line\",\"actual\":2.5}]}", "$.conditions[0].actual: 2.5 is out of range 0..1.")]
    [InlineData("{\"schemaVersion\":1,\"conditions\":[{\"id\":\"complexity.newCode\",\"threshold\":-15}]}", "$.conditions[0].threshold: -15 is out of range 0..1E+15.")]
    [InlineData("{\"schemaVersion\":1,\"conditions\":[{\"id\":\"hotspots.growth\",\"actual\":-1.5}]}", "$.conditions[0].actual: -1.5 is out of range -1..1E+15.")]
    [InlineData("{\"schemaVersion\":1,\"history\":{\"commits\":-1}}", "$.history.commits: -1 is out of range: at least 0.")]
    public void OutOfRangeResult_ReturnsTwoWithQGB0602NamingThePathAndRange(string json, string problem)
    {
        using var files = new ReportTestFiles();
        var path = files.Write("result.json", json);
        var log = new StringWriter();
        Assert.Equal(2, ReportCommand.Run(path, null, files.PathOf("out"), log));
        Assert.StartsWith($"error QGB0602: result file '{path}' is not valid result JSON at {problem}", log.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("Pass the JSON written by 'qualitygate check --json'.\n", log.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(files.PathOf("out")));
    }

    [Fact]
    public void RangeEdges_AreRead()
    {
        var model = ReportModelReader.Parse("""
            {"schemaVersion":1,"coverage":{"lineRate":0,"branchRate":1,"files":0},
             "conditions":[{"id":"hotspots.growth","actual":-1,"threshold":0.1},{"id":"complexity.newCode","actual":50001,"threshold":15,"line":1}],
             "hotspots":[{"path":"a.cs","revisions":0,"score":1,"crap":2500000000,"methods":[{"name":"M","line":1,"endLine":1,"complexity":0}]}]}
            """u8, "edges.json");
        Assert.Equal(2500000000, model.Hotspots![0].Crap);
    }

    [Fact]
    public void NullHotspotEntry_FullMessage()
    {
        using var files = new ReportTestFiles();
        var path = files.Write("result.json", "{\"schemaVersion\":1,\"hotspots\":[null]}");
        var log = new StringWriter();
        Assert.Equal(2, ReportCommand.Run(path, null, files.PathOf("out"), log));
        Assert.Equal(
            $"error QGB0602: result file '{path}' is not valid result JSON at $.hotspots[0]: null where an object is expected. Pass the JSON written by 'qualitygate check --json'.\n",
            log.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void MissingResult_ReturnsTwoWithQGB0601()
    {
        using var files = new ReportTestFiles();
        var log = new StringWriter();
        var path = files.PathOf("nope.json");
        Assert.Equal(2, ReportCommand.Run(path, null, files.Directory, log));
        Assert.Equal($"error QGB0601: result file '{path}' not found: run 'qualitygate check --json {path}' first, or pass the path of its result JSON\n", log.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void UnknownKeysAndMissingOptionalKeys_AreTolerated()
    {
        var model = ReportModelReader.Parse("""{"schemaVersion":1,"future":{"x":[1]},"coverage":{"files":[{"path":"a.cs"},{"path":"b.cs"}]},"hotspots":[{"path":"a.cs"}]}"""u8, "x.json");
        Assert.Equal(2, model.Coverage!.FileCount);
        Assert.Null(model.Hotspots![0].Score);
        Assert.Null(model.Passed);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void ResultWithAByteOrderMark_IsRead(string encodingName)
    {
        // As Windows PowerShell re-saves a file: Out-File -Encoding utf8 adds a BOM, '>' writes UTF-16.
        var encoding = System.Text.Encoding.GetEncoding(encodingName);
        var json = """{"schemaVersion":1,"passed":false,"hotspots":[{"path":"src/Prämie.cs"}]}""";
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(json)).ToArray();

        var model = ReportModelReader.Parse(bytes, "saved.json");

        Assert.False(model.Passed);
        Assert.Equal("src/Prämie.cs", Assert.Single(model.Hotspots!).Path);
    }

    [Fact]
    public void OutputIsAFile_ReturnsTwoWithQGB0604()
    {
        using var files = new ReportTestFiles();
        var blocker = files.Write("out", "a file where the folder should be");
        var log = new StringWriter();
        Assert.Equal(2, ReportCommand.Run(ReportTestFiles.ResultPath, null, blocker, log));
        Assert.StartsWith($"error QGB0604: the report could not be written to '{blocker}' (", log.ToString(), StringComparison.Ordinal);
    }
}
