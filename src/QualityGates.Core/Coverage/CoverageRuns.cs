using System.Globalization;
using System.Xml;

namespace QualityGates.Core.Coverage;

/// <summary>
/// Earlier runs of the same tests among the files a glob found. <c>dotnet test --collect "XPlat Code Coverage"</c> writes
/// a new <c>TestResults/&lt;guid&gt;/coverage.cobertura.xml</c> every run and never deletes the old ones; the merge takes
/// the highest hits per line, so old runs would lift the rate above what the tests give now. Files in run folders of
/// one results folder (the folder holding the run folders) with the same set of Cobertura packages are runs of the
/// same tests: only the newest run counts.
/// </summary>
public static class CoverageRuns
{
    /// <summary>
    /// Files that ended this close to the newest of their group are the same run, kept: a multi-targeted test project
    /// writes one file per target framework, and test projects sharing one --results-directory one each, seconds apart
    /// (5 s and 7 s in the real fixtures). A rerun of the same tests this soon measures almost the same code.
    /// </summary>
    public const long SameRunSeconds = 300;

    /// <summary>The latest representable second (9999-12-31): a larger timestamp is no date, and the file's time is used.</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>
    /// <paramref name="files"/> in their order without the earlier runs; only the files in <paramref name="globbed"/>
    /// take part (a file named on its own is always kept). A note names the files left out. A file that cannot be
    /// read as Cobertura here is kept, so reading it reports what is wrong with it.
    /// </summary>
    public static IReadOnlyList<string> LatestOnly(IReadOnlyList<string> files, IReadOnlySet<string> globbed, string fullRoot, ICollection<string> notes)
    {
        StringComparer paths = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        // Only a results folder with two or more run folders can hold an earlier run: no other file is opened twice.
        IEnumerable<Run> candidates = files
            .Where(globbed.Contains)
            .Select(file => new Run(file, Path.GetDirectoryName(file) ?? string.Empty))
            .Select(run => run with { Results = Path.GetDirectoryName(run.Folder) ?? string.Empty })
            .Where(run => run.Folder.Length > 0 && run.Results.Length > 0)
            .GroupBy(run => run.Results, paths)
            .Where(folder => folder.Select(run => run.Folder).Distinct(paths).Count() > 1)
            .SelectMany(folder => folder)
            .Select(run => Sniff(run))
            .OfType<Run>();

        var stale = new HashSet<string>(paths);
        foreach (IGrouping<string, Run> folder in candidates.GroupBy(run => run.Results, paths))
        {
            foreach (IGrouping<string, Run> sameTests in folder.GroupBy(run => run.Packages, StringComparer.Ordinal))
            {
                Run newest = sameTests.MaxBy(run => run.Seconds)!;
                stale.UnionWith(sameTests
                    .Where(run => newest.Seconds - run.Seconds > SameRunSeconds && !paths.Equals(run.Folder, newest.Folder))
                    .Select(run => run.File));
            }
        }

        if (stale.Count == 0)
        {
            return files;
        }

        List<string> named = files.Where(stale.Contains).Select(file => RepositoryPaths.ToRelative(fullRoot, file) ?? file).ToList();
        notes.Add(string.Format(CultureInfo.InvariantCulture,
            "{0} coverage {1} from earlier runs of the same tests {2} left out (the same results folder and packages as a newer run; only the newest run counts, --all-coverage merges every file): {3}.",
            named.Count,
            named.Count == 1 ? "file" : "files",
            named.Count == 1 ? "was" : "were",
            NotesText.Named(named)));
        return files.Where(file => !stale.Contains(file)).ToList();
    }

    /// <summary>
    /// The run with its sorted package names (joined by '\0', which XML cannot hold) and the end of the run in Unix seconds: the
    /// root's <c>timestamp</c> (coverlet writes Unix seconds), else the file's modification time (also when the timestamp
    /// is later than that). Null when the file is not readable Cobertura. Read as the merge reads it: DTDs prohibited,
    /// nothing resolved.
    /// </summary>
    private static Run? Sniff(Run run)
    {
        string file = run.File;
        try
        {
            var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
            using XmlReader reader = XmlReader.Create(stream, CoberturaReader.Settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "coverage" || reader.GetAttribute("line-rate") is null)
            {
                return null;
            }

            // A run cannot end after its file was written: a timestamp later than that (beyond a clock's skew) is no time
            // of the run (a committed file claiming 2100 to outrank the CI's own run), and the file's time is used.
            long written = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero).ToUnixTimeSeconds();
            long? stamped = UnixSeconds(reader.GetAttribute("timestamp"));
            long seconds = stamped is long t && t <= written + SameRunSeconds ? t : written;
            var packages = new SortedSet<string>(StringComparer.Ordinal);
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == 2 && reader.LocalName == "package")
                {
                    packages.Add(reader.GetAttribute("name") ?? string.Empty);
                    reader.Skip();
                    continue;
                }

                reader.Read();
            }

            return run with { Packages = string.Join('\0', packages), Seconds = seconds };
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long? UnixSeconds(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) && seconds > 0 && seconds <= MaxUnixSeconds
            ? seconds
            : null;

    /// <summary>A coverage file, its run folder and the results folder holding that; what it covers and when it ended.</summary>
    private sealed record Run(string File, string Folder)
    {
        public string Results { get; init; } = string.Empty;

        public string Packages { get; init; } = string.Empty;

        public long Seconds { get; init; }
    }
}
