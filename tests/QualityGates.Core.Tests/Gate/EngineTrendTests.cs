using QualityGates.Core.Config;
using QualityGates.Core.Gate;
using QualityGates.Core.History;
using QualityGates.Core.Hotspots;
using QualityGates.Core.Reports;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Gate;

/// <summary>The engine keeps the trend history: one record per commit judged on the main branch.</summary>
public sealed class EngineTrendTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory repo = new();

    public EngineTrendTests() => repo.CopyCoverage(TestFiles.PricingCoverage, "tests/PricingTests/TestResults/1/coverage.cobertura.xml");

    public void Dispose() => repo.Dispose();

    private string HistoryFile => Path.Combine(repo.Path, ".qualitygate", "history.jsonl");

    private EngineResult Check(string? branch, bool? record = null, string? trendPath = null, string? head = "head456")
    {
        HistoryResult history = Histories.With();
        history = history with { Info = history.Info with { Branch = branch, Head = head } };
        var engine = new Engine(new FakeHistory(history), new FakeHotspots(new[] { Histories.Hotspot("src/A.cs", 14) }));
        return engine.Check(new EngineOptions { RepositoryRoot = repo.Path, Now = Now, RecordTrend = record, TrendHistoryPath = trendPath });
    }

    [Fact]
    public void OnTheBaseBranch_RecordsOneRecordPerCommit()
    {
        EngineResult first = Check("main");
        Check("main");

        Assert.Equal(HistoryFile, first.TrendRecordedIn);
        string[] lines = File.ReadAllLines(HistoryFile);
        Assert.Single(lines);
        Assert.Equal(
            // No new code in the fake (no changed line): that figure is left out, not written as null.
            """{"date":"2025-06-01T08:00:00+00:00","commit":"head456","passed":false,"lineRate":0.5,"branchRate":0.35,"reviewCoverage":0.95,"passRate":0.9736842105263158,"firstPassRate":0.8,"hotspots":1,"failedConditions":1}""",
            lines[0]);
        TrendRecord record = TrendHistory.Read(HistoryFile).Records[0];
        Assert.Equal(Now, record.Date);
        Assert.Equal(0.5, record.LineRate);
        Assert.Equal(1, record.Hotspots);

        Check("main", head: "head789");
        Check("main", head: "head789");
        Assert.Equal(new[] { "head456", "head789" }, TrendHistory.Read(HistoryFile).Records.Select(r => r.Commit));
    }

    [Fact]
    public void HistoryNotWritable_TheVerdictIsReturnedWithTheError()
    {
        repo.Write(".qualitygate", "x\n");

        EngineResult result = Check("main");

        Assert.False(result.Gate.Passed);
        Assert.Null(result.TrendRecordedIn);
        Assert.Equal("QGB0605", result.TrendError?.Code);
        Assert.Null(Check("feature").TrendError);
    }

    [Fact]
    public void OnAFeatureBranchOrDetached_NothingIsRecorded()
    {
        Assert.Null(Check("feature").TrendRecordedIn);
        Assert.Null(Check(null).TrendRecordedIn);

        Assert.False(File.Exists(HistoryFile));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(true)]
    public void BranchWithNoCommitYet_NothingIsRecorded_ANoteSaysSo(bool? record)
    {
        EngineResult result = Check("main", record, head: null);

        Assert.Null(result.TrendRecordedIn);
        Assert.Null(result.TrendError);
        Assert.Contains(Engine.TrendNotRecordedNoCommitNote, result.Gate.Notes);
        Assert.False(File.Exists(HistoryFile));
        Assert.DoesNotContain(Engine.TrendNotRecordedNoCommitNote, Check("main").Gate.Notes);
    }

    [Fact]
    public void RecordTrend_OverridesTheBranchRule()
    {
        Assert.Equal(HistoryFile, Check(null, record: true).TrendRecordedIn);
        Assert.Null(Check("main", record: false).TrendRecordedIn);

        Assert.Single(File.ReadAllLines(HistoryFile));
    }

    [Fact]
    public void TrendFile_FromConfig_NullSwitchesItOff_OutsideTheRepositoryIsRefused()
    {
        repo.Write("qualitygate.json", """{ "trend": { "file": "build/trend.jsonl" } }""");
        Assert.Equal(Path.Combine(repo.Path, "build", "trend.jsonl"), Check("main").TrendRecordedIn);

        repo.Write("qualitygate.json", """{ "trend": { "file": null } }""");
        Assert.Null(Check("main").TrendRecordedIn);

        repo.Write("qualitygate.json", """{ "trend": { "file": "../outside.jsonl" } }""");
        QualityGateException error = Assert.Throws<QualityGateException>(() => Check("main"));
        Assert.Equal("QGB0202", error.Code);
        Assert.Equal("$.trend.file '../outside.jsonl' is outside the repository. Give a path inside it, e.g. .qualitygate/history.jsonl, or null to record no trend.", error.Message);

        repo.Write("qualitygate.json", """{ "trend": { "fiel": "x" } }""");
        Assert.Equal("QGB0201", Assert.Throws<QualityGateException>(() => Check("main")).Code);
    }

    [Theory]
    [InlineData("trend", "file", ".git/hooks/history.jsonl")]
    [InlineData("trend", "file", ".GIT/history.jsonl")]
    [InlineData("baseline", "file", ".git/qualitygate.baseline.json")]
    [InlineData("coverage", "reportDirectory", "./.git/coverage")]
    public void ConfiguredPathInsideGit_IsRefused_QGB0202(string section, string key, string path)
    {
        repo.Write("qualitygate.json", $$"""{ "{{section}}": { "{{key}}": "{{path}}" } }""");

        QualityGateException error = Assert.Throws<QualityGateException>(() => Check("main"));

        Assert.Equal("QGB0202", error.Code);
        Assert.StartsWith($"$.{section}.{key} '{path}' is inside the repository's .git folder, which belongs to git: the gate neither reads nor writes there. ", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repo.Path, ".git")) && Directory.EnumerateFiles(Path.Combine(repo.Path, ".git"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public void TrendFolderLinkedIntoGit_IsRefused_QGB0202()
    {
        Directory.CreateDirectory(Path.Combine(repo.Path, ".git", "hooks"));
        if (!Links.TryDirectory(Path.Combine(repo.Path, ".qualitygate"), Path.Combine(repo.Path, ".git", "hooks")))
        {
            return;
        }

        QualityGateException error = Assert.Throws<QualityGateException>(() => Check("main"));

        Assert.Equal("QGB0202", error.Code);
        Assert.StartsWith("$.trend.file '.qualitygate/history.jsonl' is inside the repository's .git folder", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(repo.Path, ".git", "hooks")));
    }

    [Fact]
    public void TrendFolderLinkedOutside_IsRefused_NothingIsWrittenThere()
    {
        using var outside = new TempDirectory();
        string userFile = outside.Write("user-notes.txt", "user line\n");
        if (!Links.TryDirectory(Path.Combine(repo.Path, ".qualitygate"), outside.Path))
        {
            return;
        }

        QualityGateException error = Assert.Throws<QualityGateException>(() => Check("main"));

        Assert.Equal("QGB0202", error.Code);
        Assert.StartsWith($"$.trend.file '.qualitygate/history.jsonl' leads outside the repository through a symbolic link to '{RealPaths.Resolve(outside.Path)}", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Replace the link with a file or folder inside the repository, or: Give a path inside it, e.g. .qualitygate/history.jsonl, or null to record no trend.", error.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { userFile }, Directory.GetFileSystemEntries(outside.Path));
        Assert.Equal("user line\n", File.ReadAllText(userFile));
    }

    [Fact]
    public void TrendFileLinkedToAFileOutside_IsRefused_TheFileIsUntouched()
    {
        using var outside = new TempDirectory();
        string userFile = outside.Write("user-notes.txt", "user line\n");
        if (!Links.TryFile(Path.Combine(repo.Path, "hist.jsonl"), userFile))
        {
            return;
        }

        repo.Write("qualitygate.json", """{ "trend": { "file": "hist.jsonl" } }""");
        QualityGateException error = Assert.Throws<QualityGateException>(() => Check("main"));

        Assert.Equal("QGB0202", error.Code);
        Assert.StartsWith("$.trend.file 'hist.jsonl' leads outside the repository through a symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Equal("user line\n", File.ReadAllText(userFile));
        Assert.NotNull(new FileInfo(Path.Combine(repo.Path, "hist.jsonl")).LinkTarget);
    }

    [Fact]
    public void TrendFolderLinkedInsideTheRepository_IsWrittenThrough_TheLinkStays()
    {
        Directory.CreateDirectory(Path.Combine(repo.Path, "build", "trend"));
        if (!Links.TryDirectory(Path.Combine(repo.Path, ".qualitygate"), Path.Combine("build", "trend")))
        {
            return;
        }

        EngineResult result = Check("main");

        Assert.Equal(Path.Combine(repo.Path, "build", "trend", "history.jsonl"), result.TrendRecordedIn);
        Assert.Single(File.ReadAllLines(Path.Combine(repo.Path, "build", "trend", "history.jsonl")));
        Assert.NotNull(new DirectoryInfo(Path.Combine(repo.Path, ".qualitygate")).LinkTarget);
    }

    [Fact]
    public void ExplicitTrendPath_Wins()
    {
        string path = Path.Combine(repo.Path, "elsewhere", "h.jsonl");

        Assert.Equal(path, Check("main", trendPath: path).TrendRecordedIn);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void WritingABaseline_AddsNoTrendPoint()
    {
        HistoryResult history = Histories.With();
        history = history with { Info = history.Info with { Branch = "main" } };
        var engine = new Engine(new FakeHistory(history), new FakeHotspots(Array.Empty<Hotspot>()));

        engine.WriteBaseline(new EngineOptions { RepositoryRoot = repo.Path, Now = Now });

        Assert.False(File.Exists(HistoryFile));
    }

    [Fact]
    public void GeneratedAt_IsTheRunsNow()
    {
        Assert.Equal(Now, Check("feature").Gate.GeneratedAt);
    }

    [Theory]
    [InlineData("main", "origin/main", true)]
    [InlineData("main", "main", true)]
    [InlineData("main", "refs/heads/main", true)]
    [InlineData("main", "refs/remotes/origin/main", true)]
    [InlineData("release/2.0", "origin/release/2.0", true)]
    [InlineData("release/2.0", "release/2.0", true)]
    [InlineData("develop", "origin/develop", true)]
    [InlineData("main", "origin/develop", false)]
    [InlineData("feature/x", "origin/main", false)]
    [InlineData("origin", "origin/main", false)]
    [InlineData("main", "origin/HEAD", true)]
    [InlineData("master", null, true)]
    [InlineData("trunk", null, false)]
    [InlineData("trunk", "origin/HEAD", false)]
    [InlineData(null, "origin/main", false)]
    [InlineData("", "main", false)]
    public void IsMainBranch(string? head, string? baseRef, bool expected) =>
        Assert.Equal(expected, Engine.IsMainBranch(head, baseRef));
}
