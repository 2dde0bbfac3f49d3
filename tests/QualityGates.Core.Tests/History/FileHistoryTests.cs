using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

/// <summary>
/// Revisions, churn, renames, mailmap, bots, merges and huge commits over the hotspot window; the same figures from
/// git's diff-tree and from LibGit2Sharp's diffs.
/// </summary>
public sealed class FileHistoryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly GitRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private static string Lines(int count, int changedAt = -1, string extra = "") =>
        string.Concat(Enumerable.Range(1, count).Select(i => i == changedAt ? "changed " + i + "\n" : "line " + i + "\n")) + extra;

    private static (string, string)[] Many(string folder, int count) =>
        Enumerable.Range(0, count).Select(i => ($"{folder}/F{i:D2}.cs", "class F" + i + " { }\n")).ToArray();

    private HistoryResult Build(bool useGit)
    {
        var r = _repo;
        r.Clock = new DateTimeOffset(2024, 1, 10, 9, 0, 0, TimeSpan.Zero);
        r.Commit("Old", GitRepo.Ann, when: new DateTimeOffset(2023, 1, 10, 9, 0, 0, TimeSpan.Zero), files: new[] { ("src/Old.cs", Lines(3)) });
        r.Commit("Add rater", GitRepo.Ann, files: new[] { ("src/Pricing/Rater.cs", Lines(10)), ("README.md", "readme\n"), (".mailmap", "Ann Author <ann@example.com> Ann A <ann.old@example.com>\n") });
        r.Commit("Tune rater", GitRepo.Bob, files: new[] { ("src/Pricing/Rater.cs", Lines(10, 3, "line 11\n")) });
        File.Delete(Path.Combine(r.Root, "src/Pricing/Rater.cs"));
        r.Commit("Move rater", "Ann A <ann.old@example.com>", files: new[] { ("src/Rating/PremiumRater.cs", Lines(10, 4, "line 11\n")) });
        r.Commit("More rules", GitRepo.Carol, files: new[] { ("src/Rating/PremiumRater.cs", Lines(10, 4, "line 11\na\nb\nc\n")) });
        r.Commit("Bump", "dependabot[bot] <bot@users.noreply.github.com>", files: new[] { ("src/Rating/PremiumRater.cs", Lines(10, 4, "line 11\na\nb\nc\nd\n")) });
        r.Commit("Generate", GitRepo.Bob, files: Many("gen", 60));
        r.Checkout("-b", "feature");
        r.Commit("Feature", GitRepo.Carol, files: new[] { ("src/Rating/PremiumRater.cs", Lines(10, 4, "line 11\na\nb\nc\nD\n")) });
        r.Checkout("main");
        r.Merge("feature", "Merge pull request #1 from org/feature", GitRepo.Ann);
        File.Delete(Path.Combine(r.Root, "README.md"));
        r.Commit("Move docs and generate more", GitRepo.Bob, files: Many("gen2", 60).Append(("docs/README.md", "readme\n")).ToArray());
        return new LibGit2History(useGit).Read(r.Root, new HistoryOptions { Now = Now }, null, CancellationToken.None);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RenamedFile_CountsItsWholeHistoryUnderTheCurrentPath(bool useGit)
    {
        var result = Build(useGit);
        var rater = result.Files.Single(f => f.Path == "src/Rating/PremiumRater.cs");
        Assert.Equal(5, rater.Revisions);   // add, tune, move, more rules, feature; not the bot, not the merge
        Assert.Equal(18, rater.Added);      // 10 + 2 + 2 + 3 + 1
        Assert.Equal(4, rater.Deleted);     // 0 + 1 + 2 + 0 + 1
        Assert.Equal(22, rater.Churn);
        Assert.Equal(new[] { ("Ann Author", 2), ("Carol Checker", 2), ("Bob Builder", 1) }, rater.MainAuthors);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WindowHugeCommitsAndRenamesInsideThem_AreHandled(bool useGit)
    {
        var result = Build(useGit);
        Assert.Equal(new[] { ".mailmap", "docs/README.md", "src/Rating/PremiumRater.cs" }, result.Files.Select(f => f.Path));
        var readme = result.Files.Single(f => f.Path == "docs/README.md");
        Assert.Equal(1, readme.Revisions);
        Assert.Equal(1, readme.Churn);
        Assert.Contains("2 commit(s) touching more than 50 files left out of revisions and churn", result.Info.Notes);
        Assert.Equal(10, result.Info.Commits);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void MaxFilesPerCommit_IsConfigurable(bool useGit)
    {
        Build(useGit);
        var result = new LibGit2History(useGit).Read(_repo.Root, new HistoryOptions { Now = Now, MaxFilesPerCommit = 100 }, null, CancellationToken.None);
        Assert.Equal(123, result.Files.Count); // the 120 generated files now count, beside the three above
        Assert.DoesNotContain(result.Info.Notes, n => n.Contains("touching more than", StringComparison.Ordinal));
    }
}
