using QualityGates.Core.Coverage;
using QualityGates.Core.History;
using QualityGates.Core.Hotspots;

namespace QualityGates.Core.Tests.Support;

internal sealed class FakeHistory(HistoryResult result) : IGitHistory
{
    public HistoryOptions? LastOptions { get; private set; }

    public HistoryResult Read(string repositoryRoot, HistoryOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        LastOptions = options;
        return result;
    }
}

internal sealed class FakeHotspots(IReadOnlyList<Hotspot> ranked, IReadOnlyList<Hotspot>? changed = null) : IHotspotCalculator
{
    public List<IReadOnlyList<FileHistory>> Calls { get; } = new();

    public IReadOnlyList<Hotspot> Compute(string repositoryRoot, IReadOnlyList<FileHistory> files, ICoverageLookup coverage, HotspotOptions options)
    {
        Calls.Add(files);
        return Calls.Count == 1 ? ranked : (changed ?? Array.Empty<Hotspot>()).Where(h => files.Any(f => f.Path == h.Path)).ToList();
    }
}

internal sealed class FakeCritical(params string[] paths) : ICriticalFiles
{
    public IReadOnlySet<string> Critical(string repositoryRoot, IReadOnlyCollection<string> candidates, Core.Sources.SourceFacts? sources = null) =>
        candidates.Where(paths.Contains).ToHashSet(StringComparer.Ordinal);
}

internal static class Histories
{
    public static ReviewSummary Reviews(int humanLandings = 40, int reviewed = 38, int reverted = 1, int pullRequests = 30, double? firstPass = 0.8) => new(
        WindowDays: 90,
        Landings: humanLandings + 2,
        HumanLandings: humanLandings,
        Bots: 2,
        Reviewed: reviewed,
        ReviewCoverage: humanLandings == 0 ? null : (double)reviewed / humanLandings,
        Reverted: reverted,
        PassRate: reviewed == 0 ? null : 1 - ((double)reverted / reviewed),
        FirstPassRate: firstPass,
        PullRequests: pullRequests,
        Evidence: new Dictionary<EvidenceKind, int>
        {
            [EvidenceKind.PullRequestMerge] = 30,
            [EvidenceKind.SquashMerge] = 6,
            [EvidenceKind.ReviewTrailer] = 2,
            [EvidenceKind.Bot] = 2,
            [EvidenceKind.DirectPush] = humanLandings - reviewed,
        },
        ReviewCoverageInterval: (0.83, 0.99),
        Items: Array.Empty<Landing>());

    public static HistoryResult With(ReviewSummary? reviews = null, IReadOnlyDictionary<string, IReadOnlySet<int>>? changed = null, string? mergeBase = "base123") => new(
        new HistoryInfo(1234, false, "head456", "feature", mergeBase, Array.Empty<string>()),
        reviews ?? Reviews(),
        new[] { new FileHistory("src/Insurance/Pricing/PremiumCalculator.cs", 9, 120, 80, 40, Array.Empty<(string, int)>()) },
        new NewCode("origin/main", mergeBase, changed ?? new Dictionary<string, IReadOnlySet<int>>()));

    public static Hotspot Hotspot(string path, int complexity, double score = 0.5, bool critical = false, params MethodMetrics[] methods) =>
        new(path, 9, 120, complexity, null, score, critical, Array.Empty<string>(), methods, "changed often and complex");
}
