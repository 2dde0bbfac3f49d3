using System.Text.RegularExpressions;
using QualityGates.Core.Reports;

namespace QualityGates.Core.Tests.Reports;

public sealed class HtmlReportWriterTests
{
    private static readonly string Html = HtmlReportWriter.Render(ReportTestFiles.ExampleView());

    [Fact]
    public void Example_IsSelfContainedWithContentSecurityPolicy()
    {
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", Html, StringComparison.Ordinal);
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">", Html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", Html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", Html, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", Html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(Html, "<script"));
        Assert.Contains("<title>Quality gate failed · main</title>", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Example_VerdictAtTheTop()
    {
        var header = Html[Html.IndexOf("<header", StringComparison.Ordinal)..(Html.IndexOf("</header>", StringComparison.Ordinal) + 9)];
        Assert.Equal(
            "<header class=\"verdict failed\">\n<h1>Quality gate failed</h1>\n<p>branch <b>main</b> · commit <code title=\"3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345\">3f9c2a1b</code> · generated 2026-11-02 08:15 UTC · 3 failed, 1 warning(s), 5 passed of 11 conditions</p>\n</header>",
            header);
        Assert.True(Html.IndexOf("<header", StringComparison.Ordinal) < Html.IndexOf("id=\"hotspots\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Example_ConditionsWithActualThresholdBaselineAndTrend()
    {
        Assert.Contains(
            "<tr class=\"passed\"><td><code>coverage.line</code></td><td><span class=\"badge passed\">passed</span></td><td class=\"n\">82.4 %</td><td class=\"n\">80.0 %</td><td class=\"n\">81.9 %</td><td class=\"n better\">▲ +0.5 pt</td><td>Line coverage is 82.4 %, at least 80 % required.</td></tr>",
            Html, StringComparison.Ordinal);
        Assert.Contains(
            "<tr class=\"passed\"><td><code>coverage.branch</code></td><td><span class=\"badge passed\">passed</span></td><td class=\"n\">71.3 %</td><td class=\"n\">70.0 %</td><td class=\"n\">72.0 %</td><td class=\"n worse\">▼ −0.7 pt</td>",
            Html, StringComparison.Ordinal);
        // Growth of a hotspot going up is worse, not better.
        Assert.Contains(
            "<tr class=\"failed\"><td><code>hotspots.growth</code></td><td><span class=\"badge failed\">failed</span></td><td class=\"n\">14.2 %</td><td class=\"n\">10.0 %</td><td class=\"n\">0.0 %</td><td class=\"n worse\">▲ +14.2 pt</td><td>PremiumCalculator.cs grew 14.2 % in complexity since the baseline (more than 10 %). <span class=\"where\">src/Pricing/PremiumCalculator.cs</span></td></tr>",
            Html, StringComparison.Ordinal);
        Assert.Contains(
            "<td class=\"n\">22</td><td class=\"n\">15</td><td class=\"n\">n/a</td><td class=\"n same\">n/a</td><td>RiskRules.Evaluate has cyclomatic complexity 22 (more than 15). <span class=\"where\">src/Underwriting/RiskRules.cs:118</span></td>",
            Html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge nodata\">no data</span>", Html, StringComparison.Ordinal);
        Assert.Equal(11, Regex.Count(Html, "<tr class=\"(passed|warning|failed|skipped|nodata)\">"));
    }

    [Fact]
    public void Example_TreemapHasOneRectanglePerHotspotFillingTheCanvas()
    {
        var rects = Regex.Matches(Html, "<g class=\"tm\" data-i=\"(\\d)\"><rect x=\"([\\d.]+)\" y=\"([\\d.]+)\" width=\"([\\d.]+)\" height=\"([\\d.]+)\" fill=\"([^\"]+)\" data-fc=\"([^\"]+)\" data-fs=\"([^\"]+)\"");
        Assert.Equal(6, rects.Count);
        var area = rects.Sum(m => double.Parse(m.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture) * double.Parse(m.Groups[5].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(area, 960 * 420 * 0.99, 960 * 420 * 1.01);

        // Coverage colour: 61 % -> hue 73; no coverage -> grey. Score colour: top score is red (hue 0).
        var first = rects.Single(m => m.Groups[1].Value == "0");
        Assert.Equal("hsl(73,62%,46%)", first.Groups[6].Value);
        Assert.Equal("hsl(0,62%,46%)", first.Groups[8].Value);
        Assert.Equal("#bdbdbd", rects.Single(m => m.Groups[1].Value == "3").Groups[7].Value);
        Assert.Contains("<title>src/Pricing/PremiumCalculator.cs — complexity 96, revisions 48, coverage 61.0 %, score 0.94</title>", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Example_RankedTableRows()
    {
        Assert.Contains(
            "<tr data-i=\"0\" tabindex=\"0\"><td class=\"n\" data-v=\"1\">1</td><td class=\"path\">src/Pricing/PremiumCalculator.cs</td><td class=\"n\" data-v=\"48\">48</td><td class=\"n\" data-v=\"2310\">2310</td><td class=\"n\" data-v=\"96\">96</td><td class=\"n\" data-v=\"0.61\">61.0 %</td><td class=\"n\" data-v=\"56.336\">56.3</td><td class=\"n\" data-v=\"0.94\">0.94</td><td><span class=\"flag\">yes</span></td><td>Dana Whitfield, Omar Haddad</td><td>Changed in 48 commits in 12 months, the most complex pricing file, 39 % of its lines untested.</td></tr>",
            Html, StringComparison.Ordinal);
        Assert.Contains(
            "<tr data-i=\"3\" tabindex=\"0\"><td class=\"n\" data-v=\"4\">4</td><td class=\"path\">src/Policies/PolicyRenewal.cs</td><td class=\"n\" data-v=\"22\">22</td><td class=\"n\" data-v=\"640\">640</td><td class=\"n\" data-v=\"38\">38</td><td class=\"n\" data-v=\"-1\">n/a</td><td class=\"n\" data-v=\"-1\">n/a</td><td class=\"n\" data-v=\"0.45\">0.45</td><td></td><td>Priya Natarajan</td>",
            Html, StringComparison.Ordinal);
        // Ranked by score: DateRanges (0.21) before QuoteController (0.18) although the JSON lists it last.
        Assert.True(Html.IndexOf("src/Shared/DateRanges.cs</td>", StringComparison.Ordinal) < Html.IndexOf("src/Api/QuoteController.cs</td>", StringComparison.Ordinal));
    }

    [Fact]
    public void Example_DrillDownDataHasTopMethodsMostComplexFirst()
    {
        var data = HtmlReportWriter.DataJson(ReportTestFiles.ExampleView());
        Assert.StartsWith(
            "{\"files\":[{\"p\":\"src/Pricing/PremiumCalculator.cs\",\"f\":\"48 revisions \\u00B7 churn 2310 \\u00B7 complexity 96 \\u00B7 coverage 61.0 % \\u00B7 CRAP 56.3 \\u00B7 pricing/underwriting code\",\"n\":4,\"m\":[[\"PremiumCalculator.CalculatePremium(Policy, RateTable)\",\"40\\u2013131\",\"18\",\"55.0 %\",\"47.5\"]",
            data, StringComparison.Ordinal);
        Assert.Contains("[\"PremiumCalculator.LoadingForAge(int)\",\"210\\u2013260\",\"14\",\"40.0 %\",\"56.3\"]", data, StringComparison.Ordinal);
        Assert.Contains("{\"p\":\"src/Policies/PolicyRenewal.cs\",\"f\":\"22 revisions \\u00B7 churn 640 \\u00B7 complexity 38 \\u00B7 coverage n/a \\u00B7 CRAP n/a\",\"n\":0,\"m\":[]}", data, StringComparison.Ordinal);
        Assert.Equal(6, Regex.Count(data, "\\{\"p\":"));
    }

    [Fact]
    public void Example_ReviewsMonthlyEvidenceAndUnreviewed()
    {
        Assert.Contains("<svg class=\"chart\" id=\"reviews-chart\"", Html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2026-09</td><td class=\"n\">52</td><td class=\"n\">47</td><td class=\"n\">44</td><td class=\"n\">93.6 %</td><td class=\"n\">97.7 %</td><td class=\"n\">68.4 %</td></tr>", Html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>Review coverage</th><td class=\"n\">93.0 %</td></tr>", Html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>First-pass rate</th><td class=\"n\">71.2 %</td></tr>", Html, StringComparison.Ordinal);
        Assert.Contains("<tbody>\n<tr><td>prMerge</td><td class=\"n\">88</td></tr>\n<tr><td>squashMarker</td><td class=\"n\">25</td></tr>\n<tr><td>reviewTrailer</td><td class=\"n\">4</td></tr>\n<tr><td>reviewLink</td><td class=\"n\">2</td></tr>\n</tbody>", Html, StringComparison.Ordinal);
        Assert.Contains("<tr><td><code title=\"a1b2c3d4e5f60718293a4b5c6d7e8f9012345678\">a1b2c3d4</code></td><td>2026-10-29</td><td>Dana Whitfield</td><td>Hotfix: premium rounding for NL</td></tr>", Html, StringComparison.Ordinal);
        var unreviewed = Html[Html.IndexOf("id=\"reviews-unreviewed\"", StringComparison.Ordinal)..];
        Assert.Equal(9, Regex.Count(unreviewed[..unreviewed.IndexOf("</table>", StringComparison.Ordinal)], "<tr><td><code"));
    }

    [Fact]
    public void Example_TrendChartFromHistoryPlusThisRun()
    {
        Assert.Contains("<svg class=\"chart\" id=\"trend-chart\"", Html, StringComparison.Ordinal);
        // 4 readable history records + this run; the corrupt line is reported.
        Assert.Contains("<p class=\"note\">5 run(s) shown, oldest first; the marks under the axis are the gate's verdicts. 1 unreadable line(s) of the history were skipped.</p>", Html, StringComparison.Ordinal);
        Assert.Equal(5, Regex.Count(Html, "<rect class=\"run\""));
        Assert.Contains("<tr><td>2026-11-02</td><td><code>3f9c2a1b</code></td><td>failed</td><td class=\"n\">82.4 %</td><td class=\"n\">71.3 %</td><td class=\"n\">62.5 %</td><td class=\"n\">93.0 %</td><td class=\"n\">97.5 %</td><td class=\"n\">6</td></tr>", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Example_CoverageFiguresAndLinkToReportGenerator()
    {
        Assert.Contains("<tr><th>New code lines covered</th><td class=\"n\">50 of 80</td></tr>", Html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>Files</th><td class=\"n\">42</td></tr>", Html, StringComparison.Ordinal);
        Assert.Contains("<p><a id=\"coverage-link\" href=\"coverage-html/index.html\">Line-by-line coverage (ReportGenerator)</a></p>", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyResult_RendersEveryEmptyStateWithoutCrashing()
    {
        var model = ReportModelReader.Parse("{\"schemaVersion\":1}"u8, "empty.json");
        var html = HtmlReportWriter.Render(new ReportView(model, null, null));
        Assert.Contains("<h1>Quality gate not evaluated</h1>", html, StringComparison.Ordinal);
        Assert.Contains("The result has no conditions.", html, StringComparison.Ordinal);
        Assert.Contains("No hotspots: no file changed often enough in the window to rank.", html, StringComparison.Ordinal);
        Assert.Contains("No trend history yet", html, StringComparison.Ordinal);
        Assert.Contains("{\"files\":[]}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("coverage-link", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyHotspots_TableAndTreemapAreCappedWithANote()
    {
        var model = new ReportModel
        {
            SchemaVersion = 1,
            Hotspots = Enumerable.Range(0, 1200).Select(i => new HotspotEntry { Path = $"src/F{i:D4}.cs", Complexity = 10 + (i % 50), Score = 1 - (i / 2000.0), Revisions = 5 }).ToList(),
        };
        var view = new ReportView(model, null, null);
        var html = HtmlReportWriter.Render(view);
        Assert.Contains("The map shows the top 200 and the table the top 500 of 1200 files by score.", html, StringComparison.Ordinal);
        Assert.Equal(ReportLimits.TreemapFiles, Regex.Count(html, "<g class=\"tm\""));
        Assert.Equal(ReportLimits.TableRows, Regex.Count(html, "<tr data-i="));
        Assert.Contains("700 more files are in the result JSON.", html, StringComparison.Ordinal);
        Assert.Equal(ReportLimits.TableRows, Regex.Count(HtmlReportWriter.DataJson(view), "\\{\"p\":"));
    }
}
