using System.Text;
using System.Text.Json;
using QualityGates.Core.Config;
using QualityGates.Core.Coverage;
using QualityGates.Core.Gate;
using QualityGates.Core.History;
using QualityGates.Core.Hotspots;
using QualityGates.Core.Reports;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Gate;

/// <summary>The keys the report reads that are additive to schemaVersion 1 (docs/report.md), figure by figure.</summary>
public class ResultJsonReportKeysTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CoverageReport Both = CoverageLoader.Read(TestFiles.FixtureRepository, new[] { TestFiles.PricingCoverage, TestFiles.ClaimsCoverage });
    private static readonly string Out = Path.Combine(Path.GetTempPath(), "qg-out");

    private static Landing Land(string sha, string when, EvidenceKind kind, bool reverted = false, bool? firstPass = null, string subject = "change", string author = "Ann") =>
        new(sha, subject, author, author.ToLowerInvariant() + "@example.com", DateTimeOffset.Parse(when, System.Globalization.CultureInfo.InvariantCulture), kind, null, reverted, firstPass);

    private static readonly Landing[] Landings =
    {
        Land("a1", "2025-03-10T12:00:00+00:00", EvidenceKind.PullRequestMerge, firstPass: true),
        Land("a2", "2025-03-20T09:00:00+01:00", EvidenceKind.DirectPush, subject: "Hotfix </script><img src=x onerror=alert(1)>", author: "<script>alert(1)</script>"),
        Land("a3", "2025-04-05T12:00:00+00:00", EvidenceKind.Bot, author: "dependabot[bot]"),
        Land("a4", "2025-04-06T12:00:00+00:00", EvidenceKind.SquashMerge, reverted: true),
        // 22:00 UTC on 30 April: an April landing although the committer's clock said 1 May.
        Land("a5", "2025-05-01T01:00:00+03:00", EvidenceKind.DirectPush, subject: "Direct fix", author: "Bob"),
        Land("a6", "2025-05-15T12:00:00+00:00", EvidenceKind.PullRequestMerge, firstPass: false),
    };

    private static GateResult Result(string? htmlReport = null)
    {
        QualityGates.Core.History.ReviewSummary reviews = Histories.Reviews() with { Items = Landings };
        var inputs = new GateInputs
        {
            Coverage = Both,
            History = Histories.With(reviews: reviews),
            Baseline = new Baseline { LineRate = 0.76, BranchRate = null },
            Hotspots = new[]
            {
                new Hotspot("src/\"Odd\" <Name>.cs", 9, 120, 14, 0.5, 0.81, true, new[] { "Ann", "<script>alert(1)</script>" },
                    new[] { new MethodMetrics("Quote", 10, 30, 12, 0.5, 30.0), new MethodMetrics("Small", 40, 45, 2, null, null) },
                    "changed in 9 commits, complexity 14"),
            },
        };
        return GateEvaluator.Evaluate(new GateConfig(), inputs) with { GeneratedAt = Now, CoverageHtmlReport = htmlReport };
    }

    private static JsonElement Render(GateResult result, string? resultDirectory = null) =>
        JsonDocument.Parse(ResultJsonWriter.Write(result, resultDirectory)).RootElement.Clone();

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element, Readable);

    [Fact]
    public void GeneratedAtAndRepository()
    {
        JsonElement root = Render(Result());

        Assert.Equal(new[] { "schemaVersion", "passed", "conditions", "coverage", "reviews", "hotspots", "history", "generatedAt", "repository", "notes" },
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2025-06-01T00:00:00+00:00", root.GetProperty("generatedAt").GetString());
        Assert.Equal("""{"head":"head456","branch":"feature"}""", Compact(root.GetProperty("repository")));
    }

    [Fact]
    public void Monthly_ByUtcCommitterMonth_EveryMonthOfTheWindow()
    {
        JsonElement monthly = Render(Result()).GetProperty("reviews").GetProperty("monthly");

        // Window: 90 days before 2025-06-01 is 2025-03-03, so March to June; June has no landing.
        Assert.Equal(
            """[{"month":"2025-03","landings":2,"humanLandings":2,"reviewed":1,"reviewCoverage":0.5,"passRate":1,"firstPassRate":1},"""
            + """{"month":"2025-04","landings":3,"humanLandings":2,"reviewed":1,"reviewCoverage":0.5,"passRate":0,"firstPassRate":null},"""
            + """{"month":"2025-05","landings":1,"humanLandings":1,"reviewed":1,"reviewCoverage":1,"passRate":1,"firstPassRate":0},"""
            + """{"month":"2025-06","landings":0,"humanLandings":0,"reviewed":0,"reviewCoverage":null,"passRate":null,"firstPassRate":null}]""",
            Compact(monthly));
    }

    [Fact]
    public void Monthly_WithoutRunTime_OnlyMonthsWithLandings()
    {
        JsonElement reviews = JsonDocument.Parse(ResultJsonWriter.WriteReviews(Histories.Reviews() with { Items = Landings })).RootElement.GetProperty("reviews");

        Assert.Equal(new[] { "2025-03", "2025-04", "2025-05" }, reviews.GetProperty("monthly").EnumerateArray().Select(m => m.GetProperty("month").GetString()));
    }

    [Fact]
    public void Unreviewed_DirectPushes_NewestFirst()
    {
        JsonElement unreviewed = Render(Result()).GetProperty("reviews").GetProperty("unreviewed");

        Assert.Equal(
            """[{"sha":"a5","subject":"Direct fix","author":"Bob","date":"2025-05-01T01:00:00+03:00"},"""
            + """{"sha":"a2","subject":"Hotfix </script><img src=x onerror=alert(1)>","author":"<script>alert(1)</script>","date":"2025-03-20T09:00:00+01:00"}]""",
            Compact(unreviewed));
    }

    [Fact]
    public void UntrustedText_IsEscapedInTheJsonItself()
    {
        string json = ResultJsonWriter.Write(Result());

        // The default encoder writes < > as \u003C \u003E: the JSON can be pasted into HTML without closing a script.
        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
        Assert.Contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Hotspot_CrapAuthorsWhyMethods()
    {
        JsonElement hotspot = Render(Result()).GetProperty("hotspots")[0];

        Assert.Equal(
            """{"path":"src/\"Odd\" <Name>.cs","revisions":9,"churn":120,"complexity":14,"lineRate":0.5,"score":0.81,"critical":true,"crap":30"""
            + ""","mainAuthors":["Ann","<script>alert(1)</script>"],"why":"changed in 9 commits, complexity 14" """.TrimEnd()
            + ""","methods":[{"name":"Quote","line":10,"endLine":30,"complexity":12,"lineRate":0.5,"crap":30},"""
            + """{"name":"Small","line":40,"endLine":45,"complexity":2,"lineRate":null,"crap":null}]}""",
            Compact(hotspot));
    }

    [Fact]
    public void ConditionBaseline_OnlyWhereTheBaselineHasTheFigure()
    {
        JsonElement[] conditions = Render(Result()).GetProperty("conditions").EnumerateArray().ToArray();

        Assert.Equal(0.76, conditions[0].GetProperty("baseline").GetDouble());
        Assert.Equal(new[] { "id", "status", "actual", "threshold", "message", "baseline" }, conditions[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { "coverage.line" }, conditions.Where(c => c.TryGetProperty("baseline", out _)).Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(0.76, ResultJsonWriter.BaselineFigure(ConditionIds.CoverageLine, new Baseline { LineRate = 0.76 }));
        Assert.Equal(0.7, ResultJsonWriter.BaselineFigure(ConditionIds.CoverageBranch, new Baseline { BranchRate = 0.7 }));
        Assert.Null(ResultJsonWriter.BaselineFigure(ConditionIds.HotspotsNew, new Baseline { LineRate = 0.76 }));
        Assert.Null(ResultJsonWriter.BaselineFigure(ConditionIds.CoverageLine, null));
    }

    [Fact]
    public void HtmlReport_RelativeToTheResultFolder_OnlyWhenBothAreKnown()
    {
        string index = Path.Combine(Out, "coverage", "index.html");

        Assert.Equal("coverage/index.html", Render(Result(index), Out).GetProperty("coverage").GetProperty("htmlReport").GetString());
        Assert.Equal("../qg-out/coverage/index.html", Render(Result(index), Path.Combine(Path.GetTempPath(), "json")).GetProperty("coverage").GetProperty("htmlReport").GetString());
        Assert.False(Render(Result(index)).GetProperty("coverage").TryGetProperty("htmlReport", out _));
        Assert.False(Render(Result(null), Out).GetProperty("coverage").TryGetProperty("htmlReport", out _));
    }

    [Fact]
    public void TheReportReadsWhatTheEngineWrites()
    {
        string json = ResultJsonWriter.Write(Result(Path.Combine(Out, "coverage", "index.html")), Out);

        ReportModel model = ReportModelReader.Parse(Encoding.UTF8.GetBytes(json), "result.json");

        Assert.Equal(Now, model.GeneratedAt);
        Assert.Equal("head456", model.Repository!.Head);
        Assert.Equal("feature", model.Repository.Branch);
        Assert.Equal("coverage/index.html", model.Coverage!.HtmlReport);
        Assert.Equal(0.76, model.Conditions![0].Baseline);
        Assert.Equal(4, model.Reviews!.Monthly!.Count);
        Assert.Equal(0.5, model.Reviews.Monthly[1].ReviewCoverage);
        Assert.Equal("<script>alert(1)</script>", model.Reviews.Unreviewed![1].Author);
        Assert.Equal(new DateTimeOffset(2025, 3, 20, 9, 0, 0, TimeSpan.FromHours(1)), model.Reviews.Unreviewed[1].Date);
        HotspotEntry hotspot = Assert.Single(model.Hotspots!);
        Assert.Equal(30, hotspot.Crap);
        Assert.Equal(new[] { "Ann", "<script>alert(1)</script>" }, hotspot.MainAuthors);
        Assert.Equal(12, hotspot.Methods![0].Complexity);
        Assert.Equal(45, hotspot.Methods[1].EndLine);
    }
}
