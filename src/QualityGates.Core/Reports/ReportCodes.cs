namespace QualityGates.Core.Reports;

/// <summary>
/// Message codes of the report (QGB06xx, listed in docs/report.md). Kept here, not in the engine's code list, so the
/// report builds on the result JSON alone; fold into the central list when both exist.
/// </summary>
public static class ReportCodes
{
    public const string ResultFileMissing = "QGB0601";
    public const string ResultInvalidJson = "QGB0602";
    public const string ResultUnsupportedSchema = "QGB0603";
    public const string ReportNotWritable = "QGB0604";
    public const string HistoryNotReadable = "QGB0605";
    public const string CoverageLinkIgnored = "QGB0606";
}

/// <summary>Bad input for the report: carries a QGB code and a message a person can act on (no stack trace).</summary>
public sealed class ReportInputException : Exception
{
    public ReportInputException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public ReportInputException()
        : this(ReportCodes.ResultInvalidJson, "invalid report input")
    {
    }

    public ReportInputException(string message)
        : this(ReportCodes.ResultInvalidJson, message)
    {
    }

    public ReportInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ReportCodes.ResultInvalidJson;
    }

    public string Code { get; }

    public override string ToString() => $"{Code}: {Message}";
}
