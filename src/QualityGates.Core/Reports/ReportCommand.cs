using System.Globalization;

namespace QualityGates.Core.Reports;

/// <summary>
/// The door for <c>qualitygate report</c> and the build integration: result JSON (+ optional trend history) in,
/// <c>report.html</c> and <c>report.md</c> out. Exit codes as the CLI's: 0 written, 2 bad input.
/// </summary>
public static class ReportCommand
{
    public const string HtmlFileName = "report.html";
    public const string MarkdownFileName = "report.md";
    public const int ExitOk = 0;
    public const int ExitInputError = 2;

    public static int Run(string resultJsonPath, string? historyPath, string outputDirectory, TextWriter log) =>
        Run(resultJsonPath, historyPath, outputDirectory, log, staged: null);

    /// <summary>
    /// Writes report.html and report.md into <paramref name="staged"/> (where the caller has put the rest of the set,
    /// e.g. the result JSON and the coverage HTML), or into a staged folder of its own, and moves the set into
    /// <paramref name="outputDirectory"/> only when everything was written: old and new reports are never mixed.
    /// </summary>
    public static int Run(string resultJsonPath, string? historyPath, string outputDirectory, TextWriter log, StagedFolder? staged)
    {
        ArgumentNullException.ThrowIfNull(log);
        try
        {
            if (string.IsNullOrWhiteSpace(resultJsonPath))
            {
                throw new ReportInputException(ReportCodes.ResultFileMissing, "no result file given: pass the JSON written by 'qualitygate check --json FILE'");
            }

            if (string.IsNullOrWhiteSpace(outputDirectory))
            {
                throw new ReportInputException(ReportCodes.ReportNotWritable, "no output folder given: pass the folder to write report.html and report.md into");
            }

            var result = ReportModelReader.Load(resultJsonPath);
            var history = string.IsNullOrWhiteSpace(historyPath) ? TrendHistoryContent.Empty : TrendHistory.Read(historyPath);
            var outDir = Path.GetFullPath(outputDirectory);
            var html = Path.Combine(outDir, HtmlFileName);
            var md = Path.Combine(outDir, MarkdownFileName);
            ReportView view;
            StagedFolder? own = null;
            try
            {
                own = staged is null ? StagedFolder.Create(outDir) : null;
                StagedFolder set = staged ?? own!;
                // A result staged with the set is linked as it will lie after the move.
                var resultDir = set.Unstaged(Path.GetDirectoryName(Path.GetFullPath(resultJsonPath))!);
                view = new ReportView(result, history, CoverageLink(result.Coverage?.HtmlReport, resultDir, outDir, log));
                HtmlReportWriter.Write(view, Path.Combine(set.StagingPath, HtmlFileName));
                MarkdownReportWriter.Write(view, Path.Combine(set.StagingPath, MarkdownFileName));
                set.Commit();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ReportInputException(ReportCodes.ReportNotWritable,
                    $"the report could not be written to '{outDir}' ({e.Message}); nothing of it was moved there: pass a writable output folder");
            }
            finally
            {
                own?.Dispose();
            }

            if (history.SkippedLines > 0)
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning {ReportCodes.HistoryNotReadable}: {history.SkippedLines} unreadable line(s) of the trend history '{historyPath}' were skipped"));
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Report written: {html} and {md} ({view.Hotspots.Count} hotspots, {view.Trend.Count} trend runs)."));
            return ExitOk;
        }
        catch (ReportInputException e)
        {
            log.WriteLine($"error {e.Code}: {e.Message}");
            return ExitInputError;
        }
    }

    /// <summary>
    /// The ReportGenerator HTML path from the result (relative to the result's folder) made relative to the report,
    /// percent-encoded per segment. Absolute paths and URLs (javascript:, http:) are refused: the report links only
    /// to a file beside it.
    /// </summary>
    public static string? CoverageLink(string? htmlReport, string resultDirectory, string outputDirectory, TextWriter? log = null)
    {
        if (string.IsNullOrWhiteSpace(htmlReport))
        {
            return null;
        }

        if (htmlReport.Contains(':', StringComparison.Ordinal) || htmlReport.StartsWith('/') || htmlReport.StartsWith('\\')
            || htmlReport.Any(char.IsControl) || Path.IsPathRooted(htmlReport))
        {
            log?.WriteLine($"warning {ReportCodes.CoverageLinkIgnored}: coverage.htmlReport '{htmlReport}' is not a relative path; the report has no coverage link");
            return null;
        }

        var target = Path.GetFullPath(Path.Combine(resultDirectory, htmlReport.Replace('\\', '/')));
        var relative = Path.GetRelativePath(outputDirectory, target).Replace('\\', '/');
        return string.Join('/', relative.Split('/').Select(s => s is ".." or "." ? s : Uri.EscapeDataString(s)));
    }
}
