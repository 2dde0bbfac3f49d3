using QualityGates.Core.Sources;

namespace QualityGates.Core.Coverage;

/// <summary>
/// Maps the class filenames of one Cobertura file to repo-relative paths, with the &lt;source&gt; roots seen so far
/// (docs/gate.md "Paths"): what the gate counts and what the coverage HTML may show. Paths outside the repository,
/// also through a committed link, go to <c>outside</c>; generated sources to <c>generated</c>; what is no source code
/// (git's own files, <c>.env</c>: a committed coverage file may name anything) to <c>notSources</c>; all resolve to null.
/// </summary>
internal sealed class ClassFileResolver(string fullRoot, ISet<string> outside, ISet<string> generated, ISet<string> notSources)
{
    /// <summary>
    /// Extensions of source code a Cobertura writer reports (coverlet's C#, F#, VB and Razor, and the languages a mixed
    /// repository's other tools cover). Anything else, a secrets file or a key, is never counted nor shown.
    /// </summary>
    private static readonly HashSet<string> SourceExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cs", ".vb", ".fs", ".fsi", ".fsx", ".razor", ".cshtml", ".vbhtml", ".xaml", ".c", ".cc", ".cpp", ".cxx", ".h", ".hpp",
        ".ts", ".tsx", ".js", ".jsx", ".mjs", ".py", ".java", ".kt", ".go", ".rb", ".php", ".swift", ".scala",
    };

    private readonly List<string> sources = new();
    private readonly Dictionary<string, string?> resolved = new(StringComparer.Ordinal);
    private readonly RepositoryBoundary boundary = new(fullRoot);

    /// <summary>A &lt;source&gt; root, in document order.</summary>
    public void AddSource(string text)
    {
        string source = SourcePaths.Normalize(text);
        if (source.Length > 0)
        {
            sources.Add(source);
            resolved.Clear();
        }
    }

    /// <summary>The repo-relative path of a class filename (cached: coverlet writes one &lt;class&gt; per type, many per file).</summary>
    public string? Resolve(string? filename)
    {
        if (string.IsNullOrWhiteSpace(filename))
        {
            return null;
        }

        if (!resolved.TryGetValue(filename, out string? path))
        {
            path = ResolveUncached(SourcePaths.Normalize(filename));
            if (path is not null)
            {
                // Through a link inside the repository (src/alias -> .) the file it really is, counted once; a committed
                // link that leads outside (src/ext -> /etc) makes it an outside path: never opened, not counted.
                string? real = boundary.RealRelative(path);
                if (real is null)
                {
                    outside.Add(CoberturaReader.Truncate(path));
                }

                path = real;
            }

            if (path is not null && !IsSourceCode(path))
            {
                notSources.Add(CoberturaReader.Truncate(path));
                path = null;
            }

            if (path is not null && SourceFacts.IsGeneratedPath(path))
            {
                // A source generator's output (obj/.../RegexGenerator.g.cs) is not code anyone here wrote or tests.
                generated.Add(path);
                path = null;
            }

            resolved.Add(filename, path);
        }

        return path;
    }

    /// <summary>A source file's extension, and no part inside git's own folder (.git/config holds CI credentials).</summary>
    private static bool IsSourceCode(string relative) =>
        SourceExtensions.Contains(Path.GetExtension(relative)) &&
        !relative.Split('/').Any(part => part.Equals(".git", StringComparison.OrdinalIgnoreCase));

    private string? ResolveUncached(string name)
    {
        string? chosen = null;
        foreach (string candidate in Candidates(name))
        {
            string? relative = SourcePaths.ToRepository(fullRoot, candidate, out bool exists);
            if (relative is null)
            {
                continue;
            }

            // Several <source> roots: the one where the file exists in the repository wins, else the first.
            if (sources.Count <= 1 || exists || File.Exists(Path.Combine(fullRoot, relative)))
            {
                return relative;
            }

            chosen ??= relative;
        }

        if (chosen is null)
        {
            outside.Add(CoberturaReader.Truncate(Candidates(name).First()));
        }

        return chosen;
    }

    /// <summary>Where a class filename may point: itself when rooted, else joined to each &lt;source&gt; in order.</summary>
    private IEnumerable<string> Candidates(string name)
    {
        // Deterministic builds map the source root to "/_/": that is the repository root.
        if (name.StartsWith("/_/", StringComparison.Ordinal))
        {
            yield return name.Substring(3);
            yield break;
        }

        if (Path.IsPathRooted(name) || SourcePaths.IsDriveOrUnc(name) || sources.Count == 0)
        {
            yield return name;
            yield break;
        }

        foreach (string root in sources)
        {
            if (root == "/_" || root.StartsWith("/_/", StringComparison.Ordinal))
            {
                string rest = root.Substring(Math.Min(3, root.Length)).TrimEnd('/');
                yield return rest.Length == 0 ? name : rest + "/" + name;
            }
            else
            {
                yield return root.TrimEnd('/') + "/" + name;
            }
        }
    }
}
