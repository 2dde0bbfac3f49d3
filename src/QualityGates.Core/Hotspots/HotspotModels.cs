namespace QualityGates.Core.Hotspots;

/// <summary>A method with its complexity and (when known) coverage, for drill-down and complexity.newCode.</summary>
public sealed record MethodMetrics(string Name, int Line, int EndLine, int Complexity, double? LineRate, double? Crap);

/// <summary>One file ranked by change frequency x complexity (x missing coverage).</summary>
public sealed record Hotspot(
    string Path,
    int Revisions,
    int Churn,
    int Complexity,
    double? LineRate,
    double Score,
    bool Critical,
    IReadOnlyList<string> MainAuthors,
    IReadOnlyList<MethodMetrics> Methods,
    string Why);
