using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

/// <summary>Every review pattern of product.md in one repository built by code; every figure asserted exactly.</summary>
public sealed class ReviewEvidenceTests : IClassFixture<ReviewEvidenceTests.Scenario>
{
    public static readonly DateTimeOffset Now = new(2024, 6, 30, 12, 0, 0, TimeSpan.Zero);

    private const string DependaBot = "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>";
    private const string Actions = "github-actions <actions@github.com>";
    private const string AnnOld = "Ann A <ann.old@example.com>";

    private readonly Scenario _s;

    public ReviewEvidenceTests(Scenario scenario)
    {
        _s = scenario;
    }

    public sealed class Scenario : IDisposable
    {
        public GitRepo Repo { get; } = new();
        public Dictionary<string, string> Sha { get; } = new();
        public HistoryResult Result { get; }

        public Scenario()
        {
            var r = Repo;
            r.Commit("Initial commit", GitRepo.Ann, when: new DateTimeOffset(2023, 12, 1, 9, 0, 0, TimeSpan.Zero),
                files: new[] { ("README.md", "readme\n"), (".mailmap", "Ann Author <ann@example.com> <ann.old@example.com>\n") });

            Sha["L1"] = Pr("feature-a", "Merge pull request #1 from org/feature-a", ("Add premium calculator", GitRepo.Bob), ("Add tests", GitRepo.Bob));
            Sha["A1"] = r.Git("rev-parse", "feature-a~1").Trim();
            Sha["L2"] = Pr("feature-b", "Merged PR 2: Add rating", ("Add rating", GitRepo.Bob), ("fixup! Add rating", GitRepo.Bob));
            Sha["L3"] = Pr("feature-c", "Merged in feature/c (pull request #3)", ("Add tariff table", GitRepo.Carol), ("Address review comments", GitRepo.Carol));
            Sha["L4"] = Pr("feature-d", "Merge pull request 'Add quote' (#4) from feature-d into main", ("Add quote", GitRepo.Bob));
            Sha["D1"] = r.Git("rev-parse", "feature-d").Trim();
            Sha["L5"] = Pr("feature-e", "Merge branch 'feature-e' into 'main'\n\nAdd limits\n\nSee merge request group/project!5", ("Add limits", GitRepo.Carol));
            Sha["L6"] = r.Commit("Add discounts (#6)", GitRepo.Bob);
            Sha["L7"] = r.Commit("Add excess\n\nSee merge request group/project!7", GitRepo.Bob);
            Sha["L8"] = r.Commit("Merged PR 8: Fix rounding", GitRepo.Carol);
            Sha["L9"] = r.Commit("Merged in fix/levy (pull request #9)", GitRepo.Carol);
            Sha["L10"] = r.Commit("Fix tax\n\nReviewed-by: Carol Checker <carol@example.com>", GitRepo.Ann);
            Sha["L11"] = r.Commit("Fix fee\n\nReviewed-by: Ann Author <ann@example.com>", GitRepo.Ann);
            Sha["L12"] = r.Commit("Fix levy\n\nAcked-by: Ann Author <ann@example.com>", AnnOld);
            Sha["L13"] = r.Commit("Fix typo\n\nSigned-off-by: Carol Checker <carol@example.com>", GitRepo.Ann);
            Sha["L14"] = r.Commit("Tweak rates\n\nChange-Id: I1234\nReviewed-on: https://gerrit.example.com/c/42", GitRepo.Bob);
            Sha["L15"] = r.Commit("Tweak limits\n\nSummary: tighter\n\nDifferential Revision: https://reviews.example.com/D12", GitRepo.Bob);
            Sha["L16"] = r.Commit("Bump Foo from 1.0 to 1.1", DependaBot);
            Sha["L17"] = r.Commit("Update snapshots", GitRepo.Bob, committer: Actions);
            Sha["L18"] = Pr("side", "Merge remote-tracking branch 'origin/main'", ("Side fix", GitRepo.Bob));
            Sha["L19"] = r.Commit("Hotfix", GitRepo.Bob);
            Sha["L20"] = r.Commit("Revert \"Add discounts (#6)\"\n\nThis reverts commit " + Sha["L6"] + ".", GitRepo.Ann, when: Day(12));
            Sha["L21"] = r.Commit("Revert \"Add quote\"\n\nThis reverts commit " + Sha["D1"][..10] + ".", GitRepo.Ann, when: Day(13));
            Sha["L23"] = r.Commit("Revert \"Hotfix\"\n\nThis reverts commit " + Sha["L19"] + ".", GitRepo.Ann, when: Day(20));
            Sha["L22"] = r.Commit("Revert \"Add tests\"\n\nThis reverts commit " + Sha["A1"] + ".", GitRepo.Ann, when: new DateTimeOffset(2024, 5, 20, 9, 0, 0, TimeSpan.Zero));
            Result = new LibGit2History().Read(r.Root, new HistoryOptions { Now = Now }, null, CancellationToken.None);
        }

        private static DateTimeOffset Day(int day) => new(2024, 4, day, 9, 0, 0, TimeSpan.Zero);

        private string Pr(string branch, string mergeMessage, params (string Subject, string Author)[] commits)
        {
            Repo.Checkout("-b", branch);
            foreach (var (subject, author) in commits)
            {
                Repo.Commit(subject, author, files: new[] { ("src/" + branch + ".cs", subject + "\n") });
            }

            Repo.Checkout("main");
            return Repo.Merge(branch, mergeMessage, GitRepo.Ann);
        }

        public void Dispose() => Repo.Dispose();
    }

    private Landing L(string name) => _s.Result.Reviews.Items.Single(i => i.Sha == _s.Sha[name]);

    [Fact]
    public void Summary_CountsEveryFigureExactly()
    {
        var r = _s.Result.Reviews;
        Assert.Equal(90, r.WindowDays);
        Assert.Equal(23, r.Landings);
        Assert.Equal(21, r.HumanLandings);
        Assert.Equal(2, r.Bots);
        Assert.Equal(12, r.Reviewed);
        Assert.Equal(12.0 / 21, r.ReviewCoverage!.Value, 12);
        Assert.Equal(2, r.Reverted);
        Assert.Equal(1 - 2.0 / 12, r.PassRate!.Value, 12);
        Assert.Equal(5, r.PullRequests);
        Assert.Equal(0.6, r.FirstPassRate!.Value, 12);
        Assert.Equal(0.3654655436930671, r.ReviewCoverageInterval!.Value.Low, 12);
        Assert.Equal(0.7553003107462404, r.ReviewCoverageInterval!.Value.High, 12);
        Assert.Equal(23, r.Items.Count);
        Assert.Equal(33, _s.Result.Info.Commits);
    }

    [Fact]
    public void Evidence_CountsByKind()
    {
        var e = _s.Result.Reviews.Evidence;
        Assert.Equal(1, e[EvidenceKind.SyncMerge]);
        Assert.Equal(5, e[EvidenceKind.PullRequestMerge]);
        Assert.Equal(4, e[EvidenceKind.SquashMerge]);
        Assert.Equal(1, e[EvidenceKind.ReviewTrailer]);
        Assert.Equal(2, e[EvidenceKind.ReviewLink]);
        Assert.Equal(2, e[EvidenceKind.Bot]);
        Assert.Equal(9, e[EvidenceKind.DirectPush]);
    }

    [Theory]
    [InlineData("L1", EvidenceKind.PullRequestMerge, "1")]
    [InlineData("L2", EvidenceKind.PullRequestMerge, "2")]
    [InlineData("L3", EvidenceKind.PullRequestMerge, "3")]
    [InlineData("L4", EvidenceKind.PullRequestMerge, "4")]
    [InlineData("L5", EvidenceKind.PullRequestMerge, "5")]
    [InlineData("L6", EvidenceKind.SquashMerge, "6")]
    [InlineData("L7", EvidenceKind.SquashMerge, "7")]
    [InlineData("L8", EvidenceKind.SquashMerge, "8")]
    [InlineData("L9", EvidenceKind.SquashMerge, "9")]
    [InlineData("L10", EvidenceKind.ReviewTrailer, null)]
    [InlineData("L11", EvidenceKind.DirectPush, null)]
    [InlineData("L12", EvidenceKind.DirectPush, null)]
    [InlineData("L13", EvidenceKind.DirectPush, null)]
    [InlineData("L14", EvidenceKind.ReviewLink, null)]
    [InlineData("L15", EvidenceKind.ReviewLink, null)]
    [InlineData("L16", EvidenceKind.Bot, null)]
    [InlineData("L17", EvidenceKind.Bot, null)]
    [InlineData("L19", EvidenceKind.DirectPush, null)]
    [InlineData("L20", EvidenceKind.DirectPush, null)]
    [InlineData("L22", EvidenceKind.DirectPush, null)]
    public void Landing_IsClassified(string name, EvidenceKind kind, string? pr)
    {
        var landing = L(name);
        Assert.Equal(kind, landing.Evidence);
        Assert.Equal(pr, landing.PullRequest);
    }

    [Fact]
    public void SyncMerge_IsNotALanding_ButTheRemoteCommitItBroughtIs()
    {
        // "Merge remote-tracking branch 'origin/main'": its second parent is main as pushed, so "Side fix" landed.
        Assert.DoesNotContain(_s.Result.Reviews.Items, i => i.Sha == _s.Sha["L18"]);
        Assert.Equal(EvidenceKind.DirectPush, _s.Result.Reviews.Items.Single(i => i.Subject == "Side fix").Evidence);
        Assert.DoesNotContain(_s.Result.Reviews.Items, i => i.Subject == "Initial commit");
    }

    [Fact]
    public void FirstPass_FalseWhenBranchHasFixupOrReviewFeedback()
    {
        Assert.True(L("L1").FirstPass);
        Assert.False(L("L2").FirstPass);
        Assert.False(L("L3").FirstPass);
        Assert.True(L("L4").FirstPass);
        Assert.True(L("L5").FirstPass);
        Assert.Null(L("L6").FirstPass);
        Assert.Null(L("L19").FirstPass);
    }

    [Fact]
    public void Reverts_WithinWindowOfLandingOrItsBranchCommit()
    {
        Assert.True(L("L6").Reverted);   // the squash commit itself, 7 days later
        Assert.True(L("L4").Reverted);   // a commit of its PR branch, abbreviated SHA, 8 days later
        Assert.True(L("L19").Reverted);  // a direct push: flagged, but outside the pass-rate figures
        Assert.False(L("L1").Reverted);  // its branch commit was reverted 45 days later: outside 30 days
        Assert.Equal(3, _s.Result.Reviews.Items.Count(i => i.Reverted));
    }

    [Fact]
    public void Mailmap_AppliesToLandingAuthors()
    {
        Assert.Equal("Ann Author", L("L12").AuthorName);
        Assert.Equal("ann@example.com", L("L12").AuthorEmail);
        Assert.Equal("Bob Builder", L("L6").AuthorName);
    }

    [Fact]
    public void Info_NamesBranchAndHead()
    {
        Assert.Equal("main", _s.Result.Info.Branch);
        Assert.Equal(_s.Repo.Head(), _s.Result.Info.Head);
        Assert.False(_s.Result.Info.Shallow);
    }

    [Fact]
    public void BotPatterns_AreConfigurable()
    {
        var result = new LibGit2History().Read(_s.Repo.Root, new HistoryOptions { Now = Now, BotPatterns = ["dependabot"] }, null, CancellationToken.None);
        Assert.Equal(1, result.Reviews.Bots);
        Assert.Equal(EvidenceKind.DirectPush, result.Reviews.Items.Single(i => i.Sha == _s.Sha["L17"]).Evidence);
        Assert.Equal(22, result.Reviews.HumanLandings);
    }

    [Fact]
    public void ShortWindow_CountsOnlyRecentLandings()
    {
        // Window Apr 21 - May 21: only the revert of May 20 lands in it, a direct push.
        var result = new LibGit2History().Read(_s.Repo.Root, new HistoryOptions { Now = new DateTimeOffset(2024, 5, 21, 0, 0, 0, TimeSpan.Zero), ReviewWindowDays = 30 }, null, CancellationToken.None);
        Assert.Equal(1, result.Reviews.Landings);
        Assert.Equal(0, result.Reviews.Reviewed);
        Assert.Equal(0.0, result.Reviews.ReviewCoverage);
        Assert.Null(result.Reviews.PassRate);
        Assert.Null(result.Reviews.FirstPassRate);
    }
}
