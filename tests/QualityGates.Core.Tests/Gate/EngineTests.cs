using QualityGates.Core.Gate;
using QualityGates.Core.Hotspots;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Gate;

public sealed class EngineTests : IDisposable
{
    private const string Pricing = "src/Insurance/Pricing/PremiumCalculator.cs";
    private readonly TempDirectory repo = new();

    public EngineTests()
    {
        repo.CopyCoverage(TestFiles.PricingCoverage, "tests/PricingTests/TestResults/1/coverage.cobertura.xml");
        repo.CopyCoverage(TestFiles.ClaimsCoverage, "tests/ClaimsTests/TestResults/2/coverage.cobertura.xml");
    }

    public void Dispose() => repo.Dispose();

    [Fact]
    public void Check_WiresConfigHistoryHotspotsAndCriticalFiles()
    {
        repo.Write("qualitygate.json", """{ "baseBranch": "origin/develop", "windows": { "reviewDays": 60 }, "coverage": { "reportDirectory": "artifacts/coverage" } }""");
        var changed = new Dictionary<string, IReadOnlySet<int>> { ["src/New.cs"] = new HashSet<int> { 3 }, ["README.md"] = new HashSet<int> { 1 } };
        var history = new FakeHistory(Histories.With(changed: changed));
        var hotspots = new FakeHotspots(
            new[] { Histories.Hotspot(Pricing, 14) },
            new[] { Histories.Hotspot("src/New.cs", 20, 0, false, new MethodMetrics("Big", 1, 9, 20, null, null)) });
        var engine = new Engine(history, hotspots, new FakeCritical(Pricing));

        EngineResult result = engine.Check(new EngineOptions { RepositoryRoot = repo.Path, Now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero) });

        Assert.Equal("origin/develop", history.LastOptions!.BaseRef);
        Assert.Equal(60, history.LastOptions.ReviewWindowDays);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), history.LastOptions.Now);
        // Second call: only the changed C# file that is not a ranked hotspot.
        Assert.Equal(new[] { "src/New.cs" }, hotspots.Calls[1].Select(f => f.Path));
        Assert.Equal(new HashSet<string> { Pricing }, result.Gate.Inputs.CriticalFiles);
        ConditionResult complexity = result.Gate.Conditions.Single(c => c.Id == ConditionIds.ComplexityNewCode);
        Assert.Equal(ConditionStatus.Failed, complexity.Status);
        Assert.Equal("src/New.cs", complexity.File);
        Assert.Equal(0.75, result.Gate.Inputs.Coverage!.Totals.LineRate);
        Assert.True(File.Exists(Path.Combine(repo.Path, "artifacts/coverage/index.html")));
    }

    [Fact]
    public void Check_BaseOverride_WinsOverConfig()
    {
        repo.Write("qualitygate.json", """{ "baseBranch": "origin/develop" }""");
        var history = new FakeHistory(Histories.With());

        new Engine(history, new FakeHotspots(Array.Empty<Hotspot>())).Check(new EngineOptions { RepositoryRoot = repo.Path, BaseRef = "origin/release", Now = DateTimeOffset.UnixEpoch });

        Assert.Equal("origin/release", history.LastOptions!.BaseRef);
    }
}
