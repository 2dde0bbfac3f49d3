using QualityGates.Cli;
using QualityGates.Core.Config;
using QualityGates.Core.Hotspots;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Gate;

/// <summary>baseline.file is read and written inside the repository only, by path and through links.</summary>
public sealed class EngineBaselineFileTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory repo = new TempDirectory().AsWorkTree();
    private readonly TempDirectory outside = new();
    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();

    public EngineBaselineFileTests() => repo.CopyCoverage(TestFiles.PricingCoverage, "tests/PricingTests/TestResults/1/coverage.cobertura.xml");

    public void Dispose()
    {
        repo.Dispose();
        outside.Dispose();
        stdout.Dispose();
        stderr.Dispose();
    }

    private string At(string relative) => Path.Combine(repo.Path, relative);

    private static Engine NewEngine() => new(new FakeHistory(Histories.With()), new FakeHotspots(new[] { Histories.Hotspot("src/A.cs", 14) }));

    private EngineOptions Options => new() { RepositoryRoot = repo.Path, Now = Now, RecordTrend = false };

    private int Run(params string[] args) =>
        CommandLine.Run(args, new CliContext(stdout, stderr, NewEngine, Now, repo.Path, ShowProgress: false));

    [Fact]
    public void ConfiguredOutsideTheRepository_IsRefused_NothingIsWritten()
    {
        string escaped = Path.GetRelativePath(repo.Path, Path.Combine(outside.Path, "outside-baseline.json")).Replace('\\', '/');
        repo.Write("qualitygate.json", $$"""{ "baseline": { "file": "{{escaped}}" } }""");

        Assert.Equal(2, Run("baseline"));
        Assert.Equal(2, Run("check"));

        string expected = $"error QGB0202: $.baseline.file '{escaped}' is outside the repository. Give a path inside it, e.g. qualitygate.baseline.json.\n";
        Assert.Equal(expected + expected, stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFileSystemEntries(outside.Path));
    }

    [Fact]
    public void AbsolutePathOutside_IsNotRead()
    {
        string secret = outside.Write("passwd.json", "root:x:0:0:root:/root:/bin/bash\n");
        repo.Write("qualitygate.json", $$"""{ "baseline": { "file": "{{secret.Replace("\\", "\\\\", StringComparison.Ordinal)}}" } }""");

        QualityGateException error = Assert.Throws<QualityGateException>(() => NewEngine().Check(Options));

        Assert.Equal("QGB0202", error.Code);
        Assert.Equal($"$.baseline.file '{secret}' is outside the repository. Give a path inside it, e.g. qualitygate.baseline.json.", error.Message);
        Assert.Equal("root:x:0:0:root:/root:/bin/bash\n", File.ReadAllText(secret));
    }

    [Fact]
    public void AbsolutePathInside_IsUsed()
    {
        repo.Write("qualitygate.json", $$"""{ "baseline": { "file": "{{At("gate/bl.json").Replace("\\", "\\\\", StringComparison.Ordinal)}}" } }""");

        (string path, _) = NewEngine().WriteBaseline(Options);

        Assert.Equal(At("gate/bl.json"), path);
        Assert.NotNull(BaselineStore.Read(path));
    }

    [Fact]
    public void DanglingLinkToOutside_IsRefusedByCheckAndBaseline_NothingIsCreatedThere()
    {
        string target = Path.Combine(outside.Path, "bl.json");
        if (!Links.TryFile(At("qualitygate.baseline.json"), target))
        {
            return;
        }

        Assert.Equal(2, Run("check"));
        Assert.Equal(2, Run("baseline"));

        string[] lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.StartsWith(
            $"error QGB0202: $.baseline.file 'qualitygate.baseline.json' leads outside the repository through a symbolic link to '{RealPaths.Resolve(target)}': the gate neither reads nor writes it.",
            line, StringComparison.Ordinal));
        Assert.DoesNotContain("QGB0009", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(outside.Path));
        Assert.Equal(target, new FileInfo(At("qualitygate.baseline.json")).LinkTarget);
    }

    [Fact]
    public void LinkToAnOutsideFile_IsNotRead_TheFileIsUntouched()
    {
        string userFile = outside.Write("user-owned.json", "{\"user\":\"precious\"}\n");
        if (!Links.TryFile(At("qualitygate.baseline.json"), userFile))
        {
            return;
        }

        Assert.Equal("QGB0202", Assert.Throws<QualityGateException>(() => NewEngine().Check(Options)).Code);
        Assert.Equal("QGB0202", Assert.Throws<QualityGateException>(() => NewEngine().WriteBaseline(Options)).Code);
        Assert.Equal("{\"user\":\"precious\"}\n", File.ReadAllText(userFile));
    }

    [Theory]
    [InlineData("", "cannot be read")]
    [InlineData("{ \"schemaVersion\": 1, \"lineRate\": 0.", "cannot be read")]
    [InlineData("{ \"schemaVersion\": 2 }", "has schemaVersion 2; this version reads 1.")]
    [InlineData("{ \"schemaVersion\": 1, \"linerate\": 0.5 }", "cannot be read")]
    [InlineData("{ \"schemaVersion\": 1, \"hotspots\": [ { \"path\": \"src/A.cs\", \"complexity\": 4, \"score\": 1 }, { \"path\": \"src/A.cs\", \"complexity\": 5, \"score\": 1 } ] }",
        "cannot be read ($.hotspots[1].path: 'src/A.cs' is listed twice, first at $.hotspots[0]).")]
    [InlineData("{ \"schemaVersion\": 1, \"hotspots\": [ null ] }", "cannot be read ($.hotspots[0]: a hotspot needs a path).")]
    [InlineData("{ \"schemaVersion\": 1, \"hotspots\": [ { \"path\": \"src/A.cs\", \"complexity\": -5, \"score\": 1 } ] }",
        "holds a value no run writes: $.hotspots[0].complexity -5 is out of range: at least 0.")]
    [InlineData("{ \"schemaVersion\": 1, \"lineRate\": 2.5 }", "holds a value no run writes: $.lineRate 2.5 is out of range 0..1.")]
    [InlineData("{ \"schemaVersion\": 1, \"analyzers\": { \"src/A.cs\": { \"QG1001\": -8 } } }", "holds a value no run writes: $.analyzers['src/A.cs'].QG1001 -8 is out of range: at least 0.")]
    [InlineData("{ \"schemaVersion\": 1, \"analyzers\": { \"src/A.cs\": { \"QG1001\": 1, \"QG1001\": 2 } } }", "cannot be read ($.analyzers['src/A.cs'].QG1001 is given twice).")]
    public void UnreadableBaseline_CheckSaysQGB0301_BaselineReplacesItAndSaysSo(string content, string problem)
    {
        string path = repo.Write("qualitygate.baseline.json", content);

        Assert.Equal(2, Run("check"));
        Assert.StartsWith($"error QGB0301: Baseline '{path}' {problem}", stderr.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("Rewrite it with 'qualitygate baseline'.\n", stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllText(path));
        stderr.GetStringBuilder().Clear();

        Assert.Equal(0, Run("baseline"));

        Assert.Equal(string.Empty, stderr.ToString());
        string[] output = stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"Replaced an unreadable baseline: Baseline '{path}' {problem}", output[^2], StringComparison.Ordinal);
        Assert.StartsWith($"Baseline written to {path}: ", output[^1], StringComparison.Ordinal);
        Assert.Equal(0.5, BaselineStore.Read(path)!.LineRate);
        Assert.Equal(new[] { path }, Directory.GetFiles(repo.Path, "*qualitygate.baseline.json*"));
        Assert.Equal(1, Run("check"));
    }

    [Fact]
    public void BaselineFileNamingAnotherJsonFile_IsNotReplaced_QGB0301()
    {
        repo.Write("qualitygate.json", "{ \"baseline\": { \"file\": \"appsettings.json\" } }");
        string settings = repo.Write("appsettings.json", "{ \"ConnectionStrings\": { \"Db\": \"precious\" } }");

        Assert.Equal(2, Run("baseline"));

        Assert.Equal(
            "error QGB0301: 'appsettings.json' is not a QualityGates baseline (no \"schemaVersion\"), so it was not replaced: point baseline.file in qualitygate.json at a file of its own, or move that file away.",
            stderr.ToString().Trim());
        Assert.Equal("{ \"ConnectionStrings\": { \"Db\": \"precious\" } }", File.ReadAllText(settings));
    }

    [Fact]
    public void DanglingLinkInside_IsNoBaselineForCheck_AndBaselineWritesItsTarget()
    {
        if (!Links.TryFile(At("qualitygate.baseline.json"), Path.Combine("baselines", "current.json")))
        {
            return;
        }

        Assert.Equal(1, Run("check"));
        Assert.Equal(0, Run("baseline"));

        Assert.Equal(string.Empty, stderr.ToString());
        Assert.Contains($"Baseline written to {At(Path.Combine("baselines", "current.json"))}", stdout.ToString(), StringComparison.Ordinal);
        Assert.NotNull(new FileInfo(At("qualitygate.baseline.json")).LinkTarget);
        Assert.NotNull(BaselineStore.Read(At("qualitygate.baseline.json")));
    }
}
