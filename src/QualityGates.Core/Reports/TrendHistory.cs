using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QualityGates.Core.Reports;

/// <summary>The last run of the gate on a commit of the main branch: small, so years of runs stay a few hundred kilobytes.</summary>
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
            // A run whose coverage conditions had no data neither passed nor failed on them: unknown in the trend.
            Passed = result.Passed == true && result.NotEvaluated?.Conditions is { Count: > 0 } ? null : result.Passed,
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

    /// <summary>
    /// The same record straight from a run's verdict (equal to <see cref="FromResult"/> of its result JSON, which a test
    /// checks): going through the JSON reader costs a warm run 0.2 s of start-up for five numbers.
    /// </summary>
    public static TrendRecord FromGate(Gate.GateResult gate, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(gate);
        static double? Finite(double? value) => value is double v && double.IsFinite(v) ? v : null;
        var reviews = gate.Inputs.History?.Reviews;
        return new TrendRecord
        {
            Date = date,
            Commit = gate.Inputs.History?.Info.Head,
            Passed = gate.Verdict == Gate.GateVerdict.NotEvaluated ? null : gate.Passed,
            LineRate = Finite(gate.Inputs.Coverage?.Totals.LineRate),
            BranchRate = Finite(gate.Inputs.Coverage?.Totals.BranchRate),
            NewCodeLineRate = Finite(gate.NewCode.LineRate),
            ReviewCoverage = Finite(reviews?.ReviewCoverage),
            PassRate = Finite(reviews?.PassRate),
            FirstPassRate = Finite(reviews?.FirstPassRate),
            Hotspots = gate.Inputs.Hotspots.Count,
            FailedConditions = gate.Count(Gate.ConditionStatus.Failed),
        };
    }
}

/// <summary>What was read from a trend history: the most recent records, oldest first, and what was skipped.</summary>
public sealed record TrendHistoryContent(IReadOnlyList<TrendRecord> Records, int SkippedLines, bool Truncated)
{
    public static TrendHistoryContent Empty { get; } = new(Array.Empty<TrendRecord>(), 0, false);
}

/// <summary>
/// The gate's figures over time, as JSON Lines (one record per commit of the main branch that a run judged). A run
/// adds its line at the end and drops the earlier record of its commit; every other line stays as it was. Reads are
/// bounded (the tail of the file) and skip lines that do not parse, so a hand-edited or half-written history never
/// breaks a report.
/// </summary>
public static class TrendHistory
{
    /// <summary>How long an append waits for other runs' appends to the same history before it gives up.</summary>
    public static readonly TimeSpan AppendLockTimeout = TimeSpan.FromSeconds(30);

    // What opening a file another process holds exclusively reports: a sharing or lock violation on Windows
    // (0x80070020/21); on Unix the errno of the failed flock, EWOULDBLOCK (11 on Linux, 35 on macOS and BSD).
    private const int SharingViolation = 32;
    private const int LockViolation = 33;
    private const int WouldBlockLinux = 11;
    private const int WouldBlockBsd = 35;

    /// <summary>
    /// Appends one record, replacing the records of its commit: one record per commit, whatever the number of runs on it
    /// (check, report, dotnet test). The file is replaced atomically (copy + new line + rename): never half-written.
    /// Runs that append at once (parallel CI jobs) take turns on an exclusive lock file beside it, so none loses
    /// another's record. Every other line, malformed ones included, is copied as it was.
    /// </summary>
    public static void Append(string path, TrendRecord record)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(record);
        var line = ToJsonLine(record);
        try
        {
            using var turn = AppendLock(path);
            AtomicFile.Write(path, output =>
            {
                if (File.Exists(path))
                {
                    CopyOtherCommits(File.ReadAllBytes(path), record.Commit, output);
                }

                output.Write(Encoding.UTF8.GetBytes(line + "\n"));
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportInputException(
                ReportCodes.HistoryNotReadable,
                $"trend history '{path}' could not be written ({e.Message}): check that its folder exists and is writable");
        }
    }

    /// <summary>
    /// The history's lines but the records of <paramref name="commit"/>, byte for byte, each ending in a line break (a
    /// previous writer may have stopped mid-line: the next record starts on a fresh one). Only lines that name the commit
    /// are parsed, so a run costs a copy of the file, as an append did.
    /// </summary>
    private static void CopyOtherCommits(byte[] history, string? commit, Stream output)
    {
        byte[] key = Encoding.UTF8.GetBytes(commit ?? string.Empty);
        if (key.Length == 0 || history.AsSpan().IndexOf(key) < 0)
        {
            output.Write(history);
            if (history.Length > 0 && history[^1] != '\n')
            {
                output.WriteByte((byte)'\n');
            }

            return;
        }

        for (int start = 0; start < history.Length;)
        {
            int length = history.AsSpan(start).IndexOf((byte)'\n');
            var segment = history.AsSpan(start, length < 0 ? history.Length - start : length);
            start += segment.Length + 1;
            if (segment.IndexOf(key) >= 0 && ParseLine(Encoding.UTF8.GetString(segment).Trim()) is { } same && same.Commit == commit)
            {
                continue;
            }

            output.Write(segment);
            output.WriteByte((byte)'\n');
        }
    }

    /// <summary>
    /// The lock file beside the history (<c>.NAME.lock</c>, empty, kept: deleting it would let a waiting run lock a file
    /// no one else sees), held open exclusively until disposed.
    /// </summary>
    private static FileStream AppendLock(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var lockPath = Path.Combine(directory, "." + Path.GetFileName(full) + ".lock");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (HeldByAnother(e) && waited.Elapsed < AppendLockTimeout)
            {
                // Another run is appending; an append takes milliseconds.
                Thread.Sleep(Random.Shared.Next(5, 25));
            }
        }
    }

    private static bool HeldByAnother(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is SharingViolation or LockViolation
        : e.HResult == (OperatingSystem.IsLinux() ? WouldBlockLinux : WouldBlockBsd);

    /// <summary>
    /// One record as the serializer writes it (a test holds the two equal), with the writer the result JSON already
    /// uses: the serializer's start-up cost a warm check 0.1 s for one line.
    /// </summary>
    internal static string ToJsonLine(TrendRecord record)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("date", record.Date);
            if (record.Commit != null)
            {
                json.WriteString("commit", record.Commit);
            }

            if (record.Passed is bool passed)
            {
                json.WriteBoolean("passed", passed);
            }

            Number(json, "lineRate", record.LineRate);
            Number(json, "branchRate", record.BranchRate);
            Number(json, "newCodeLineRate", record.NewCodeLineRate);
            Number(json, "reviewCoverage", record.ReviewCoverage);
            Number(json, "passRate", record.PassRate);
            Number(json, "firstPassRate", record.FirstPassRate);
            Count(json, "hotspots", record.Hotspots);
            Count(json, "failedConditions", record.FailedConditions);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);

        static void Number(Utf8JsonWriter json, string name, double? value)
        {
            if (value is double v)
            {
                json.WriteNumber(name, v);
            }
        }

        static void Count(Utf8JsonWriter json, string name, int? value)
        {
            if (value is int v)
            {
                json.WriteNumber(name, v);
            }
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
            truncated = stream.CanSeek && stream.Length > ReportLimits.TrendHistoryReadBytes;
            if (truncated)
            {
                stream.Seek(-ReportLimits.TrendHistoryReadBytes, SeekOrigin.End);
            }

            // A pipe has no length and a device such as /dev/zero reports 0: read no more than the tail would be.
            byte[] bytes = BoundedInput.ReadAllBytes(stream, ReportLimits.TrendHistoryReadBytes) ?? throw new ReportInputException(
                ReportCodes.HistoryNotReadable,
                $"trend history '{path}' holds more than {ReportLimits.TrendHistoryReadBytes} bytes but has no length (a pipe or a device): pass the history file itself");
            text = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(bytes);
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

        // One point per commit: a history written before runs replaced their commit's record holds several; the last counts.
        var lastOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Commit is string commit)
            {
                lastOf[commit] = i;
            }
        }

        if (lastOf.Count < records.Count(r => r.Commit is not null))
        {
            records = records.Where((r, i) => r.Commit is not string commit || lastOf[commit] == i).ToList();
        }

        var keep = Math.Max(0, maxRecords);
        if (records.Count > keep)
        {
            records.RemoveRange(0, records.Count - keep);
            truncated = true;
        }

        return new TrendHistoryContent(records, skipped, truncated);
    }

    /// <summary>
    /// Values no run writes (a rate of 2.5, a negative count), from a hand-edited or merged file: such a line is skipped
    /// like a malformed one (and counted), so the chart never shows 250 %.
    /// </summary>
    private static bool IsInRange(TrendRecord record)
    {
        foreach (double? rate in new[] { record.LineRate, record.BranchRate, record.NewCodeLineRate, record.ReviewCoverage, record.PassRate, record.FirstPassRate })
        {
            if (rate is double r && !(r >= 0 && r <= 1))
            {
                return false;
            }
        }

        return record.Hotspots is not < 0 && record.FailedConditions is not < 0;
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
            return record is null || record.Date == default || !IsInRange(record) ? null : record;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
