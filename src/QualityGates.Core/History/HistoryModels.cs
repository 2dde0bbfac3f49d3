namespace QualityGates.Core.History;

// Contract between the git-history reader (History/, Hotspots/) and the gate (Gate/). Plain immutable models:
// no LibGit2Sharp type leaves History/.

/// <summary>How a landing on the base branch shows (or does not show) review.</summary>
public enum EvidenceKind
{
    /// <summary>"Merge branch 'main'" and the like: excluded from every figure.</summary>
    SyncMerge,
    /// <summary>A PR merge commit (GitHub, Azure DevOps, Bitbucket, Gitea, GitLab "See merge request").</summary>
    PullRequestMerge,
    /// <summary>A squash or rebase merge of a PR: subject ending "(#123)" or a PR marker in a non-merge commit.</summary>
    SquashMerge,
    /// <summary>Reviewed-by / Approved-by / Acked-by naming someone other than the author.</summary>
    ReviewTrailer,
    /// <summary>Reviewed-on: or Differential Revision: link.</summary>
    ReviewLink,
    /// <summary>Author or committer is a bot: reported separately, not in the denominators.</summary>
    Bot,
    /// <summary>No evidence of review found.</summary>
    DirectPush,
}

/// <summary>One landing inside the window: a commit of HEAD's first-parent line or of a line a sync merge brought back (docs/gate.md).</summary>
public sealed record Landing(
    string Sha,
    string Subject,
    string AuthorName,
    string AuthorEmail,
    DateTimeOffset When,
    EvidenceKind Evidence,
    string? PullRequest,
    bool Reverted,
    /// <summary>For PR merges: true/false whether the PR branch needed no fixup/review-feedback commits; null otherwise.</summary>
    bool? FirstPass);

public sealed record ReviewSummary(
    int WindowDays,
    int Landings,
    int HumanLandings,
    int Bots,
    int Reviewed,
    double? ReviewCoverage,
    int Reverted,
    double? PassRate,
    double? FirstPassRate,
    /// <summary>Number of first-pass-eligible PR merges (the first-pass denominator).</summary>
    int PullRequests,
    IReadOnlyDictionary<EvidenceKind, int> Evidence,
    (double Low, double High)? ReviewCoverageInterval,
    IReadOnlyList<Landing> Items)
{
    /// <summary>
    /// When a walked line (HEAD's first-parent line, or one a sync merge brings back) ends at a shallow clone's boundary
    /// inside the review window: the latest such commit's committer time (the figures miss the older part of the
    /// window). Null when the window's history is complete.
    /// </summary>
    public DateTimeOffset? TruncatedAt { get; init; }
}

/// <summary>Per-file change history over the hotspot window.</summary>
public sealed record FileHistory(
    string Path,
    int Revisions,
    int Churn,
    int Added,
    int Deleted,
    IReadOnlyList<(string Author, int Commits)> MainAuthors);

public sealed record HistoryInfo(
    int Commits,
    bool Shallow,
    string? Head,
    string? Branch,
    string? MergeBase,
    /// <summary>Human-readable notes: "history truncated: fetch-depth 0 needed", "no git repository", ...</summary>
    IReadOnlyList<string> Notes)
{
    /// <summary>
    /// The newest committer time of a shallow boundary commit inside the hotspot window (revisions and churn miss what
    /// came before it); null when the window's history is complete.
    /// </summary>
    public DateTimeOffset? HotspotWindowTruncatedAt { get; init; }
}

/// <summary>Lines added or changed between the merge-base and HEAD, per repo-relative path ("/" separators).</summary>
public sealed record NewCode(string? BaseRef, string? MergeBase, IReadOnlyDictionary<string, IReadOnlySet<int>> ChangedLines);
