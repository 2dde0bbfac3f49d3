using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

/// <summary>
/// A feature branch's own commits have not landed: a CI that builds every pushed branch (or a developer running the
/// gate on a branch) counted its work in progress as unreviewed direct pushes, and got QGB1101 for work not yet on
/// main. Landings are read up to the merge base of HEAD and the main branch (docs/gate.md, "Branch builds").
/// </summary>
public sealed class UnlandedBranchTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly GitRepo _repo = new();
    private readonly string _pr1;
    private readonly string _pr2;
    private readonly string _direct;

    public UnlandedBranchTests()
    {
        _repo.Commit("Initial commit", when: new DateTimeOffset(2023, 12, 1, 9, 0, 0, TimeSpan.Zero), files: ("README.md", "r\n"));
        _pr1 = Pr(1, "Add rating");
        _pr2 = Pr(2, "Add tariff");
        _direct = _repo.Commit("Fix fee", GitRepo.Bob, files: ("src/Fee.cs", "f\n"));
    }

    public void Dispose() => _repo.Dispose();

    private string Pr(int number, string subject)
    {
        _repo.Checkout("-b", "pr" + number);
        _repo.Commit(subject, GitRepo.Carol, files: ("src/Pr" + number + ".cs", subject + "\n"));
        _repo.Checkout("main");
        return _repo.Merge("pr" + number, "Merge pull request #" + number + " from org/pr" + number);
    }

    private static HistoryResult Read(GitRepo repo, string? baseRef = null) =>
        new LibGit2History().Read(repo.Root, new HistoryOptions { Now = Now, BaseRef = baseRef }, null, CancellationToken.None);

    private HistoryResult Read(string? baseRef = null) => Read(_repo, baseRef);

    private static string Unlanded(int commits, string main, string mergeBase) =>
        $"{commits} commit(s) of this branch, not yet landed on {main}, are not counted as landings: reviews are judged from the merge base {mergeBase[..7]}";

    private static bool IsBranchNote(string note) =>
        note.Contains("not yet landed", StringComparison.Ordinal) || note.Contains("have not landed", StringComparison.Ordinal);

    /// <summary>Main's figures: the two PR merges and the direct push, nothing reverted.</summary>
    private void AssertMainFigures(ReviewSummary reviews)
    {
        Assert.Equal(new[] { _direct, _pr2, _pr1 }, reviews.Items.Select(i => i.Sha));
        Assert.Equal(3, reviews.Landings);
        Assert.Equal(2, reviews.Reviewed);
        Assert.Equal(2.0 / 3, reviews.ReviewCoverage);
        Assert.Equal(1, reviews.Evidence[EvidenceKind.DirectPush]);
        Assert.Equal(0, reviews.Reverted);
        Assert.Equal(1.0, reviews.PassRate);
    }

    [Fact]
    public void HeadOnMain_FiguresUnchanged_NoNote()
    {
        var result = Read();

        AssertMainFigures(result.Reviews);
        Assert.DoesNotContain(result.Info.Notes, IsBranchNote);
    }

    [Fact]
    public void BranchAheadOfMain_ItsWorkInProgressIsNoLanding()
    {
        _repo.Checkout("-b", "feature");
        string wip = _repo.Commit("WIP", files: ("src/Wip.cs", "w\n"));

        var result = Read();

        AssertMainFigures(result.Reviews);
        Assert.DoesNotContain(result.Reviews.Items, i => i.Sha == wip);
        Assert.Contains(Unlanded(1, "main", _direct), result.Info.Notes);
    }

    [Fact]
    public void BranchRevertingALanding_RevertsNothingYet()
    {
        _repo.Checkout("-b", "feature");
        _repo.Commit("Revert \"Add tariff\"\n\nThis reverts commit " + _pr2 + ".", files: ("src/Pr2.cs", "x\n"));
        _repo.Commit("WIP", files: ("src/Wip.cs", "w\n"));

        var result = Read();

        AssertMainFigures(result.Reviews);
        Assert.Contains(Unlanded(2, "main", _direct), result.Info.Notes);
    }

    [Fact]
    public void MainMovedOnAfterTheBranchPoint_LandingsUpToTheMergeBase()
    {
        _repo.Checkout("-b", "feature");
        _repo.Commit("WIP", files: ("src/Wip.cs", "w\n"));
        _repo.Checkout("main");
        string pr3 = Pr(3, "Add levy");
        _repo.Checkout("feature");

        var result = Read();

        // The branch is judged as main stood where it left it: PR 3 is not on HEAD's history.
        AssertMainFigures(result.Reviews);
        Assert.DoesNotContain(result.Reviews.Items, i => i.Sha == pr3);
        Assert.Contains(Unlanded(1, "main", _direct), result.Info.Notes);
    }

    [Fact]
    public void MainMergedIntoTheBranch_MainsLandingsCountOnce_TheBranchsCommitsNot()
    {
        _repo.Checkout("-b", "feature");
        string f1 = _repo.Commit("Start quote API", files: ("src/Quote.cs", "q\n"));
        _repo.Checkout("main");
        string pr3 = Pr(3, "Add levy");
        _repo.Checkout("feature");
        string sync = _repo.Merge("main", "Merge branch 'main' into feature");
        string f2 = _repo.Commit("Finish quote API", files: ("src/Quote.cs", "q2\n"));

        var result = Read();
        var reviews = result.Reviews;

        Assert.Equal(new[] { pr3, _direct, _pr2, _pr1 }, reviews.Items.Select(i => i.Sha));
        Assert.Equal(4, reviews.Landings);
        Assert.Equal(3, reviews.Reviewed);
        Assert.Equal(0.75, reviews.ReviewCoverage);
        Assert.Equal(0, reviews.Evidence[EvidenceKind.SyncMerge]);
        Assert.DoesNotContain(reviews.Items, i => i.Sha == f1 || i.Sha == f2 || i.Sha == sync);
        Assert.Contains(Unlanded(3, "main", pr3), result.Info.Notes);
    }

    [Fact]
    public void NoMainBranch_TodaysFigures_WithANote()
    {
        _repo.Git("branch", "-m", "main", "stable");
        _repo.Checkout("-b", "feature");
        string wip = _repo.Commit("WIP", files: ("src/Wip.cs", "w\n"));

        var result = Read();

        Assert.Equal(new[] { wip, _direct, _pr2, _pr1 }, result.Reviews.Items.Select(i => i.Sha));
        Assert.Equal(4, result.Reviews.Landings);
        Assert.Equal(0.5, result.Reviews.ReviewCoverage);
        Assert.Contains("no main branch found (tried origin/HEAD, origin/main, origin/master, main, master): commits of this branch that have not landed yet count as landings", result.Info.Notes);
    }

    [Fact]
    public void ConfiguredBaseBranchNotFound_IsNotGuessedPast()
    {
        _repo.Checkout("-b", "feature");
        _repo.Commit("WIP", files: ("src/Wip.cs", "w\n"));

        var result = Read("develop");

        Assert.Equal(4, result.Reviews.Landings);
        Assert.Contains("base branch 'develop' not found: commits of this branch that have not landed yet count as landings", result.Info.Notes);
    }

    [Fact]
    public void ConfiguredBaseBranch_IsTheMainLine()
    {
        // Git flow: pull requests land on develop; a topic branch off develop is judged as develop stood.
        _repo.Checkout("-b", "develop");
        string pr3 = Pr3OnDevelop();
        _repo.Checkout("-b", "feature");
        _repo.Commit("WIP", files: ("src/Wip.cs", "w\n"));

        var configured = Read("develop");
        var guessed = Read();

        Assert.Equal(new[] { pr3, _direct, _pr2, _pr1 }, configured.Reviews.Items.Select(i => i.Sha));
        Assert.Contains(Unlanded(1, "develop", pr3), configured.Info.Notes);
        // Without the setting, main is the main line: develop's PR 3 (its merge and its commit) has not reached it.
        AssertMainFigures(guessed.Reviews);
        Assert.Contains(Unlanded(3, "main", _direct), guessed.Info.Notes);
    }

    [Fact]
    public void HeadOnALongLivedBranch_LandsItsOwnCommits()
    {
        _repo.Checkout("-b", "develop");
        string pr3 = Pr3OnDevelop();

        var result = Read();

        Assert.Equal(new[] { pr3, _direct, _pr2, _pr1 }, result.Reviews.Items.Select(i => i.Sha));
        Assert.DoesNotContain(result.Info.Notes, IsBranchNote);
    }

    [Fact]
    public void BaseIsATag_TheMainBranchIsStillTheMainLine()
    {
        // --base v1.0 asks for new code since a release; it says nothing about where commits land.
        _repo.Git("tag", "v1.0", _pr1);
        _repo.Checkout("-b", "feature");
        _repo.Commit("WIP", files: ("src/Wip.cs", "w\n"));

        var result = Read("v1.0");

        AssertMainFigures(result.Reviews);
        Assert.Contains(Unlanded(1, "main", _direct), result.Info.Notes);
    }

    [Fact]
    public void DetachedHeadAtAMainCommit_OnlyRemoteTrackingRefs_JudgedAsOfThatCommit()
    {
        // A CI checkout of a SHA: no local branch, origin/HEAD and origin/main from the clone.
        using var ci = GitRepo.Clone(_repo);
        ci.Checkout("--detach", _pr2);
        ci.Git("branch", "-D", "main");

        var atPr2 = Read(ci);
        ci.Checkout("--detach", _direct);
        var atTip = Read(ci);

        Assert.Equal(new[] { _pr2, _pr1 }, atPr2.Reviews.Items.Select(i => i.Sha));
        Assert.Equal(1.0, atPr2.Reviews.ReviewCoverage);
        Assert.DoesNotContain(atPr2.Info.Notes, IsBranchNote);
        AssertMainFigures(atTip.Reviews);
        Assert.DoesNotContain(atTip.Info.Notes, IsBranchNote);
    }

    [Fact]
    public void DetachedHeadOfAPushedBranch_OnCi_ItsCommitsAreNoLandings()
    {
        // The trial: a CI building every pushed branch, one work-in-progress commit, checked out by SHA.
        _repo.Checkout("-b", "feature");
        string wip = _repo.Commit("WIP", files: ("src/Wip.cs", "w\n"));
        _repo.Checkout("main");
        using var ci = GitRepo.Clone(_repo);
        ci.Checkout("--detach", wip);
        ci.Git("branch", "-D", "main");

        var result = Read(ci);

        AssertMainFigures(result.Reviews);
        // origin/HEAD is followed to the branch it names.
        Assert.Contains(Unlanded(1, "origin/main", _direct), result.Info.Notes);
    }

    [Fact]
    public void LocalMainAheadOfOrigin_UnpushedCommitsCountAsOnMain()
    {
        // A run on main itself judges main, as the trend history records it: its local commits are direct pushes to be.
        using var clone = GitRepo.Clone(_repo);
        string local = clone.Commit("Fix tax", GitRepo.Bob, files: ("src/Tax.cs", "t\n"));

        var result = Read(clone);

        Assert.Equal(new[] { local, _direct, _pr2, _pr1 }, result.Reviews.Items.Select(i => i.Sha));
        Assert.DoesNotContain(result.Info.Notes, IsBranchNote);
    }

    private string Pr3OnDevelop()
    {
        _repo.Checkout("-b", "pr3");
        _repo.Commit("Add levy", GitRepo.Carol, files: ("src/Pr3.cs", "l\n"));
        _repo.Checkout("develop");
        return _repo.Merge("pr3", "Merge pull request #3 from org/pr3");
    }
}
