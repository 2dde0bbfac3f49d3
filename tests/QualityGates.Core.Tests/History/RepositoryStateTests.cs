using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

/// <summary>Shallow clones, detached HEAD, empty repositories and no repository: notes, never crashes.</summary>
public sealed class RepositoryStateTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 30, 12, 0, 0, TimeSpan.Zero);

    private static HistoryResult Read(string root, bool useGit = true) => new LibGit2History(useGit).Read(root, new HistoryOptions { Now = Now }, null, CancellationToken.None);

    private static GitRepo FiveCommits()
    {
        var repo = new GitRepo();
        for (int i = 1; i <= 5; i++)
        {
            repo.Commit("Change " + i + " (#" + i + ")", GitRepo.Bob, files: new[] { ("a.cs", string.Concat(Enumerable.Range(1, i).Select(n => n + "\n"))) });
        }

        return repo;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ShallowClone_DropsBoundaryAndSaysHistoryIsTruncated(bool useGit)
    {
        using var source = FiveCommits();
        using var clone = GitRepo.Clone(source, "--depth", "2");
        var result = Read(clone.Root, useGit);
        Assert.True(result.Info.Shallow);
        Assert.Equal(2, result.Info.Commits);
        Assert.Contains("history truncated: fetch-depth 0 needed", result.Info.Notes);
        Assert.Contains("1 shallow boundary commit(s) left out of revisions and churn", result.Info.Notes);
        var a = Assert.Single(result.Files);
        Assert.Equal(1, a.Revisions); // the boundary commit would count the whole file as added
        Assert.Equal(1, a.Added);
        Assert.Equal(2, result.Reviews.Landings); // landings keep their messages: both squash merges
        Assert.Equal(2, result.Reviews.Reviewed);
        // The boundary (Change 4, 2024-04-05 12:00) lies inside both windows: the figures miss what came before it.
        var boundary = new DateTimeOffset(2024, 4, 5, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(boundary, result.Reviews.TruncatedAt);
        Assert.Equal(boundary, result.Info.HotspotWindowTruncatedAt);
    }

    [Fact]
    public void DetachedHead_ReadsFromHead()
    {
        using var repo = FiveCommits();
        repo.Checkout("--detach", "HEAD~1");
        var result = Read(repo.Root);
        Assert.Null(result.Info.Branch);
        Assert.Equal(repo.Head(), result.Info.Head);
        Assert.Equal(4, result.Info.Commits);
        Assert.Equal(4, result.Reviews.Landings);
        Assert.Equal(4, result.Files.Single().Revisions);
    }

    [Fact]
    public void EmptyRepository_GivesANote()
    {
        using var repo = new GitRepo();
        var result = Read(repo.Root);
        Assert.Equal(new[] { "repository has no commits" }, result.Info.Notes);
        Assert.Equal(0, result.Info.Commits);
        Assert.Equal(0, result.Reviews.Landings);
        Assert.Null(result.Reviews.ReviewCoverage);
        Assert.Null(result.Reviews.ReviewCoverageInterval);
        Assert.Empty(result.Files);
        Assert.Null(result.Info.Head);
    }

    [Fact]
    public void NoRepository_GivesANote()
    {
        var dir = Path.Combine(Path.GetTempPath(), "qg-norepo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var result = Read(dir);
            Assert.Equal(new[] { NoRepositoryHistory.NoRepositoryNote }, result.Info.Notes);
            Assert.Equal(0, result.Reviews.Landings);
            Assert.Equal(7, result.Reviews.Evidence.Count);
            Assert.All(result.Reviews.Evidence.Values, v => Assert.Equal(0, v));
            Assert.Empty(result.NewCode.ChangedLines);
            Assert.Equal(new[] { NoRepositoryHistory.NoRepositoryNote }, Read(Path.Combine(dir, "missing")).Info.Notes);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void NullObject_AnswersEmpty()
    {
        var result = new NoRepositoryHistory().Read("/nowhere", new HistoryOptions { Now = Now, ReviewWindowDays = 30 }, null, CancellationToken.None);
        Assert.Equal(30, result.Reviews.WindowDays);
        Assert.Equal(new[] { NoRepositoryHistory.NoRepositoryNote }, result.Info.Notes);
        Assert.False(result.Info.Shallow);
    }
}
