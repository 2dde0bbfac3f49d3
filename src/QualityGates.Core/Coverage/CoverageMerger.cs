using System.Runtime.InteropServices;

namespace QualityGates.Core.Coverage;

/// <summary>One &lt;condition&gt; of a line: a branch point (IL offset for coverlet) and its outcomes.</summary>
internal readonly record struct BranchPoint(int Number, int Covered, int Total);

/// <summary>
/// Merges line observations from any number of Cobertura files. Per file and line: the maximum hit count (never the
/// sum: two test projects running the same line once each did not run it twice). Branches: per branch point (condition
/// number) the most outcomes any one report saw covered; without condition numbers, the best "(covered/total)" of any
/// one report. Cobertura does not say WHICH outcomes were taken, so the true union may be higher: this never
/// over-counts.
/// </summary>
internal sealed class CoverageMerger
{
    private readonly Dictionary<string, Dictionary<int, LineAccumulator>> files = new(StringComparer.Ordinal);

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
            acc.Points ??= new Dictionary<int, (int Covered, int Total)>();
            foreach (BranchPoint point in points)
            {
                acc.Points[point.Number] = acc.Points.TryGetValue(point.Number, out (int Covered, int Total) seen)
                    ? (Math.Max(seen.Covered, point.Covered), Math.Max(seen.Total, point.Total))
                    : (point.Covered, point.Total);
            }
        }
    }

    public CoverageReport Build(IReadOnlyList<string> inputs, IReadOnlyList<string> notes)
    {
        var result = new SortedDictionary<string, FileCoverage>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, Dictionary<int, LineAccumulator>> file in files)
        {
            var lines = new LineCoverage[file.Value.Count];
            int i = 0;
            foreach (KeyValuePair<int, LineAccumulator> entry in file.Value)
            {
                lines[i++] = entry.Value.ToLine(entry.Key);
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
        public Dictionary<int, (int Covered, int Total)>? Points;

        public readonly LineCoverage ToLine(int number)
        {
            long covered = SummaryCovered, total = SummaryTotal;
            if (Points is not null)
            {
                long pointsCovered = 0, pointsTotal = 0;
                foreach ((int c, int t) in Points.Values)
                {
                    pointsCovered += c;
                    pointsTotal += t;
                }

                covered = Math.Max(covered, pointsCovered);
                total = Math.Max(total, pointsTotal);
            }

            return new LineCoverage(number, Hits, Math.Min(covered, total), total);
        }
    }
}
