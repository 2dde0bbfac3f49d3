namespace QualityGates.Core.History;

/// <summary>
/// The merge commit a CI makes to build a pull request as if it were merged (GitHub's and Azure DevOps's
/// refs/pull/N/merge, GitLab's merged-results pipelines), checked out as a detached HEAD. It has not landed: taken for
/// a landing, every PR build counted one unreviewed direct push that never happens.
/// </summary>
public static class PreMergeCommit
{
    /// <summary>
    /// Whether the CI's documented variables say this build is of a pull request: GitHub Actions' pull_request event
    /// (GITHUB_REF refs/pull/N/merge), Azure Pipelines' BUILD_REASON PullRequest, GitLab's CI_MERGE_REQUEST_IID.
    /// pull_request_target is left out: it checks out the target branch, whose tip may be a real PR merge.
    /// </summary>
    public static bool IsPullRequestBuild(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment("GITHUB_EVENT_NAME") == "pull_request"
            || ReviewPatterns.GitHubPullRequestMergeRef.IsMatch(environment("GITHUB_REF") ?? string.Empty)
            || string.Equals(environment("BUILD_REASON"), "PullRequest", StringComparison.OrdinalIgnoreCase)
            || !string.IsNullOrWhiteSpace(environment("CI_MERGE_REQUEST_IID"));
    }

    /// <summary>
    /// A detached HEAD with two parents (or whose parents a shallow fetch cut off) whose subject is one a CI writes for
    /// it ("Merge &lt;sha&gt; into &lt;sha&gt;", "Merge pull request 12 from feature into main"), or any merge but a
    /// sync merge when the environment says the build is of a pull request.
    /// </summary>
    internal static bool Is(CommitRecord head, bool detached, bool pullRequestBuild) =>
        detached && (head.Parents.Length == 2 || (head.Boundary && head.Parents.Length == 0)) &&
        (ReviewPatterns.PreMergeSubject.Any(p => p.IsMatch(head.Subject)) ||
         (pullRequestBuild && (head.IsMerge || head.Subject.StartsWith("Merge", StringComparison.Ordinal)) && !ReviewClassifier.IsSyncMerge(head.Subject)));
}
