namespace QualityGates.Core.History;

/// <summary>The null object outside a git repository: empty results and a note, never an exception.</summary>
public sealed class NoRepositoryHistory : IGitHistory
{
    public const string NoRepositoryNote = "no git repository: review and hotspot figures need git history";

    private readonly string _note;

    public NoRepositoryHistory(string? note = null)
    {
        _note = note ?? NoRepositoryNote;
    }

    public HistoryResult Read(string repositoryRoot, HistoryOptions options, IProgress<string>? progress, CancellationToken cancellationToken) =>
        Empty(options, new[] { _note });

    /// <summary>A result with no commits: every rate null, every count zero.</summary>
    public static HistoryResult Empty(HistoryOptions options, IReadOnlyList<string> notes, bool shallow = false, string? head = null, string? branch = null) =>
        new(
            new HistoryInfo(0, shallow, head, branch, null, notes),
            new ReviewSummary(options.ReviewWindowDays, 0, 0, 0, 0, null, 0, null, null, 0, EvidenceCounts(Array.Empty<EvidenceKind>()), null, Array.Empty<Landing>()),
            Array.Empty<FileHistory>(),
            new NewCode(options.BaseRef, null, new Dictionary<string, IReadOnlySet<int>>(StringComparer.Ordinal)));

    /// <summary>Counts by kind, every kind present (zero when none), so the JSON always has the same keys.</summary>
    internal static IReadOnlyDictionary<EvidenceKind, int> EvidenceCounts(IEnumerable<EvidenceKind> kinds)
    {
        var counts = Enum.GetValues<EvidenceKind>().ToDictionary(k => k, _ => 0);
        foreach (var k in kinds)
        {
            counts[k]++;
        }

        return counts;
    }
}
