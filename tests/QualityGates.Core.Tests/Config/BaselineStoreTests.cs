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
}
