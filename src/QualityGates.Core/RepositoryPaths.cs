namespace QualityGates.Core;

/// <summary>Maps paths from untrusted inputs (coverage, SARIF) to repo-relative "/" paths, by string only: nothing is opened.</summary>
public static class RepositoryPaths
{
    /// <summary>The full path of a repository root, without a trailing separator.</summary>
    public static string FullRoot(string repositoryRoot) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));

    /// <summary>
    /// The repo-relative path ("/" separators) of <paramref name="path"/> (absolute, or relative to the root), or null
    /// when it resolves outside the repository ("..", another drive, another root).
    /// </summary>
    public static string? ToRelative(string fullRoot, string path)
    {
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        // Coverage made on Windows uses "\"; a backslash in a real file name is not worth supporting.
        string unified = path.Replace('\\', '/');
        string full;
        try
        {
            full = Path.GetFullPath(unified, fullRoot);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }

        string relative = Path.GetRelativePath(fullRoot, full).Replace('\\', '/');
        if (relative == "." || relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        return relative;
    }

    /// <summary>
    /// A file named by qualitygate.json that the gate reads and writes (<c>baseline.file</c>, <c>trend.file</c>): its
    /// full path inside the repository, with links inside the repository followed (a committed link to a file of the
    /// repository is written through, not replaced). A path outside, or one a symbolic link leads out of, is refused
    /// (QGB0202 naming <paramref name="jsonPath"/>): a committed configuration must not make the gate read or write
    /// elsewhere.
    /// </summary>
    /// <param name="advice">What to do instead, as a sentence ("Give a path inside it, e.g. ...").</param>
    public static string ConfinedFile(string fullRoot, string configured, string jsonPath, string advice)
    {
        if (ToRelative(fullRoot, configured) is null)
        {
            throw new QualityGateException(QgbCodes.ConfigInvalidValue, $"{jsonPath} '{configured}' is outside the repository. {advice}");
        }

        string full = Path.GetFullPath(configured.Replace('\\', '/'), fullRoot);
        var boundary = new RepositoryBoundary(fullRoot);
        string? real = RealPaths.Resolve(full);
        if (real is null || !boundary.Contains(full))
        {
            string where = real is null ? "a loop of symbolic links" : $"a symbolic link to '{real}'";
            throw new QualityGateException(QgbCodes.ConfigInvalidValue,
                $"{jsonPath} '{configured}' leads outside the repository through {where}: the gate neither reads nor writes it. " +
                $"Replace the link with a file or folder inside the repository, or: {advice}");
        }

        // Back onto the root as given, so a path without links inside the repository stays as the user wrote it.
        return Path.GetFullPath(Path.GetRelativePath(boundary.RealRoot, real), fullRoot);
    }
}

/// <summary>
/// Where paths really lead, following symbolic links (and junctions) as the operating system does, so a committed
/// link cannot take a read or a write out of the repository. Nothing is opened: only links are read.
/// </summary>
public static class RealPaths
{
    /// <summary>Links followed while resolving one path before giving up, as Linux's MAXSYMLINKS: a loop ends here.</summary>
    public const int MaxLinks = 40;

    private static readonly char[] Separators = { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar };

    private static StringComparison Comparison => OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// The full path with every symbolic link of every existing part replaced by its target (parts that do not exist
    /// are kept as written); null when a link loops or too many links are chained.
    /// </summary>
    public static string? Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        string root = Path.GetPathRoot(full) ?? string.Empty;
        var pending = new Stack<string>(ReversedParts(full.Substring(root.Length)));
        string current = root;
        int links = 0;
        while (pending.Count > 0)
        {
            string part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            string next = Path.Combine(current, part);
            string? target = LinkTarget(next);
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                string fullTarget = Path.GetFullPath(target);
                current = Path.GetPathRoot(fullTarget) ?? root;
                target = fullTarget.Substring(current.Length);
            }

            foreach (string targetPart in ReversedParts(target))
            {
                pending.Push(targetPart);
            }
        }

        return current;
    }

    /// <summary>True when <paramref name="realPath"/> is <paramref name="realRoot"/> or below it (both resolved).</summary>
    public static bool IsWithin(string realRoot, string realPath)
    {
        string trimmed = Path.TrimEndingDirectorySeparator(realRoot);
        return string.Equals(trimmed, Path.TrimEndingDirectorySeparator(realPath), Comparison) ||
            realPath.StartsWith(trimmed + Path.DirectorySeparatorChar, Comparison) ||
            (trimmed.Length > 0 && Path.EndsInDirectorySeparator(trimmed) && realPath.StartsWith(trimmed, Comparison));
    }

    /// <summary>True when the entry itself is a symbolic link or another reparse point (a junction): never entered.</summary>
    public static bool IsLink(FileSystemInfo entry) =>
        (entry.Attributes & FileAttributes.ReparsePoint) != 0 || entry.LinkTarget is not null;

    /// <summary>The parts of a path, last first: pushed on a stack they come off in order.</summary>
    private static string[] ReversedParts(string path)
    {
        string[] parts = path.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        Array.Reverse(parts);
        return parts;
    }

    /// <summary>The target of the link at <paramref name="path"/> as written; null when it is no link (or missing).</summary>
    internal static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Missing, not a folder, or unreadable: no link to follow here.
            return null;
        }
    }
}

/// <summary>
/// The real extent of one repository: is a path (after every link) inside it? Folders are resolved once and cached,
/// so checking the files of a tree costs one look at each file.
/// </summary>
public sealed class RepositoryBoundary
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> folders = new(StringComparer.Ordinal);

    public RepositoryBoundary(string repositoryRoot)
    {
        Root = RepositoryPaths.FullRoot(repositoryRoot);
        RealRoot = RealPaths.Resolve(Root) ?? Root;
    }

    /// <summary>The full root as given.</summary>
    public string Root { get; }

    /// <summary>The root with its own links resolved (e.g. /tmp -> /private/tmp).</summary>
    public string RealRoot { get; }

    /// <summary>True when the path really lies below the root (the root itself is not "inside").</summary>
    public bool Contains(string path)
    {
        string full = Path.GetFullPath(path);
        string? directory = Path.GetDirectoryName(full);
        if (directory is null)
        {
            return false;
        }

        string? realDirectory = folders.GetOrAdd(directory, RealPaths.Resolve);
        if (realDirectory is null)
        {
            return false;
        }

        string candidate = Path.Combine(realDirectory, Path.GetFileName(full));
        // The folder is real already: only the file itself may still be a link.
        string? real = RealPaths.LinkTarget(candidate) is null ? candidate : RealPaths.Resolve(candidate);
        return real is not null && RealPaths.IsWithin(RealRoot, real) &&
            !string.Equals(Path.TrimEndingDirectorySeparator(real), Path.TrimEndingDirectorySeparator(RealRoot), StringComparison.Ordinal);
    }
}
