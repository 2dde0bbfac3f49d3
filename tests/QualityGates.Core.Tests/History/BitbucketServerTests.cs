using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

/// <summary>
/// Bitbucket Server and Data Center write their own PR merge messages ("Merge pull request #12 in PROJ/repo from
/// feature/x to master" up to 6.x, "Pull request #13: Title" + "Merge in PROJ/repo from ... to ..." from 7.0). Not
/// recognised, every PR of such a team counted as a direct push: review coverage 0 %.
/// </summary>
public sealed class BitbucketServerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly GitRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private string Pr(string branch, string message, params string[] subjects)
    {
        _repo.Checkout("-b", branch);
        foreach (var subject in subjects)
        {
            _repo.Commit(subject, GitRepo.Bob, files: ("src/" + branch + ".cs", subject + "\n"));
        }

        _repo.Checkout("main");
        return _repo.Merge(branch, message, GitRepo.Carol);
    }

    [Fact]
    public void BitbucketServerAndDataCenterMessages_ArePullRequests()
    {
        _repo.Commit("Initial commit", when: new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero), files: ("README.md", "r\n"));
        string server = Pr("server", "Merge pull request #12 in MOTOR/pricing from feature/levy to master\n\n* commit 'abc':\n  Add levy", "Add levy");
        string dataCenter = Pr("dc", "Pull request #13: Add excess\n\nMerge in MOTOR/pricing from feature/excess to master\n\n* commit 'def':\n  Add excess", "Add excess", "fixup! Add excess");
        string squash = _repo.Commit("Pull request #14: Fix rounding\n\nSquashed commit of the following:\n\ncommit 123\n    Fix rounding", GitRepo.Bob);
        string direct = _repo.Commit("Hotfix", GitRepo.Bob);

        var reviews = new LibGit2History().Read(_repo.Root, new HistoryOptions { Now = Now }, null, CancellationToken.None).Reviews;

        Landing Of(string sha) => reviews.Items.Single(i => i.Sha == sha);
        Assert.Equal((EvidenceKind.PullRequestMerge, "12", (bool?)true), (Of(server).Evidence, Of(server).PullRequest, Of(server).FirstPass));
        Assert.Equal((EvidenceKind.PullRequestMerge, "13", (bool?)false), (Of(dataCenter).Evidence, Of(dataCenter).PullRequest, Of(dataCenter).FirstPass));
        Assert.Equal((EvidenceKind.SquashMerge, "14"), (Of(squash).Evidence, Of(squash).PullRequest));
        Assert.Equal(EvidenceKind.DirectPush, Of(direct).Evidence);
        Assert.Equal(4, reviews.HumanLandings); // the initial commit is outside the window
        Assert.Equal(3, reviews.Reviewed);
        Assert.Equal(0.75, reviews.ReviewCoverage);
        Assert.Equal(0.5, reviews.FirstPassRate);
    }
}
