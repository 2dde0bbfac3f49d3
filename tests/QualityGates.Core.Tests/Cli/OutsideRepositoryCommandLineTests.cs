using System.Text.Json;
using QualityGates.Cli;
using QualityGates.Core.Coverage;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Cli;

/// <summary>
/// Run in a folder that is no git repository (a folder above several clones), check merged the coverage of every
/// repository below it into one verdict and passed. A verdict now needs a repository, or --repo for a folder judged
/// without git on purpose; and such a folder's globs leave the repositories below it out.
/// </summary>
public sealed class OutsideRepositoryCommandLineTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory folder = new();
    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();

    public OutsideRepositoryCommandLineTests()
    {
        // Two clones side by side (working trees by name), each with its own tests' coverage of its own sources.
        foreach ((string clone, string fixture) in new[] { ("pricing", TestFiles.PricingCoverage), ("claims", TestFiles.ClaimsCoverage) })
        {
            Directory.CreateDirectory(Path.Combine(folder.Path, clone, ".git"));
            folder.Write($"{clone}/tests/{clone}.Tests/TestResults/1/coverage.cobertura.xml", TestFiles.CoverageFor(fixture, Path.Combine(folder.Path, clone)));
        }
    }

    public void Dispose()
    {
        folder.Dispose();
        stdout.Dispose();
        stderr.Dispose();
    }

    private int Run(string currentDirectory, params string[] args) =>
        CommandLine.Run(args, new CliContext(stdout, stderr, EngineFactory.Create, Now, currentDirectory, ShowProgress: false));

    private string[] Listing() => Directory.EnumerateFileSystemEntries(folder.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData("check")]
    [InlineData("report")]
    [InlineData("baseline")]
    public void VerdictWithoutRepoOutsideAnyRepository_QGB0008_NothingWritten(string command)
    {
        string[] before = Listing();

        int exit = Run(folder.Path, command);

        Assert.Equal(2, exit);
        Assert.Equal(
            $"error QGB0008: '{folder.Path}' is not in a git repository: run 'qualitygate {command}' in the working tree of the repository to judge " +
            "(its history gives the review, hotspot and new-code figures), or pass --repo DIR to judge a folder without git history.\n",
            stderr.ToString().ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, stdout.ToString());
        Assert.Equal(before, Listing());
    }

    [Fact]
    public void FromInsideOneOfTheClones_TheCheckJudgesThatClone()
    {
        // The clone is a working tree by name (its empty .git holds no history: the engine says so in a note).
        int exit = Run(Path.Combine(folder.Path, "pricing", "tests"), "check", "--json", "-");

        Assert.Equal(string.Empty, stderr.ToString());
        Assert.Equal(1, exit);
        using JsonDocument json = JsonDocument.Parse(stdout.ToString());
        Assert.Equal(0.5, json.RootElement.GetProperty("coverage").GetProperty("lineRate").GetDouble());
    }

    [Fact]
    public void RenderingAResult_NeedsNoRepository()
    {
        folder.Write("result.json", """{ "schemaVersion": 1, "passed": true, "conditions": [] }""");

        Assert.Equal(0, Run(folder.Path, "report", "--result", "result.json", "--output", "out"));

        Assert.True(File.Exists(Path.Combine(folder.Path, "out", "report.html")));
    }

    [Fact]
    public void CoverageCommand_OutsideAnyRepository_LeavesTheRepositoriesBelowOut()
    {
        Assert.Equal(0, Run(folder.Path, "coverage"));

        Assert.Equal(
            "No coverage file found: no data.\n" +
            $"  note: 2 coverage files matched by '**/TestResults/*/coverage.cobertura.xml' lie in other git repositories below '{folder.Path}' ('claims/', 'pricing/') and were left out: " +
            $"'{folder.Path}' is not in a git repository, so the coverage of the repositories below it is theirs. Run qualitygate in the repository that was tested, or pass it with --repo.\n",
            stdout.ToString());
    }

    [Fact]
    public void CheckWithRepoOfAFolderAboveTheClones_MergesNothingFromThem()
    {
        int exit = Run(folder.Path, "check", "--repo", ".", "--json", "-");

        Assert.Equal(string.Empty, stderr.ToString());
        Assert.Equal(0, exit);
        using JsonDocument json = JsonDocument.Parse(stdout.ToString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("coverage").GetProperty("lineRate").ValueKind);
        Assert.Equal(new[]
        {
            $"2 coverage files matched by '**/TestResults/*/coverage.cobertura.xml' lie in other git repositories below '{folder.Path}' ('claims/', 'pricing/') and were left out: " +
            $"'{folder.Path}' is not in a git repository, so the coverage of the repositories below it is theirs. Run qualitygate in the repository that was tested, or pass it with --repo.",
            "no git repository: review and hotspot figures need git history",
        }, json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public void FolderWithoutGitAndNoRepositoryBelow_IsJudgedWithRepo_AsBefore()
    {
        using var plain = new TempDirectory();
        plain.CopyCoverage(TestFiles.PricingCoverage, "tests/PricingTests/TestResults/1/coverage.cobertura.xml");

        Assert.Equal(0, Run(plain.Path, "coverage", "--repo", "."));

        Assert.Equal("Coverage of 2 file(s) from 1 report(s): line 50.0 % (18/36), branch 35.0 % (7/20).\n", stdout.ToString());
    }

    [Fact]
    public void InsideARepository_ANestedRepositorysCoverageStillCounts()
    {
        // Only a folder that is in no repository leaves the repositories below it out: inside one, a nested clone or
        // submodule's coverage names sources of the repository's working tree, as before.
        using var outer = new TempDirectory();
        outer.AsWorkTree();
        Directory.CreateDirectory(Path.Combine(outer.Path, "vendor", "lib", ".git"));
        outer.CopyCoverage(TestFiles.PricingCoverage, "vendor/lib/tests/T/TestResults/1/coverage.cobertura.xml");
        var notes = new List<string>();

        CoverageReport? report = CoverageLoader.Load(outer.Path, outer.Path, new[] { "**/TestResults/*/coverage.cobertura.xml" }, notes, confineAll: true);

        Assert.NotNull(report);
        Assert.Equal(new CoverageFigures(36, 18, 20, 7), report.Totals);
        Assert.Empty(notes);
    }
}
