using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

/// <summary>
/// Damaged or odd git data gave QGB0009 "unexpected failure" (a bug by the product's definition): a commit dated after
/// year 9999 (git fsck clean), a commit missing from the object database, a malformed .git file.
/// </summary>
public sealed class RepositoryDamageTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly GitRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private HistoryResult Read() => new LibGit2History().Read(_repo.Root, new HistoryOptions { Now = Now }, null, CancellationToken.None);

    [Fact]
    public void CommitDatedAfterYear9999_IsTheLatestDate_PersonUnknown()
    {
        _repo.Commit("Initial commit", files: ("src/A.cs", "class A {}\n"));
        string tree = _repo.Git("rev-parse", "HEAD^{tree}").Trim();
        string raw = Path.Combine(_repo.Root, "..", Path.GetFileName(_repo.Root) + "-raw");
        File.WriteAllText(raw, $"tree {tree}\nparent {_repo.Head()}\nauthor X <x@x> 1700000000 +0000\ncommitter X <x@x> 253402300800 +0000\n\nYear 10000\n");
        string future = _repo.Git("hash-object", "-t", "commit", "-w", "--literally", raw).Trim();
        File.Delete(raw);
        _repo.Git("update-ref", "refs/heads/main", future);
        _repo.Git("reset", "-q", "--hard");
        string normal = _repo.Commit("Fix A", files: ("src/A.cs", "class A { }\n"));

        var result = Read();

        var landing = result.Reviews.Items.Single(i => i.Sha == future);
        Assert.Equal((DateTimeOffset.MaxValue, "", EvidenceKind.DirectPush), (landing.When, landing.AuthorName, landing.Evidence));
        Assert.Equal(new[] { normal, future }, result.Reviews.Items.Select(i => i.Sha).Take(2));
        Assert.Equal(3, result.Reviews.Landings);
        Assert.Equal(2, result.Files.Single(f => f.Path == "src/A.cs").Revisions); // the year-10000 commit changed no file
    }

    [Theory]
    [InlineData("encoding ISO-8859-1\n")]
    [InlineData("")]
    public void CommitInLatin1_NamesAndSubjectDecoded_NotReplacementCharacters(string encodingHeader)
    {
        // Made with i18n.commitEncoding=ISO-8859-1 (the header says so), or by an old tool that wrote Latin-1 silently.
        _repo.Commit("Initial commit", files: ("src/A.cs", "class A {}\n"));
        string tree = _repo.Git("rev-parse", "HEAD^{tree}").Trim();
        string raw = Path.Combine(_repo.Root, "..", Path.GetFileName(_repo.Root) + "-raw");
        string Latin1Commit(string parent, string subject)
        {
            string text = $"tree {tree}\nparent {parent}\nauthor Jürgen Müller <j@example.com> 1712300000 +0000\n" +
                $"committer Jürgen Müller <j@example.com> 1712300000 +0000\n{encodingHeader}\n{subject}\n";
            File.WriteAllBytes(raw, System.Text.Encoding.Latin1.GetBytes(text));
            string sha = _repo.Git("hash-object", "-t", "commit", "-w", "--literally", raw).Trim();
            File.Delete(raw);
            return sha;
        }

        // Two of them: one git process answers for all.
        string first = Latin1Commit(_repo.Head(), "Prämie für Hausrat gerundet");
        string second = Latin1Commit(first, "Selbstbeteiligung erhöht");
        _repo.Git("update-ref", "refs/heads/main", second);

        var items = Read().Reviews.Items;

        Assert.Equal(("Prämie für Hausrat gerundet", "Jürgen Müller"), (items.Single(i => i.Sha == first).Subject, items.Single(i => i.Sha == first).AuthorName));
        Assert.Equal("Selbstbeteiligung erhöht", items.Single(i => i.Sha == second).Subject);
    }

    [Fact]
    public void MissingCommitObject_IsQGB0007()
    {
        _repo.Commit("One", files: ("f", "1\n"));
        string two = _repo.Commit("Two", files: ("f", "2\n"));
        _repo.Commit("Three", files: ("f", "3\n"));
        File.Delete(Path.Combine(_repo.Root, ".git", "objects", two[..2], two[2..]));

        var ex = Assert.Throws<QualityGateException>(Read);

        Assert.Equal("QGB0007", ex.Code);
        Assert.Equal($"the git repository at '{_repo.Root}' cannot be read: commit {two} is missing from its object database. Run 'git status' and 'git fsck' there to see what is broken, then repair it (fix or remove a broken .git file, fetch again, or clone afresh).", ex.Message);
    }

    [Fact]
    public void Sha256Repository_IsQGB0007_SayingNothingIsBroken()
    {
        using var sha256 = new GitRepo(init: false);
        sha256.Git("init", "-q", "-b", "main", "--object-format=sha256");
        sha256.Commit("One", files: ("src/A.cs", "class A {}\n"));

        var ex = Assert.Throws<QualityGateException>(() => new LibGit2History().Read(sha256.Root, new HistoryOptions { Now = Now }, null, CancellationToken.None));

        Assert.Equal("QGB0007", ex.Code);
        Assert.EndsWith(
            "The repository uses an object format (git's SHA-256) that libgit2, which reads the history here, does not support yet; nothing is wrong with it. Judge a SHA-1 clone of it.",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedGitFile_IsQGB0007()
    {
        Directory.Delete(Path.Combine(_repo.Root, ".git"), recursive: true);
        File.WriteAllText(Path.Combine(_repo.Root, ".git"), "garbage\n");

        var ex = Assert.Throws<QualityGateException>(Read);

        Assert.Equal("QGB0007", ex.Code);
        Assert.StartsWith($"the git repository at '{_repo.Root}' cannot be read: the `.git` file at '", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void WorktreeWhoseMainRepositoryIsGone_IsQGB0007_NotNoRepository()
    {
        _repo.Commit("One", files: ("f", "1\n"));
        string worktree = _repo.Root + "-wt";
        _repo.Git("worktree", "add", "-q", "-b", "wt", worktree);
        try
        {
            string gitDir = File.ReadAllText(Path.Combine(worktree, ".git")).Trim()["gitdir: ".Length..];
            Directory.Delete(Path.Combine(_repo.Root, ".git"), recursive: true);

            var ex = Assert.Throws<QualityGateException>(() =>
                new LibGit2History().Read(worktree, new HistoryOptions { Now = Now }, null, CancellationToken.None));

            Assert.Equal("QGB0007", ex.Code);
            Assert.StartsWith(
                $"the git repository at '{worktree}' cannot be read: the .git file at '{Path.Combine(worktree, ".git")}' points to '{gitDir}', which is not a git repository",
                ex.Message, StringComparison.Ordinal);
            Assert.Contains("fix or remove a broken .git file", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(worktree, recursive: true);
        }
    }

    [Theory]
    [InlineData("gitdir: missing/modules/sub\n")]
    [InlineData("gitdir: .\n")]
    public void GitFileToNoRepository_IsQGB0007(string content)
    {
        Directory.Delete(Path.Combine(_repo.Root, ".git"), recursive: true);
        Directory.CreateDirectory(Path.Combine(_repo.Root, "src"));
        File.WriteAllText(Path.Combine(_repo.Root, ".git"), content);

        var ex = Assert.Throws<QualityGateException>(Read);

        Assert.Equal("QGB0007", ex.Code);
        Assert.Contains("which is not a git repository", ex.Message, StringComparison.Ordinal);
    }
}
