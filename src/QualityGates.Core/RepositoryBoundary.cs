namespace QualityGates.Core;

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

    /// <summary>
    /// Where a repo-relative path really lies, as a repo-relative "/" path: links inside the repository followed, so a
    /// file reached two ways is one file; null when a link takes it outside the repository (or loops). Parts that do
    /// not exist are kept as written: a path nothing on disk answers is opened by no one.
    /// </summary>
    public string? RealRelative(string relative)
    {
        string? real = RealInside(Path.GetFullPath(relative, Root));
        string? result = real is null ? null : Path.GetRelativePath(RealRoot, real).Replace('\\', '/');
        return result == "." ? null : result;
    }

    /// <summary>True when the path really lies below the root (the root itself is not "inside").</summary>
    public bool Contains(string path) => RealInside(Path.GetFullPath(path)) is not null;

    /// <summary>The real path of <paramref name="full"/> when it lies below the root (not the root itself), else null.</summary>
    private string? RealInside(string full)
    {
        string? directory = Path.GetDirectoryName(full);
        string? realDirectory = directory is null ? null : folders.GetOrAdd(directory, RealPaths.Resolve);
        if (realDirectory is null)
        {
            return null;
        }

        string candidate = Path.Combine(realDirectory, Path.GetFileName(full));
        // The folder is real already: only the file itself may still be a link.
        string? real = RealPaths.LinkTarget(candidate) is null ? candidate : RealPaths.Resolve(candidate);
        return real is not null && RealPaths.IsWithin(RealRoot, real) &&
            !string.Equals(Path.TrimEndingDirectorySeparator(real), Path.TrimEndingDirectorySeparator(RealRoot), StringComparison.Ordinal)
            ? real
            : null;
    }
}
