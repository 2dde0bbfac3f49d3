using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace QualityGates.Core.Coverage;

/// <summary>
/// A folder for the glob matcher that never enters a symbolic link or junction: a committed link cannot lead a
/// glob out of the repository, and a link loop (<c>src/up -> ..</c>) cannot make it walk forever.
/// </summary>
internal sealed class LinkFreeDirectory : DirectoryInfoBase
{
    private static readonly EnumerationOptions Enumeration = new() { IgnoreInaccessible = true, AttributesToSkip = 0 };

    private readonly DirectoryInfo directory;
    private readonly bool isParentPath;

    public LinkFreeDirectory(DirectoryInfo directory, bool isParentPath = false)
    {
        this.directory = directory;
        this.isParentPath = isParentPath;
    }

    public override string Name => isParentPath ? ".." : directory.Name;

    public override string FullName => directory.FullName;

    public override DirectoryInfoBase? ParentDirectory => directory.Parent is { } parent ? new LinkFreeDirectory(parent) : null;

    public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
    {
        if (!directory.Exists)
        {
            yield break;
        }

        foreach (FileSystemInfo entry in directory.EnumerateFileSystemInfos("*", Enumeration))
        {
            if (entry is DirectoryInfo child)
            {
                if (!RealPaths.IsLink(child))
                {
                    yield return new LinkFreeDirectory(child);
                }
            }
            else if (entry is FileInfo file)
            {
                // A file link is listed; the caller checks where it really leads.
                yield return new FileInfoWrapper(file);
            }
        }
    }

    public override DirectoryInfoBase? GetDirectory(string path)
    {
        if (path == "..")
        {
            return new LinkFreeDirectory(new DirectoryInfo(Path.Combine(directory.FullName, path)), isParentPath: true);
        }

        var child = new DirectoryInfo(Path.Combine(directory.FullName, path));
        return child.Exists && !RealPaths.IsLink(child) ? new LinkFreeDirectory(child) : null;
    }

    public override FileInfoBase? GetFile(string path) => new FileInfoWrapper(new FileInfo(Path.Combine(directory.FullName, path)));
}
