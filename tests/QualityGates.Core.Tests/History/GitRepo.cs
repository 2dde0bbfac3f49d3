using System.Diagnostics;
using System.Globalization;

namespace QualityGates.Core.Tests.History;

/// <summary>A git repository built by test code in a temp folder with the git CLI, fixed identities and dates; deleted on dispose.</summary>
public sealed class GitRepo : IDisposable
{
    public const string Ann = "Ann Author <ann@example.com>";
    public const string Bob = "Bob Builder <bob@example.com>";
    public const string Carol = "Carol Checker <carol@example.com>";

    private readonly string _home;

    public GitRepo(bool init = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "qg-git-" + Guid.NewGuid().ToString("N"));
        _home = Root + "-home";
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(_home);
        if (init)
        {
            Git("init", "-q", "-b", "main");
        }
    }

    public string Root { get; }

    /// <summary>Date of the next commit without an explicit date; each such commit advances it by one hour.</summary>
    public DateTimeOffset Clock { get; set; } = new(2024, 4, 5, 9, 0, 0, TimeSpan.Zero);

    public static GitRepo Clone(GitRepo source, params string[] options)
    {
        var repo = new GitRepo(init: false);
        Directory.Delete(repo.Root);
        repo.Run(Path.GetTempPath(), ["clone", "-q", .. options, "file://" + source.Root, repo.Root]);
        return repo;
    }

    public void Write(string path, string content)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    /// <summary>Writes the files, stages everything and commits; returns the new SHA.</summary>
    public string Commit(string message, string author = Ann, string? committer = null, DateTimeOffset? when = null, params (string Path, string Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            Write(path, content);
        }

        Git("add", "-A");
        At(when);
        RunAs(author, committer ?? author, "commit", "-q", "--allow-empty", "--no-verify", "-m", message);
        return Head();
    }

    public string Merge(string branch, string message, string author = Ann, DateTimeOffset? when = null)
    {
        At(when);
        RunAs(author, author, "merge", "-q", "--no-ff", "--no-edit", "-m", message, branch);
        return Head();
    }

    public string Head() => Git("rev-parse", "HEAD").Trim();

    public void Checkout(params string[] args) => Git(["checkout", "-q", .. args]);

    public string Git(params string[] args) => Run(Root, args);

    private DateTimeOffset _current;

    private void At(DateTimeOffset? when)
    {
        // An explicit date leaves the running clock alone.
        _current = when ?? Clock;
        if (when == null)
        {
            Clock = Clock.AddHours(1);
        }
    }

    private void RunAs(string author, string committer, params string[] args) => Run(Root, args, author, committer);

    private string Run(string directory, string[] args, string author = Ann, string? committer = null)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var (an, ae) = Split(author);
        var (cn, ce) = Split(committer ?? author);
        var date = _current.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        start.Environment["HOME"] = _home;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_AUTHOR_NAME"] = an;
        start.Environment["GIT_AUTHOR_EMAIL"] = ae;
        start.Environment["GIT_COMMITTER_NAME"] = cn;
        start.Environment["GIT_COMMITTER_EMAIL"] = ce;
        start.Environment["GIT_AUTHOR_DATE"] = date;
        start.Environment["GIT_COMMITTER_DATE"] = date;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("git " + string.Join(' ', args) + " failed: " + stderr);
        }

        return stdout.Result;
    }

    private static (string Name, string Email) Split(string person)
    {
        int open = person.IndexOf('<', StringComparison.Ordinal);
        return (person[..open].Trim(), person[(open + 1)..person.IndexOf('>', StringComparison.Ordinal)]);
    }

    public void Dispose()
    {
        foreach (var dir in new[] { Root, _home })
        {
            if (Directory.Exists(dir))
            {
                foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
                {
                    File.SetAttributes(f, FileAttributes.Normal);
                }

                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
