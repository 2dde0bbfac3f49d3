using QualityGates.Core.Config;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Config;

public class BaselineStoreTests
{
    [Fact]
    public void WriteThenRead_RoundTrips()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "qualitygate.baseline.json");
        var baseline = new Baseline
        {
            CreatedAt = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero),
            Commit = "abc123",
            LineRate = 0.75,
            BranchRate = null,
            Hotspots = new[] { new BaselineHotspot("src/A.cs", 40, 0.5) },
            Analyzers = new Dictionary<string, IReadOnlyDictionary<string, int>> { ["src/A.cs"] = new Dictionary<string, int> { ["QG1001"] = 2 } },
        };

        BaselineStore.Write(path, baseline);
        Baseline? read = BaselineStore.Read(path);

        Assert.NotNull(read);
        Assert.Equal(baseline.CreatedAt, read.CreatedAt);
        Assert.Equal("abc123", read.Commit);
        Assert.Equal(0.75, read.LineRate);
        Assert.Null(read.BranchRate);
        Assert.Equal(baseline.Hotspots, read.Hotspots);
        Assert.Equal(2, read.Analyzers!["src/A.cs"]["QG1001"]);
        Assert.Single(Directory.GetFiles(temp.Path));
        Assert.Contains("\"schemaVersion\": 1", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_IsNull()
    {
        using var temp = new TempDirectory();

        Assert.Null(BaselineStore.Read(Path.Combine(temp.Path, "none.json")));
    }

    [Theory]
    [InlineData("{ \"schemaVersion\": 1, \"lineRate\": \"high\" }")]
    [InlineData("{ \"schemaVersion\": 1, \"typo\": 1 }")]
    [InlineData("{ \"schemaVersion\": 2 }")]
    [InlineData("not json")]
    [InlineData("{ \"schemaVersion\": 1, \"hotspots\": [ { \"path\": \"src/A.cs\" }, { \"path\": \"src/A.cs\" } ] }")]
    [InlineData("{ \"schemaVersion\": 1, \"hotspots\": [ { \"complexity\": 3 } ] }")]
    public void Invalid_QGB0301(string content)
    {
        using var temp = new TempDirectory();

        QualityGateException ex = Assert.Throws<QualityGateException>(() => BaselineStore.Read(temp.Write("b.json", content)));

        Assert.Equal("QGB0301", ex.Code);
    }

    [Theory]
    [InlineData("{ \"schemaVersion\": 1, \"lineRate\": 2.5 }", "$.lineRate 2.5 is out of range 0..1.")]
    [InlineData("{ \"schemaVersion\": 1, \"lineRate\": -1 }", "$.lineRate -1 is out of range 0..1.")]
    [InlineData("{ \"schemaVersion\": 1, \"branchRate\": 1.0001 }", "$.branchRate 1.0001 is out of range 0..1.")]
    [InlineData("{ \"schemaVersion\": 1, \"hotspots\": [ { \"path\": \"src/A.cs\", \"complexity\": 4, \"score\": 0.5 }, { \"path\": \"src/B.cs\", \"complexity\": -5, \"score\": 0.5 } ] }",
        "$.hotspots[1].complexity -5 is out of range: at least 0.")]
    [InlineData("{ \"schemaVersion\": 1, \"hotspots\": [ { \"path\": \"src/A.cs\", \"complexity\": 4, \"score\": 1e308 } ] }", "$.hotspots[0].score 1E+308 is out of range 0..1.")]
    [InlineData("{ \"schemaVersion\": 1, \"analyzers\": { \"src/A.cs\": { \"QG1001\": -8 } } }", "$.analyzers['src/A.cs'].QG1001 -8 is out of range: at least 0.")]
    [InlineData("{ \"schemaVersion\": 1, \"analyzers\": { \"src/A.cs\": null } }", "$.analyzers['src/A.cs'] is null; expected the finding count per rule id.")]
    public void OutOfRange_QGB0301_NamesThePathAndTheRange(string content, string expected)
    {
        using var temp = new TempDirectory();
        string path = temp.Write("b.json", content);

        QualityGateException ex = Assert.Throws<QualityGateException>(() => BaselineStore.Read(path));

        Assert.Equal("QGB0301", ex.Code);
        Assert.StartsWith($"Baseline '{path}' holds a value no run writes: {expected}", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("Rewrite it with 'qualitygate baseline'.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"schemaVersion\": 1, \"analyzers\": { \"src/A.cs\": { \"QG1001\": 1, \"QG1001\": 9 } } }", "$.analyzers['src/A.cs'].QG1001")]
    [InlineData("{ \"schemaVersion\": 1, \"analyzers\": { \"src/A.cs\": { \"QG1001\": 1 }, \"src/A.cs\": { \"QG1002\": 1 } } }", "$.analyzers['src/A.cs']")]
    [InlineData("{ \"schemaVersion\": 1, \"lineRate\": 0.5, \"lineRate\": 0.9 }", "$.lineRate")]
    public void DuplicateKey_QGB0301_AsInQualitygateJson(string content, string duplicate)
    {
        using var temp = new TempDirectory();
        string path = temp.Write("b.json", content);

        QualityGateException ex = Assert.Throws<QualityGateException>(() => BaselineStore.Read(path));

        Assert.Equal("QGB0301", ex.Code);
        Assert.Equal($"Baseline '{path}' cannot be read ({duplicate} is given twice). Rewrite it with 'qualitygate baseline'.", ex.Message);
    }

    [Fact]
    public void RangeEdges_AreAccepted()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("b.json", """
            { "schemaVersion": 1, "lineRate": 0, "branchRate": 1,
              "hotspots": [ { "path": "src/A.cs", "complexity": 0, "score": 0 }, { "path": "src/B.cs", "complexity": 50001, "score": 1 } ],
              "analyzers": { "src/A.cs": { "QG1001": 0 }, "src/B.cs": {} } }
            """);

        Baseline read = BaselineStore.Read(path)!;

        Assert.Equal(0, read.LineRate);
        Assert.Equal(50001, read.Hotspots[1].Complexity);
        Assert.Empty(read.Analyzers!["src/B.cs"]);
    }
}
