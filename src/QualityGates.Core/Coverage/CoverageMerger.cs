using System.Runtime.InteropServices;

namespace QualityGates.Core.Coverage;

/// <summary>One &lt;condition&gt; of a line: a branch point (IL offset for coverlet) and its outcomes.</summary>
internal readonly record struct BranchPoint(int Number, int Covered, int Total);

/// <summary>
/// Merges line observations from any number of Cobertura files. Per file and line: the maximum hit count (never the
/// sum: two test projects running the same line once each did not run it twice). Branches: per branch point (condition
/// number) the most outcomes any one report saw covered; without condition numbers, the best "(covered/total)" of any
/// one report. Cobertura does not say WHICH outcomes were taken, so the true union may be higher: this never
/// over-counts. Condition numbers are coverlet's IL offsets, so they only match between reports of the same build: a
/// line whose reports name different points (a library built for two target frameworks, or with other #if symbols)
/// takes the best single build instead of adding the builds' points up, which counted its outcomes twice.
/// </summary>
internal sealed class CoverageMerger
{
    private readonly Dictionary<string, Dictionary<int, LineAccumulator>> files = new(StringComparer.Ordinal);
    private int report;

    /// <summary>Starts the next Cobertura file: branch points are matched per build, and a file is one build.</summary>
    public void NextReport() => report++;

    public void Add(string path, int line, long hits, int coveredBranches, int totalBranches, IReadOnlyList<BranchPoint>? points)
    {
        if (!files.TryGetValue(path, out Dictionary<int, LineAccumulator>? lines))
        {
            lines = new Dictionary<int, LineAccumulator>();
            files.Add(path, lines);
        }

        ref LineAccumulator acc = ref CollectionsMarshal.GetValueRefOrAddDefault(lines, line, out _);
        acc.Hits = Math.Max(acc.Hits, hits);
        acc.SummaryCovered = Math.Max(acc.SummaryCovered, coveredBranches);
        acc.SummaryTotal = Math.Max(acc.SummaryTotal, totalBranches);
        if (points is { Count: > 0 })
        {
            if (acc.Points is not null && acc.PointsReport != report)
            {
                acc.Fold();
            }

            acc.Points ??= new Dictionary<int, (int Covered, int Total)>();
            acc.PointsReport = report;
            foreach (BranchPoint point in points)
            {
                Max(acc.Points, point.Number, (point.Covered, point.Total));
            }
        }
    }

    private static void Max(Dictionary<int, (int Covered, int Total)> points, int number, (int Covered, int Total) point) =>
        points[number] = points.TryGetValue(number, out (int Covered, int Total) seen)
            ? (Math.Max(seen.Covered, point.Covered), Math.Max(seen.Total, point.Total))
            : point;

    public CoverageReport Build(IReadOnlyList<string> inputs, IReadOnlyList<string> notes)
    {
        var result = new SortedDictionary<string, FileCoverage>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, Dictionary<int, LineAccumulator>> file in files)
        {
            var lines = new LineCoverage[file.Value.Count];
            int i = 0;
            foreach (KeyValuePair<int, LineAccumulator> entry in file.Value)
            {
                LineAccumulator acc = entry.Value;
                acc.Fold();
                lines[i++] = acc.ToLine(entry.Key);
            }

            Array.Sort(lines, (a, b) => a.Number.CompareTo(b.Number));
            result.Add(file.Key, new FileCoverage(file.Key, lines));
        }

        return new CoverageReport(inputs, result, notes);
    }

    private struct LineAccumulator
    {
        public long Hits;
        public int SummaryCovered;
        public int SummaryTotal;
        /// <summary>The branch points of this line in the report being read (<see cref="PointsReport"/>).</summary>
        public Dictionary<int, (int Covered, int Total)>? Points;
        public int PointsReport;
        /// <summary>Per build (the same set of condition numbers), the most outcomes any of its reports covered per point.</summary>
        public List<Dictionary<int, (int Covered, int Total)>>? Builds;

        /// <summary>Adds the finished report's points to the build with the same condition numbers, or starts a build.</summary>
        public void Fold()
        {
            if (Points is null)
            {
                return;
            }

            Builds ??= new List<Dictionary<int, (int Covered, int Total)>>(1);
            Dictionary<int, (int Covered, int Total)> current = Points;
            Dictionary<int, (int Covered, int Total)>? same = Builds.Find(b => b.Count == current.Count && current.Keys.All(b.ContainsKey));
            if (same is null)
            {
                Builds.Add(current);
            }
            else
            {
                foreach ((int number, (int Covered, int Total) point) in current)
                {
                    Max(same, number, point);
                }
            }

            Points = null;
        }

        public readonly LineCoverage ToLine(int number)
        {
            long covered = SummaryCovered, total = SummaryTotal;
            if (Builds is not null)
            {
                // The build whose points show the most covered outcomes; on a tie the one with more outcomes (no optimism).
                (long Covered, long Total) best = (0, 0);
                foreach (Dictionary<int, (int Covered, int Total)> build in Builds)
                {
                    long buildCovered = 0, buildTotal = 0;
                    foreach ((int c, int t) in build.Values)
                    {
                        buildCovered += c;
                        buildTotal += t;
                    }

                    if (buildCovered > best.Covered || (buildCovered == best.Covered && buildTotal > best.Total))
                    {
                        best = (buildCovered, buildTotal);
                    }
                }

                covered = Math.Max(covered, best.Covered);
                total = Math.Max(total, best.Total);
            }

            return new LineCoverage(number, Hits, Math.Min(covered, total), total);
        }
    }
}
