using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

public sealed class CacheTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly GitRepo _repo = new();
    private readonly string _cache;

    public CacheTests()
    {
        _cache = Path.Combine(_repo.Root + "-home", "cache");
        _repo.Commit("One (#1)", GitRepo.Bob, files: new[] { ("a.cs", "1\n") });
        _repo.Checkout("-b", "f");
        _repo.Commit("fixup! One", GitRepo.Bob, files: new[] { ("a.cs", "1\n2\n") });
        _repo.Checkout("main");
        _repo.Merge("f", "Merge pull request #2 from org/f");
        _repo.Commit("Revert\n\nThis reverts commit " + _repo.Git("rev-parse", "HEAD~1").Trim() + ".", files: new[] { ("b.cs", "b\n") });
    }

    public void Dispose() => _repo.Dispose();

    private HistoryResult Read() => Read(_repo.Root);

    private HistoryResult Read(string root) => new LibGit2History().Read(root, new HistoryOptions { Now = Now, CacheDirectory = _cache }, null, CancellationToken.None);

    private string CacheFileOf(GitRepo repo) => HistoryCache.FileFor(_cache, Path.Combine(repo.Root, ".git"));

    private static string Figures(HistoryResult r) =>
        string.Join(";", r.Info.Commits, r.Reviews.Landings, r.Reviews.Reviewed, r.Reviews.Reverted, r.Reviews.FirstPassRate, r.Reviews.PullRequests,
            string.Join(",", r.Files.Select(f => f.Path + ":" + f.Revisions + ":" + f.Added + ":" + f.Deleted + ":" + string.Join("/", f.MainAuthors))),
            string.Join(",", r.Reviews.Items.Select(i => i.Sha + i.Evidence + i.Reverted + i.FirstPass)));

    [Fact]
    public void WarmRead_GivesTheSameFigures()
    {
        var cold = Read();
        Assert.Equal(new[] { CacheFileOf(_repo) }, Directory.GetFiles(_cache));
        var warm = Read();
        Assert.Equal(Figures(cold), Figures(warm));
        Assert.Equal("4;3;2;1;0;1;a.cs:2:2:0:(Bob Builder, 2),b.cs:1:1:0:(Ann Author, 1)", Figures(cold)[..Figures(cold).LastIndexOf(';')]);
        Assert.DoesNotContain(warm.Info.Notes, n => n.Contains("cache", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(_cache, "*.tmp"));
    }

    [Fact]
    public void TruncatedCache_IsIgnoredAndRebuilt()
    {
        var cold = Read();
        var file = CacheFileOf(_repo);
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
        var rebuilt = Read();
        Assert.Contains("history cache was unreadable and is rebuilt", rebuilt.Info.Notes);
        Assert.Equal(Figures(cold), Figures(rebuilt));
        Assert.DoesNotContain("history cache was unreadable and is rebuilt", Read().Info.Notes);
    }

    [Fact]
    public void ForeignOrGarbageCache_IsIgnored()
    {
        var cold = Read();
        File.WriteAllText(CacheFileOf(_repo), "not a cache at all");
        Assert.Equal(Figures(cold), Figures(Read()));
        Assert.Equal(Figures(cold), Figures(Read()));
    }

    [Fact]
    public void UnwritableCacheDirectory_GivesANoteNotACrash()
    {
        File.WriteAllText(_cache + "-file", "x");
        var result = new LibGit2History().Read(_repo.Root, new HistoryOptions { Now = Now, CacheDirectory = _cache + "-file" }, null, CancellationToken.None);
        Assert.Contains(result.Info.Notes, n => n.StartsWith("history cache not written", StringComparison.Ordinal));
        Assert.Equal(4, result.Info.Commits);
    }

    [Fact]
    public void TwoRepositories_KeepTheirOwnFiles_AndNeverEvictEachOther()
    {
        using var other = new GitRepo();
        other.Commit("Other (#9)", files: new[] { ("c.cs", "c\n") });
        var mine = Read();
        byte[] myCache = File.ReadAllBytes(CacheFileOf(_repo));

        var theirs = Read(other.Root);
        Assert.Equal(1, theirs.Info.Commits);
        Assert.Equal(2, Directory.GetFiles(_cache, HistoryCache.CacheName + "-*.bin").Length);
        Assert.Equal(myCache, File.ReadAllBytes(CacheFileOf(_repo)));
        Assert.Equal(Figures(mine), Figures(Read()));
        Assert.Equal(Figures(theirs), Figures(Read(other.Root)));
    }

    [Fact]
    public void LinkedWorktree_SharesTheRepositorysFile()
    {
        Read();
        string worktree = _repo.Root + "-wt";
        _repo.Git("worktree", "add", "-q", "-b", "wt", worktree);
        try
        {
            Assert.Equal(4, Read(worktree).Info.Commits);
            Assert.Equal(new[] { CacheFileOf(_repo) }, Directory.GetFiles(_cache));
        }
        finally
        {
            _repo.Git("worktree", "remove", "--force", worktree);
        }
    }

    [Fact]
    public void Save_KeepsReachableCommits_ThenTheNewestOthers_UpToTheCap()
    {
        CommitRecord Record(string sha, int day) => new()
        {
            Sha = sha, Parents = Array.Empty<string>(), AuthorName = "a", AuthorEmail = "a@x", CommitterName = "a", CommitterEmail = "a@x",
            AuthorWhen = Now.AddDays(-day), CommitterWhen = Now.AddDays(-day), Subject = sha,
        };
        string gitDir = Path.Combine(_repo.Root, ".git");
        var reachable = new[] { Record("r1", 50), Record("r2", 60), Record("r3", 70) };
        var others = new[] { Record("o-old", 40), Record("o-new", 1), Record("o-mid", 20), Record("r1", 50) };

        Assert.Null(HistoryCache.Save(_cache, gitDir, reachable, others, 50, maxEntries: 5));
        var kept = HistoryCache.Load(_cache, gitDir, 50, out var note);
        Assert.Null(note);
        Assert.Equal(new[] { "o-mid", "o-new", "r1", "r2", "r3" }, kept.Keys.Order(StringComparer.Ordinal));

        // Reachable commits are kept even beyond the cap.
        Assert.Null(HistoryCache.Save(_cache, gitDir, reachable, others, 50, maxEntries: 2));
        Assert.Equal(new[] { "r1", "r2", "r3" }, HistoryCache.Load(_cache, gitDir, 50, out _).Keys.Order(StringComparer.Ordinal));

        // Another file limit: the entries were cut differently, so none is used (silently).
        Assert.Empty(HistoryCache.Load(_cache, gitDir, 51, out note));
        Assert.Null(note);
    }

    [Fact]
    public void Write_RemovesTheSharedFileOfEarlierVersions()
    {
        Directory.CreateDirectory(_cache);
        File.WriteAllText(Path.Combine(_cache, HistoryCache.LegacyFileName), "old shared cache");
        var first = Read();
        Assert.False(File.Exists(Path.Combine(_cache, HistoryCache.LegacyFileName)));
        Assert.Equal(Figures(first), Figures(Read()));
    }

    [Fact]
    public void StaleTempFiles_AreRemovedOnTheNextWrite_FreshOnesKept()
    {
        Read();
        string file = CacheFileOf(_repo);
        string stale = file + ".dead.tmp", fresh = file + ".busy.tmp";
        File.WriteAllText(stale, "x");
        File.WriteAllText(fresh, "x");
        File.SetLastWriteTimeUtc(stale, File.GetLastWriteTimeUtc(file).AddHours(-2));
        _repo.Commit("Two (#5)", files: new[] { ("d.cs", "d\n") });
        Read();
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
    }
}
