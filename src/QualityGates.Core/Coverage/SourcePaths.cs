namespace QualityGates.Core.Coverage;

/// <summary>
/// Paths as Cobertura writers put them in &lt;source&gt; and class filenames, mapped to repo-relative "/" paths
/// (docs/gate.md "Paths"). Coverage made on a Windows agent and judged elsewhere is common: a drive-letter or UNC path
/// that is not under the repository root is foreign, and is mapped by the longest suffix that names a file of the
/// repository (as ReportGenerator matches on path suffixes). Nothing outside the repository is ever opened.
/// </summary>
internal static class SourcePaths
{
    private const string FileScheme = "file:";

    /// <summary>Trimmed, "\" as "/", a file:// URI as the path it names (percent escapes decoded).</summary>
    public static string Normalize(string path)
    {
        string text = path.Trim().Replace('\\', '/');
        if (!text.StartsWith(FileScheme, StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        string rest = text.Substring(FileScheme.Length);
        if (rest.StartsWith("///", StringComparison.Ordinal))
        {
            // file:///tmp/r/ is /tmp/r/; file:///C:/r/ is C:/r/.
            rest = rest.Substring(2);
            rest = rest.Length > 2 && char.IsAsciiLetter(rest[1]) && rest[2] == ':' ? rest.Substring(1) : rest;
        }
        else if (rest.StartsWith("//localhost/", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest.Substring("//localhost".Length);
        }

        // file://server/share/ stays //server/share/ (UNC); file:/tmp/r/ is /tmp/r/.
        try
        {
            return Uri.UnescapeDataString(rest).Replace('\\', '/');
        }
        catch (UriFormatException)
        {
            return rest;
        }
    }

    /// <summary>A Windows absolute path ("C:/...", "C:...") or a UNC path ("//server/share/..."), on any OS.</summary>
    public static bool IsDriveOrUnc(string path) =>
        (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':')
        || path.StartsWith("//", StringComparison.Ordinal);

    /// <summary>
    /// The repo-relative path of <paramref name="path"/> (normalized), or null when it is outside the repository.
    /// <paramref name="exists"/> is true when the file is known to exist (a foreign path mapped by suffix).
    /// </summary>
    public static string? ToRepository(string fullRoot, string path, out bool exists)
    {
        exists = false;
        bool foreign = IsDriveOrUnc(path);

        // "C:/x" is not rooted on Linux: joined to the root it would pass for a repo-relative path.
        if (!foreign || Path.IsPathRooted(path))
        {
            string? relative = RepositoryPaths.ToRelative(fullRoot, path);
            if (relative is not null || !foreign)
            {
                return relative;
            }
        }

        string? mapped = LongestExistingSuffix(fullRoot, path);
        exists = mapped is not null;
        return mapped;
    }

    /// <summary>
    /// "C:/agent/_work/1/s/src/A.cs": tries "agent/_work/1/s/src/A.cs", "_work/1/s/src/A.cs", ... "A.cs" in the
    /// repository, longest first (the most specific match); null when none exists.
    /// </summary>
    private static string? LongestExistingSuffix(string fullRoot, string path)
    {
        List<string> segments = Segments(path);
        for (int start = 0; start < segments.Count; start++)
        {
            string suffix = string.Join('/', segments.Skip(start));
            string? relative = RepositoryPaths.ToRelative(fullRoot, suffix);
            if (relative is not null && File.Exists(Path.Combine(fullRoot, relative)))
            {
                return relative;
            }
        }

        return null;
    }

    /// <summary>The segments after the drive ("C:") or the UNC server and share, with "." and ".." applied.</summary>
    private static List<string> Segments(string path)
    {
        bool unc = path.StartsWith("//", StringComparison.Ordinal);
        string[] parts = (unc ? path : path.Substring(2)).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var segments = new List<string>();
        foreach (string part in parts.Skip(unc ? 2 : 0))
        {
            if (part == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (part != ".")
            {
                segments.Add(part);
            }
        }

        return segments;
    }
}
