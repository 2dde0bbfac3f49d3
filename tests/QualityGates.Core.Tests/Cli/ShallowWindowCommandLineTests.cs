using System.Text.Json;
using QualityGates.Cli;
using QualityGates.Core.Tests.History;

namespace QualityGates.Core.Tests.Cli;

/// <summary>
/// A CI clone with some depth (fetch-depth: 25) that ends inside the review window gave judged review figures "over
/// 90 days" from the last weeks only. The review and hotspot conditions now say the history is truncated instead; a
/// clone deep enough to hold the whole window is judged as before.
/// </summary>
public sealed class ShallowWindowCommandLineTests
{
    private static readonly DateTimeOffset Now = new(2024, 4, 10, 0, 0, 0, TimeSpan.Zero);

    private static string Run(string root, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string? Env(string name) => name == "QUALITYGATE_CACHE_DIR" ? "off" : null;
        int exit = CommandLine.Run(args.Concat(new[] { "--repo", root }).ToArray(), new CliContext(stdout, stderr, EngineFactory.Create, Now, root, false, Env));
        Assert.Equal(string.Empty, stderr.ToString());
        Assert.True(exit is 0 or 1);
        return stdout.ToString();
    }

    private static JsonElement[] Conditions(string root)
    {
        using JsonDocument json = JsonDocument.Parse(Run(root, "check", "--json", "-"));
        return json.RootElement.GetProperty("conditions").EnumerateArray().Select(c => c.Clone()).ToArray();
    }

    /// <summary>Three old commits (200 days ago), then 30 daily direct pushes: 2 to 31 days before <see cref="Now"/>.</summary>
    private static GitRepo Source()
    {
        var source = new GitRepo();
        for (int i = 0; i < 3; i++)
        {
            source.Commit("Old " + i, GitRepo.Bob, when: Now.AddDays(-200 + i), files: new[] { ("src/A.cs", "class A {\n" + new string('\n', i) + "}\n") });
        }

        for (int day = 31; day >= 2; day--)
        {
            source.Commit("Push " + day, GitRepo.Bob, when: Now.AddDays(-day), files: new[] { ("src/A.cs", "class A { int F" + day + "; }\n") });
        }

        return source;
    }

    [Fact]
    public void ShallowCloneEndingInsideTheWindow_ReviewAndHotspotConditionsSayTruncated()
    {
        using var source = Source();
        using var clone = GitRepo.Clone(source, "--depth", "25");
        Run(clone.Root, "baseline");

        JsonElement[] conditions = Conditions(clone.Root);

        JsonElement coverage = conditions.Single(c => c.GetProperty("id").GetString() == "reviews.coverage");
        Assert.Equal("warning", coverage.GetProperty("status").GetString()); // noData "warn"; was "failed" at 0.0 % of 25
        Assert.Equal(JsonValueKind.Null, coverage.GetProperty("actual").ValueKind);
        Assert.Equal(
            "Review coverage is not judged: the history of this shallow clone ends on 2024-03-15, inside the 90-day window (history truncated: fetch-depth 0 needed). The no-data policy of this condition is \"warn\".",
            coverage.GetProperty("message").GetString());
        Assert.StartsWith("Review pass rate is not judged: the history of this shallow clone ends on 2024-03-15",
            conditions.Single(c => c.GetProperty("id").GetString() == "reviews.passRate").GetProperty("message").GetString(), StringComparison.Ordinal);
        JsonElement hotspots = conditions.Single(c => c.GetProperty("id").GetString() == "hotspots.new");
        Assert.Equal("noData", hotspots.GetProperty("status").GetString());
        Assert.Equal(
            "New hotspots are not judged: the history of this shallow clone ends on 2024-03-15, inside the hotspot window, so revisions are undercounted (history truncated: fetch-depth 0 needed).",
            hotspots.GetProperty("message").GetString());
    }

    [Fact]
    public void ShallowCloneHoldingTheWholeWindow_IsJudged()
    {
        using var source = Source();
        using var clone = GitRepo.Clone(source, "--depth", "32");

        JsonElement coverage = Conditions(clone.Root).Single(c => c.GetProperty("id").GetString() == "reviews.coverage");

        Assert.Equal("failed", coverage.GetProperty("status").GetString());
        Assert.Equal(0, coverage.GetProperty("actual").GetDouble());
        Assert.StartsWith("Review coverage is 0.0 %, below the required 90.0 % (n = 30 human landings over 90 days", coverage.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
