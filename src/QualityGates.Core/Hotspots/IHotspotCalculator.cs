namespace QualityGates.Core.Hotspots;

public sealed record HotspotOptions
{
    public int MinRevisions { get; init; } = 5;
    /// <summary>Multiply the score by (1 - line coverage) when coverage is known.</summary>
    public bool WeighByMissingCoverage { get; init; } = true;
    public int MaxHotspots { get; init; } = 50;

    /// <summary>The run's parsed source files (shared, and cached by content); null: every file is parsed.</summary>
    public Sources.SourceFacts? Sources { get; init; }
}

/// <summary>Line coverage lookup by repo-relative path, and per-line hits for method coverage; null when unknown.</summary>
public interface ICoverageLookup
{
    double? LineRate(string path);
    /// <summary>Covered and coverable line counts for a line range of a file, or null when the file has no coverage data.</summary>
    (int Covered, int Coverable)? LinesInRange(string path, int firstLine, int lastLine);
}

public interface IHotspotCalculator
{
    /// <summary>Ranks source files by change frequency x complexity (x missing coverage); complexity read at HEAD from the working tree.</summary>
    IReadOnlyList<Hotspot> Compute(string repositoryRoot, IReadOnlyList<History.FileHistory> files, ICoverageLookup coverage, HotspotOptions options);
}
