using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

/// <summary>
/// A long-lived branch (develop, a release branch) merged into main with a merge commit is a landing on main, not a
/// sync merge: only bringing the base (or the same branch from a remote) in is a sync.
/// </summary>
public sealed class BranchMergeTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly GitRepo _repo = new();

    public BranchMergeTests()
    {
        _repo.Commit("Initial commit", when: new DateTimeOffset(2023, 12, 1, 9, 0, 0, TimeSpan.Zero), files: new[] { ("README.md", "r\n") });
        _repo.Checkout("-b", "develop");
        for (int i = 1; i <= 3; i++)
        {
            _repo.Checkout("-b", "f" + i);
            _repo.Commit("Feature " + i, GitRepo.Bob, files: new[] { ("src/F" + i + ".cs", "f\n") });
            _repo.Checkout("develop");
            _repo.Merge("f" + i, "Merge pull request #" + i + " from org/f" + i);
        }

        _repo.Checkout("main");
        _repo.Commit("Fix levy (#10)", GitRepo.Bob, files: new[] { ("src/Levy.cs", "l\n") });
    }

    public void Dispose() => _repo.Dispose();

    private ReviewSummary Reviews() => new LibGit2History().Read(_repo.Root, new HistoryOptions { Now = Now }, null, CancellationToken.None).Reviews;

    [Fact]
    public void DevelopMergedIntoMain_IsALanding()
    {
        var merge = _repo.Merge("develop", "Merge branch 'develop'");
        var reviews = Reviews();
        Assert.Equal(2, reviews.Landings);
        Assert.Equal(2, reviews.HumanLandings);
        Assert.Equal(1, reviews.Reviewed);
        Assert.Equal(EvidenceKind.DirectPush, reviews.Items.Single(i => i.Sha == merge).Evidence);
        Assert.Equal(0, reviews.Evidence[EvidenceKind.SyncMerge]);
    }

    [Fact]
    public void DevelopMergedIntoMainThroughAGitLabMergeRequest_IsAReviewedLanding()
    {
        var merge = _repo.Merge("develop", "Merge branch 'develop' into 'main'\n\nRelease 2.0\n\nSee merge request group/project!12");
        var reviews = Reviews();
        Assert.Equal(2, reviews.Landings);
        Assert.Equal(2, reviews.Reviewed);
        var landing = reviews.Items.Single(i => i.Sha == merge);
        Assert.Equal(EvidenceKind.PullRequestMerge, landing.Evidence);
        Assert.Equal("12", landing.PullRequest);
        Assert.True(landing.FirstPass); // develop's own PR merges are not rework
    }

    [Fact]
    public void MainMergedIntoDevelop_IsStillASync()
    {
        _repo.Checkout("develop");
        var sync = _repo.Merge("main", "Merge branch 'main' into develop");
        var reviews = Reviews();
        Assert.DoesNotContain(reviews.Items, i => i.Sha == sync);
        Assert.Equal(1, reviews.Evidence[EvidenceKind.SyncMerge]);
        Assert.Equal(3, reviews.Landings);
        Assert.Equal(3, reviews.Reviewed);
    }

    [Theory]
    [InlineData("Merge branch 'main'", EvidenceKind.SyncMerge)]
    [InlineData("Merge branch 'master'", EvidenceKind.SyncMerge)]
    [InlineData("Merge branch 'main' into feature-x", EvidenceKind.SyncMerge)]
    [InlineData("Merge branch 'main' into 'feature-x'", EvidenceKind.SyncMerge)]
    [InlineData("Merge branch 'origin/main' into feature-x", EvidenceKind.SyncMerge)]
    [InlineData("Merge branch 'main' into develop", EvidenceKind.SyncMerge)]
    [InlineData("Merge branch 'develop' into feature/x", EvidenceKind.SyncMerge)]
    [InlineData("Merge branch 'trunk' into dev", EvidenceKind.SyncMerge)]
    [InlineData("Merge remote-tracking branch 'origin/main'", EvidenceKind.SyncMerge)]
    [InlineData("Merge remote-tracking branch 'upstream/master' into main", EvidenceKind.SyncMerge)]
    [InlineData("Merge remote-tracking branch 'origin/feature-x' into feature-x", EvidenceKind.SyncMerge)]
    [InlineData("Merge branch 'main' of github.com:org/repo", EvidenceKind.SyncMerge)]
    [InlineData("Merge branch 'feature-x' of https://github.com/org/repo into feature-x", EvidenceKind.SyncMerge)]
    [InlineData("Merge branch 'develop'", EvidenceKind.DirectPush)]
    [InlineData("Merge branch 'origin/develop'", EvidenceKind.DirectPush)]
    [InlineData("Merge branch 'develop' into main", EvidenceKind.DirectPush)]
    [InlineData("Merge branch 'release/2.0' into develop", EvidenceKind.DirectPush)]
    [InlineData("Merge branch 'feature-x' into feature-y", EvidenceKind.DirectPush)]
    [InlineData("Merge remote-tracking branch 'origin/develop'", EvidenceKind.DirectPush)]
    [InlineData("Merge remote-tracking branch 'origin/feature-x'", EvidenceKind.DirectPush)]
    [InlineData("Merge branch 'feature-x' of github.com:org/repo", EvidenceKind.DirectPush)]
    [InlineData("Merge branch 'develop' into 'main'", EvidenceKind.DirectPush)]
    public void MergeSubject_IsASyncOnlyWhenItBringsTheBaseOrTheSameBranchIn(string subject, EvidenceKind expected)
    {
        var merge = CommitRecord.FromMessage(new string('a', 40), new[] { new string('b', 40), new string('c', 40) }, "Ann", "ann@example.com", Now,
            "Ann", "ann@example.com", Now, subject, boundary: false);
        Assert.Equal(expected, ReviewClassifier.Classify(merge, Mailmap.Empty, new HistoryOptions().BotPatterns).Kind);
    }
}
