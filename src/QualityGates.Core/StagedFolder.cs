namespace QualityGates.Core;

/// <summary>
/// A folder of output written as a set (the report, the coverage HTML): every file goes to a fresh sibling folder
/// first and moves into the target only when all were written and no destination is in the way, so old and new files
/// are never mixed. A symbolic link below the target (a committed <c>coverage -&gt; /elsewhere</c>) is in the way: the
/// set is never written through it. Disposing removes what was not moved.
/// </summary>
public sealed class StagedFolder : IDisposable
{
    private StagedFolder(string target, string stagingPath)
    {
        Target = target;
        StagingPath = stagingPath;
    }

    /// <summary>The folder the set belongs in (full path).</summary>
    public string Target { get; }

    /// <summary>
    /// Where to write the set: a sibling of <see cref="Target"/>, so relative paths out of it are the same (inside it when
    /// the parent cannot be written, see <see cref="Create"/>).
    /// </summary>
    public string StagingPath { get; }

    /// <summary>
    /// Creates the staging folder beside <paramref name="target"/> (and the target's parent); when the parent cannot be
    /// written but the target is a writable folder (a mounted output folder in a read-only container), or the sibling's
    /// name would be too long, inside it. IOException when neither can be.
    /// </summary>
    public static StagedFolder Create(string target)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        string parent = Path.GetDirectoryName(full) ?? full;
        string name = "." + Path.GetFileName(full) + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            string staging = Path.Combine(parent, name);
            Directory.CreateDirectory(staging);
            return new StagedFolder(full, staging);
        }
        catch (Exception ex) when ((ex is UnauthorizedAccessException or IOException) && Directory.Exists(full) && RealPaths.LinkTarget(full) is null)
        {
            string inside = Path.Combine(full, ".qualitygate-staging-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(inside);
            return new StagedFolder(full, inside);
        }
    }

    /// <summary>Where a path under the staging folder will be after <see cref="Commit"/>; other paths as they are.</summary>
    public string Unstaged(string path)
    {
        string relative = Path.GetRelativePath(StagingPath, Path.GetFullPath(path));
        return relative == "." ? Target
            : relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path
            : Path.Combine(Target, relative);
    }

    /// <summary>
    /// Moves every staged file into the target, after checking every destination first: a folder where a file goes, a
    /// file where a folder goes, or a symbolic link anywhere below the target is an IOException naming it, and then
    /// nothing is moved. The moves are renames within one folder's parent: they do not run out of space.
    /// </summary>
    public void Commit()
    {
        var moves = Directory.EnumerateFiles(StagingPath, "*", SearchOption.AllDirectories)
            .Select(file => (From: file, To: Path.Combine(Target, Path.GetRelativePath(StagingPath, file))))
            .OrderBy(move => move.To, StringComparer.Ordinal)
            .ToList();
        if (File.Exists(Target))
        {
            throw new IOException($"'{Target}' is a file, not a folder. Remove or rename it.");
        }

        foreach (var move in moves)
        {
            if (Obstacle(move.To) is string obstacle)
            {
                throw new IOException(obstacle);
            }
        }

        foreach (var (from, to) in moves)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Move(from, to, overwrite: true);
        }
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(StagingPath))
            {
                Directory.Delete(StagingPath, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover hidden sibling is untidy, not wrong: it never mixes with the target.
        }
    }

    /// <summary>What keeps a file from being moved to <paramref name="destination"/>, or null.</summary>
    private string? Obstacle(string destination)
    {
        string[] parts = Path.GetRelativePath(Target, destination).Split(Path.DirectorySeparatorChar);
        string current = Target;
        for (int i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            bool isFile = i == parts.Length - 1;
            if (RealPaths.LinkTarget(current) is string link)
            {
                return $"'{current}' is a symbolic link (to '{link}'): the output is never written through a link. Remove the link.";
            }

            if (isFile ? Directory.Exists(current) : File.Exists(current))
            {
                return $"'{current}' is a {(isFile ? "folder" : "file")} where a {(isFile ? "file" : "folder")} is written. Remove or rename it.";
            }
        }

        return null;
    }
}
