using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace QualityGates.Core.History;

/// <summary>
/// Per-commit numstat through one <c>git diff-tree --stdin</c> process: the physical limit product.md compares with
/// (libgit2 diffs cost ~10x more CPU). Used for the cold walk when a git executable is on PATH; any failure (no git,
/// a refused repository, a non-zero exit) returns false and the caller diffs with LibGit2Sharp instead. Renames use
/// git's default detection (-M, 50 % similarity), as libgit2 does.
/// </summary>
internal static class GitCliStats
{
    public static bool TryCompute(string gitDir, IReadOnlyList<CommitRecord> todo, int maxFiles, IProgress<string>? progress, CancellationToken ct)
    {
        // Nothing from the repository's config may run a program: no textconv, no external diff either.
        Process? process = GitProcess.TryStart(
            ["--git-dir=" + gitDir],
            ["-c", "diff.renameLimit=1000", "diff-tree", "--stdin", "-r", "-M", "--numstat", "-z", "--always", "--root", "--no-ext-diff", "--no-textconv"],
            withInput: true,
            new Dictionary<string, string> { ["LC_ALL"] = "C" });
        if (process is null)
        {
            return false;
        }

        using (process)
        using (ct.Register(() => TryKill(process)))
        {
            // Cancellation kills git, which ends these two as well.
            var writer = Task.Run(() =>
            {
                try
                {
                    foreach (var record in todo)
                    {
                        process.StandardInput.Write(record.Sha);
                        process.StandardInput.Write('\n');
                    }

                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // git exited early; its exit code tells.
                }
            }, CancellationToken.None);
            var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            var results = Parse(process.StandardOutput.BaseStream, todo.Count, progress);
            writer.Wait(CancellationToken.None);
            process.WaitForExit();
            _ = errors.Result;
            ct.ThrowIfCancellationRequested();
            if (process.ExitCode != 0)
            {
                return false;
            }

            var bySha = todo.ToDictionary(r => r.Sha, StringComparer.Ordinal);
            foreach (var (sha, files) in results)
            {
                if (!bySha.TryGetValue(sha, out var record))
                {
                    continue;
                }

                record.FileCount = files.Count;
                record.TooLarge = files.Count > maxFiles;
                record.Files = record.TooLarge ? files.Where(f => f.OldPath != null).Select(f => f with { Added = 0, Deleted = 0 }).ToArray() : files.ToArray();
                record.HasStats = true;
            }

            return todo.All(r => r.HasStats);
        }
    }

    private static List<(string Sha, List<FileStat> Files)> Parse(Stream output, int expected, IProgress<string>? progress)
    {
        var results = new List<(string, List<FileStat>)>(expected);
        List<FileStat>? current = null;
        string? pendingCounts = null;
        string? renameFrom = null;
        foreach (var token in Tokens(output))
        {
            if (pendingCounts != null)
            {
                // Rename: "added\tdeleted\t" NUL old NUL new.
                if (renameFrom == null)
                {
                    renameFrom = token;
                    continue;
                }

                AddStat(current, pendingCounts, token, renameFrom);
                pendingCounts = renameFrom = null;
                continue;
            }

            int tab = token.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                current = new List<FileStat>();
                results.Add((token, current));
                if (results.Count % 5000 == 0)
                {
                    progress?.Report(string.Create(CultureInfo.InvariantCulture, $"diffing commits: {results.Count} of {expected}"));
                }

                continue;
            }

            int second = token.IndexOf('\t', tab + 1);
            if (second < 0)
            {
                continue;
            }

            if (second == token.Length - 1)
            {
                pendingCounts = token;
            }
            else
            {
                AddStat(current, token, token[(second + 1)..], null);
            }
        }

        return results;
    }

    private static void AddStat(List<FileStat>? files, string counts, string path, string? oldPath)
    {
        var parts = counts.Split('\t');
        files?.Add(new FileStat(path, oldPath, Number(parts[0]), Number(parts[1])));
    }

    /// <summary>Binary files show "-": no lines.</summary>
    private static int Number(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0;

    private static IEnumerable<string> Tokens(Stream stream)
    {
        var buffer = new byte[1 << 16];
        var token = new MemoryStream();
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            int start = 0;
            for (int i = 0; i < read; i++)
            {
                if (buffer[i] == 0)
                {
                    token.Write(buffer, start, i - start);
                    yield return Encoding.UTF8.GetString(token.GetBuffer(), 0, (int)token.Length).Trim('\n');
                    token.SetLength(0);
                    start = i + 1;
                }
            }

            token.Write(buffer, start, read - start);
        }
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
