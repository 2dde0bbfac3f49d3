using QualityGates.Core.Hotspots;

namespace QualityGates.Core.Coverage;

/// <summary>One coverable line after merging: the highest hit count seen and its combined branch outcomes.</summary>
/// <remarks>Branch outcomes are 64-bit: a file may claim up to int.MaxValue outcomes per line, and sums must not wrap.</remarks>
public readonly record struct LineCoverage(int Number, long Hits, long BranchesCovered, long BranchesTotal)
{
    public bool Covered => Hits > 0;
}

/// <summary>
/// Counts behind a line rate and a branch rate, 64-bit so that sums over many files and lines never wrap. The rates
/// are null without anything to measure, never 1.
/// </summary>
public sealed record CoverageFigures(long CoverableLines, long CoveredLines, long BranchesValid, long BranchesCovered)
{
    public static readonly CoverageFigures None = new(0, 0, 0, 0);

    public double? LineRate => CoverableLines == 0 ? null : (double)CoveredLines / CoverableLines;

    public double? BranchRate => BranchesValid == 0 ? null : (double)BranchesCovered / BranchesValid;

    public CoverageFigures Add(CoverageFigures other) => new(
        CoverableLines + other.CoverableLines,
        CoveredLines + other.CoveredLines,
        BranchesValid + other.BranchesValid,
        BranchesCovered + other.BranchesCovered);

    internal static CoverageFigures Of(IEnumerable<LineCoverage> lines)
    {
        long coverable = 0, covered = 0, valid = 0, branchesCovered = 0;
        foreach (LineCoverage line in lines)
        {
            coverable++;
            covered += line.Covered ? 1 : 0;
            valid += line.BranchesTotal;
            branchesCovered += line.BranchesCovered;
        }

        return new CoverageFigures(coverable, covered, valid, branchesCovered);
    }
}

/// <summary>The merged coverage of one repo-relative source file.</summary>
public sealed class FileCoverage
{
    private readonly LineCoverage[] lines;

    internal FileCoverage(string path, LineCoverage[] sortedLines)
    {
        Path = path;
        lines = sortedLines;
        Figures = CoverageFigures.Of(sortedLines);
    }

    public string Path { get; }

    /// <summary>Coverable lines in ascending order.</summary>
    public IReadOnlyList<LineCoverage> Lines => lines;

    public CoverageFigures Figures { get; }

    public bool TryGetLine(int number, out LineCoverage line)
    {
        int index = Array.BinarySearch(lines, new LineCoverage(number, 0, 0, 0), LineNumberComparer.Instance);
        line = index >= 0 ? lines[index] : default;
        return index >= 0;
    }

    /// <summary>Coverable lines with first &lt;= number &lt;= last.</summary>
    public ReadOnlySpan<LineCoverage> Range(int first, int last)
    {
        int start = LowerBound(first);
        int end = LowerBound(last + 1);
        return lines.AsSpan(start, Math.Max(0, end - start));
    }

    private int LowerBound(int number)
    {
        int index = Array.BinarySearch(lines, new LineCoverage(number, 0, 0, 0), LineNumberComparer.Instance);
        return index >= 0 ? index : ~index;
    }

    private sealed class LineNumberComparer : IComparer<LineCoverage>
    {
        public static readonly LineNumberComparer Instance = new();

        public int Compare(LineCoverage x, LineCoverage y) => x.Number.CompareTo(y.Number);
    }
}

/// <summary>Merged coverage of every Cobertura file given, by repo-relative path.</summary>
public sealed class CoverageReport : ICoverageLookup
{
    internal CoverageReport(IReadOnlyList<string> inputs, IReadOnlyDictionary<string, FileCoverage> files, IReadOnlyList<string> notes)
    {
        Inputs = inputs;
        Files = files;
        Notes = notes;
        Totals = files.Values.Aggregate(CoverageFigures.None, (sum, file) => sum.Add(file.Figures));
    }

    /// <summary>The Cobertura files read, full paths, in the order given.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>Merged files by repo-relative path ("/" separators, ordinal).</summary>
    public IReadOnlyDictionary<string, FileCoverage> Files { get; }

    public CoverageFigures Totals { get; }

    /// <summary>What a person should know: files left out because they are outside the repository, and so on.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Figures over a set of files; files without coverage data add nothing.</summary>
    public CoverageFigures ForFiles(IEnumerable<string> paths)
    {
        CoverageFigures sum = CoverageFigures.None;
        foreach (string path in paths.Distinct(StringComparer.Ordinal))
        {
            if (Files.TryGetValue(path, out FileCoverage? file))
            {
                sum = sum.Add(file.Figures);
            }
        }

        return sum;
    }

    /// <summary>Figures over chosen lines (new code): only the lines that are coverable count.</summary>
    public CoverageFigures ForLines(IReadOnlyDictionary<string, IReadOnlySet<int>> linesByPath)
    {
        var selected = new List<LineCoverage>();
        foreach (KeyValuePair<string, IReadOnlySet<int>> entry in linesByPath)
        {
            if (!Files.TryGetValue(entry.Key, out FileCoverage? file))
            {
                continue;
            }

            foreach (int number in entry.Value)
            {
                if (file.TryGetLine(number, out LineCoverage line))
                {
                    selected.Add(line);
                }
            }
        }

        return CoverageFigures.Of(selected);
    }

    public double? LineRate(string path) => Files.TryGetValue(path, out FileCoverage? file) ? file.Figures.LineRate : null;

    public (int Covered, int Coverable)? LinesInRange(string path, int firstLine, int lastLine)
    {
        if (!Files.TryGetValue(path, out FileCoverage? file))
        {
            return null;
        }

        int covered = 0;
        ReadOnlySpan<LineCoverage> range = file.Range(firstLine, lastLine);
        foreach (LineCoverage line in range)
        {
            covered += line.Covered ? 1 : 0;
        }

        return (covered, range.Length);
    }
}
