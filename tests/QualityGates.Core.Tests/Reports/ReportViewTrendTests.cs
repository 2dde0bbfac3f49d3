using QualityGates.Core.Reports;

namespace QualityGates.Core.Tests.Reports;

public sealed class ReportViewTrendTests
{
    private static readonly DateTimeOffset RunTime = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private static ReportModel Run(string head) => new()
    {
        SchemaVersion = 1,
        Passed = true,
        GeneratedAt = RunTime,
        Repository = new RepositoryInfo { Head = head, Branch = "main" },
    };

    /// <summary>The trend's points as "commit@seconds from this run's time".</summary>
    private static string Trend(ReportModel run, params TrendRecord[] history) =>
        string.Join(",", new ReportView(run, new TrendHistoryContent(history, 0, false), null).Trend
            .Select(t => t.Commit + "@" + (t.Date - RunTime).TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void HistoryRecordDatedAfterThisRun_ThisRunIsStillTheLastPoint()
    {
        // Another CI agent's clock runs 30 s ahead of this one's.
        var trend = Trend(Run("aaaa"), new TrendRecord { Date = RunTime.AddSeconds(30), Commit = "bbbb" });

        Assert.Equal("bbbb@30,aaaa@0", trend);
    }

    [Fact]
    public void EnginesOwnRecordOfThisRun_FollowedBySkewedRecord_IsNotShownTwice()
    {
        var trend = Trend(
            Run("aaaa"),
            new TrendRecord { Date = RunTime.AddDays(-1), Commit = "0000" },
            new TrendRecord { Date = RunTime, Commit = "aaaa" },
            new TrendRecord { Date = RunTime.AddSeconds(30), Commit = "bbbb" });

        Assert.Equal("0000@-86400,aaaa@0,bbbb@30", trend);
    }

    [Fact]
    public void HistoryEndingWithThisCommit_IsNotExtended()
    {
        var trend = Trend(Run("aaaa"), new TrendRecord { Date = RunTime.AddHours(-1), Commit = "aaaa" });

        Assert.Equal("aaaa@-3600", trend);
    }

    [Fact]
    public void EmptyHistory_ThisRunIsTheOnlyPoint()
    {
        var trend = Trend(Run("aaaa"));

        Assert.Equal("aaaa@0", trend);
    }
}
