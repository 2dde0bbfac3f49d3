using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

/// <summary>
/// A commit whose committer clock ran ahead (a laptop a few minutes fast, CI starting right after the push) is on
/// HEAD's line: it has landed. The windows had an upper bound at "now" that left it out of the landings and the
/// revisions until the clock caught up.
/// </summary>
public sealed class ClockSkewTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly GitRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CommitDatedAfterNow_IsALandingAndARevision(bool useGit)
    {
        _repo.Commit("Add rater (#1)", GitRepo.Bob, when: Now.AddDays(-3), files: ("src/Rater.cs", "a\n"));
        string skewed = _repo.Commit("Tune rater", GitRepo.Bob, when: Now.AddMinutes(4), files: ("src/Rater.cs", "a\nb\n"));

        var result = new LibGit2History(useGit).Read(_repo.Root, new HistoryOptions { Now = Now }, null, CancellationToken.None);

        Assert.Equal(2, result.Reviews.Landings);
        Assert.Equal(EvidenceKind.DirectPush, result.Reviews.Items.Single(i => i.Sha == skewed).Evidence);
        Assert.Equal(0.5, result.Reviews.ReviewCoverage);
        var rater = Assert.Single(result.Files);
        Assert.Equal(2, rater.Revisions);
        Assert.Equal(2, rater.Churn);
    }
}
