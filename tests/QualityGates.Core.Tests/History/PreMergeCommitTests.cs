using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

/// <summary>
/// A CI builds a pull request on a merge it makes itself (GitHub's and Azure DevOps's refs/pull/N/merge, checked out
/// detached): taken for a landing, every PR build counted one unreviewed direct push that never happens.
/// </summary>
public sealed class PreMergeCommitTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly GitRepo _repo = new();
    private readonly string _pr1;
    private readonly string _pr2;
    private readonly string _direct;
    private readonly string _topic;

    public PreMergeCommitTests()
    {
        _repo.Commit("Initial commit", when: new DateTimeOffset(2023, 12, 1, 9, 0, 0, TimeSpan.Zero), files: ("README.md", "r\n"));
        _pr1 = Pr(1, "Add rating");
        _pr2 = Pr(2, "Add tariff");
        _direct = _repo.Commit("Fix fee", GitRepo.Bob, files: ("src/Fee.cs", "f\n"));

        // The pull request being built reverts a landed PR and needed a review pass: neither has happened on main yet.
        _repo.Checkout("-b", "topic");
        _repo.Commit("Revert \"Add tariff\"\n\nThis reverts commit " + _pr2 + ".", GitRepo.Carol, files: ("src/Pr2.cs", "x\n"));
        _topic = _repo.Commit("Address review comments", GitRepo.Carol, files: ("src/Levy.cs", "l\n"));
    }

    public void Dispose() => _repo.Dispose();

    private string Pr(int number, string subject)
    {
        _repo.Checkout("-b", "pr" + number);
        _repo.Commit(subject, GitRepo.Carol, files: ("src/Pr" + number + ".cs", subject + "\n"));
        _repo.Checkout("main");
        return _repo.Merge("pr" + number, "Merge pull request #" + number + " from org/pr" + number);
    }

    /// <summary>Merges the topic into main's tip as the CI does: on a detached HEAD (or on main itself), with its message.</summary>
    private string PreMerge(string message, bool detached = true)
    {
        _repo.Checkout(detached ? new[] { "--detach", "main" } : new[] { "main" });
        return _repo.Merge("topic", message.Replace("{topic}", _topic, StringComparison.Ordinal).Replace("{main}", _direct, StringComparison.Ordinal));
    }

    private HistoryResult Read(bool pullRequestBuild = false) =>
        new LibGit2History().Read(_repo.Root, new HistoryOptions { Now = Now, PullRequestBuild = pullRequestBuild }, null, CancellationToken.None);

    /// <summary>The target branch's figures: the two PR merges and the direct push, nothing reverted.</summary>
    private static void AssertTargetBranchFigures(ReviewSummary reviews)
    {
        Assert.Equal(3, reviews.Landings);
        Assert.Equal(2, reviews.Reviewed);
        Assert.Equal(2.0 / 3, reviews.ReviewCoverage);
        Assert.Equal(0, reviews.Reverted);
        Assert.Equal(1.0, reviews.PassRate);
        Assert.Equal(1.0, reviews.FirstPassRate);
        Assert.Equal(1, reviews.Evidence[EvidenceKind.DirectPush]);
    }

    [Theory]
    [InlineData("Merge {topic} into {main}")] // GitHub Actions, refs/pull/N/merge
    [InlineData("Merge pull request 3 from topic into main")] // Azure Pipelines, refs/pull/3/merge
    public void DetachedCiMerge_IsNoLanding_TheTargetBranchIsJudged(string message)
    {
        string head = PreMerge(message);

        var result = Read();

        Assert.Equal(new[] { _direct, _pr2, _pr1 }, result.Reviews.Items.Select(i => i.Sha));
        AssertTargetBranchFigures(result.Reviews);
        Assert.Contains($"HEAD {head[..7]} is the merge a CI builds for a pull request, not a landing: reviews are judged from its first parent (the target branch)", result.Info.Notes);
    }

    [Fact]
    public void CiMergeSubjectOnABranch_IsALanding()
    {
        // Pushed to main, the same commit has landed: a direct push, and its revert of PR 2 counts.
        string head = PreMerge("Merge {topic} into {main}", detached: false);

        var reviews = Read().Reviews;

        Assert.Equal(new[] { head, _direct, _pr2, _pr1 }, reviews.Items.Select(i => i.Sha));
        Assert.Equal(2, reviews.Evidence[EvidenceKind.DirectPush]);
        Assert.Equal(1, reviews.Reverted);
    }

    [Fact]
    public void PullRequestBuild_DetachedMergeOfAnySubject_IsNoLanding()
    {
        // GitLab's merged-results pipeline merges with the project's template: without a main branch to compare with
        // (its fetch may bring only the merge request's refs), only the environment tells it apart.
        string head = PreMerge("Merge branch 'topic' into 'main'\n\nSee merge request org/motor!7");
        _repo.Git("branch", "-m", "main", "target");

        var plain = Read();
        var pullRequestBuild = Read(pullRequestBuild: true);

        Assert.Equal(4, plain.Reviews.Landings);
        Assert.Equal(1, plain.Reviews.Evidence[EvidenceKind.PullRequestMerge] - 2);
        Assert.Contains("no main branch found (tried origin/HEAD, origin/main, origin/master, main, master): commits of this branch that have not landed yet count as landings", plain.Info.Notes);
        AssertTargetBranchFigures(pullRequestBuild.Reviews);
        Assert.Contains($"HEAD {head[..7]} is the merge a CI builds for a pull request, not a landing: reviews are judged from its first parent (the target branch)", pullRequestBuild.Info.Notes);
    }

    [Fact]
    public void DetachedMergeOfAnySubject_WithTheMainBranch_IsNoLanding()
    {
        // With the main branch at hand, a merge that is not on it has not landed, whatever the environment says.
        string head = PreMerge("Merge branch 'topic' into 'main'\n\nSee merge request org/motor!7");

        var result = Read();

        AssertTargetBranchFigures(result.Reviews);
        Assert.Contains($"3 commit(s) of this branch, not yet landed on main, are not counted as landings: reviews are judged from the merge base {_direct[..7]}", result.Info.Notes);
        Assert.DoesNotContain(result.Reviews.Items, i => i.Sha == head);
    }

    [Fact]
    public void PullRequestBuild_SyncMergeHead_StaysASyncMerge()
    {
        _repo.Checkout("main");
        string tax = _repo.Commit("Fix tax", GitRepo.Bob, files: ("src/Tax.cs", "t\n"));
        _repo.Checkout("topic");
        string sync = _repo.Merge("main", "Merge branch 'main' into topic");
        _repo.Checkout("--detach");

        var result = Read(pullRequestBuild: true);
        var reviews = result.Reviews;

        // The PR's head, built as it is, is no pre-merge commit: it is the topic's own line, which has not landed
        // (its revert, review fix and sync merge), so main's four landings are judged from main's tip.
        Assert.DoesNotContain(result.Info.Notes, n => n.Contains("is the merge a CI builds", StringComparison.Ordinal));
        Assert.Contains($"3 commit(s) of this branch, not yet landed on main, are not counted as landings: reviews are judged from the merge base {tax[..7]}", result.Info.Notes);
        Assert.DoesNotContain(reviews.Items, i => i.Sha == sync);
        Assert.Equal(new[] { tax, _direct, _pr2, _pr1 }, reviews.Items.Select(i => i.Sha));
        Assert.Equal(4, reviews.Landings);
        Assert.Equal(0, reviews.Reverted);
    }

    [Fact]
    public void ShallowCiMerge_IsNoLanding()
    {
        // actions/checkout fetches depth 1: the merge's parents are cut off.
        PreMerge("Merge {topic} into {main}");
        _repo.Git("branch", "pull-3-merge");
        using var clone = GitRepo.Clone(_repo, "--depth", "1", "--branch", "pull-3-merge");
        clone.Checkout("--detach");

        var reviews = new LibGit2History().Read(clone.Root, new HistoryOptions { Now = Now }, null, CancellationToken.None).Reviews;

        Assert.Empty(reviews.Items);
        Assert.Equal(0, reviews.Evidence[EvidenceKind.DirectPush]);
        Assert.NotNull(reviews.TruncatedAt);
    }

    [Theory]
    [InlineData("GITHUB_EVENT_NAME", "pull_request", true)]
    [InlineData("GITHUB_EVENT_NAME", "pull_request_target", false)]
    [InlineData("GITHUB_EVENT_NAME", "push", false)]
    [InlineData("GITHUB_REF", "refs/pull/42/merge", true)]
    [InlineData("GITHUB_REF", "refs/heads/main", false)]
    [InlineData("BUILD_REASON", "PullRequest", true)]
    [InlineData("BUILD_REASON", "IndividualCI", false)]
    [InlineData("CI_MERGE_REQUEST_IID", "7", true)]
    [InlineData("CI_MERGE_REQUEST_IID", " ", false)]
    [InlineData("CI", "true", false)]
    public void IsPullRequestBuild_ReadsTheCisDocumentedVariables(string name, string value, bool expected) =>
        Assert.Equal(expected, PreMergeCommit.IsPullRequestBuild(n => n == name ? value : null));
}
