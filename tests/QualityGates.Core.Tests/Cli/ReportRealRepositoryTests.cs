using System.Text.Json;
using System.Text.RegularExpressions;
using QualityGates.Cli;
using QualityGates.Core.Tests.History;

namespace QualityGates.Core.Tests.Cli;

/// <summary>
/// The issue's escaping check on a real repository: an author named &lt;script&gt;alert(1)&lt;/script&gt; (git and
/// libgit2 read it back without the outer brackets, so a second author carries the whole tag inside the name), a file
/// named with quotes and angle brackets and a hostile subject go through git, the real engine and
/// <c>qualitygate report</c>, and come out as text.
/// </summary>
public sealed class ReportRealRepositoryTests : IDisposable
{
    private const string Hostile = "<script>alert(1)</script>";

    // git and libgit2 trim '<' and '>' at both ends of a name: an author written as Hostile reads back as this.
    private const string HostileAsRead = "script>alert(1)</script";
    private const string HostileInside = "Eve " + Hostile + " Smith";
    private const string HostileSubject = "</script><img src=x onerror=alert(1)>";
    private const string OddFile = "src/\"Odd\" <Name>.cs";
    private static readonly DateTimeOffset Now = new(2024, 4, 10, 0, 0, 0, TimeSpan.Zero);
    private readonly GitRepo repo = new();
    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();

    public void Dispose()
    {
        repo.Dispose();
        stdout.Dispose();
        stderr.Dispose();
    }

    private static string Source(int branches) =>
        "namespace Odd;\n\npublic static class Name\n{\n    public static int Quote(int x)\n    {\n"
        + string.Concat(Enumerable.Range(1, branches).Select(i => $"        if (x == {i}) {{ return {i}; }}\n"))
        + "        return 0;\n    }\n}\n";

    /// <summary>git and libgit2 refuse '&lt;' in a name, so the commit object is written as raw bytes, as a hostile push would.</summary>
    private void CommitAs(string author, string subject, string content)
    {
        repo.Commit(subject, files: (OddFile, content));
        string raw = repo.Git("cat-file", "commit", "HEAD");
        string forged = Regex.Replace(raw, "^(author|committer) Ann Author <ann@example.com>", "$1 " + author + " <evil@example.com>", RegexOptions.Multiline);
        Assert.NotEqual(raw, forged);
        string file = Path.Combine(Path.GetTempPath(), "qg-forged-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(file, forged);
            string sha = repo.Git("hash-object", "-t", "commit", "-w", "--literally", file).Trim();
            repo.Git("update-ref", "refs/heads/main", sha);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void HostileNamesFromGit_AreTextInTheHtmlAndTheMarkdown()
    {
        repo.Commit("Configure the gate", files: ("qualitygate.json", """{ "hotspots": { "minRevisions": 1 } }"""));
        repo.Commit("Add the quote", files: (OddFile, Source(1)));
        CommitAs(Hostile, HostileSubject, Source(3));
        CommitAs(HostileInside, "Refactor", Source(3) + "// more\n");
        repo.Commit("Even more", files: (OddFile, Source(4)));

        int exit = CommandLine.Run(new[] { "report", "--repo", repo.Root }, new CliContext(stdout, stderr, EngineFactory.Create, Now, repo.Root, false));

        Assert.Equal(string.Empty, stderr.ToString());
        Assert.Equal(0, exit);
        string folder = Path.Combine(repo.Root, "artifacts", "qualitygate");

        // The figures came through from git: the hostile author and subject are really in the result.
        using (JsonDocument result = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "qualitygate-result.json"))))
        {
            JsonElement hotspot = Assert.Single(result.RootElement.GetProperty("hotspots").EnumerateArray().ToArray());
            Assert.Equal(OddFile, hotspot.GetProperty("path").GetString());
            Assert.Equal(new[] { "Ann Author", HostileInside, HostileAsRead }, hotspot.GetProperty("mainAuthors").EnumerateArray().Select(a => a.GetString()).Order(StringComparer.Ordinal));
            Assert.Equal(5, hotspot.GetProperty("complexity").GetInt32());
            JsonElement[] unreviewed = result.RootElement.GetProperty("reviews").GetProperty("unreviewed").EnumerateArray().ToArray();
            Assert.Equal(new[] { "Even more", "Refactor", HostileSubject, "Add the quote", "Configure the gate" }, unreviewed.Select(u => u.GetProperty("subject").GetString()));
            Assert.Equal(HostileInside, unreviewed[1].GetProperty("author").GetString());
            Assert.Equal(HostileAsRead, unreviewed[2].GetProperty("author").GetString());
            Assert.Equal("main", result.RootElement.GetProperty("repository").GetProperty("branch").GetString());
        }

        string html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.DoesNotContain(Hostile, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Name>", html, StringComparison.Ordinal);
        Assert.Contains("Eve &lt;script&gt;alert(1)&lt;/script&gt; Smith", html, StringComparison.Ordinal);
        Assert.Contains("script&gt;alert(1)&lt;/script", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("src/&quot;Odd&quot; &lt;Name&gt;.cs", html, StringComparison.Ordinal);
        // Only the report's own two script elements: the data block and the inline script.
        Assert.Equal(2, Regex.Count(html, "<script", RegexOptions.IgnoreCase));
        Assert.Equal(2, Regex.Count(html, "</script", RegexOptions.IgnoreCase));

        string markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        // Markdown escapes with backslashes (docs/report.md): "\<" is a literal '<', never the start of an HTML tag.
        Assert.DoesNotMatch(@"(?<!\\)<(script|/script|img|Name)", markdown);
        Assert.Contains("Eve \\<script\\>alert(1)\\</script\\> Smith", markdown, StringComparison.Ordinal);
        Assert.Contains("\\</script\\>\\<img src=x onerror=alert(1)\\>", markdown, StringComparison.Ordinal);
        Assert.Contains("src/\"Odd\" \\<Name\\>.cs", markdown, StringComparison.Ordinal);

        // On main the run is also a trend point.
        Assert.Single(File.ReadAllLines(Path.Combine(repo.Root, ".qualitygate", "history.jsonl")));
    }
}
