using System.Text.RegularExpressions;
using QualityGates.Core.Reports;

namespace QualityGates.Core.Tests.Reports;

/// <summary>The result's notes (what the engine left out and why) reach the tech lead's report, escaped and capped.</summary>
public sealed class ReportNotesTests
{
    internal const string LeftOutNote = "3 source file(s) outside the repository were left out of coverage (QGB0108).";

    /// <summary>Notes quote paths and patterns from coverage files and the command line: attacker-controlled.</summary>
    internal const string EvilNote = "No coverage file matched '<script>alert(2)</script>|*x* _y_ `z` [a](javascript:alert(1)) $m$ # @org/team'\nnext line";

    private static ReportView View(params string[] notes) =>
        new(new ReportModel { SchemaVersion = 1, Passed = true, Conditions = new List<ConditionResult>(), Notes = notes.ToList() }, null, null);

    [Fact]
    public void Html_NotesAreShownEscaped()
    {
        var html = HtmlReportWriter.Render(View(LeftOutNote, EvilNote));

        Assert.Contains("<a href=\"#notes\">Notes</a>", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"notes\">\n<h2>Notes</h2>\n<ul id=\"notes-list\">\n<li>" + LeftOutNote + "</li>\n", html, StringComparison.Ordinal);
        Assert.Contains("<li>No coverage file matched &#39;&lt;script&gt;alert(2)&lt;/script&gt;|*x* _y_ `z` [a](javascript:alert(1)) $m$ # @org/team&#39;\nnext line</li>", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "<script", RegexOptions.IgnoreCase));
        // Shown after the verdict and the conditions, before the details.
        Assert.True(html.IndexOf("id=\"gate\"", StringComparison.Ordinal) < html.IndexOf("id=\"notes\"", StringComparison.Ordinal));
        Assert.True(html.IndexOf("id=\"notes\"", StringComparison.Ordinal) < html.IndexOf("id=\"hotspots\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_NotesAreListedEscaped()
    {
        var md = MarkdownReportWriter.Render(View(LeftOutNote, EvilNote));

        Assert.Contains(
            "### Notes\n\n- 3 source file(s) outside the repository were left out of coverage (QGB0108).\n"
            + "- No coverage file matched '\\<script\\>alert(2)\\</script\\>\\|\\*x\\* \\_y\\_ \\`z\\` \\[a\\](javascript:alert(1)) \\$m\\$ \\# @&#8203;org/team' next line\n\n",
            md, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)<", md);
    }

    [Fact]
    public void NoNotes_NoSection()
    {
        foreach (var view in new[] { View(), ReportTestFiles.ExampleView() })
        {
            var html = HtmlReportWriter.Render(view);
            Assert.DoesNotContain("id=\"notes\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("#notes", html, StringComparison.Ordinal);
            Assert.DoesNotContain("### Notes", MarkdownReportWriter.Render(view), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ManyAndLongNotes_AreCapped()
    {
        var notes = Enumerable.Range(0, 60).Select(i => $"note {i:D2}").Prepend(new string('N', 5000)).ToArray();

        var html = HtmlReportWriter.Render(View(notes));
        Assert.Equal(ReportLimits.Notes, Regex.Count(html, "<li>"));
        Assert.Contains("<li>" + new string('N', ReportLimits.NoteChars) + "…</li>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"note\">11 more notes are in the result JSON.</p>", html, StringComparison.Ordinal);

        var md = MarkdownReportWriter.Render(View(notes));
        Assert.Contains("- " + new string('N', ReportLimits.MarkdownTextChars) + "…\n", md, StringComparison.Ordinal);
        Assert.Contains("- note 08\n- 51 more notes are in the result JSON.\n", md, StringComparison.Ordinal);
        Assert.DoesNotContain("note 09", md, StringComparison.Ordinal);
    }

    [Fact]
    public void ResultNotes_AreRead_AndANullNoteIsRefused()
    {
        var model = ReportModelReader.Parse("""{"schemaVersion":1,"notes":["a","b"]}"""u8, "notes.json");
        Assert.Equal(new[] { "a", "b" }, model.Notes);

        var e = Assert.Throws<ReportInputException>(() => ReportModelReader.Parse("""{"schemaVersion":1,"notes":["a",null]}"""u8, "notes.json"));
        Assert.Equal(ReportCodes.ResultInvalidJson, e.Code);
        Assert.Contains("$.notes[1]", e.Message, StringComparison.Ordinal);
    }
}
