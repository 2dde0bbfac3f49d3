using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

/// <summary>
/// A branch renames a file while main keeps editing it under the old name; the merge carries main's edits into the new
/// path. Newest first, main's edit was read before the rename and stayed with the old path (which no longer exists),
/// so the file lost a revision, as 'git log --follow' loses it too. A file re-created at the old path after the rename
/// keeps its own history.
/// </summary>
public sealed class ConcurrentRenameTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly GitRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private static string Lines(int count, string extra = "") =>
        string.Concat(Enumerable.Range(1, count).Select(i => "line " + i + "\n")) + extra;

    private static DateTimeOffset Day(int day) => new(2024, 5, day, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EditOfTheOldPathOnMain_CountsForTheRenamedFile(bool useGit)
    {
        var r = _repo;
        r.Commit("Add", GitRepo.Ann, when: Day(1), files: ("src/Old.cs", Lines(20)));
        r.Checkout("-b", "feature");
        r.Git("mv", "src/Old.cs", "src/New.cs");
        r.Commit("Rename", GitRepo.Bob, when: Day(2));
        r.Checkout("main");
        r.Commit("Edit old name on main", GitRepo.Carol, when: Day(3), files: ("src/Old.cs", Lines(20, "carol\n")));
        r.Merge("feature", "Merge pull request #1 from org/feature", GitRepo.Ann, when: Day(4));
        Assert.Contains("carol", File.ReadAllText(Path.Combine(r.Root, "src/New.cs")), StringComparison.Ordinal);
        r.Commit("Re-create old name", GitRepo.Bob, when: Day(5), files: ("src/Old.cs", "new file\n"));
        r.Commit("Edit re-created", GitRepo.Bob, when: Day(6), files: ("src/Old.cs", "new file\nmore\n"));

        var result = new LibGit2History(useGit).Read(r.Root, new HistoryOptions { Now = Now }, null, CancellationToken.None);

        // Physically (git log --numstat -- src/New.cs src/Old.cs, before the re-creation): add 20, rename 0, edit 1.
        var renamed = result.Files.Single(f => f.Path == "src/New.cs");
        Assert.Equal(3, renamed.Revisions);
        Assert.Equal(21, renamed.Churn);
        Assert.Equal(new[] { ("Ann Author", 1), ("Bob Builder", 1), ("Carol Checker", 1) }, renamed.MainAuthors);
        var recreated = result.Files.Single(f => f.Path == "src/Old.cs");
        Assert.Equal(2, recreated.Revisions);
        Assert.Equal(2, recreated.Churn);
        Assert.Equal(new[] { "src/New.cs", "src/Old.cs" }, result.Files.Select(f => f.Path));
    }
}
