using QualityGates.Core.Gate;
using QualityGates.Core.History;
using QualityGates.Core.Hotspots;
using QualityGates.Core.Tests.History;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Gate;

/// <summary>
/// coverage.critical names the critical files no test project loads: in a git repository only the files git tracks
/// there, not copies in ignored folders or in a submodule's working tree.
/// </summary>
public sealed class CriticalFilesInGitTests : IDisposable
{
    private const string Pricing = "src/Insurance/Pricing/PremiumCalculator.cs";
    private const string Rules = "src/Insurance/Underwriting/UnderwritingRules.cs";
    private const string Ignored = "ignored/EligibilityRules.cs";
    private const string InSubmodule = "vendor/sub/src/Pricing/PremiumCalculator.cs";
    private const string Code = "namespace U; public class R { public bool Accept(int age) { if (age > 17) { return true; } return false; } }";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly GitRepo repo = new();
    private readonly GitRepo sub = new();

    public CriticalFilesInGitTests()
    {
        sub.Commit("Vendored pricing", files: ("src/Pricing/PremiumCalculator.cs", Code));
        repo.Write(".gitignore", "ignored/\nTestResults/\n");
        repo.Commit("Underwriting rules", files: (Rules, Code));
        repo.Git("-c", "protocol.file.allow=always", "submodule", "add", "-q", "file://" + sub.Root, "vendor/sub");
        repo.Commit("Vendor the pricing library");
        repo.Write(Ignored, Code);
        repo.Write("tests/PricingTests/TestResults/1/coverage.cobertura.xml", TestFiles.CoverageFor(TestFiles.PricingCoverage, repo.Root));
        Assert.True(File.Exists(Path.Combine(repo.Root, InSubmodule)));
    }

    public void Dispose()
    {
        repo.Dispose();
        sub.Dispose();
    }

    private GateResult Check(IGitHistory history) =>
        new Engine(history, new FakeHotspots(Array.Empty<Hotspot>()), new FakeCritical(Pricing, Rules, Ignored, InSubmodule))
            .Check(new EngineOptions { RepositoryRoot = repo.Root, Now = Now, RecordTrend = false }).Gate;

    [Fact]
    public void IgnoredAndSubmoduleFiles_AreNotNamedAsCodeNoTestLoads()
    {
        GateResult gate = Check(new LibGit2History());

        Assert.Equal(new HashSet<string> { Pricing, Rules }, gate.Inputs.CriticalFiles);
        Assert.EndsWith(
            "1 more file has no coverage data at all, so no test project loads it (first: " + Rules + ").",
            gate.Conditions.Single(c => c.Id == ConditionIds.CoverageCritical).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AnIgnoredFileGitTracks_IsStillLookedAt()
    {
        // Force-added despite .gitignore: it is this repository's code.
        repo.Git("add", "-f", Ignored);

        Assert.Equal(new HashSet<string> { Pricing, Rules, Ignored }, Check(new LibGit2History()).Inputs.CriticalFiles);
    }

    [Fact]
    public void WithoutGitHistory_TheWholeWorkingTreeIsLookedAt()
    {
        // The null object outside a repository knows no tracked files: every C# file with code is a candidate, as before.
        GateResult gate = Check(new NoRepositoryHistory());

        Assert.Equal(new HashSet<string> { Pricing, Rules, Ignored, InSubmodule }, gate.Inputs.CriticalFiles);
    }
}
