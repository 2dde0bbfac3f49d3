namespace QualityGates.Core.Reports;

/// <summary>
/// Caps that keep the report usable on big repositories (5,000 files, 20,000 commits: see docs/performance.md).
/// Anything beyond a cap is counted in a note, never silently dropped.
/// </summary>
public static class ReportLimits
{
    /// <summary>The only result schema this report reads.</summary>
    public const int SupportedSchemaVersion = 1;

    /// <summary>Files drawn in the treemap: beyond a few hundred the rectangles are too small to read.</summary>
    public const int TreemapFiles = 200;

    /// <summary>Rows of the ranked hotspot table in the HTML (each clickable for its methods).</summary>
    public const int TableRows = 500;

    /// <summary>Most complex methods listed per file in the drill-down.</summary>
    public const int MethodsPerFile = 15;

    /// <summary>Unreviewed landings listed in the HTML.</summary>
    public const int UnreviewedRows = 200;

    /// <summary>Hotspot rows in the Markdown (a PR comment must stay short).</summary>
    public const int MarkdownHotspots = 10;

    /// <summary>Files whose methods are listed in the Markdown.</summary>
    public const int MarkdownMethodFiles = 3;

    /// <summary>Methods listed per file in the Markdown.</summary>
    public const int MarkdownMethodsPerFile = 5;

    /// <summary>Unreviewed landings listed in the Markdown.</summary>
    public const int MarkdownUnreviewed = 20;

    /// <summary>Trend records drawn (the most recent ones).</summary>
    public const int TrendPoints = 365;

    /// <summary>
    /// Characters of one untrusted text (subject, author, path) in the Markdown: a 100,000-character commit subject
    /// must not push the report past a PR comment's 65,536 characters.
    /// </summary>
    public const int MarkdownTextChars = 300;

    /// <summary>The run's notes listed in the HTML: the engine writes a handful, a hand-made result could hold millions.</summary>
    public const int Notes = 50;

    /// <summary>Characters of one note in the HTML (a note can quote a path or a glob from the command line).</summary>
    public const int NoteChars = 1000;

    /// <summary>The run's notes listed in the Markdown.</summary>
    public const int MarkdownNotes = 10;

    /// <summary>Trend rows in the Markdown.</summary>
    public const int MarkdownTrendRows = 10;

    /// <summary>Bytes read from the end of the trend history: one run is ~300 bytes, so this is years of runs.</summary>
    public const long TrendHistoryReadBytes = 4L * 1024 * 1024;

    /// <summary>A longer history line is not one of ours: skipped as corrupt.</summary>
    public const int TrendLineMaxChars = 8 * 1024;

    /// <summary>
    /// The largest figure (CRAP, a count condition, hotspot growth) a result may hold: a method of complexity 1,000,000
    /// has a CRAP of 1e12, and a larger value is a hand-made file (1e308 would print as 309 digits).
    /// </summary>
    public const double LargestFigure = 1e15;

    /// <summary>Upper bound on the result JSON read into memory.</summary>
    public const long ResultMaxBytes = 512L * 1024 * 1024;
}
