using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

public sealed class NewCodeTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly GitRepo _repo = new();
    private string _base = string.Empty;

    public NewCodeTests()
    {
        _repo.Commit("Base", files: new[] { ("src/A.cs", "1\n2\n3\n4\n5\n"), ("src/Gone.cs", "x\n") });
        _base = _repo.Head();
        _repo.Checkout("-b", "feature");
        File.Delete(Path.Combine(_repo.Root, "src/Gone.cs"));
        _repo.Commit("Feature", files: new[] { ("src/A.cs", "1\ntwo\n3\n4\n5\n6\n"), ("src/B.cs", "b1\nb2\nb3\n") });
        _repo.Checkout("main");
        _repo.Commit("Main moves on", files: new[] { ("src/A.cs", "1\n2\n3\n4\nfive\n") });
        _repo.Checkout("feature");
    }

    public void Dispose() => _repo.Dispose();

    private HistoryResult Read(string? baseRef) => new LibGit2History().Read(_repo.Root, new HistoryOptions { Now = Now, BaseRef = baseRef }, null, CancellationToken.None);

    [Theory]
    [InlineData("main")]
    [InlineData(null)]
    public void ChangedLines_AreTheNewSideLinesSinceTheMergeBase(string? baseRef)
    {
        var result = Read(baseRef);
        Assert.Equal("main", result.NewCode.BaseRef);
        Assert.Equal(_base, result.NewCode.MergeBase);
        Assert.Equal(_base, result.Info.MergeBase);
        Assert.Equal(new[] { "src/A.cs", "src/B.cs" }, result.NewCode.ChangedLines.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(new[] { 2, 6 }, result.NewCode.ChangedLines["src/A.cs"].Order());
        Assert.Equal(new[] { 1, 2, 3 }, result.NewCode.ChangedLines["src/B.cs"].Order());
    }

    [Fact]
    public void SourcesGitDiffsAsBinary_CountWholeAsNewCode_WithANote()
    {
        // UTF-16 (what some Windows editors save), a NUL byte, or a 'binary' attribute: git names no lines.
        File.WriteAllText(Path.Combine(_repo.Root, "src", "Wide.cs"), "class W\n{\n}\n", new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        _repo.Commit("Binary-looking sources", files: new[] { ("src/Nul.cs", "class N\n{\n}\n// \0\n"), ("assets/logo.png", "\0\u0001png") });

        var result = Read("main");

        Assert.Equal(new[] { 1, 2, 3 }, result.NewCode.ChangedLines["src/Wide.cs"].Order());
        Assert.Equal(new[] { 1, 2, 3, 4 }, result.NewCode.ChangedLines["src/Nul.cs"].Order());
        Assert.False(result.NewCode.ChangedLines.ContainsKey("assets/logo.png"));
        Assert.Contains(
            "git diffs 2 changed C# files as binary (UTF-16, a NUL byte, or a 'binary' attribute): every line of them counts as new code ('src/Nul.cs', 'src/Wide.cs').",
            result.Info.Notes);
    }

    [Fact]
    public void UnknownBaseRef_GivesANote()
    {
        var result = Read("origin/nope");
        Assert.Null(result.NewCode.MergeBase);
        Assert.Empty(result.NewCode.ChangedLines);
        Assert.Contains("base ref 'origin/nope' not found: new code unknown", result.Info.Notes);
    }

    [Theory]
    [InlineData("origin/nope")]
    [InlineData("")]
    [InlineData("0000000000000000000000000000000000000000")]
    public void ExplicitBaseRefThatDoesNotExist_IsQGB0005(string baseRef)
    {
        var ex = Assert.Throws<QualityGateException>(() =>
            new LibGit2History().Read(_repo.Root, new HistoryOptions { Now = Now, BaseRef = baseRef, BaseRefRequired = true }, null, CancellationToken.None));
        Assert.Equal("QGB0005", ex.Code);
        Assert.Equal(
            $"--base '{baseRef}' is not a branch, tag or commit of this repository. Fetch it first (e.g. 'git fetch origin main', or fetch-depth: 0 in CI), "
            + "pass a ref that exists, or leave out --base to use the configured or detected base branch.",
            ex.Message);
    }

    [Theory]
    [InlineData("main")]
    [InlineData("HEAD~1")]
    public void ExplicitBaseRefThatExists_IsUsed(string baseRef)
    {
        var result = new LibGit2History().Read(_repo.Root, new HistoryOptions { Now = Now, BaseRef = baseRef, BaseRefRequired = true }, null, CancellationToken.None);
        Assert.Equal(baseRef, result.NewCode.BaseRef);
        Assert.NotNull(result.NewCode.MergeBase);
    }

    [Fact]
    public void OnTheBaseBranch_NoNewCode()
    {
        _repo.Checkout("main");
        var result = Read(null);
        Assert.Equal(_repo.Head(), result.NewCode.MergeBase);
        Assert.Empty(result.NewCode.ChangedLines);
    }

    [Fact]
    public void NoBaseBranchAtAll_GivesANote()
    {
        _repo.Git("branch", "-m", "main", "trunk");
        var result = Read(null);
        Assert.Null(result.NewCode.MergeBase);
        Assert.Contains("no base branch found (tried origin/HEAD, origin/main, origin/master, main, master): new code unknown", result.Info.Notes);
    }
}
