namespace QualityGates.Core;

/// <summary>Maps paths from untrusted inputs (coverage, SARIF) to repo-relative "/" paths, by string only: nothing is opened.</summary>
public static class RepositoryPaths
{
    /// <summary>The full path of a repository root, without a trailing separator.</summary>
    public static string FullRoot(string repositoryRoot) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));

    /// <summary>
    /// The git working tree that holds <paramref name="directory"/> (the nearest folder at or above it with a .git
    /// folder, or a .git file as in worktrees and submodules), or null outside any. Only names are looked at.
    /// </summary>
    public static string? WorkTreeRoot(string directory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            string dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit) || File.Exists(dotGit))
            {
                return Path.TrimEndingDirectorySeparator(dir.FullName);
            }
        }

        return null;
    }

    /// <summary>
    /// The repository root a command judges from a folder it was given: the working tree that holds the folder (its
    /// root for a subfolder or for the .git folder itself), else the folder as given. A folder that does not exist is
    /// kept, so a mistyped --repo is reported (QGB0002), not replaced by a repository above it.
    /// </summary>
    public static string Resolve(string directory)
    {
        string full = FullRoot(directory);
        return Directory.Exists(full) ? WorkTreeRoot(full) ?? full : full;
    }

    /// <summary>
    /// The bare repository (a git directory with no working tree) that <paramref name="fullRoot"/> is or lies in, or
    /// null. Only names are looked at, as git does: a HEAD file beside objects/ and refs/ folders, and no .git.
    /// </summary>
    public static string? BareRepositoryAt(string fullRoot)
    {
        for (var dir = new DirectoryInfo(fullRoot); dir is not null; dir = dir.Parent)
        {
            string dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit) || File.Exists(dotGit))
            {
                return null;
            }

            if (File.Exists(Path.Combine(dir.FullName, "HEAD"))
                && Directory.Exists(Path.Combine(dir.FullName, "objects"))
                && Directory.Exists(Path.Combine(dir.FullName, "refs")))
            {
                return Path.TrimEndingDirectorySeparator(dir.FullName);
            }
        }

        return null;
    }

    /// <summary>QGB0002 for a bare repository: there is no working tree to judge, and nothing is written into a git directory.</summary>
    public static QualityGateException BareRepository(string gitDirectory) => new(QgbCodes.RepositoryNotFound,
        $"'{Path.TrimEndingDirectorySeparator(gitDirectory)}' is a bare repository: run in a clone with a working tree " +
        "(git clone it, then pass the clone with --repo). The gate judges the files of a working tree and writes nothing into a git directory.");

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
    /// A file or folder that qualitygate.json or the repository chose and the gate reads or writes (<c>baseline.file</c>,
    /// <c>trend.file</c>, <c>coverage.reportDirectory</c>, the default report folder): its full path inside the
    /// repository, with links inside the repository followed (a committed link to a file of the repository is written
    /// through, not replaced). A path outside, one a symbolic link leads out of, or one inside .git is refused
    /// (<paramref name="code"/>, QGB0202 by default, naming <paramref name="jsonPath"/>): committed content must not make
    /// the gate read or write elsewhere.
    /// </summary>
    /// <param name="advice">What to do instead, as a sentence ("Give a path inside it, e.g. ...").</param>
    public static string ConfinedFile(string fullRoot, string configured, string jsonPath, string advice, string code = QgbCodes.ConfigInvalidValue)
    {
        if (ToRelative(fullRoot, configured) is null)
        {
            throw new QualityGateException(code, $"{jsonPath} '{configured}' is outside the repository. {advice}");
        }

        string full = Path.GetFullPath(configured.Replace('\\', '/'), fullRoot);
        var boundary = new RepositoryBoundary(fullRoot);
        string? real = RealPaths.Resolve(full);
        if (real is null || !boundary.Contains(full))
        {
            string where = real is null ? "a loop of symbolic links" : $"a symbolic link to '{real}'";
            throw new QualityGateException(code,
                $"{jsonPath} '{configured}' leads outside the repository through {where}: the gate neither reads nor writes it. " +
                $"Replace the link with a file or folder inside the repository, or: {advice}");
        }

        if (IsInGitFolder(ToRelative(fullRoot, configured)) || IsInGitFolder(ToRelative(boundary.RealRoot, real)))
        {
            // git's own files (config, hooks) must never receive the gate's output, by name or through a link.
            throw new QualityGateException(code,
                $"{jsonPath} '{configured}' is inside the repository's .git folder, which belongs to git: the gate neither reads nor writes there. {advice}");
        }

        // Back onto the root as given, so a path without links inside the repository stays as the user wrote it.
        return Path.GetFullPath(Path.GetRelativePath(boundary.RealRoot, real), fullRoot);
    }

    /// <summary>True for a repo-relative path in the .git folder (any case: Windows and macOS file systems ignore it).</summary>
    private static bool IsInGitFolder(string? relative) =>
        relative is not null && relative.Split('/')[0].Equals(".git", StringComparison.OrdinalIgnoreCase);
}
