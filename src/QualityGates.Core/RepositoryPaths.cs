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
}
