using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

/// <summary>
/// Landings when HEAD's first-parent line is "inverted": a foxtrot pull on main, or main fast-forwarded onto a branch
/// that merged main, puts main's PR merges on a sync merge's second parent; they still landed and count, each once.
/// </summary>
public sealed class InvertedLineTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly GitRepo _repo = new();
    private readonly string _base;

    public InvertedLineTests()
    {
        _repo.Commit("Initial commit", when: new DateTimeOffset(2023, 12, 1, 9, 0, 0, TimeSpan.Zero), files: new[] { ("README.md", "r\n") });
        _base = _repo.Commit("Add premium", GitRepo.Bob, files: new[] { ("src/Premium.cs", "p\n") });
    }

    public void Dispose() => _repo.Dispose();

    private ReviewSummary Reviews() => new LibGit2History().Read(_repo.Root, new HistoryOptions { Now = Now }, null, CancellationToken.None).Reviews;

    /// <summary>A PR branch with one commit merged into the current branch; returns the merge SHA.</summary>
    private string Pr(int number, params string[] subjects)
    {
        string target = _repo.Git("rev-parse", "--abbrev-ref", "HEAD").Trim();
        _repo.Checkout("-b", "pr" + number);
        foreach (var subject in subjects)
        {
            _repo.Commit(subject, GitRepo.Carol, files: new[] { ("src/Pr" + number + ".cs", subject + "\n") });
        }

        _repo.Checkout(target);
        return _repo.Merge("pr" + number, "Merge pull request #" + number + " from org/pr" + number);
    }

    private static void AssertLandings(ReviewSummary reviews, params string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), reviews.Items.Select(i => i.Sha).Order(StringComparer.Ordinal));

    [Fact]
    public void FoxtrotPull_CountsThePullRequestMergesOnTheSecondParent()
    {
        // "origin/main" gets two PR merges while Ann commits on her local main, pulls (merge) and pushes.
        _repo.Checkout("-b", "origin-main");
        var pr1 = Pr(1, "Add rating");
        var pr2 = Pr(2, "Add tariff");
        _repo.Checkout("main");
        var local1 = _repo.Commit("Fix levy", files: new[] { ("src/Levy.cs", "l\n") });
        var local2 = _repo.Commit("Fix fee", files: new[] { ("src/Fee.cs", "f\n") });
        var sync = _repo.Merge("origin-main", "Merge branch 'main' of github.com:org/repo");

        var reviews = Reviews();
        AssertLandings(reviews, pr2, pr1, local2, local1, _base);
        Assert.Equal(1, reviews.Evidence[EvidenceKind.SyncMerge]);
        Assert.DoesNotContain(reviews.Items, i => i.Sha == sync);
        Assert.Equal(2, reviews.Reviewed);
        Assert.Equal(0.4, reviews.ReviewCoverage);
        Assert.Equal(2, reviews.PullRequests);
        Assert.Equal(1.0, reviews.FirstPassRate);
    }

    [Fact]
    public void MainMergedIntoABranchThenFastForwarded_CountsMainsLandings()
    {
        _repo.Checkout("-b", "feature");
        var work = _repo.Commit("Feature work", files: new[] { ("src/Feature.cs", "f\n") });
        _repo.Checkout("main");
        var pr1 = Pr(1, "Add rating");
        var hotfix = _repo.Commit("Hotfix", GitRepo.Bob, files: new[] { ("src/Hotfix.cs", "h\n") });
        _repo.Checkout("feature");
        _repo.Merge("main", "Merge branch 'main' into feature");
        _repo.Checkout("main");
        _repo.Git("merge", "-q", "--ff-only", "feature");

        var reviews = Reviews();
        AssertLandings(reviews, work, hotfix, pr1, _base);
        Assert.Equal(1, reviews.Reviewed);
        Assert.Equal(0.25, reviews.ReviewCoverage);
        Assert.Equal(new[] { work, hotfix, _base }.Order(StringComparer.Ordinal), reviews.Items.Where(i => i.Evidence == EvidenceKind.DirectPush).Select(i => i.Sha).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PullRequestWhoseBranchSyncedMain_KeepsItsBranchCommitsOutOfTheLandings()
    {
        // PR #5's branch merged main in ("into pr5", a sync merge too); the PR landed on origin/main, pulled by Ann.
        _repo.Checkout("-b", "pr5");
        _repo.Commit("Add quote", GitRepo.Carol, files: new[] { ("src/Quote.cs", "q\n") });
        _repo.Checkout("main");
        _repo.Checkout("-b", "origin-main");
        var pr1 = Pr(1, "Add rating");
        _repo.Checkout("pr5");
        _repo.Merge("origin-main", "Merge branch 'main' into pr5", GitRepo.Carol);
        _repo.Commit("Address review comments", GitRepo.Carol, files: new[] { ("src/Quote.cs", "q2\n") });
        _repo.Checkout("origin-main");
        var pr5 = _repo.Merge("pr5", "Merge pull request #5 from org/pr5");
        _repo.Checkout("main");
        var local = _repo.Commit("Fix levy", files: new[] { ("src/Levy.cs", "l\n") });
        _repo.Merge("origin-main", "Merge branch 'main' of github.com:org/repo");

        var reviews = Reviews();
        AssertLandings(reviews, pr5, pr1, local, _base);
        Assert.Equal(1, reviews.Evidence[EvidenceKind.SyncMerge]);
        Assert.Equal(2, reviews.Reviewed);
        Assert.Equal(2, reviews.PullRequests);
        Assert.Equal(0.5, reviews.FirstPassRate);
    }

    [Fact]
    public void NestedFoxtrot_CountsEveryLineOnce()
    {
        // Bob pulled (merge) on his main before pushing; Ann then pulled Bob's push into her own local main.
        _repo.Checkout("-b", "bob");
        _repo.Checkout("-b", "origin-main");
        var pr1 = Pr(1, "Add rating");
        _repo.Checkout("bob");
        var bob = _repo.Commit("Bob's fix", GitRepo.Bob, files: new[] { ("src/Bob.cs", "b\n") });
        _repo.Merge("origin-main", "Merge remote-tracking branch 'origin/main'", GitRepo.Bob);
        var pr2 = Pr(2, "Add tariff");
        _repo.Checkout("main");
        var ann = _repo.Commit("Ann's fix", files: new[] { ("src/Ann.cs", "a\n") });
        _repo.Merge("bob", "Merge branch 'main' of github.com:org/repo");

        var reviews = Reviews();
        AssertLandings(reviews, ann, pr2, bob, pr1, _base);
        Assert.Equal(2, reviews.Evidence[EvidenceKind.SyncMerge]);
        Assert.Equal(2, reviews.Reviewed);
        Assert.Equal(0.4, reviews.ReviewCoverage);
    }

    [Fact]
    public void FoxtrotPullInAShallowClone_EndsWhereTheSecondParentsLineWasCut()
    {
        var local = _repo.Commit("Fix levy", files: new[] { ("src/Levy.cs", "l\n") });
        _repo.Checkout("-b", "origin-main", _base);
        Pr(1, "Add rating");
        var pr2 = Pr(2, "Add tariff");
        _repo.Checkout("main");
        _repo.Merge("origin-main", "Merge branch 'main' of github.com:org/repo");
        using var shallow = GitRepo.Clone(_repo, "--depth", "2");

        var reviews = new LibGit2History().Read(shallow.Root, new HistoryOptions { Now = Now }, null, CancellationToken.None).Reviews;
        AssertLandings(reviews, pr2, local);
        Assert.Equal(EvidenceKind.PullRequestMerge, reviews.Items.Single(i => i.Sha == pr2).Evidence);
        Assert.Equal(reviews.Items.Single(i => i.Sha == pr2).When, reviews.TruncatedAt);
    }

    [Fact]
    public void MainMergedIntoDevelop_LeavesMainsLandingsOut()
    {
        // develop's own line is its first parent: main's commits landed on main, not on develop.
        _repo.Checkout("-b", "develop");
        var pr1 = Pr(1, "Add rating");
        _repo.Checkout("main");
        _repo.Commit("Hotfix", GitRepo.Bob, files: new[] { ("src/Hotfix.cs", "h\n") });
        _repo.Checkout("develop");
        _repo.Merge("main", "Merge branch 'main' into develop");

        AssertLandings(Reviews(), pr1, _base);
    }

    [Fact]
    public void FoxtrotPullOutsideTheWindow_CountsOnlyTheWindowsLandings()
    {
        _repo.Checkout("-b", "origin-main");
        _repo.Commit("Old fix", GitRepo.Bob, when: new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var pr1 = Pr(1, "Add rating");
        _repo.Checkout("main");
        var local = _repo.Commit("Fix levy", files: new[] { ("src/Levy.cs", "l\n") });
        _repo.Merge("origin-main", "Merge branch 'main' of github.com:org/repo");

        var reviews = Reviews();
        AssertLandings(reviews, pr1, local, _base);
    }

    [Theory]
    [InlineData("Merge branch 'main' of github.com:org/repo", true)]
    [InlineData("Merge remote-tracking branch 'origin/main'", true)]
    [InlineData("Merge branch 'master'", true)]
    [InlineData("Merge branch 'main' into feature-x", true)]
    [InlineData("Merge branch 'develop' into feature/x", true)]
    [InlineData("Merge remote-tracking branch 'origin/feature-x' into feature-x", true)]
    [InlineData("Merge branch 'main' into develop", false)]
    [InlineData("Merge branch 'trunk' into dev", false)]
    [InlineData("Merge remote-tracking branch 'upstream/master' into main", false)]
    [InlineData("Merge branch 'develop'", false)]
    [InlineData("Merge pull request #1 from org/main", false)]
    public void SyncMerge_CarriesLandingsOnlyWhenItsSecondParentIsTheLandedOnLine(string subject, bool expected) =>
        Assert.Equal(expected, ReviewClassifier.CarriesLandings(subject));
}
