using System.Text.Json.Nodes;
using QualityGates.Core.Reports;

namespace QualityGates.Core.Tests.Reports;

/// <summary>
/// The report in a real browser (headless Chromium): charts and tables are there, the script runs without console
/// errors, the drill-down works, hostile strings from git run nothing. Screenshots go to screenshots/ in the test
/// output folder.
/// </summary>
public sealed class ReportBrowserTests
{
    private static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private const string Census = """
        JSON.stringify({
          svg: document.querySelectorAll('svg').length,
          treemapRects: document.querySelectorAll('#treemap g.tm rect').length,
          charts: Array.prototype.map.call(document.querySelectorAll('svg.chart'), function (s) { return s.id; }).join(','),
          chartMarks: document.querySelectorAll('svg.chart rect, svg.chart polyline').length,
          tables: document.querySelectorAll('table').length,
          hotspotRows: document.querySelectorAll('#hotspot-table tbody tr').length,
          conditionRows: document.querySelectorAll('table.conditions tbody tr').length,
          unreviewedRows: document.querySelectorAll('#reviews-unreviewed tbody tr').length,
          scripts: document.scripts.length,
          images: document.images.length,
          errors: document.body.getAttribute('data-errors') || '',
          verdict: document.querySelector('header h1').textContent,
          treemapWidth: Math.round(document.getElementById('treemap').getBoundingClientRect().width)
        })
        """;

    [Fact]
    public async Task Example_ChartsTablesAndDrillDownWorkWithoutConsoleErrors()
    {
        using var files = new ReportTestFiles();
        Assert.Equal(0, ReportCommand.Run(ReportTestFiles.ResultPath, ReportTestFiles.HistoryPath, files.Directory, TextWriter.Null));
        await using var browser = await ChromiumSession.StartAsync();
        await browser.NavigateAsync(new Uri(files.PathOf("report.html")).AbsoluteUri);

        var census = JsonNode.Parse((string)(await browser.EvaluateAsync(Census))!)!;
        Assert.Equal(3, (int)census["svg"]!);
        Assert.Equal(6, (int)census["treemapRects"]!);
        Assert.Equal("reviews-chart,trend-chart", (string?)census["charts"]);
        Assert.True((int)census["chartMarks"]! > 9 + 6, census.ToJsonString());
        Assert.Equal(9, (int)census["tables"]!);
        Assert.Equal(6, (int)census["hotspotRows"]!);
        Assert.Equal(11, (int)census["conditionRows"]!);
        Assert.Equal(9, (int)census["unreviewedRows"]!);
        Assert.Equal(2, (int)census["scripts"]!);
        Assert.Equal(0, (int)census["images"]!);
        Assert.Equal("Quality gate failed", (string?)census["verdict"]);
        Assert.True((int)census["treemapWidth"]! > 500, census.ToJsonString());
        Assert.Equal(string.Empty, (string?)census["errors"]);

        // Click the largest treemap rectangle: its file's most complex methods appear, most complex first.
        var detail = await Click("#treemap g[data-i=\"0\"] rect", browser);
        Assert.Equal("src/Pricing/PremiumCalculator.cs", (string?)detail["title"]);
        Assert.Equal(4, (int)detail["rows"]!);
        Assert.Equal("PremiumCalculator.CalculatePremium(Policy, RateTable)|40–131|18|55.0 %|47.5", (string?)detail["first"]);
        Assert.Equal("4 method(s).", (string?)detail["note"]);

        // Click a table row.
        detail = await Click("#hotspot-table tr[data-i=\"2\"] td.path", browser);
        Assert.Equal("src/Claims/ClaimRouter.cs", (string?)detail["title"]);
        Assert.Equal("29 revisions · churn 910 · complexity 41 · coverage 35.0 % · CRAP 73", (string?)detail["facts"]);
        Assert.Equal("ClaimRouter.Route(Claim)|22–77|11|20.0 %|73", (string?)detail["first"]);

        // Sort by complexity (descending on the first click) and switch the colour to the score.
        await browser.EvaluateAsync("document.querySelectorAll('#hotspot-table th')[4].click()");
        Assert.Equal("src/Pricing/PremiumCalculator.cs,src/Underwriting/RiskRules.cs,src/Claims/ClaimRouter.cs,src/Policies/PolicyRenewal.cs,src/Api/QuoteController.cs,src/Shared/DateRanges.cs",
            (string?)await browser.EvaluateAsync("Array.prototype.map.call(document.querySelectorAll('#hotspot-table tbody td.path'), function (td) { return td.textContent; }).join(',')"));
        await browser.EvaluateAsync("document.querySelector('button[data-color=\"s\"]').click()");
        Assert.Equal("hsl(0,62%,46%)", (string?)await browser.EvaluateAsync("document.querySelector('#treemap g[data-i=\"0\"] rect').getAttribute('fill')"));

        Assert.Empty(browser.Errors);
        Assert.Empty(browser.Dialogs);
        await SaveScreenshot(browser, "report-example.png");
    }

    [Fact]
    public async Task HostileStrings_RunNoScriptAndShowAsText()
    {
        using var files = new ReportTestFiles();
        var result = files.Write("result.json", ReportEscapingTests.EvilResultJson());
        Assert.Equal(0, ReportCommand.Run(result, null, files.Directory, TextWriter.Null));
        await using var browser = await ChromiumSession.StartAsync();
        await browser.NavigateAsync(new Uri(files.PathOf("report.html")).AbsoluteUri);

        var census = JsonNode.Parse((string)(await browser.EvaluateAsync(Census))!)!;
        Assert.Equal(2, (int)census["scripts"]!);
        Assert.Equal(0, (int)census["images"]!);
        Assert.Equal(string.Empty, (string?)census["errors"]);
        Assert.Equal(ReportEscapingTests.EvilPath, (string?)await browser.EvaluateAsync("document.querySelector('#hotspot-table td.path').textContent"));
        Assert.Equal(ReportEscapingTests.EvilAuthor, (string?)await browser.EvaluateAsync("document.querySelector('#hotspot-table tbody tr').cells[9].textContent"));
        Assert.Equal(ReportEscapingTests.EvilSubject, (string?)await browser.EvaluateAsync("document.querySelector('#reviews-unreviewed tbody tr').cells[3].textContent"));
        Assert.Equal(ReportNotesTests.EvilNote, (string?)await browser.EvaluateAsync("document.querySelector('#notes-list li').textContent"));
        Assert.Equal(0, (int)(await browser.EvaluateAsync("document.querySelectorAll('[onerror], [onclick], [onload]').length"))!);

        var detail = await Click("#treemap g[data-i=\"0\"] rect", browser);
        Assert.Equal(ReportEscapingTests.EvilPath, (string?)detail["title"]);
        Assert.StartsWith(ReportEscapingTests.EvilMethod + "|", (string?)detail["first"], StringComparison.Ordinal);

        Assert.Empty(browser.Dialogs);
        Assert.Empty(browser.Errors);
        await SaveScreenshot(browser, "report-hostile.png");
    }

    [Fact]
    public async Task ErrorCapture_SeesConsoleErrorsAndExceptions()
    {
        // Proves the two tests above would notice an error: a page that logs one and throws one.
        using var files = new ReportTestFiles();
        var page = files.Write("broken.html", "<!DOCTYPE html><html><body><script>console.error('boom'); document.body.setAttribute('data-ready', '1'); setTimeout(function () { missingFunction(); }, 0);</script></body></html>");
        await using var browser = await ChromiumSession.StartAsync();
        await browser.NavigateAsync(new Uri(page).AbsoluteUri);
        for (var i = 0; i < 100 && browser.Errors.Count < 2; i++)
        {
            await Task.Delay(50);
        }

        Assert.Contains("console.error: boom", browser.Errors);
        Assert.Contains(browser.Errors, e => e.StartsWith("exception: ReferenceError: missingFunction is not defined", StringComparison.Ordinal));
    }

    private static async Task<JsonNode> Click(string selector, ChromiumSession browser)
    {
        await browser.EvaluateAsync($"document.querySelector('{selector}').dispatchEvent(new MouseEvent('click', {{ bubbles: true }}))");
        var json = (string)(await browser.EvaluateAsync("""
            JSON.stringify({
              hidden: document.getElementById('detail').hidden,
              title: document.getElementById('detail-title').textContent,
              facts: document.getElementById('detail-facts').textContent,
              note: document.getElementById('detail-note').textContent,
              rows: document.querySelectorAll('#detail-methods tbody tr').length,
              first: Array.prototype.map.call(document.querySelectorAll('#detail-methods tbody tr:first-child td'), function (td) { return td.textContent; }).join('|')
            })
            """))!;
        var detail = JsonNode.Parse(json)!;
        Assert.False((bool)detail["hidden"]!);
        return detail;
    }

    private static async Task SaveScreenshot(ChromiumSession browser, string name)
    {
        var png = await browser.ScreenshotAsync();
        Assert.True(png.Length > 10_000, $"screenshot of {png.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Directory.CreateDirectory(ScreenshotDirectory);
        await File.WriteAllBytesAsync(Path.Combine(ScreenshotDirectory, name), png);
    }
}
