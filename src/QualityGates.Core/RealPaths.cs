namespace QualityGates.Core;

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
