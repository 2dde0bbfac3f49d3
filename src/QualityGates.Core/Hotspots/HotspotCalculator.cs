using System.Globalization;
using QualityGates.Core.Complexity;
using QualityGates.Core.History;
using QualityGates.Core.Sources;
using DomainScope = QualityGates.Analyzers.Semantics.Scope;

namespace QualityGates.Core.Hotspots;

/// <summary>
/// Ranks C# files by change frequency x complexity (x missing coverage), as product.md defines hotspots.
/// <para>
/// Population: the C# files with at least one revision in the window that exist at HEAD inside the repository and are
/// not generated (<c>*.g.cs</c>, <c>*.g.i.cs</c>, <c>*.Designer.cs</c>, <c>*.generated.cs</c>, an <c>&lt;auto-generated</c>
/// header, or under <c>Migrations/</c>, <c>obj/</c>, <c>bin/</c>). Percentile, rank-based in (0, 1]:
/// <c>percentile(x) = |{ y in population : y &lt;= x }| / |population|</c>, so the largest value is 1, ties share the
/// higher rank, and a population of one gives 1. Score = percentile(R) x percentile(C), x (1 - line rate) when the
/// file's coverage is known and <see cref="HotspotOptions.WeighByMissingCoverage"/> is on. Only files with at least
/// <see cref="HotspotOptions.MinRevisions"/> revisions are reported, best score first (then revisions, then path).
/// CRAP per method = CC^2 x (1 - cov)^3 + CC, null when the method has no coverable line data.
/// </para>
/// </summary>
public sealed class HotspotCalculator : IHotspotCalculator
{
    public IReadOnlyList<Hotspot> Compute(string repositoryRoot, IReadOnlyList<FileHistory> files, ICoverageLookup coverage, HotspotOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(options);
        var sources = options.Sources ?? SourceFacts.Open(repositoryRoot, cacheDirectory: null);

        var population = new List<(FileHistory File, IReadOnlyList<MemberComplexity> Members, int Complexity)>();
        foreach (var file in files)
        {
            if (file.Revisions < 1 || !IsCandidatePath(file.Path) || sources.Read(file.Path) is not { Generated: false } source)
            {
                continue;
            }

            population.Add((file, source.Members, CyclomaticComplexity.FileComplexity(source.Members)));
        }

        // Sorted once: each percentile is then a binary search, not a pass over the population.
        var revisions = population.Select(p => p.File.Revisions).Order().ToArray();
        var complexities = population.Select(p => p.Complexity).Order().ToArray();
        var ranked = population
            .Where(p => p.File.Revisions >= options.MinRevisions)
            .Select(p =>
            {
                var lineRate = coverage.LineRate(p.File.Path);
                double score = (double)AtOrBelow(revisions, p.File.Revisions) / revisions.Length * ((double)AtOrBelow(complexities, p.Complexity) / complexities.Length);
                if (options.WeighByMissingCoverage && lineRate != null)
                {
                    score *= 1 - lineRate.Value;
                }

                return (p.File, p.Members, p.Complexity, LineRate: lineRate, Score: score);
            })
            .OrderByDescending(h => h.Score).ThenByDescending(h => h.File.Revisions).ThenBy(h => h.File.Path, StringComparer.Ordinal)
            .Take(Math.Max(0, options.MaxHotspots));

        // Scope, methods and the reason only for the files reported.
        var hotspots = new List<Hotspot>();
        foreach (var (file, members, complexity, lineRate, score) in ranked)
        {
            var scope = sources.Scope(file.Path);
            var methods = members.Select(m => Method(file.Path, m, coverage)).ToList();
            int topPercent = (int)Math.Ceiling(100.0 * (complexities.Length - AtOrBelow(complexities, complexity - 1)) / complexities.Length);
            hotspots.Add(new Hotspot(file.Path, file.Revisions, file.Churn, complexity, lineRate, score, scope != DomainScope.None,
                file.MainAuthors.Select(a => a.Author).ToList(), methods, Why(file.Revisions, complexity, topPercent, lineRate, scope)));
        }

        return hotspots;
    }

    /// <summary>How many values of an ascending array are at or below <paramref name="value"/>.</summary>
    private static int AtOrBelow(int[] sorted, int value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>Rank-based percentile in (0, 1]: the share of values at or below <paramref name="value"/>.</summary>
    public static double Percentile(IReadOnlyCollection<int> values, int value) =>
        values.Count == 0 ? 0 : (double)values.Count(v => v <= value) / values.Count;

    /// <summary>CRAP = CC^2 x (1 - cov)^3 + CC.</summary>
    public static double Crap(int complexity, double coverage) => complexity * complexity * Math.Pow(1 - coverage, 3) + complexity;

    /// <summary>A C# file path that is relative, stays inside the repository and is not generated.</summary>
    public static bool IsCandidatePath(string path)
    {
        var p = path.Replace('\\', '/');
        if (!p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || Path.IsPathRooted(p) || p.StartsWith('/'))
        {
            return false;
        }

        var segments = p.Split('/');
        if (segments.Any(s => s is ".." or "." or ""))
        {
            return false;
        }

        return !SourceFacts.IsGeneratedPath(p);
    }

    private static MethodMetrics Method(string path, MemberComplexity m, ICoverageLookup coverage)
    {
        var lines = coverage.LinesInRange(path, m.Line, m.EndLine);
        double? rate = lines is { Coverable: > 0 } l ? (double)l.Covered / l.Coverable : null;
        return new MethodMetrics(m.Name, m.Line, m.EndLine, m.Complexity, rate, rate == null ? null : Crap(m.Complexity, rate.Value));
    }

    private static string Why(int revisions, int complexity, int topPercent, double? lineRate, DomainScope scope)
    {
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"changed in {revisions} commit{(revisions == 1 ? string.Empty : "s")}"),
            string.Create(CultureInfo.InvariantCulture, $"complexity {complexity} (top {topPercent} %)"),
            lineRate == null ? "coverage unknown" : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(lineRate.Value * 100, MidpointRounding.AwayFromZero)} % covered"),
        };
        switch (scope)
        {
            case DomainScope.Pricing: parts.Add("pricing code"); break;
            case DomainScope.Underwriting: parts.Add("underwriting code"); break;
            case DomainScope.Any: parts.Add("pricing and underwriting code"); break;
        }

        return string.Join(", ", parts);
    }
}
