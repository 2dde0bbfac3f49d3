using QualityGates.Cli;
using QualityGates.Core.History;
using QualityGates.Core.Tests.History;

namespace QualityGates.Core.Tests.Cli;

/// <summary>
/// --repo of a bare repository: the history was judged, hotspots were silently empty (no working tree), and check and
/// report wrote .qualitygate/ and artifacts/ into the git directory. Now QGB0002 before anything is read or written.
/// </summary>
public sealed class BareRepositoryCommandLineTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 4, 10, 0, 0, 0, TimeSpan.Zero);
    private readonly GitRepo source = new();
    private readonly GitRepo bare;
    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();

    public BareRepositoryCommandLineTests()
    {
        source.Commit("Add A", files: ("src/A.cs", "class A { }\n"));
        source.Commit("Grow A", files: ("src/A.cs", "class A { int X() => 1; }\n"));
        bare = GitRepo.Clone(source, "--bare");
    }

    public void Dispose()
    {
        bare.Dispose();
        source.Dispose();
        stdout.Dispose();
        stderr.Dispose();
    }

    private string[] Listing() => Directory.EnumerateFileSystemEntries(bare.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData("check")]
    [InlineData("report")]
    [InlineData("hotspots")]
    [InlineData("reviews")]
    [InlineData("baseline")]
    [InlineData("coverage")]
    public void RepoOfABareRepository_QGB0002_NothingWritten(string command)
    {
        string[] before = Listing();

        int exit = CommandLine.Run(new[] { command, "--repo", bare.Root }, new CliContext(stdout, stderr, EngineFactory.Create, Now, Path.GetTempPath(), false));

        Assert.Equal(2, exit);
        Assert.Equal(
            $"error QGB0002: '{bare.Root}' is a bare repository: run in a clone with a working tree (git clone it, then pass the clone with --repo). The gate judges the files of a working tree and writes nothing into a git directory.\n",
            stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(string.Empty, stdout.ToString());
        Assert.Equal(before, Listing());
    }

    [Fact]
    public void FromAFolderInsideABareRepository_QGB0002_NothingWritten()
    {
        string[] before = Listing();

        int exit = CommandLine.Run(new[] { "check" }, new CliContext(stdout, stderr, EngineFactory.Create, Now, Path.Combine(bare.Root, "refs", "heads"), false));

        Assert.Equal(2, exit);
        Assert.StartsWith($"error QGB0002: '{bare.Root}' is a bare repository", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Listing());
    }

    [Fact]
    public void HistoryOfABareRepository_QGB0002()
    {
        var ex = Assert.Throws<QualityGateException>(() => new LibGit2History().Read(bare.Root, new HistoryOptions { Now = Now }, null, CancellationToken.None));

        Assert.Equal("QGB0002", ex.Code);
        Assert.Contains("is a bare repository: run in a clone with a working tree", ex.Message, StringComparison.Ordinal);
    }
}
