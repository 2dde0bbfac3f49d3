using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QualityGates.Core.Reports;

/// <summary>One run of the gate on the main branch: small, so years of runs stay a few hundred kilobytes.</summary>
public sealed record TrendRecord
{
    [JsonPropertyName("date")] public DateTimeOffset Date { get; init; }
    [JsonPropertyName("commit")] public string? Commit { get; init; }
    [JsonPropertyName("passed")] public bool? Passed { get; init; }
    [JsonPropertyName("lineRate")] public double? LineRate { get; init; }
    [JsonPropertyName("branchRate")] public double? BranchRate { get; init; }
    [JsonPropertyName("newCodeLineRate")] public double? NewCodeLineRate { get; init; }
    [JsonPropertyName("reviewCoverage")] public double? ReviewCoverage { get; init; }
    [JsonPropertyName("passRate")] public double? PassRate { get; init; }
    [JsonPropertyName("firstPassRate")] public double? FirstPassRate { get; init; }
    [JsonPropertyName("hotspots")] public int? Hotspots { get; init; }
    [JsonPropertyName("failedConditions")] public int? FailedConditions { get; init; }

    /// <summary>The record for a result; <paramref name="date"/> is the run's time (the core never reads the clock).</summary>
    public static TrendRecord FromResult(ReportModel result, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new TrendRecord
        {
            Date = date,
            Commit = result.Repository?.Head,
            Passed = result.Passed,
            LineRate = result.Coverage?.LineRate,
            BranchRate = result.Coverage?.BranchRate,
            NewCodeLineRate = result.Coverage?.NewCode?.LineRate,
            ReviewCoverage = result.Reviews?.ReviewCoverage,
            PassRate = result.Reviews?.PassRate,
            FirstPassRate = result.Reviews?.FirstPassRate,
            Hotspots = result.Hotspots?.Count,
            FailedConditions = result.Conditions?.Count(c => c.Status == "failed"),
        };
    }
}

/// <summary>What was read from a trend history: the most recent records, oldest first, and what was skipped.</summary>
public sealed record TrendHistoryContent(IReadOnlyList<TrendRecord> Records, int SkippedLines, bool Truncated)
{
    public static TrendHistoryContent Empty { get; } = new(Array.Empty<TrendRecord>(), 0, false);
}

/// <summary>
/// The gate's figures over time, as JSON Lines (one record per run on the main branch). Append-only: a run adds a
/// line and never rewrites an old one. Reads are bounded (the tail of the file) and skip lines that do not parse, so
/// a hand-edited or half-written history never breaks a report.
/// </summary>
public static class TrendHistory
{
    /// <summary>Appends one record. The file is replaced atomically (copy + new line + rename): never half-written.</summary>
    public static void Append(string path, TrendRecord record)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(record);
        var line = JsonSerializer.Serialize(record, ReportJsonContext.Default.TrendRecord);
        try
        {
            AtomicFile.Write(path, output =>
            {
                var needsNewLine = false;
                if (File.Exists(path))
                {
                    using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
                    input.CopyTo(output);
                    if (input.Length > 0)
                    {
                        // A previous writer may have stopped mid-line: start ours on a fresh line.
                        input.Seek(-1, SeekOrigin.End);
                        needsNewLine = input.ReadByte() != '\n';
                    }
                }

                var bytes = Encoding.UTF8.GetBytes((needsNewLine ? "\n" : string.Empty) + line + "\n");
                output.Write(bytes);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportInputException(
                ReportCodes.HistoryNotReadable,
                $"trend history '{path}' could not be written ({e.Message}): check that its folder exists and is writable");
        }
    }

    /// <summary>Reads the most recent records (at most <paramref name="maxRecords"/>), oldest first. A missing file is an empty history.</summary>
    public static TrendHistoryContent Read(string path, int maxRecords = ReportLimits.TrendPoints)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return TrendHistoryContent.Empty;
        }

        string text;
        bool truncated;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            truncated = stream.Length > ReportLimits.TrendHistoryReadBytes;
            if (truncated)
            {
                stream.Seek(-ReportLimits.TrendHistoryReadBytes, SeekOrigin.End);
            }

            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: false));
            text = reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportInputException(
                ReportCodes.HistoryNotReadable,
                $"trend history '{path}' could not be read ({e.Message}): check its permissions, or leave out the history to write the report without trends");
        }

        var lines = text.Split('\n');
        var start = 0;
        if (truncated && lines.Length > 0)
        {
            // The first line of the tail is cut in the middle: not a record.
            start = 1;
        }

        var records = new List<TrendRecord>();
        var skipped = 0;
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var record = ParseLine(line);
            if (record is null)
            {
                skipped++;
            }
            else
            {
                records.Add(record);
            }
        }

        var keep = Math.Max(0, maxRecords);
        if (records.Count > keep)
        {
            records.RemoveRange(0, records.Count - keep);
            truncated = true;
        }

        return new TrendHistoryContent(records, skipped, truncated);
    }

    private static TrendRecord? ParseLine(string line)
    {
        if (line.Length > ReportLimits.TrendLineMaxChars || line[0] != '{')
        {
            return null;
        }

        try
        {
            var record = JsonSerializer.Deserialize(line, ReportJsonContext.Default.TrendRecord);
            return record is null || record.Date == default ? null : record;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
