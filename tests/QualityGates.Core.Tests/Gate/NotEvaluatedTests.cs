using System.Text;
using System.Text.Json;
using QualityGates.Core.Config;
using QualityGates.Core.Coverage;
using QualityGates.Core.Gate;
using QualityGates.Core.Reports;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Gate;

/// <summary>
/// With no coverage data the coverage conditions follow their no-data policy (warn, skip), which does not fail the gate:
/// the verdict then says "not evaluated", never "passed", in every text that gives it.
/// </summary>
public class NotEvaluatedTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] AllCoverage = { "coverage.line", "coverage.branch", "coverage.newCode", "coverage.critical" };

    private static GateConfig With(params (string Id, ConditionSettings Settings)[] changes)
    {
        var conditions = new Dictionary<string, ConditionSettings>(GateDefaults.Conditions);
        foreach ((string id, ConditionSettings settings) in changes)
        {
            conditions[id] = settings;
        }

        return new GateConfig { Conditions = conditions };
    }

    private static ConditionSettings Disabled(string id) => GateDefaults.Conditions[id] with { Enabled = false };

    /// <summary>Coverage files that were read but name no file of the repository (made in another checkout).</summary>
    private static CoverageReport FromAnotherCheckout() =>
        CoverageLoader.Read("/elsewhere/checkout", new[] { TestFiles.PricingCoverage, TestFiles.ClaimsCoverage });

    [Fact]
    public void NoCoverageFile_NotEvaluated_EveryCoverageCondition()
    {
        GateResult result = GateEvaluator.Evaluate(new GateConfig(), new GateInputs());

        Assert.True(result.Passed);
        Assert.Equal(GateVerdict.NotEvaluated, result.Verdict);
        Assert.Equal("no coverage file was found", result.NoCoverage);
        Assert.Equal(AllCoverage, result.NotEvaluated);
        Assert.Equal("no coverage data (no coverage file was found), so coverage.line, coverage.branch, coverage.newCode and coverage.critical were not judged", result.NotEvaluatedSentence);
    }

    [Fact]
    public void EveryFileLeftOut_NotEvaluated_SaysHowManyFilesWereFound()
    {
        CoverageReport coverage = FromAnotherCheckout();

        GateResult result = GateEvaluator.Evaluate(new GateConfig(), new GateInputs { Coverage = coverage });

        Assert.Equal(0, coverage.Totals.CoverableLines);
        Assert.Equal(GateVerdict.NotEvaluated, result.Verdict);
        Assert.Equal("the 2 coverage files found have no coverable line of this repository", result.NoCoverage);
        Assert.Equal(AllCoverage, result.NotEvaluated);
    }

    [Fact]
    public void CoverageMeasured_Passed()
    {
        CoverageReport coverage = CoverageLoader.Read(TestFiles.FixtureRepository, new[] { TestFiles.PricingCoverage, TestFiles.ClaimsCoverage });
        GateConfig config = With(("coverage.line", GateDefaults.Conditions["coverage.line"] with { Fail = 0.7, Warn = 0.7 }));

        GateResult result = GateEvaluator.Evaluate(config, new GateInputs { Coverage = coverage });

        Assert.Equal(GateVerdict.Passed, result.Verdict);
        Assert.Null(result.NoCoverage);
        Assert.Empty(result.NotEvaluated);
        Assert.Equal(string.Empty, result.NotEvaluatedSentence);
    }

    [Fact]
    public void OnlyTheEnabledCoverageConditions_AreListed()
    {
        GateConfig config = With(("coverage.branch", Disabled("coverage.branch")), ("coverage.newCode", Disabled("coverage.newCode")), ("coverage.critical", Disabled("coverage.critical")));

        GateResult result = GateEvaluator.Evaluate(config, new GateInputs());

        Assert.Equal(new[] { "coverage.line" }, result.NotEvaluated);
        Assert.Equal("no coverage data (no coverage file was found), so coverage.line was not judged", result.NotEvaluatedSentence);
    }

    [Fact]
    public void NoCoverageConditionConfigured_PassesWithoutCoverage()
    {
        GateConfig config = With(AllCoverage.Select(id => (id, Disabled(id))).ToArray());

        GateResult result = GateEvaluator.Evaluate(config, new GateInputs());

        Assert.Equal(GateVerdict.Passed, result.Verdict);
        Assert.Equal("no coverage file was found", result.NoCoverage);
        Assert.Empty(result.NotEvaluated);
    }

    [Fact]
    public void AFailedCondition_StillFails()
    {
        GateConfig config = With(("coverage.line", GateDefaults.Conditions["coverage.line"] with { NoData = NoDataPolicy.Fail }));

        GateResult result = GateEvaluator.Evaluate(config, new GateInputs());

        Assert.False(result.Passed);
        Assert.Equal(GateVerdict.Failed, result.Verdict);
        Assert.Equal(AllCoverage, result.NotEvaluated);
    }

    [Fact]
    public void ResultJson_NotEvaluatedObject_OnlyWhenNotEvaluated()
    {
        GateResult notEvaluated = GateEvaluator.Evaluate(new GateConfig(), new GateInputs());
        GateResult measured = GateEvaluator.Evaluate(new GateConfig(), new GateInputs
        {
            Coverage = CoverageLoader.Read(TestFiles.FixtureRepository, new[] { TestFiles.PricingCoverage }),
        });

        using JsonDocument json = JsonDocument.Parse(ResultJsonWriter.Write(notEvaluated));
        using JsonDocument plain = JsonDocument.Parse(ResultJsonWriter.Write(measured));

        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(
            """{"reason":"no coverage data (no coverage file was found)","conditions":["coverage.line","coverage.branch","coverage.newCode","coverage.critical"]}""",
            JsonSerializer.Serialize(json.RootElement.GetProperty("notEvaluated")));
        Assert.Equal(new[] { "schemaVersion", "passed", "notEvaluated", "conditions" }, json.RootElement.EnumerateObject().Select(p => p.Name).Take(4));
        Assert.False(plain.RootElement.TryGetProperty("notEvaluated", out _));
    }

    [Fact]
    public void Reports_SayNotEvaluated_WithTheReason()
    {
        GateResult gate = GateEvaluator.Evaluate(new GateConfig(), new GateInputs()) with { GeneratedAt = Now };
        ReportModel model = ReportModelReader.Parse(Encoding.UTF8.GetBytes(ResultJsonWriter.Write(gate)), "result.json");
        var view = new ReportView(model, TrendHistoryContent.Empty, null);

        string html = HtmlReportWriter.Render(view);
        string md = MarkdownReportWriter.Render(view);

        Assert.Null(view.Passed);
        Assert.Contains("<header class=\"verdict unknown\">\n<h1>Quality gate not evaluated</h1>", html, StringComparison.Ordinal);
        Assert.Contains(
            "<p class=\"warn\">Not evaluated: no coverage data (no coverage file was found); coverage.line, coverage.branch, coverage.newCode, coverage.critical had nothing to judge.</p>",
            html, StringComparison.Ordinal);
        Assert.StartsWith("## ❔ Quality gate not evaluated\n\n", md, StringComparison.Ordinal);
        Assert.Contains(
            "> Not evaluated: no coverage data (no coverage file was found); coverage.line, coverage.branch, coverage.newCode, coverage.critical had nothing to judge.\n\n",
            md, StringComparison.Ordinal);
        Assert.DoesNotContain("passed with warnings", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TrendRecord_OfARunNotEvaluated_HasNoVerdict_FromTheRunAndFromItsJson()
    {
        GateResult gate = GateEvaluator.Evaluate(new GateConfig(), new GateInputs()) with { GeneratedAt = Now };
        ReportModel model = ReportModelReader.Parse(Encoding.UTF8.GetBytes(ResultJsonWriter.Write(gate)), "result.json");

        TrendRecord fromGate = TrendRecord.FromGate(gate, Now);

        Assert.Null(fromGate.Passed);
        Assert.Equal(fromGate, TrendRecord.FromResult(model, Now));
    }

    [Fact]
    public void ResultJson_NullEntryInNotEvaluatedConditions_IsQGB0602()
    {
        byte[] json = Encoding.UTF8.GetBytes("""{ "schemaVersion": 1, "passed": true, "notEvaluated": { "reason": "x", "conditions": [ null ] }, "conditions": [] }""");

        ReportInputException ex = Assert.Throws<ReportInputException>(() => ReportModelReader.Parse(json, "result.json"));

        Assert.Equal("QGB0602", ex.Code);
        Assert.Contains("$.notEvaluated.conditions[0]: null where a string is expected.", ex.Message, StringComparison.Ordinal);
    }
}
