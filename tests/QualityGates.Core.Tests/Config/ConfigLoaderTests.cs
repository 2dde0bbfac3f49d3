using System.Text.Json;
using QualityGates.Core.Config;
using QualityGates.Core.Gate;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Config;

public class ConfigLoaderTests
{
    private static QualityGateException ParseFails(string json) =>
        Assert.Throws<QualityGateException>(() => ConfigLoader.Parse(json, "qualitygate.json"));

    [Fact]
    public void CommittedLinkOutOfTheRepository_QGB0203_NeverRead_AFolder_QGB0203_ALinkInside_Read()
    {
        using var temp = new TempDirectory();
        using var elsewhere = new TempDirectory();
        string outside = elsewhere.Write("gate.json", """{ "windows": { "reviewDays": 10 } }""");
        string config = Path.Combine(temp.Path, "qualitygate.json");

        // /dev/zero never ends and a pipe never answers: a link to either must not be followed.
        foreach (string target in OperatingSystem.IsWindows() ? new[] { outside } : new[] { outside, "/dev/zero" })
        {
            File.Delete(config);
            if (!Links.TryFile(config, target))
            {
                return;
            }

            QualityGateException ex = Assert.Throws<QualityGateException>(() => ConfigLoader.Load(temp.Path));
            Assert.Equal("QGB0203", ex.Code);
            Assert.Contains("leads outside the repository through a symbolic link", ex.Message, StringComparison.Ordinal);
        }

        File.Delete(config);
        Directory.CreateDirectory(config);
        Assert.Equal("QGB0203", Assert.Throws<QualityGateException>(() => ConfigLoader.Load(temp.Path)).Code);
        Assert.Equal("QGB0204", Assert.Throws<QualityGateException>(() => ConfigLoader.Load(temp.Path, config)).Code);

        Directory.Delete(config);
        temp.Write("config/gate.json", """{ "windows": { "reviewDays": 10 } }""");
        Assert.True(Links.TryFile(config, Path.Combine("config", "gate.json")));
        Assert.Equal(10, ConfigLoader.Load(temp.Path).ReviewWindowDays);
        // Given with --config, a file outside is the caller's choice.
        Assert.Equal(10, ConfigLoader.Load(temp.Path, outside).ReviewWindowDays);
    }

    [Fact]
    public void AbsentFile_GivesProductDefaults()
    {
        using var temp = new TempDirectory();

        GateConfig config = ConfigLoader.Load(temp.Path);

        Assert.Null(config.Source);
        Assert.Equal(90, config.ReviewWindowDays);
        Assert.Equal(30, config.RevertWindowDays);
        Assert.Equal(12, config.HotspotWindowMonths);
        Assert.Equal(5, config.HotspotMinRevisions);
        Assert.Equal(50, config.MaxFilesPerCommit);
        Assert.Equal("qualitygate.baseline.json", config.BaselineFile);
        Assert.Equal(new[] { "[bot]", "dependabot", "renovate", "github-actions", "mergify" }, config.Bots);
        Assert.Equal(new[] { "**/TestResults/*/coverage.cobertura.xml" }, config.CoverageFiles);
        Assert.Equal(ConditionIds.All.OrderBy(x => x), config.Conditions.Keys.OrderBy(x => x));
        Assert.Equal(new ConditionSettings { Fail = 0.80, Warn = 0.85, NoData = NoDataPolicy.Warn, MaxDrop = 0.001 }, config.Condition("coverage.line"));
        Assert.Equal(0.80, config.Condition("coverage.newCode").Fail);
        Assert.Equal(20, config.Condition("coverage.newCode").MinLines);
        Assert.Equal(0.90, config.Condition("coverage.critical").Fail);
        Assert.Equal(0.80, config.Condition("coverage.critical").BranchFail);
        Assert.Equal(0.90, config.Condition("reviews.coverage").Fail);
        Assert.Equal(0.95, config.Condition("reviews.passRate").Fail);
        Assert.Equal(20, config.Condition("reviews.passRate").MinLandings);
        Assert.Equal(0.10, config.Condition("hotspots.growth").Fail);
        Assert.Equal(15, config.Condition("complexity.newCode").MaxComplexity);
        Assert.Equal(30, config.Condition("complexity.newCode").MaxCrap);
    }

    [Fact]
    public void FullFile_OverridesOnlyWhatItSays()
    {
        GateConfig config = ConfigLoader.Parse("""
            {
              // comments are fine
              "$schema": "./schemas/qualitygate.schema.json",
              "baseBranch": "origin/develop",
              "bots": ["ci-user"],
              "coverage": { "files": ["out/*.xml"], "reportDirectory": "artifacts/coverage" },
              "windows": { "reviewDays": 30, "hotspotMonths": 6 },
              "hotspots": { "minRevisions": 3 },
              "baseline": { "file": "gate/baseline.json" },
              "conditions": {
                "coverage.line": { "fail": 0.7, "warn": 0.75, "noData": "fail" },
                "reviews.firstPassRate": { "enabled": false },
                "complexity.newCode": { "maxComplexity": 10 },
              },
            }
            """, "qualitygate.json");

        Assert.Equal("qualitygate.json", config.Source);
        Assert.Equal("origin/develop", config.BaseBranch);
        Assert.Equal(new[] { "ci-user" }, config.Bots);
        Assert.Equal(new[] { "out/*.xml" }, config.CoverageFiles);
        Assert.Equal("artifacts/coverage", config.CoverageReportDirectory);
        Assert.Equal(30, config.ReviewWindowDays);
        Assert.Equal(30, config.RevertWindowDays);
        Assert.Equal(6, config.HotspotWindowMonths);
        Assert.Equal(3, config.HotspotMinRevisions);
        Assert.Equal("gate/baseline.json", config.BaselineFile);
        Assert.Equal(new ConditionSettings { Fail = 0.7, Warn = 0.75, NoData = NoDataPolicy.Fail, MaxDrop = 0.001 }, config.Condition("coverage.line"));
        Assert.False(config.Condition("reviews.firstPassRate").Enabled);
        Assert.Equal(10, config.Condition("complexity.newCode").MaxComplexity);
        Assert.Equal(30, config.Condition("complexity.newCode").MaxCrap);
        Assert.Equal(GateDefaults.Conditions["reviews.coverage"], config.Condition("reviews.coverage"));
    }

    [Theory]
    [InlineData("""{ "condition": {} }""", "qualitygate.json: $.condition is not a known setting. Did you mean 'conditions'?")]
    [InlineData("""{ "conditions": { "coverage.lines": {} } }""", "$.conditions['coverage.lines'] is not a known setting. Did you mean 'coverage.line'?")]
    [InlineData("""{ "conditions": { "coverage.line": { "failAt": 0.5 } } }""", "$.conditions['coverage.line'].failAt is not a known setting.")]
    [InlineData("""{ "conditions": { "coverage.line": { "minLandings": 5 } } }""", "$.conditions['coverage.line'].minLandings is not a known setting.")]
    [InlineData("""{ "windows": { "reviewdays": 5 } }""", "$.windows.reviewdays is not a known setting. Did you mean 'reviewDays'?")]
    [InlineData("""{ "coverage": { "globs": [] } }""", "$.coverage.globs is not a known setting.")]
    public void UnknownKey_QGB0201_NamesThePath(string json, string expected)
    {
        QualityGateException ex = ParseFails(json);

        Assert.Equal("QGB0201", ex.Code);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "conditions": { "coverage.line": { "fail": 80 } } }""", "$.conditions['coverage.line'].fail 80 is out of range 0..1. Rates are fractions: write 0.8 for 80 %.")]
    [InlineData("""{ "conditions": { "coverage.line": { "fail": "0.8" } } }""", "$.conditions['coverage.line'].fail expected a number, found the string \"0.8\".")]
    [InlineData("""{ "conditions": { "coverage.line": { "noData": "ignore" } } }""", "$.conditions['coverage.line'].noData 'ignore' is not a no-data policy.")]
    [InlineData("""{ "conditions": { "coverage.line": { "fail": 0.9, "warn": 0.8 } } }""", "$.conditions['coverage.line'].warn the warn level 0.8 is less strict than the fail level 0.9")]
    [InlineData("""{ "conditions": { "analyzers.new": { "fail": 0, "warn": 2 } } }""", "$.conditions['analyzers.new'].warn the warn level 2 is less strict than the fail level 0")]
    [InlineData("""{ "conditions": { "hotspots.new": { "fail": 1.5 } } }""", "$.conditions['hotspots.new'].fail expected a whole number, found the number 1.5.")]
    [InlineData("""{ "conditions": { "coverage.line": { "enabled": "yes" } } }""", "$.conditions['coverage.line'].enabled expected true or false")]
    [InlineData("""{ "conditions": { "coverage.critical": { "branchFail": 0.9, "branchWarn": 0.5 } } }""", "$.conditions['coverage.critical'].branchWarn the warn level")]
    [InlineData("""{ "windows": { "reviewDays": 0 } }""", "$.windows.reviewDays 0 is out of range 1..3650.")]
    [InlineData("""{ "bots": "dependabot" }""", "$.bots expected an array of strings, found the string \"dependabot\".")]
    [InlineData("""{ "bots": ["x", 3] }""", "$.bots[1] expected a string, found the number 3.")]
    [InlineData("""{ "coverage": [] }""", "$.coverage expected an object, found an array.")]
    [InlineData("""[]""", "$ expected an object, found an array.")]
    [InlineData("""{ "baseBranch": "a", "baseBranch": "b" }""", "$.baseBranch is given twice.")]
    [InlineData("""{ "coverage": { "files": ["**/TestResults/../*.xml"] } }""", "$.coverage.files[0] '**/TestResults/../*.xml': '..' can only come before the first wildcard (* ? [ {). Name the folder without '..' after the wildcard, or put the '..' steps at the start")]
    [InlineData("""{ "coverage": { "files": ["a.xml", "x/*/../y.xml"] } }""", "$.coverage.files[1] 'x/*/../y.xml': '..' can only come before the first wildcard")]
    [InlineData("""{ "baseline": { "file": "qualitygate.json" } }""", "$.baseline.file must name a .json file of its own, which the gate writes (not qualitygate.json, a source or another file): found \"qualitygate.json\".")]
    [InlineData("""{ "baseline": { "file": "src/Pricing.cs" } }""", "$.baseline.file must name a .json file of its own")]
    [InlineData("""{ "trend": { "file": "src/B.cs" } }""", "$.trend.file must name a .jsonl file of its own, which the gate writes (not qualitygate.json, a source or another file): found \"src/B.cs\".")]
    [InlineData("""{ "trend": { "file": "config/QualityGate.JSON" } }""", "$.trend.file must name a .jsonl file of its own")]
    [InlineData("""{ "trend": { "file": ".jsonl" } }""", "$.trend.file must name a .jsonl file of its own")]
    public void BadValue_QGB0202_NamesThePath(string json, string expected)
    {
        QualityGateException ex = ParseFails(json);

        Assert.Equal("QGB0202", ex.Code);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../coverage/**/coverage.cobertura.xml")]
    [InlineData("a/../b/*/coverage.cobertura.xml")]
    [InlineData("**/TestResults/*/coverage.cobertura.xml")]
    [InlineData("../literal/../coverage.xml")]
    public void CoverageGlobs_WithDotDotBeforeTheFirstWildcard_AreAccepted(string pattern) =>
        Assert.Null(Core.Coverage.CoverageLoader.PatternProblem(pattern));

    [Fact]
    public void InvalidJson_QGB0203_WithLine()
    {
        QualityGateException ex = ParseFails("{\n  \"bots\": [\n}");

        Assert.Equal("QGB0203", ex.Code);
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplicitConfigMissing_QGB0204()
    {
        using var temp = new TempDirectory();

        QualityGateException ex = Assert.Throws<QualityGateException>(() => ConfigLoader.Load(temp.Path, Path.Combine(temp.Path, "gate.json")));

        Assert.Equal("QGB0204", ex.Code);
    }

    [Fact]
    public void RepositoryConfig_IsValid()
    {
        GateConfig config = ConfigLoader.Load(RepositoryLayout.Root);

        Assert.NotNull(config.Source);
    }

    [Fact]
    public void Schema_ListsEveryKeyAndDefaultTheLoaderKnows()
    {
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "schemas", "qualitygate.schema.json")));
        JsonElement conditions = schema.RootElement.GetProperty("properties").GetProperty("conditions").GetProperty("properties");

        Assert.Equal(ConditionIds.All.OrderBy(x => x, StringComparer.Ordinal), conditions.EnumerateObject().Select(p => p.Name).OrderBy(x => x, StringComparer.Ordinal));
        foreach (string id in ConditionIds.All)
        {
            JsonElement properties = conditions.GetProperty(id).GetProperty("properties");
            Assert.Equal(ConditionSpecs.KeysOf(id).OrderBy(x => x, StringComparer.Ordinal), properties.EnumerateObject().Select(p => p.Name).OrderBy(x => x, StringComparer.Ordinal));
            ConditionSettings defaults = GateDefaults.Conditions[id];
            Assert.Equal(defaults.Fail, NullableNumber(properties.GetProperty("fail").GetProperty("default")));
            Assert.Equal(defaults.Warn, NullableNumber(properties.GetProperty("warn").GetProperty("default")));
            Assert.Equal(defaults.NoData.ToString().ToLowerInvariant(), properties.GetProperty("noData").GetProperty("default").GetString());
        }
    }

    private static double? NullableNumber(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();
}
