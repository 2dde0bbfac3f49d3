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

    private HistoryResult Read() => new LibGit2History().Read(_repo.Root, new HistoryOptions { Now = Now, CacheDirectory = _cache }, null, CancellationToken.None);

    private static string Figures(HistoryResult r) =>
        string.Join(";", r.Info.Commits, r.Reviews.Landings, r.Reviews.Reviewed, r.Reviews.Reverted, r.Reviews.FirstPassRate, r.Reviews.PullRequests,
            string.Join(",", r.Files.Select(f => f.Path + ":" + f.Revisions + ":" + f.Added + ":" + f.Deleted + ":" + string.Join("/", f.MainAuthors))),
            string.Join(",", r.Reviews.Items.Select(i => i.Sha + i.Evidence + i.Reverted + i.FirstPass)));

    [Fact]
    public void WarmRead_GivesTheSameFigures()
    {
        var cold = Read();
        Assert.True(File.Exists(Path.Combine(_cache, HistoryCache.FileName)));
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
        var file = Path.Combine(_cache, HistoryCache.FileName);
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
        File.WriteAllText(Path.Combine(_cache, HistoryCache.FileName), "not a cache at all");
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
}
