using System.Text.RegularExpressions;
using QualityGates.Core.Reports;

namespace QualityGates.Core.Tests.Reports;

/// <summary>Strings from git and coverage files are attacker-controlled: none may become markup or script.</summary>
public sealed class ReportEscapingTests
{
    internal const string EvilAuthor = "<script>alert(1)</script>";
    internal const string EvilPath = "src/\"Odd\" <Name>.cs";
    internal const string EvilSubject = "</script><img src=x onerror=alert(1)>";
    internal const string EvilMethod = "M<T>() | *bold* _x_ `code` [link](javascript:alert(1))\nnext";

    /// <summary>A result as the engine would write it for a repository with a hostile author, file and commit.</summary>
    internal static string EvilResultJson() => $$"""
        {
          "schemaVersion": 1,
          "generatedAt": "2026-11-02T08:15:00Z",
          "repository": { "head": "{{Js(EvilSubject)}}", "branch": "{{Js(EvilAuthor)}}" },
          "passed": false,
          "conditions": [
            { "id": "{{Js(EvilAuthor)}}", "status": "{{Js(EvilSubject)}}", "actual": 1, "threshold": 0, "message": "{{Js(EvilSubject)}}", "file": "{{Js(EvilPath)}}", "line": 3 }
          ],
          "coverage": { "lineRate": 0.5, "htmlReport": "javascript:alert(1)" },
          "reviews": {
            "landings": 1, "humanLandings": 1, "reviewed": 0,
            "evidence": { "{{Js(EvilAuthor)}}": 1 },
            "monthly": [ { "month": "{{Js(EvilSubject)}}", "landings": 1 } ],
            "unreviewed": [ { "sha": "{{Js(EvilSubject)}}", "subject": "{{Js(EvilSubject)}}", "author": "{{Js(EvilAuthor)}}", "date": "2026-10-01T00:00:00Z" } ]
          },
          "hotspots": [
            {
              "path": "{{Js(EvilPath)}}", "revisions": 9, "churn": 90, "complexity": 30, "lineRate": 0.1, "score": 0.9, "critical": true,
              "mainAuthors": [ "{{Js(EvilAuthor)}}" ], "why": "{{Js(EvilSubject)}}",
              "methods": [ { "name": "{{Js(EvilMethod)}}", "line": 1, "endLine": 2, "complexity": 30, "lineRate": 0.1, "crap": 700 } ]
            }
          ],
          "notes": [ "{{Js(ReportNotesTests.EvilNote)}}" ]
        }
        """;

    private static string Js(string s) => System.Text.Json.JsonEncodedText.Encode(s).ToString();

    private static ReportView EvilView()
    {
        var model = ReportModelReader.Parse(System.Text.Encoding.UTF8.GetBytes(EvilResultJson()), "evil.json");
        var history = new TrendHistoryContent(new[] { new TrendRecord { Date = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), Commit = EvilSubject, Passed = true } }, 0, false);
        return new ReportView(model, history, ReportCommand.CoverageLink(model.Coverage?.HtmlReport, "/tmp", "/tmp"));
    }

    [Fact]
    public void Html_HostileStringsNeverBecomeMarkupOrScript()
    {
        var html = HtmlReportWriter.Render(EvilView());

        // Only our own two script elements, no image, no event handler attribute from the data.
        Assert.Equal(2, Regex.Count(html, "<script", RegexOptions.IgnoreCase));
        Assert.Single(Regex.Matches(html, "<script type=\"application/json\" id=\"qg-data\">"));
        Assert.Equal(2, Regex.Count(html, "</script>", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<Name>", html, StringComparison.Ordinal);
        // The refused coverage link leaves only in-page links.
        Assert.All(Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value), href => Assert.StartsWith("#", href, StringComparison.Ordinal));
        Assert.DoesNotContain("\"Odd\"", html, StringComparison.Ordinal);

        // The strings are there, escaped, where a person reads them.
        Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"path\">src/&quot;Odd&quot; &lt;Name&gt;.cs</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<title>src/&quot;Odd&quot; &lt;Name&gt;.cs — complexity 30", html, StringComparison.Ordinal);
        Assert.Contains("<title>Quality gate failed · &lt;script&gt;alert(1)&lt;/script&gt;</title>", html, StringComparison.Ordinal);
        // An unknown status never reaches a class attribute.
        Assert.Contains("<tr class=\"unknown\"><td><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></td><td><span class=\"badge unknown\">&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</span></td>", html, StringComparison.Ordinal);

        // The data block for the script: JSON with every < > & escaped, so it cannot close the element.
        var start = html.IndexOf("id=\"qg-data\">", StringComparison.Ordinal) + 13;
        var data = html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
        Assert.DoesNotContain("<", data, StringComparison.Ordinal);
        Assert.DoesNotContain(">", data, StringComparison.Ordinal);
        Assert.DoesNotContain("&", data, StringComparison.Ordinal);
        Assert.Contains("\"p\":\"src/\\u0022Odd\\u0022 \\u003CName\\u003E.cs\"", data, StringComparison.Ordinal);
        using var doc = System.Text.Json.JsonDocument.Parse(data);
        Assert.Equal(EvilPath, doc.RootElement.GetProperty("files")[0].GetProperty("p").GetString());
        Assert.Equal(EvilMethod, doc.RootElement.GetProperty("files")[0].GetProperty("m")[0][0].GetString());
    }

    [Fact]
    public void ScriptSafe_EscapesWhatAnotherEncoderWouldLeave()
    {
        Assert.Equal("\"\\u003C/script\\u003E\\u0026\\u2028\\u2029\"", HtmlReportWriter.ScriptSafe("\"</script>&\u2028\u2029\""));
    }

    [Fact]
    public void Markdown_HostileStringsAreEscapedInCellsAndLists()
    {
        var md = MarkdownReportWriter.Render(EvilView());
        // Every '<' is escaped, but for the fold-out of methods that the writer adds itself.
        var withoutOwnTags = Regex.Replace(md, "</?(details|summary)>", string.Empty);
        Assert.DoesNotMatch(@"(?<!\\)<", withoutOwnTags);
        Assert.DoesNotMatch(@"(?<!\\)\]\(javascript", md);
        Assert.Contains("| src/\"Odd\" \\<Name\\>.cs | 9 | 90 | 30 | 10.0 % | 700 | 0.90 | yes | \\<script\\>alert(1)\\</script\\> | \\</script\\>\\<img src=x onerror=alert(1)\\> |", md, StringComparison.Ordinal);
        Assert.Contains("| M\\<T\\>() \\| \\*bold\\* \\_x\\_ \\`code\\` \\[link\\](javascript:alert(1)) next | 1–2 | 30 | 10.0 % | 700 |", md, StringComparison.Ordinal);
        // A non-hex "sha" is not put in a code span (it could close it): it is escaped text.
        Assert.Contains("- \\</script 2026-10-01 \\<script\\>alert(1)\\</script\\>: \\</script\\>\\<img src=x onerror=alert(1)\\>\n", md, StringComparison.Ordinal);
        Assert.Contains("Branch **\\<script\\>alert(1)\\</script\\>**", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Line-by-line coverage", md, StringComparison.Ordinal);
        foreach (var line in md.Split('\n').Where(l => l.StartsWith('|')))
        {
            // Every table row keeps its column count: no unescaped pipe from the data.
            var cells = Regex.Count(line, @"(?<!\\)\|");
            Assert.True(cells >= 3, line);
        }
    }

    [Theory]
    [InlineData('\u202A')]
    [InlineData('\u202B')]
    [InlineData('\u202C')]
    [InlineData('\u202D')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2067')]
    [InlineData('\u2068')]
    [InlineData('\u2069')]
    [InlineData('\u200E')]
    [InlineData('\u200F')]
    [InlineData('\u061C')]
    public void BidiControls_AreReplaced_SoAPathCannotBeShownReversed(char bidi)
    {
        // "src/\u202Egnp.cs" would read "src/sc.png" and flip the rest of a raw Markdown line.
        var text = "src/" + bidi + "gnp.cs";
        Assert.Equal("src/\uFFFDgnp.cs", ReportText.Html(text));
        Assert.Equal("src/\uFFFDgnp.cs", ReportText.Markdown(text));
    }

    [Fact]
    public void DrillDownData_HasNoBidiControls()
    {
        var model = ReportModelReader.Parse(System.Text.Encoding.UTF8.GetBytes("""
            {"schemaVersion":1,"passed":true,"conditions":[],"hotspots":[{"path":"src/\u202Egnp.cs","score":1,"methods":[{"name":"M\u2066x","complexity":2}]}]}
            """), "bidi.json");
        var json = HtmlReportWriter.DataJson(new ReportView(model, null, null));
        Assert.Contains("src/\\uFFFDgnp.cs", json, StringComparison.Ordinal);
        Assert.Contains("M\\uFFFDx", json, StringComparison.Ordinal);
        Assert.DoesNotContain("202E", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("2066", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_VeryLongText_IsCut_SoTheReportFitsAPullRequestComment()
    {
        Assert.Equal(new string('A', ReportLimits.MarkdownTextChars) + "…", ReportText.Markdown(new string('A', 100_000)));
        // Never half a surrogate pair at the cut.
        var emoji = new string('A', ReportLimits.MarkdownTextChars - 1) + "😀tail";
        Assert.Equal(new string('A', ReportLimits.MarkdownTextChars - 1) + "…", ReportText.Markdown(emoji));

        var subject = new string('S', 100_000);
        var model = ReportModelReader.Parse(System.Text.Encoding.UTF8.GetBytes($$$"""
            {"schemaVersion":1,"passed":false,"conditions":[],"reviews":{"unreviewed":[{"sha":"0123456789abcdef","subject":"{{{subject}}}","author":"{{{new string('N', 5000)}}}","date":"2026-10-01T00:00:00Z"}]}}
            """), "long.json");
        var md = MarkdownReportWriter.Render(new ReportView(model, null, null));
        Assert.True(md.Length < 4_000, md.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Markdown_DollarSigns_AreEscaped_SoNoMathIsRendered()
    {
        // GitHub renders $...$ as math (\huge, \color): an author could restyle a PR comment.
        Assert.Equal("\\$\\\\huge{APPROVED}\\$", ReportText.Markdown("$\\huge{APPROVED}$"));
    }

    [Theory]
    [InlineData("cc @contoso/underwriting please", "cc @&#8203;contoso/underwriting please")]
    [InlineData("@alice fixed it", "@&#8203;alice fixed it")]
    [InlineData("(@bob)", "(@&#8203;bob)")]
    [InlineData("alice@contoso.example", "alice@contoso.example")]
    public void Markdown_Mentions_AreBroken_SoAPullRequestCommentNotifiesNobody(string text, string expected)
    {
        Assert.Equal(expected, ReportText.Markdown(text));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://evil.example/x.html")]
    [InlineData("/etc/passwd")]
    [InlineData("\\\\server\\share\\index.html")]
    [InlineData("C:\\coverage\\index.html")]
    [InlineData("cov\nerage/index.html")]
    public void CoverageLink_OnlyRelativePathsAreLinked(string htmlReport)
    {
        var log = new StringWriter();
        Assert.Null(ReportCommand.CoverageLink(htmlReport, "/tmp/a", "/tmp/a", log));
        Assert.StartsWith("warning QGB0606: coverage.htmlReport '", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CoverageLink_IsRelativeToTheReportAndPercentEncoded()
    {
        Assert.Equal("../results/coverage%20html/index%22%3C%3E.html", ReportCommand.CoverageLink("coverage html/index\"<>.html", "/tmp/q/results", "/tmp/q/report"));
        Assert.Equal("coverage/index.html", ReportCommand.CoverageLink("coverage\\index.html", "/tmp/q", "/tmp/q"));
    }
}
