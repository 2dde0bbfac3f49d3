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
    public void Check_CriticalFileThatNoReportOrHotspotMentions_IsNamed()
    {
        const string Rules = "src/Insurance/Underwriting/UnderwritingRules.cs";
        const string Code = "namespace U; public class R { public bool Accept(int age) { if (age > 17) { return true; } return false; } }";
        repo.Write(Rules, Code);
        repo.Write("src/Insurance/Underwriting/Decision.cs", "namespace U; public enum Decision { Accept, Refer }"); // no code to cover
        repo.Write("src/Insurance/obj/Rules.g.cs", Code);                                                               // generated
        repo.Write(".git/hooks/Rules.cs", Code);                                                                       // not the working tree's
        using var outside = new TempDirectory();
        outside.Write("Rules.cs", Code);
        Directory.CreateSymbolicLink(Path.Combine(repo.Path, "src/linked"), outside.Path);                               // leads out
        var critical = new FakeCritical(Pricing, Rules, "src/Insurance/Underwriting/Decision.cs", "src/Insurance/obj/Rules.g.cs", ".git/hooks/Rules.cs", "src/linked/Rules.cs");
        var engine = new Engine(new FakeHistory(Histories.With()), new FakeHotspots(Array.Empty<Hotspot>()), critical);

        EngineResult result = engine.Check(new EngineOptions { RepositoryRoot = repo.Path, Now = DateTimeOffset.UnixEpoch });

        Assert.Equal(new HashSet<string> { Pricing, Rules }, result.Gate.Inputs.CriticalFiles);
        ConditionResult condition = result.Gate.Conditions.Single(c => c.Id == ConditionIds.CoverageCritical);
        Assert.EndsWith(
            "(1 file): line coverage 76.2 %, branch coverage 42.9 %; below the required 90.0 % line and 80.0 % branch. "
            + "1 more file has no coverage data at all, so no test project loads it (first: src/Insurance/Underwriting/UnderwritingRules.cs).",
            condition.Message,
            StringComparison.Ordinal);
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
