using QualityGates.Core.Reports;

namespace QualityGates.Core.Tests.Reports;

public sealed class MarkdownReportWriterTests
{
    [Fact]
    public void Example_MatchesTheReviewedMarkdown()
    {
        var expected = File.ReadAllText(Path.Combine(ReportTestFiles.AssetDirectory, "expected.md")).ReplaceLineEndings("\n");
        Assert.Equal(expected, MarkdownReportWriter.Render(ReportTestFiles.ExampleView()));
    }

    [Fact]
    public void ManyUnreviewedAndHotspots_AreCappedForAPullRequestComment()
    {
        var model = new ReportModel
        {
            SchemaVersion = 1,
            Passed = true,
            Hotspots = Enumerable.Range(0, 40).Select(i => new HotspotEntry { Path = $"src/F{i:D2}.cs", Score = 1 - (i / 100.0) }).ToList(),
            Reviews = new ReviewSummary
            {
                Unreviewed = Enumerable.Range(0, 30)
                    .Select(i => new UnreviewedLanding { Sha = $"{i:D2}aaaaaaaaaa", Subject = $"change {i}", Author = "A", Date = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i) })
                    .ToList(),
            },
        };
        var md = MarkdownReportWriter.Render(new ReportView(model, null, null));
        Assert.StartsWith("## ✅ Quality gate passed\n\n", md, StringComparison.Ordinal);
        Assert.Contains("### Hotspots (top 10 of 40)\n", md, StringComparison.Ordinal);
        Assert.Contains("| 10 | src/F09.cs |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("src/F10.cs", md, StringComparison.Ordinal);
        Assert.Contains("**Unreviewed landings** (the 20 most recent of 30):\n\n- `29aaaaaa` 2026-10-30 A: change 29\n", md, StringComparison.Ordinal);
        Assert.DoesNotContain("change 9\n", md, StringComparison.Ordinal);
    }
}
