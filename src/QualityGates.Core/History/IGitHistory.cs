namespace QualityGates.Core.History;

/// <summary>Settings of the history walk (defaults from product.md; the gate config maps onto these).</summary>
public sealed record HistoryOptions
{
    public int ReviewWindowDays { get; init; } = 90;
    public int HotspotWindowMonths { get; init; } = 12;
    public int RevertWindowDays { get; init; } = 30;
    /// <summary>Commits touching more files than this are left out of revisions and churn (mass renames, formatting).</summary>
    public int MaxFilesPerCommit { get; init; } = 50;
    /// <summary>
    /// The base branch for new code ("origin/main"), and the main line for landings when it names a branch; null: guess
    /// origin/HEAD, origin/main, origin/master, main, master.
    /// </summary>
    public string? BaseRef { get; init; }
    /// <summary>
    /// True when <see cref="BaseRef"/> was asked for explicitly (<c>--base</c>): a ref that does not resolve is an input
    /// error (QGB0005), not a note. False for the configured or guessed base, which stays lenient.
    /// </summary>
    public bool BaseRefRequired { get; init; }
    /// <summary>Case-insensitive substrings of author/committer names or emails that mark bots.</summary>
    public IReadOnlyList<string> BotPatterns { get; init; } = new[] { "[bot]", "dependabot", "renovate", "github-actions", "mergify" };
    /// <summary>Where per-commit results are cached by SHA; null: no cache.</summary>
    public string? CacheDirectory { get; init; }
    /// <summary>"Now" for the windows; injected so tests are deterministic.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;
    /// <summary>
    /// The CI's environment says it builds a pull request: a detached two-parent HEAD that is no sync merge is then its
    /// pre-merge commit, whatever the subject (<see cref="PreMergeCommit"/>).
    /// </summary>
    public bool PullRequestBuild { get; init; }
}

/// <summary>Everything the gate needs from git.</summary>
public sealed record HistoryResult(HistoryInfo Info, ReviewSummary Reviews, IReadOnlyList<FileHistory> Files, NewCode NewCode)
{
    /// <summary>
    /// The C# files git tracks in the repository itself, repo-relative with "/" separators: not ignored, not inside a
    /// submodule. Null without a repository (or an index git could not read): the working tree is all there is.
    /// </summary>
    public IReadOnlySet<string>? TrackedSourceFiles { get; init; }
}

/// <summary>
/// Reads git history. The LibGit2Sharp implementation lives in History/; outside a repository a null object answers
/// with empty results and a note, never an exception.
/// </summary>
public interface IGitHistory
{
    HistoryResult Read(string repositoryRoot, HistoryOptions options, IProgress<string>? progress, CancellationToken cancellationToken);
}
