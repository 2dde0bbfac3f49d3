using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileSystemGlobbing;

namespace QualityGates.Core.Coverage;

/// <summary>Finds Cobertura files by path or glob and merges them into one <see cref="CoverageReport"/>.</summary>
public static class CoverageLoader
{
    private static readonly char[] GlobCharacters = { '*', '?', '[', '{' };

    /// <summary>
    /// Expands paths and globs ("**/TestResults/*/coverage.cobertura.xml"); relative ones start at
    /// <paramref name="baseDirectory"/>. A literal path is returned even when missing (reading it reports QGB0101),
    /// unless <paramref name="confineAll"/> and it lies outside the repository (left out with a note);
    /// a glob that matches nothing adds a note. Globs never enter a symbolic link or junction. With a
    /// <paramref name="repository"/>, a file a glob found that really lies outside it (through a link) is left out
    /// with a note: always when <paramref name="confineAll"/> (the globs of qualitygate.json), else when the glob
    /// starts inside the repository. In the same cases, when the repository folder is in no git working tree, a file
    /// that lies in a git working tree below it (another repository: its coverage is that repository's) is left out with
    /// a note. Files found by a glob are added to <paramref name="globbed"/> when given.
    /// </summary>
    public static IReadOnlyList<string> ResolveFiles(
        string baseDirectory, IEnumerable<string> patterns, ICollection<string> notes, RepositoryBoundary? repository = null, bool confineAll = false,
        ISet<string>? globbed = null)
    {
        var files = new List<string>();
        Lazy<bool> rootInGit = new(() => repository is not null && RepositoryPaths.WorkTreeRoot(repository.Root) is not null);
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (string pattern in patterns)
        {
            string unified = pattern.Replace('\\', '/');
            if (unified.IndexOfAny(GlobCharacters) < 0)
            {
                string full = Path.GetFullPath(unified, baseDirectory);

                // A committed qualitygate.json names files in the repository; "../../x.xml" or a link out is not read.
                if (confineAll && repository is not null && !repository.Contains(full))
                {
                    notes.Add(string.Format(CultureInfo.InvariantCulture,
                        "The coverage file '{0}' lies outside the repository and was left out, never opened: name files inside the repository in coverage.files, or pass it with --coverage.",
                        pattern));
                    continue;
                }

                if (seen.Add(full))
                {
                    files.Add(full);
                }

                continue;
            }

            (string root, string glob) = SplitGlob(unified, baseDirectory);
            var matcher = new Matcher(OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            matcher.AddInclude(ForMatcher(glob));
            Regex? exact = SingleCharacterFilter(glob);
            List<string> matches = Directory.Exists(root)
                ? matcher.Execute(new LinkFreeDirectory(new DirectoryInfo(root))).Files
                    .Select(match => Path.GetFullPath(match.Path, root))
                    .Where(path => exact is null || exact.IsMatch(Path.GetRelativePath(root, path).Replace('\\', '/')))
                    .OrderBy(path => path, StringComparer.Ordinal)
                    .ToList()
                : new List<string>();
            if (matches.Count == 0)
            {
                notes.Add($"No coverage file matched '{pattern}'.");
            }

            if (repository is not null && (confineAll || RepositoryPaths.ToRelative(repository.Root, root) is not null || Path.TrimEndingDirectorySeparator(root) == repository.Root))
            {
                List<string> outside = matches.Where(path => !repository.Contains(path)).ToList();
                if (outside.Count > 0)
                {
                    notes.Add(string.Format(CultureInfo.InvariantCulture,
                        "{0} coverage {1} matched by '{2}' {3} outside the repository through a symbolic link and {4} left out, never opened: {5}.",
                        outside.Count, outside.Count == 1 ? "file" : "files", pattern, outside.Count == 1 ? "lies" : "lie",
                        outside.Count == 1 ? "was" : "were",
                        string.Join(", ", outside.Take(NotesText.MaxNamed).Select(p => $"'{p}'"))));
                    matches = matches.Except(outside, StringComparer.Ordinal).ToList();
                }

                if (!rootInGit.Value)
                {
                    matches = WithoutOtherRepositories(repository.Root, pattern, matches, notes);
                }
            }

            foreach (string match in matches.Where(seen.Add))
            {
                files.Add(match);
                globbed?.Add(match);
            }
        }

        return files;
    }

    /// <summary>
    /// <paramref name="matches"/> without the files that lie in a git working tree below <paramref name="root"/>, which
    /// is in none itself: run in a folder above several clones, a glob would otherwise merge unrelated repositories'
    /// coverage into one verdict. A note names the repositories and files left out.
    /// </summary>
    private static List<string> WithoutOtherRepositories(string root, string pattern, List<string> matches, ICollection<string> notes)
    {
        var repositories = new SortedSet<string>(StringComparer.Ordinal);
        var left = new List<string>();
        foreach (string match in matches)
        {
            if (RepositoryPaths.WorkTreeRoot(Path.GetDirectoryName(match) ?? root) is string other && RepositoryPaths.ToRelative(root, other) is string relative)
            {
                repositories.Add(relative + "/");
                left.Add(match);
            }
        }

        if (left.Count == 0)
        {
            return matches;
        }

        notes.Add(string.Format(CultureInfo.InvariantCulture,
            "{0} coverage {1} matched by '{2}' {3} in other git repositories below '{4}' ({5}) and {6} left out: '{4}' is not in a git repository, " +
            "so the coverage of the repositories below it is theirs. Run qualitygate in the repository that was tested, or pass it with --repo.",
            left.Count, left.Count == 1 ? "file" : "files", pattern, left.Count == 1 ? "lies" : "lie", root,
            NotesText.Named(repositories), left.Count == 1 ? "was" : "were"));
        return matches.Except(left, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// What is wrong with a coverage path or glob, as a sentence that says what to do; null when it can be used. Checked
    /// before any file is looked for (QGB0001 for --coverage, QGB0202 for coverage.files).
    /// </summary>
    public static string? PatternProblem(string pattern)
    {
        string unified = pattern.Replace('\\', '/');
        if (unified.IndexOfAny(GlobCharacters) < 0)
        {
            return null;
        }

        string[] segments = unified.Split('/');
        int firstWildcard = Array.FindIndex(segments, segment => segment.IndexOfAny(GlobCharacters) >= 0);
        if (segments.Skip(firstWildcard + 1).Contains(".."))
        {
            return "'..' can only come before the first wildcard (* ? [ {). Name the folder without '..' after the wildcard, " +
                "or put the '..' steps at the start (e.g. '../other/**/coverage.cobertura.xml').";
        }

        try
        {
            (_, string glob) = SplitGlob(unified, Path.GetTempPath());
            new Matcher().AddInclude(ForMatcher(glob)).Match("coverage.cobertura.xml");
        }
        catch (ArgumentException ex)
        {
            return $"it is not a glob this tool reads ({ex.Message}). Write it as a path with * , ** and ? wildcards.";
        }

        return null;
    }

    /// <summary>Reads and merges the files. Throws <see cref="QualityGateException"/> (QGB01xx) on the first bad file.</summary>
    public static CoverageReport Read(string repositoryRoot, IReadOnlyList<string> files, IEnumerable<string>? notes = null)
    {
        string fullRoot = RepositoryPaths.FullRoot(repositoryRoot);
        var merger = new CoverageMerger();
        var outside = new SortedSet<string>(StringComparer.Ordinal);
        var generated = new SortedSet<string>(StringComparer.Ordinal);
        var notSources = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            CoberturaReader.Read(file, fullRoot, merger, outside, generated, notSources);
        }

        var allNotes = new List<string>(notes ?? Array.Empty<string>());
        // {0} count, {1} "file(s)", {2} "is/are", {3} "was/were", {4} the paths named.
        AddLeftOutNote(allNotes, outside, "{0} source {1} outside the repository {3} left out of coverage (" + QgbCodes.CoveragePathOutsideRepository + ": {4}).");
        AddLeftOutNote(allNotes, notSources,
            "{0} {1} named by coverage {2} no source code (inside .git, or without a source-file extension such as .cs) and {3} left out of coverage, never opened (" + QgbCodes.CoveragePathNotSource + ": {4}).");
        AddLeftOutNote(allNotes, generated, "{0} generated source {1} (under obj/, bin/ or Migrations/, or named *.g.cs, *.Designer.cs, ...) {3} left out of coverage: {4}.");
        return merger.Build(files, allNotes);
    }

    private static void AddLeftOutNote(List<string> notes, SortedSet<string> paths, string format)
    {
        if (paths.Count > 0)
        {
            bool one = paths.Count == 1;
            notes.Add(string.Format(CultureInfo.InvariantCulture, format, paths.Count, one ? "file" : "files", one ? "is" : "are", one ? "was" : "were", NotesText.Named(paths)));
        }
    }

    /// <summary>
    /// Resolves and reads; null when no file was found (no data, never 100 %). Of the files globs found, earlier runs of
    /// the same tests are left out (<see cref="CoverageRuns"/>) unless <paramref name="allRuns"/>.
    /// </summary>
    public static CoverageReport? Load(
        string repositoryRoot, string baseDirectory, IEnumerable<string> patterns, ICollection<string> notes, bool confineAll = false, bool allRuns = false)
    {
        var globbed = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        IReadOnlyList<string> files = ResolveFiles(baseDirectory, patterns, notes, new RepositoryBoundary(repositoryRoot), confineAll, globbed);
        if (!allRuns)
        {
            files = CoverageRuns.LatestOnly(files, globbed, RepositoryPaths.FullRoot(repositoryRoot), notes);
        }

        return files.Count == 0 ? null : Read(repositoryRoot, files, notes);
    }

    /// <summary>
    /// FileSystemGlobbing has no '?': the matcher gets '*' in its place (it finds a superset), and
    /// <see cref="SingleCharacterFilter"/> keeps the paths where each '?' is exactly one character.
    /// </summary>
    private static string ForMatcher(string glob) => glob.Replace('?', '*');

    /// <summary>
    /// For a glob with '?', the exact pattern over the path relative to the glob's root ('/' separators), with the
    /// matcher's meaning of '*' (within a folder name) and '**' (any number of folders); null without '?'.
    /// </summary>
    private static Regex? SingleCharacterFilter(string glob)
    {
        if (!glob.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        var pattern = new StringBuilder("^");
        string[] segments = glob.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(segment => segment != ".").ToArray();
        for (int i = 0; i < segments.Length; i++)
        {
            bool last = i == segments.Length - 1;
            if (segments[i] == "**")
            {
                pattern.Append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }

            foreach (char c in segments[i])
            {
                pattern.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(new string(c, 1)),
                });
            }

            pattern.Append(last ? "$" : "/");
        }

        // Linear time whatever the pattern: it comes from a committed qualitygate.json.
        RegexOptions options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | (OperatingSystem.IsWindows() ? RegexOptions.IgnoreCase : RegexOptions.None);
        return new Regex(pattern.ToString(), options, TimeSpan.FromSeconds(1));
    }

    private static (string Root, string Glob) SplitGlob(string pattern, string baseDirectory)
    {
        int wildcard = pattern.IndexOfAny(GlobCharacters);
        int slash = pattern.LastIndexOf('/', wildcard);
        string prefix = slash < 0 ? string.Empty : pattern.Substring(0, slash + 1);
        string glob = slash < 0 ? pattern : pattern.Substring(slash + 1);
        string root = Path.GetFullPath(prefix.Length == 0 ? "." : prefix, baseDirectory);
        return (root, glob);
    }
}
