using QualityGates.Core.Reports;

namespace QualityGates.Core.Tests.Reports;

public sealed class TrendHistoryTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 10, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Append_WritesOneCompactLinePerRun()
    {
        using var files = new ReportTestFiles();
        var path = files.PathOf("trend.jsonl");
        var model = ReportModelReader.Load(ReportTestFiles.ResultPath);
        TrendHistory.Append(path, TrendRecord.FromResult(model, Day1));
        TrendHistory.Append(path, new TrendRecord { Date = Day1.AddDays(1), Commit = "abc", Passed = true });
        Assert.Equal(
            "{\"date\":\"2026-10-01T06:00:00+00:00\",\"commit\":\"3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345\",\"passed\":false,\"lineRate\":0.824,\"branchRate\":0.713,\"newCodeLineRate\":0.625,\"reviewCoverage\":0.9296875,\"passRate\":0.9747899159663865,\"firstPassRate\":0.7115384615384616,\"hotspots\":6,\"failedConditions\":3}\n"
            + "{\"date\":\"2026-10-02T06:00:00+00:00\",\"commit\":\"abc\",\"passed\":true}\n",
            File.ReadAllText(path));
        // No temp file left behind; the lock file stays (empty) for the next append.
        Assert.Equal(new[] { ".trend.jsonl.lock", "trend.jsonl" }, Directory.GetFiles(files.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Append_FromManyRunsAtOnce_KeepsEveryRecordAndReadersNeverSeeHalfAFile()
    {
        using var files = new ReportTestFiles();
        var path = files.PathOf("trend.jsonl");
        const int Writers = 6, Each = 15;
        using var done = new CancellationTokenSource();
        var badReads = 0;
        var reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                if (TrendHistory.Read(path, int.MaxValue).SkippedLines != 0)
                {
                    Interlocked.Increment(ref badReads);
                }
            }
        });

        // Threads hold separate handles, as processes do: the lock must order them.
        Parallel.For(0, Writers, new ParallelOptions { MaxDegreeOfParallelism = Writers }, w =>
        {
            for (var i = 0; i < Each; i++)
            {
                TrendHistory.Append(path, new TrendRecord { Date = Day1.AddMinutes(i), Commit = $"w{w}-{i}" });
            }
        });
        await done.CancelAsync();
        await reader;

        var read = TrendHistory.Read(path, int.MaxValue);
        Assert.Equal(Writers * Each, read.Records.Count);
        Assert.Equal(Writers * Each, read.Records.Select(r => r.Commit).Distinct().Count());
        Assert.Equal(0, read.SkippedLines);
        Assert.Equal(0, badReads);
    }

    [Fact]
    public void Append_ARunOnARecordedCommit_ReplacesItsRecord()
    {
        // The trial: check, report and dotnet test on one commit of main wrote 8 records in minutes.
        using var files = new ReportTestFiles();
        var path = files.PathOf("trend.jsonl");
        TrendHistory.Append(path, new TrendRecord { Date = Day1, Commit = "aaa", LineRate = 0.5 });
        TrendHistory.Append(path, new TrendRecord { Date = Day1.AddHours(1), Commit = "bbb", LineRate = 0.6 });
        for (var i = 1; i <= 8; i++)
        {
            TrendHistory.Append(path, new TrendRecord { Date = Day1.AddHours(1).AddMinutes(i), Commit = "bbb", LineRate = 0.6, Hotspots = i });
        }

        TrendHistory.Append(path, new TrendRecord { Date = Day1.AddHours(2), Commit = "aaa", LineRate = 0.75, Passed = true });

        Assert.Equal(
            "{\"date\":\"2026-10-01T07:08:00+00:00\",\"commit\":\"bbb\",\"lineRate\":0.6,\"hotspots\":8}\n"
            + "{\"date\":\"2026-10-01T08:00:00+00:00\",\"commit\":\"aaa\",\"passed\":true,\"lineRate\":0.75}\n",
            File.ReadAllText(path));
        Assert.Equal(new[] { ".trend.jsonl.lock", "trend.jsonl" }, Directory.GetFiles(files.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Append_KeepsEveryOtherLineByteForByte_MalformedOnesIncluded()
    {
        using var files = new ReportTestFiles();
        var path = files.PathOf("trend.jsonl");
        byte[] before = System.Text.Encoding.UTF8.GetBytes(
            "{\"date\":\"2026-10-01T00:00:00Z\",\"commit\":\"abc\"}\n"
            + "garbage naming abc\n"
            + "{\"date\":\"2026-10-01T01:00:00Z\",\"commit\":\"abc\",\"lineRate\":2.5}\n" // out of range: a malformed line, kept
            + "{\"date\":\"2026-10-01T02:00:00Z\",\"commit\":\"abcd\"}\r\n" // another commit that starts the same
            + "\n"
            + "{ \"commit\" : \"abc\", \"date\" : \"2026-10-01T03:00:00Z\" }\n" // hand-written: still this commit's record
            + "{\"date\":\"2026-10-01T04:00:00Z\",\"commit\":\"x\"}\n")
            .Concat(new byte[] { 0xFF, 0xFE, (byte)'a', (byte)'b', (byte)'c', (byte)'\n' })
            .Concat(System.Text.Encoding.UTF8.GetBytes("{\"date\":\"2026-10-02")).ToArray();
        File.WriteAllBytes(path, before);

        TrendHistory.Append(path, new TrendRecord { Date = Day1, Commit = "abc" });

        byte[] expected = System.Text.Encoding.UTF8.GetBytes(
            "garbage naming abc\n"
            + "{\"date\":\"2026-10-01T01:00:00Z\",\"commit\":\"abc\",\"lineRate\":2.5}\n"
            + "{\"date\":\"2026-10-01T02:00:00Z\",\"commit\":\"abcd\"}\r\n"
            + "\n"
            + "{\"date\":\"2026-10-01T04:00:00Z\",\"commit\":\"x\"}\n")
            .Concat(new byte[] { 0xFF, 0xFE, (byte)'a', (byte)'b', (byte)'c', (byte)'\n' })
            .Concat(System.Text.Encoding.UTF8.GetBytes("{\"date\":\"2026-10-02\n{\"date\":\"2026-10-01T06:00:00+00:00\",\"commit\":\"abc\"}\n")).ToArray();
        Assert.Equal(expected, File.ReadAllBytes(path));
        var read = TrendHistory.Read(path);
        Assert.Equal("abcd,x,abc", string.Join(",", read.Records.Select(r => r.Commit)));
        Assert.Equal(4, read.SkippedLines);
    }

    [Fact]
    public void Append_WithoutACommit_AlwaysAppends()
    {
        // Outside a git repository (QUALITYGATE_RECORD_TREND=true) a run has no commit to be replaced by.
        using var files = new ReportTestFiles();
        var path = files.PathOf("trend.jsonl");
        TrendHistory.Append(path, new TrendRecord { Date = Day1 });
        TrendHistory.Append(path, new TrendRecord { Date = Day1.AddHours(1) });

        Assert.Equal(2, TrendHistory.Read(path).Records.Count);
        Assert.Equal(2, File.ReadAllLines(path).Length);
    }

    [Fact]
    public async Task Append_ManyRunsOnFewCommitsAtOnce_OneRecordPerCommit()
    {
        using var files = new ReportTestFiles();
        var path = files.PathOf("trend.jsonl");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 10; i++)
            {
                TrendHistory.Append(path, new TrendRecord { Date = Day1.AddMinutes(i), Commit = $"c{i % 3}", Hotspots = w });
            }
        })));

        var read = TrendHistory.Read(path, int.MaxValue);
        Assert.Equal(new[] { "c0", "c1", "c2" }, read.Records.Select(r => r.Commit).Order(StringComparer.Ordinal));
        Assert.Equal(3, File.ReadAllLines(path).Length);
        Assert.Equal(0, read.SkippedLines);
    }

    [Fact]
    public void Read_SeveralRecordsOfACommit_TheLastCounts()
    {
        // A history written before runs replaced their commit's record.
        using var files = new ReportTestFiles();
        var path = files.Write("trend.jsonl",
            "{\"date\":\"2026-10-01T00:00:00Z\",\"commit\":\"a\",\"lineRate\":0.1}\n"
            + "{\"date\":\"2026-10-01T00:05:00Z\",\"commit\":\"a\",\"lineRate\":0.2}\n"
            + "{\"date\":\"2026-10-02T00:00:00Z\"}\n"
            + "{\"date\":\"2026-10-02T00:00:00Z\"}\n"
            + "{\"date\":\"2026-10-03T00:00:00Z\",\"commit\":\"b\",\"lineRate\":0.3}\n"
            + "{\"date\":\"2026-10-03T00:09:00Z\",\"commit\":\"a\",\"lineRate\":0.4}\n"
            + "{\"date\":\"2026-10-03T00:10:00Z\",\"commit\":\"b\",\"lineRate\":0.5}\n");

        var read = TrendHistory.Read(path, maxRecords: 3);

        Assert.Equal(new string?[] { null, "a", "b" }, read.Records.Select(r => r.Commit));
        Assert.Equal(new double?[] { null, 0.4, 0.5 }, read.Records.Select(r => r.LineRate));
        Assert.True(read.Truncated);
        Assert.Equal(0, read.SkippedLines);
    }

    [Fact]
    public void JsonLine_IsWhatTheSerializerWrites()
    {
        var full = new TrendRecord
        {
            Date = new DateTimeOffset(2026, 10, 1, 6, 0, 0, 123, TimeSpan.FromHours(5.5)), Commit = "a<b&\u00e9\"", Passed = false, LineRate = 1.0 / 3,
            BranchRate = 0, NewCodeLineRate = 1e-9, ReviewCoverage = 0.5, PassRate = 1, FirstPassRate = 0.1, Hotspots = 0, FailedConditions = 11,
        };
        foreach (var record in new[] { full, new TrendRecord { Date = Day1 } })
        {
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(record, ReportJsonContext.Default.TrendRecord), TrendHistory.ToJsonLine(record));
        }
    }

    [Fact]
    public void Read_RoundTripsOldestFirst()
    {
        using var files = new ReportTestFiles();
        var path = files.PathOf("trend.jsonl");
        for (var i = 0; i < 3; i++)
        {
            TrendHistory.Append(path, new TrendRecord { Date = Day1.AddDays(i), Commit = i.ToString(System.Globalization.CultureInfo.InvariantCulture), LineRate = i * 0.25 });
        }

        var read = TrendHistory.Read(path);
        Assert.Equal("0,1,2", string.Join(",", read.Records.Select(r => r.Commit)));
        Assert.Equal(0.5, read.Records[2].LineRate);
        Assert.Equal(0, read.SkippedLines);
        Assert.False(read.Truncated);
    }

    [Fact]
    public void Read_SkipsCorruptLinesAndCountsThem()
    {
        using var files = new ReportTestFiles();
        var path = files.Write("trend.jsonl",
            "{\"date\":\"2026-10-01T00:00:00Z\",\"commit\":\"a\"}\n"
            + "garbage\n"
            + "{\"date\":\"not a date\",\"commit\":\"b\"}\n"
            + "{\"commit\":\"no date\"}\n"
            + "[1,2,3]\n"
            + "\n"
            + "{\"date\":\"2026-10-03T00:00:00Z\",\"commit\":\"c\",\"lineRate\":\"high\"}\n"
            + "{\"date\":\"2026-10-04T00:00:00Z\",\"commit\":\"d\",\"unknown\":1}\n"
            + "{\"date\":\"2026-10-05T00:00:00Z\",\"commit\":\"e\"");
        var read = TrendHistory.Read(path);
        Assert.Equal("a,d", string.Join(",", read.Records.Select(r => r.Commit)));
        Assert.Equal(6, read.SkippedLines);
    }

    [Fact]
    public void Read_SkipsOutOfRangeValuesAndCountsThem()
    {
        using var files = new ReportTestFiles();
        var path = files.Write("trend.jsonl",
            "{\"date\":\"2026-10-01T00:00:00Z\",\"commit\":\"a\",\"lineRate\":1,\"branchRate\":0,\"hotspots\":0}\n"
            + "{\"date\":\"2026-10-02T00:00:00Z\",\"commit\":\"b\",\"lineRate\":2.5}\n"
            + "{\"date\":\"2026-10-03T00:00:00Z\",\"commit\":\"c\",\"firstPassRate\":-0.1}\n"
            + "{\"date\":\"2026-10-04T00:00:00Z\",\"commit\":\"d\",\"hotspots\":-3}\n"
            + "{\"date\":\"2026-10-05T00:00:00Z\",\"commit\":\"e\",\"failedConditions\":-1}\n"
            + "{\"date\":\"2026-10-06T00:00:00Z\",\"commit\":\"f\",\"reviewCoverage\":0.5,\"failedConditions\":2}\n");
        var read = TrendHistory.Read(path);
        Assert.Equal("a,f", string.Join(",", read.Records.Select(r => r.Commit)));
        Assert.Equal(4, read.SkippedLines);
    }

    [Fact]
    public void Append_AfterAHalfWrittenLine_StartsOnAFreshLine()
    {
        using var files = new ReportTestFiles();
        var path = files.Write("trend.jsonl", "{\"date\":\"2026-10-01T00:00:00Z\",\"commit\":\"a\"}\n{\"date\":\"2026-10-02");
        TrendHistory.Append(path, new TrendRecord { Date = Day1, Commit = "b" });
        var read = TrendHistory.Read(path);
        Assert.Equal("a,b", string.Join(",", read.Records.Select(r => r.Commit)));
        Assert.Equal(1, read.SkippedLines);
    }

    [Fact]
    public void Read_MissingFileIsAnEmptyHistory()
    {
        using var files = new ReportTestFiles();
        var read = TrendHistory.Read(files.PathOf("none.jsonl"));
        Assert.Empty(read.Records);
        Assert.Equal(0, read.SkippedLines);
    }

    [Fact]
    public void Read_KeepsOnlyTheMostRecentRecords()
    {
        using var files = new ReportTestFiles();
        var lines = Enumerable.Range(0, 50).Select(i => $"{{\"date\":\"{Day1.AddDays(i):O}\",\"commit\":\"c{i}\"}}");
        var path = files.Write("trend.jsonl", string.Join("\n", lines) + "\n");
        var read = TrendHistory.Read(path, maxRecords: 10);
        Assert.Equal(10, read.Records.Count);
        Assert.Equal("c40", read.Records[0].Commit);
        Assert.Equal("c49", read.Records[^1].Commit);
        Assert.True(read.Truncated);
    }

    [Fact]
    public void Read_BigFileReadsOnlyTheTail()
    {
        using var files = new ReportTestFiles();
        var path = files.PathOf("trend.jsonl");
        static string Line(int i) => "{\"date\":\"2026-10-01T00:00:00Z\",\"commit\":\"" + i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(200, 'x') + "\"}\n";
        var line = Line(0);
        using (var w = new StreamWriter(path))
        {
            // ~6 MB: more than the bounded read; one record per commit, as runs write them.
            for (var i = 0; i < 6 * 1024 * 1024 / line.Length; i++)
            {
                w.Write(Line(i));
            }

            w.Write("{\"date\":\"2026-11-01T00:00:00Z\",\"commit\":\"last\"}\n");
        }

        var read = TrendHistory.Read(path, maxRecords: int.MaxValue);
        Assert.True(read.Truncated);
        Assert.Equal("last", read.Records[^1].Commit);
        Assert.Equal((int)(ReportLimits.TrendHistoryReadBytes / line.Length), read.Records.Count - 1);
        Assert.Equal(0, read.SkippedLines);
    }
}
