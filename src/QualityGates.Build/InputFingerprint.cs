using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace QualityGates.Build;

/// <summary>
/// A content hash of everything the verdict depends on. MSBuild's timestamp Inputs/Outputs cannot do this job: every
/// <c>dotnet test</c> writes its coverage to a new TestResults/&lt;guid&gt;/ folder, so timestamps always say "changed".
/// Coverage is hashed without coverlet's run timestamp, git by HEAD and refs, the engine by size and write time,
/// the C# sources and scope settings of the working tree by path, size and write time (the engine measures the working
/// tree, so an uncommitted edit changes the verdict), and the UTC day, because review windows move with the calendar.
/// </summary>
internal static class InputFingerprint
{
    private const int HeaderBytes = 4096;

    /// <summary>Build output, tool state and generated folders: never the sources the engine measures, and rewritten by every build.</summary>
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "node_modules", "TestResults", "artifacts",
    };

    public static string Compute(string commandLine, IEnumerable<string> coverageFiles, IEnumerable<string> otherFiles, string? repositoryRoot, string enginePath, DateTime utcNow)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, "cmd:" + commandLine);
        Add(hash, "day:" + utcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var engine = new FileInfo(enginePath);
        Add(hash, "engine:" + engine.Length.ToString(CultureInfo.InvariantCulture) + ":" + engine.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture));
        // Order-free: which project's run finished first must not matter.
        foreach (var coverage in coverageFiles.Select(CoverageHash).OrderBy(h => h, StringComparer.Ordinal))
        {
            Add(hash, "coverage:" + coverage);
        }

        foreach (var file in otherFiles)
        {
            AddFile(hash, file);
        }

        AddGit(hash, repositoryRoot);
        AddSources(hash, repositoryRoot);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    public static bool TryReadLast(string fingerprintFile, string fingerprint, out int exitCode)
    {
        exitCode = -1;
        if (!File.Exists(fingerprintFile))
        {
            return false;
        }

        var lines = File.ReadAllLines(fingerprintFile);
        return lines.Length == 2 && lines[0] == fingerprint
            && int.TryParse(lines[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out exitCode);
    }

    public static void Write(string fingerprintFile, string fingerprint, int exitCode)
    {
        var full = Path.GetFullPath(fingerprintFile);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, fingerprint + "\n" + exitCode.ToString(CultureInfo.InvariantCulture) + "\n");
        File.Move(temp, full, overwrite: true);
    }

    private static void Add(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
    }

    private static void AddFile(IncrementalHash hash, string path)
    {
        Add(hash, "file:" + path);
        if (!File.Exists(path))
        {
            Add(hash, "missing");
            return;
        }

        using var stream = File.OpenRead(path);
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
    }

    /// <summary>coverlet stamps each report with the run time in the root element; two identical runs must hash equal.</summary>
    private static string CoverageHash(string path)
    {
        if (!File.Exists(path))
        {
            return "missing:" + path;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        using var stream = File.OpenRead(path);
        var header = new byte[HeaderBytes];
        var length = stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false);
        var text = Encoding.UTF8.GetString(header, 0, length);
        var start = text.IndexOf(" timestamp=\"", StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf('"', start + 12);
        if (end > 0)
        {
            // Only the header's bytes are re-encoded; the rest of the file is hashed as it is.
            var withoutStamp = text.Remove(start, end + 1 - start);
            var headerEnd = Encoding.UTF8.GetByteCount(text);
            hash.AppendData(Encoding.UTF8.GetBytes(withoutStamp));
            if (headerEnd != length)
            {
                // A multi-byte character was cut at the header's end: fall back to the raw bytes.
                hash.AppendData(header, 0, length);
            }
        }
        else
        {
            hash.AppendData(header, 0, length);
        }

        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// Every measured input under the root (<see cref="IsMeasuredInput"/>) by path, size and last write time: the engine
    /// reads the working tree (complexity, changed lines, scope), and a metadata walk stays cheap where hashing every
    /// source would not. Hidden folders (.git, .vs), symbolic links and <see cref="SkippedDirectories"/> are not entered.
    /// </summary>
    private static void AddSources(IncrementalHash hash, string? repositoryRoot)
    {
        if (string.IsNullOrEmpty(repositoryRoot) || !Directory.Exists(repositoryRoot))
        {
            return;
        }

        var options = new EnumerationOptions { IgnoreInaccessible = true, RecurseSubdirectories = false, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.System };
        var root = new DirectoryInfo(repositoryRoot);
        var pending = new Stack<DirectoryInfo>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var file in directory.EnumerateFiles("*", options).Where(f => IsMeasuredInput(f.Name)).OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                Add(hash, "src:" + Path.GetRelativePath(root.FullName, file.FullName) + ":" + file.Length.ToString(CultureInfo.InvariantCulture) + ":"
                    + file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture));
            }

            // Reverse order onto the stack: directories are visited in ordinal order, so the hash is stable.
            foreach (var child in directory.EnumerateDirectories("*", options).OrderByDescending(d => d.Name, StringComparer.Ordinal))
            {
                if (!child.Name.StartsWith('.') && !SkippedDirectories.Contains(child.Name))
                {
                    pending.Push(child);
                }
            }
        }
    }

    /// <summary>
    /// What the engine reads from the working tree: C# sources, and the files that set their pricing and underwriting
    /// scope (<c>.editorconfig</c>, <c>*.globalconfig</c>, project files): a scope edited in one of them changes
    /// coverage.critical with no source changed.
    /// </summary>
    private static bool IsMeasuredInput(string name) =>
        name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || name.Equals(".editorconfig", StringComparison.OrdinalIgnoreCase) ||
        name.EndsWith(".globalconfig", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ||
        name.EndsWith(".props", StringComparison.OrdinalIgnoreCase);

    /// <summary>HEAD, the ref it names, packed-refs, shallow and every loose ref (remote-tracking base refs move too).</summary>
    private static void AddGit(IncrementalHash hash, string? repositoryRoot)
    {
        if (string.IsNullOrEmpty(repositoryRoot))
        {
            Add(hash, "git:none");
            return;
        }

        var dotGit = Path.Combine(repositoryRoot, ".git");
        string gitDir;
        if (Directory.Exists(dotGit))
        {
            gitDir = dotGit;
        }
        else if (File.Exists(dotGit))
        {
            // Worktree or submodule: ".git" is a file naming the real git directory.
            var line = File.ReadAllText(dotGit).Trim();
            if (!line.StartsWith("gitdir:", StringComparison.Ordinal))
            {
                Add(hash, "git:unreadable");
                return;
            }

            gitDir = Path.GetFullPath(Path.Combine(repositoryRoot, line.Substring(7).Trim()));
        }
        else
        {
            Add(hash, "git:none");
            return;
        }

        var commonDir = gitDir;
        var commonFile = Path.Combine(gitDir, "commondir");
        if (File.Exists(commonFile))
        {
            commonDir = Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(commonFile).Trim()));
        }

        AddFile(hash, Path.Combine(gitDir, "HEAD"));
        AddFile(hash, Path.Combine(commonDir, "packed-refs"));
        AddFile(hash, Path.Combine(commonDir, "shallow"));
        AddFile(hash, Path.Combine(gitDir, "index"));
        AddFile(hash, Path.Combine(repositoryRoot, ".mailmap"));
        AddFile(hash, Path.Combine(repositoryRoot, "qualitygate.baseline.json"));
        var refs = Path.Combine(commonDir, "refs");
        if (Directory.Exists(refs))
        {
            foreach (var file in Directory.EnumerateFiles(refs, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                AddFile(hash, file);
            }
        }
    }
}
