using System.Text.RegularExpressions;

namespace QualityGates.Core.History;

/// <summary>
/// Every pattern and fixed text of the review classification (product.md "Review evidence"), in one place. The
/// patterns are source-generated: RegexOptions.Compiled cost a warm run about 0.1 s of start-up for ten patterns.
/// </summary>
public static partial class ReviewPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private const int TimeoutMs = 1000;

    /// <summary>
    /// The subject git (and GitHub, GitLab) give a merge of a named branch: source, optional "of URL", optional target
    /// (plain or quoted). Without a target git means main or master (merge.suppressDest).
    /// </summary>
    public static readonly Regex BranchMerge = BranchMergeSubject();

    /// <summary>Base-branch names, most basic first: a merge brings in a base when its source ranks before its target.</summary>
    public static readonly string[][] BaseBranchRanks =
    {
        new[] { "main", "master", "trunk" },
        new[] { "develop", "development", "dev" },
    };

    /// <summary>A branch whose own commits land on it (main, master, trunk, develop, development, dev).</summary>
    public static bool LongLivedBranch(string name) => BaseBranchRanks.Any(names => names.Contains(name, StringComparer.Ordinal));

    /// <summary>
    /// Subjects of PR merge commits: GitHub, Azure DevOps, Bitbucket Cloud, Gitea, and Bitbucket Server / Data Center
    /// (up to 6.x "Merge pull request #12 in PROJ/repo from ...", from 7.0 "Pull request #12: Title"), which product.md's
    /// list leaves out although enterprise teams run it. Group 1 is the PR number.
    /// </summary>
    public static readonly Regex[] PullRequestSubject =
    {
        GitHubPullRequest(),
        AzureDevOpsPullRequest(),
        BitbucketPullRequest(),
        GiteaPullRequest(),
        BitbucketServerPullRequest(),
        BitbucketDataCenterPullRequest(),
    };

    /// <summary>
    /// Subjects of the merge a CI makes to build a pull request before it is merged (<see cref="PreMergeCommit"/>):
    /// GitHub's "Merge &lt;sha&gt; into &lt;sha&gt;", Azure DevOps's "Merge pull request 12 from feature into main".
    /// </summary>
    public static readonly Regex[] PreMergeSubject = { GitHubPreMerge(), AzureDevOpsPreMerge() };

    /// <summary>GITHUB_REF of a pull_request build: the PR's pre-merge commit.</summary>
    public static readonly Regex GitHubPullRequestMergeRef = GitHubMergeRef();

    /// <summary>GitLab's merge commit body line. Group 1 is the merge request number.</summary>
    public static readonly Regex MergeRequestBody = GitLabMergeRequestBody();

    /// <summary>Squash or rebase merge subject (GitHub, Gitea): "Title (#123)".</summary>
    public static readonly Regex SquashSubject = SquashSubjectPattern();

    /// <summary>Phabricator's review link, a body line (its key has a space, so git does not call it a trailer).</summary>
    public static readonly Regex DifferentialRevision = DifferentialRevisionLine();

    public static readonly Regex RevertLine = RevertLinePattern();

    /// <summary>Trailers that name a reviewer; they count only when the reviewer is not the author.</summary>
    public static readonly string[] ReviewerTrailers = { "Reviewed-by", "Approved-by", "Acked-by" };

    /// <summary>Trailers that link a review (Gerrit); Phabricator's link is <see cref="DifferentialRevision"/>.</summary>
    public static readonly string[] ReviewLinkTrailers = { "Reviewed-on" };

    /// <summary>Branch commits that show the PR needed another pass: autosquash markers.</summary>
    public static readonly string[] FixupPrefixes = { "fixup!", "squash!", "amend!" };

    /// <summary>Branch commit subjects that say "I changed this because a reviewer asked" (case-insensitive substrings).</summary>
    public static readonly string[] ReviewFeedbackSubjects =
    {
        "address review", "addressed review", "addressing review", "review comment", "review feedback", "pr feedback",
        "pr comments", "code review feedback", "apply suggestions from code review", "apply suggestion from code review",
        "changes requested", "requested changes", "as per review",
    };

    public const string HistoryTruncatedNote = "history truncated: fetch-depth 0 needed";

    [GeneratedRegex(@"^Merge (?<remote>remote-tracking )?branch '(?<source>[^']+)'(?: of \S+)?(?: into '?(?<target>[^'\s]+)'?)?\s*$", Options, TimeoutMs)]
    private static partial Regex BranchMergeSubject();

    [GeneratedRegex(@"^Merge pull request #([0-9]+) from", Options, TimeoutMs)]
    private static partial Regex GitHubPullRequest();

    [GeneratedRegex(@"^Merged PR ([0-9]+):", Options, TimeoutMs)]
    private static partial Regex AzureDevOpsPullRequest();

    [GeneratedRegex(@"^Merged in \S+ \(pull request #([0-9]+)\)", Options, TimeoutMs)]
    private static partial Regex BitbucketPullRequest();

    [GeneratedRegex(@"^Merge pull request '.*' \(#([0-9]+)\)", Options, TimeoutMs)]
    private static partial Regex GiteaPullRequest();

    [GeneratedRegex(@"^Merge pull request #([0-9]+) in \S+ from \S+", Options, TimeoutMs)]
    private static partial Regex BitbucketServerPullRequest();

    [GeneratedRegex(@"^Pull request #([0-9]+): ", Options, TimeoutMs)]
    private static partial Regex BitbucketDataCenterPullRequest();

    [GeneratedRegex(@"^Merge [0-9a-f]{40} into [0-9a-f]{40}\s*$", Options, TimeoutMs)]
    private static partial Regex GitHubPreMerge();

    [GeneratedRegex(@"^Merge pull request [0-9]+ from \S+ into \S+\s*$", Options, TimeoutMs)]
    private static partial Regex AzureDevOpsPreMerge();

    [GeneratedRegex(@"^refs/pull/[0-9]+/merge$", Options, TimeoutMs)]
    private static partial Regex GitHubMergeRef();

    [GeneratedRegex(@"^See merge request \S+!([0-9]+)", Options | RegexOptions.Multiline, TimeoutMs)]
    private static partial Regex GitLabMergeRequestBody();

    [GeneratedRegex(@"\(#([0-9]+)\)\s*$", Options, TimeoutMs)]
    private static partial Regex SquashSubjectPattern();

    [GeneratedRegex(@"^Differential Revision:[ \t]*\S+", Options | RegexOptions.Multiline, TimeoutMs)]
    private static partial Regex DifferentialRevisionLine();

    [GeneratedRegex(@"This reverts commit ([0-9a-fA-F]{7,40})", Options, TimeoutMs)]
    private static partial Regex RevertLinePattern();
}
