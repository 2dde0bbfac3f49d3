using System.Text.Json;
using QualityGates.Cli;
using QualityGates.Core.Tests.History;

namespace QualityGates.Core.Tests.Cli;

/// <summary>
/// Run from a subfolder of a repository without --repo, the commands judge the repository, as git does: before, the
/// subfolder was the root, so qualitygate.json was not found, git's repo-relative paths named no source (no hotspots)
/// and the trend history was written into the subfolder.
/// </summary>
public sealed class SubfolderCommandLineTests : IDisposable
{
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
        "namespace Motor;\n\npublic static class Tariff\n{\n    public static int Rate(int x)\n    {\n"
        + string.Concat(Enumerable.Range(1, branches).Select(i => $"        if (x == {i}) {{ return {i}; }}\n"))
        + "        return 0;\n    }\n}\n";

    private string Run(string currentDirectory, params string[] args)
    {
        stdout.GetStringBuilder().Clear();
        int exit = CommandLine.Run(args, new CliContext(stdout, stderr, EngineFactory.Create, Now, currentDirectory, false));
        Assert.Equal(string.Empty, stderr.ToString());
        Assert.True(exit is 0 or 1, "exit " + exit);
        return stdout.ToString();
    }

    [Fact]
    public void FromASubfolder_WithoutRepo_JudgesTheWholeRepository()
    {
        repo.Commit("Configure", files: ("qualitygate.json", """{ "hotspots": { "minRevisions": 2 }, "conditions": { "reviews.coverage": { "minLandings": 1 } } }"""));
        repo.Commit("Add tariff", files: ("src/Pricing/Tariff.cs", Source(1)));
        repo.Commit("Grow tariff", files: ("src/Pricing/Tariff.cs", Source(3)));
        string subfolder = Path.Combine(repo.Root, "src", "Pricing");

        using JsonDocument fromRoot = JsonDocument.Parse(Run(repo.Root, "hotspots", "--json", "-"));
        using JsonDocument fromSubfolder = JsonDocument.Parse(Run(subfolder, "hotspots", "--json", "-"));

        JsonElement hotspot = Assert.Single(fromSubfolder.RootElement.GetProperty("hotspots").EnumerateArray().ToArray());
        Assert.Equal("src/Pricing/Tariff.cs", hotspot.GetProperty("path").GetString());
        Assert.Equal(2, hotspot.GetProperty("revisions").GetInt32());
        Assert.Equal(4, hotspot.GetProperty("complexity").GetInt32());
        Assert.Equal(fromRoot.RootElement.GetRawText(), fromSubfolder.RootElement.GetRawText());

        // The root's qualitygate.json is in force (minLandings 1: judged, not "insufficient data"), and the trend
        // history of a run on main goes to the root's .qualitygate/.
        string text = Run(subfolder, "check");
        Assert.Contains("Review coverage is 0.0 %, below the required 90.0 % (n = 3 human landings", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(repo.Root, ".qualitygate", "history.jsonl")));
        Assert.False(Directory.Exists(Path.Combine(subfolder, ".qualitygate")));
        Assert.Equal(repo.Root, RepositoryPaths.WorkTreeRoot(subfolder));
    }

    [Fact]
    public void RepoOptionOfASubfolder_JudgesTheWholeRepository_LikeGitC()
    {
        repo.Commit("Configure", files: ("qualitygate.json", """{ "hotspots": { "minRevisions": 2 }, "conditions": { "reviews.coverage": { "minLandings": 1 } } }"""));
        repo.Commit("Add tariff", files: ("svc/src/Tariff.cs", Source(1)));
        repo.Commit("Grow tariff", files: ("svc/src/Tariff.cs", Source(3)));
        string other = Path.Combine(repo.Root, "..");

        string fromRoot = Run(repo.Root, "hotspots", "--json", "-");
        string withSubfolder = Run(other, "hotspots", "--json", "-", "--repo", Path.Combine(repo.Root, "svc"));
        string reviews = Run(other, "reviews", "--json", "-", "--repo", Path.Combine(repo.Root, "svc"));

        Assert.Equal(fromRoot, withSubfolder);
        Assert.Contains("\"path\": \"svc/src/Tariff.cs\"", withSubfolder, StringComparison.Ordinal);
        Assert.Equal(Run(repo.Root, "reviews", "--json", "-"), reviews);
    }

    [Fact]
    public void RepoOptionOfTheGitFolder_WritesTheTrendAtTheRoot_NeverInsideGit()
    {
        repo.Commit("Add tariff", files: ("src/Tariff.cs", Source(1)));
        string gitFolder = Path.Combine(repo.Root, ".git");

        Run(Path.Combine(repo.Root, ".."), "check", "--repo", gitFolder);

        Assert.True(File.Exists(Path.Combine(repo.Root, ".qualitygate", "history.jsonl")));
        Assert.False(Directory.Exists(Path.Combine(gitFolder, ".qualitygate")));
        Assert.Equal(repo.Root, RepositoryPaths.Resolve(gitFolder));
        Assert.Equal(repo.Root, RepositoryPaths.Resolve(Path.Combine(gitFolder, "refs")));
    }

    [Fact]
    public void Resolve_AFolderThatDoesNotExist_IsKept_SoQGB0002NamesIt()
    {
        string missing = Path.Combine(repo.Root, "no", "such");

        Assert.Equal(missing, RepositoryPaths.Resolve(missing));
        Assert.Equal(2, CommandLine.Run(new[] { "hotspots", "--repo", missing }, new CliContext(stdout, stderr, EngineFactory.Create, Now, repo.Root, false)));
        Assert.Equal($"error QGB0002: Repository folder '{missing}' does not exist. Pass the repository root with --repo.\n", stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void RepoNamingAFile_QGB0002_SaysItIsAFile()
    {
        string file = Path.Combine(repo.Root, "A.cs");
        File.WriteAllText(file, "class A { }\n");

        Assert.Equal(2, CommandLine.Run(new[] { "hotspots", "--repo", file }, new CliContext(stdout, stderr, EngineFactory.Create, Now, repo.Root, false)));
        Assert.Equal($"error QGB0002: Repository folder '{file}' is a file, not a folder. Pass the repository root with --repo.\n", stderr.ToString().ReplaceLineEndings("\n"));
    }
}
