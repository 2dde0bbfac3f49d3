using System.Text.Json;
using QualityGates.Core.Config;
using QualityGates.Core.Coverage;
using QualityGates.Core.Gate;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Gate;

public class ResultJsonTests
{
    private static readonly CoverageReport Both = CoverageLoader.Read(TestFiles.FixtureRepository, new[] { TestFiles.PricingCoverage, TestFiles.ClaimsCoverage });

    private static JsonElement Render(GateInputs inputs)
    {
        string json = ResultJsonWriter.Write(GateEvaluator.Evaluate(new GateConfig(), inputs));
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void FullResult_KeyByKey()
    {
        var changed = new Dictionary<string, IReadOnlySet<int>> { ["src/Insurance/Pricing/PremiumCalculator.cs"] = new HashSet<int> { 35, 36, 37 } };
        JsonElement root = Render(new GateInputs
        {
            Coverage = Both,
            History = Histories.With(changed: changed),
            Hotspots = new[] { Histories.Hotspot("src/Insurance/Pricing/PremiumCalculator.cs", 14, 0.81, critical: true) },
        });

        Assert.Equal(new[] { "schemaVersion", "passed", "conditions", "coverage", "reviews", "hotspots", "history", "repository", "notes" }, Keys(root));
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.False(root.GetProperty("passed").GetBoolean());

        JsonElement[] conditions = root.GetProperty("conditions").EnumerateArray().ToArray();
        Assert.Equal(ConditionIds.All, conditions.Select(c => c.GetProperty("id").GetString()));
        JsonElement line = conditions[0];
        Assert.Equal(new[] { "id", "status", "actual", "threshold", "message" }, Keys(line));
        Assert.Equal("failed", line.GetProperty("status").GetString());
        Assert.Equal(0.75, line.GetProperty("actual").GetDouble());
        Assert.Equal(0.8, line.GetProperty("threshold").GetDouble());
        Assert.Equal("Line coverage is 75.0 %, below the required 80.0 %.", line.GetProperty("message").GetString());
        Assert.Equal(
            new[] { "failed", "warning", "skipped", "warning", "passed", "warning", "passed", "noData", "noData", "passed", "noData" },
            conditions.Select(c => c.GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, conditions[7].GetProperty("actual").ValueKind);

        JsonElement coverage = root.GetProperty("coverage");
        Assert.Equal(new[] { "lineRate", "branchRate", "newCode", "files" }, Keys(coverage));
        Assert.Equal(0.75, coverage.GetProperty("lineRate").GetDouble());
        Assert.Equal(0.45, coverage.GetProperty("branchRate").GetDouble());
        JsonElement newCode = coverage.GetProperty("newCode");
        Assert.Equal(new[] { "coverableLines", "coveredLines", "lineRate" }, Keys(newCode));
        Assert.Equal(3, newCode.GetProperty("coverableLines").GetInt32());
        Assert.Equal(0, newCode.GetProperty("coveredLines").GetInt32());
        Assert.Equal(0.0, newCode.GetProperty("lineRate").GetDouble());
        JsonElement[] files = coverage.GetProperty("files").EnumerateArray().ToArray();
        Assert.Equal(2, files.Length);
        Assert.Equal(new[] { "path", "coverableLines", "coveredLines", "lineRate", "branchesValid", "branchesCovered", "branchRate" }, Keys(files[0]));
        Assert.Equal("src/Insurance/Claims/ClaimValidator.cs", files[0].GetProperty("path").GetString());
        Assert.Equal(15, files[0].GetProperty("coverableLines").GetInt32());
        Assert.Equal(11, files[0].GetProperty("coveredLines").GetInt32());
        Assert.Equal(11.0 / 15, files[0].GetProperty("lineRate").GetDouble());
        Assert.Equal(6, files[0].GetProperty("branchesValid").GetInt32());
        Assert.Equal(3, files[0].GetProperty("branchesCovered").GetInt32());
        Assert.Equal(0.5, files[0].GetProperty("branchRate").GetDouble());

        JsonElement reviews = root.GetProperty("reviews");
        Assert.Equal(new[] { "windowDays", "landings", "humanLandings", "bots", "reviewed", "reviewCoverage", "reverted", "passRate", "firstPassRate", "evidence", "monthly", "unreviewed" }, Keys(reviews));
        Assert.Equal(90, reviews.GetProperty("windowDays").GetInt32());
        Assert.Equal(42, reviews.GetProperty("landings").GetInt32());
        Assert.Equal(40, reviews.GetProperty("humanLandings").GetInt32());
        Assert.Equal(2, reviews.GetProperty("bots").GetInt32());
        Assert.Equal(38, reviews.GetProperty("reviewed").GetInt32());
        Assert.Equal(0.95, reviews.GetProperty("reviewCoverage").GetDouble());
        Assert.Equal(1, reviews.GetProperty("reverted").GetInt32());
        Assert.Equal(1 - (1.0 / 38), reviews.GetProperty("passRate").GetDouble());
        Assert.Equal(0.8, reviews.GetProperty("firstPassRate").GetDouble());
        JsonElement evidence = reviews.GetProperty("evidence");
        Assert.Equal(new[] { "syncMerge", "pullRequestMerge", "squashMerge", "reviewTrailer", "reviewLink", "bot", "directPush" }, Keys(evidence));
        Assert.Equal(new[] { 0, 30, 6, 2, 0, 2, 2 }, evidence.EnumerateObject().Select(p => p.Value.GetInt32()));

        JsonElement hotspot = Assert.Single(root.GetProperty("hotspots").EnumerateArray().ToArray());
        Assert.Equal(new[] { "path", "revisions", "churn", "complexity", "lineRate", "score", "critical", "crap", "mainAuthors", "why", "methods" }, Keys(hotspot));
        Assert.Equal("src/Insurance/Pricing/PremiumCalculator.cs", hotspot.GetProperty("path").GetString());
        Assert.Equal(9, hotspot.GetProperty("revisions").GetInt32());
        Assert.Equal(120, hotspot.GetProperty("churn").GetInt32());
        Assert.Equal(14, hotspot.GetProperty("complexity").GetInt32());
        Assert.Equal(JsonValueKind.Null, hotspot.GetProperty("lineRate").ValueKind);
        Assert.Equal(0.81, hotspot.GetProperty("score").GetDouble());
        Assert.True(hotspot.GetProperty("critical").GetBoolean());

        JsonElement history = root.GetProperty("history");
        Assert.Equal(new[] { "commits", "shallow" }, Keys(history));
        Assert.Equal(1234, history.GetProperty("commits").GetInt32());
        Assert.False(history.GetProperty("shallow").GetBoolean());

        // Additive keys (docs/report.md): no run time and no coverage HTML outside a run; no landings in the fake.
        Assert.Equal("""{"head":"head456","branch":"feature"}""", root.GetProperty("repository").GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal).ReplaceLineEndings(string.Empty));
        Assert.Empty(reviews.GetProperty("monthly").EnumerateArray());
        Assert.Empty(reviews.GetProperty("unreviewed").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, hotspot.GetProperty("crap").ValueKind);
        Assert.Empty(hotspot.GetProperty("mainAuthors").EnumerateArray());
        Assert.Equal("changed often and complex", hotspot.GetProperty("why").GetString());
        Assert.Empty(hotspot.GetProperty("methods").EnumerateArray());
    }

    [Fact]
    public void NoData_RatesAreNullNotOne()
    {
        JsonElement root = Render(new GateInputs());

        JsonElement coverage = root.GetProperty("coverage");
        Assert.Equal(JsonValueKind.Null, coverage.GetProperty("lineRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, coverage.GetProperty("branchRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, coverage.GetProperty("newCode").GetProperty("lineRate").ValueKind);
        Assert.Empty(coverage.GetProperty("files").EnumerateArray());
        JsonElement reviews = root.GetProperty("reviews");
        Assert.Equal(90, reviews.GetProperty("windowDays").GetInt32());
        Assert.Equal(JsonValueKind.Null, reviews.GetProperty("reviewCoverage").ValueKind);
        Assert.Equal(JsonValueKind.Null, reviews.GetProperty("passRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, reviews.GetProperty("firstPassRate").ValueKind);
        Assert.Equal(0, root.GetProperty("history").GetProperty("commits").GetInt32());
        Assert.True(root.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public void FailureWithAPlace_CarriesFileAndLine()
    {
        var changed = new Dictionary<string, IReadOnlySet<int>> { ["src/A.cs"] = new HashSet<int> { 12 } };
        JsonElement root = Render(new GateInputs
        {
            History = Histories.With(changed: changed),
            Hotspots = new[] { Histories.Hotspot("src/A.cs", 50, 0.5, false, new QualityGates.Core.Hotspots.MethodMetrics("Quote", 10, 30, 18, null, null)) },
        });

        JsonElement complexity = root.GetProperty("conditions").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "complexity.newCode");
        Assert.Equal(new[] { "id", "status", "actual", "threshold", "message", "file", "line" }, Keys(complexity));
        Assert.Equal("src/A.cs", complexity.GetProperty("file").GetString());
        Assert.Equal(10, complexity.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Markdown_ReplacesBidiControls()
    {
        Assert.Equal("src/ gnp.cs src/ x", MarkdownSummaryWriter.Escape("src/\u202Egnp.cs src/\u2067x"));
    }

    [Fact]
    public void Markdown_NeutralisesMentions_AsReportMdDoes()
    {
        // The summary is what CI posts as a PR comment: posting it must not notify @org/team.
        Assert.Equal("@&#8203;org/x src/@&#8203;org/team.cs \\(@&#8203;bob\\) a@b.example", MarkdownSummaryWriter.Escape("@org/x src/@org/team.cs (@bob) a@b.example"));
        Assert.Equal(QualityGates.Core.Reports.ReportText.Markdown("src/@org/team.cs"), MarkdownSummaryWriter.Escape("src/@org/team.cs"));

        var inputs = new GateInputs { Baseline = new Baseline(), Hotspots = new[] { Histories.Hotspot("src/@org/team.cs", 10) } };
        string md = MarkdownSummaryWriter.Write(GateEvaluator.Evaluate(new GateConfig(), inputs));

        Assert.Contains("src/@&#8203;org/team.cs", md, StringComparison.Ordinal);
        Assert.DoesNotContain("/@org", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_EscapesUntrustedText()
    {
        var inputs = new GateInputs
        {
            Baseline = new Baseline(),
            Hotspots = new[] { Histories.Hotspot("src/<script>alert(1)</script>|*x*.cs", 10) },
        };

        string md = MarkdownSummaryWriter.Write(GateEvaluator.Evaluate(new GateConfig(), inputs));

        // No coverage input: the verdict is "not evaluated", never "passed".
        Assert.StartsWith(
            "## Quality gate: **not evaluated** (0 failed, 5 warning(s))\n\n" +
            "No coverage data \\(no coverage file was found\\), so coverage.line, coverage.branch, coverage.newCode and coverage.critical were not judged.\n\n" +
            "| Condition | Status | Actual | Threshold | Details |\n|---|---|---:|---:|---|\n", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.Contains("src/&lt;script&gt;alert\\(1\\)&lt;/script&gt;\\|\\*x\\*.cs", md, StringComparison.Ordinal);
        Assert.Contains("| `hotspots.new` | warning | 1 | 0 | 1 new hotspot\\(s\\) since the baseline: ", md, StringComparison.Ordinal);
        Assert.Equal("a\\_b \\[c\\]\\(d\\) e", MarkdownSummaryWriter.Escape("a_b [c](d)\ne"));
    }
}
