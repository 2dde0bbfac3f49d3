using System.Text.Json;
using QualityGates.Cli;
using QualityGates.Core.Tests.History;

namespace QualityGates.Core.Tests.Cli;

/// <summary>Every command that reads history says what it could not judge, with the same notes as check.</summary>
public sealed class HistoryNotesCommandLineTests
{
    private static readonly DateTimeOffset Now = new(2024, 4, 10, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] ShallowNotes =
    {
        "history truncated: fetch-depth 0 needed",
        "1 shallow boundary commit(s) left out of revisions and churn",
    };

    private static (int Exit, string Out, string Error) Run(string root, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string? Env(string name) => name == "QUALITYGATE_CACHE_DIR" ? "off" : null;
        int exit = CommandLine.Run(args.Concat(new[] { "--repo", root }).ToArray(), new CliContext(stdout, stderr, EngineFactory.Create, Now, root, false, Env));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string[] NoteLines(string text) =>
        text.Split('\n').Where(l => l.StartsWith("  note: ", StringComparison.Ordinal)).Select(l => l.Substring("  note: ".Length)).ToArray();

    private static string[] JsonNotes(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToArray();
    }

    private static GitRepo ShallowClone(GitRepo source)
    {
        for (int i = 1; i <= 5; i++)
        {
            source.Commit("Change " + i + " (#" + i + ")", GitRepo.Bob, files: new[] { ("src/A.cs", "class A {\n" + string.Concat(Enumerable.Range(1, i).Select(n => "  int F" + n + ";\n")) + "}\n") });
        }

        return GitRepo.Clone(source, "--depth", "2");
    }

    [Fact]
    public void ShallowClone_ReviewsSaysHistoryIsTruncated_LikeCheck()
    {
        using var source = new GitRepo();
        using var clone = ShallowClone(source);

        (int exit, string text, string error) = Run(clone.Root, "reviews");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal(
            "Reviews over 90 days: 2 landings (2 human, 0 bot), 2 reviewed, review coverage 100.0 %, pass rate 100.0 % (0 reverted), first-pass rate n/a (0 PRs).\n"
            + "  note: history truncated: fetch-depth 0 needed\n"
            + "  note: 1 shallow boundary commit(s) left out of revisions and churn\n",
            text);
        Assert.Equal(ShallowNotes, JsonNotes(Run(clone.Root, "reviews", "--json").Out));
        Assert.Equal(ShallowNotes, NoteLines(Run(clone.Root, "check").Out).Intersect(ShallowNotes));
    }

    [Fact]
    public void ShallowClone_HotspotsGivesTheNotesOfCheck()
    {
        using var source = new GitRepo();
        using var clone = ShallowClone(source);

        string[] check = NoteLines(Run(clone.Root, "check").Out);
        (int exit, string text, _) = Run(clone.Root, "hotspots");

        Assert.Equal(0, exit);
        Assert.Equal(new[] { "No coverage file matched '**/TestResults/*/coverage.cobertura.xml'." }.Concat(ShallowNotes), check);
        Assert.Equal(check, NoteLines(text));
        Assert.Equal(check, JsonNotes(Run(clone.Root, "hotspots", "--json").Out));
    }

    [Fact]
    public void EmptyRepository_ReviewsAndHotspotsSaySo()
    {
        using var empty = new GitRepo();

        (int exit, string reviews, _) = Run(empty.Root, "reviews");

        Assert.Equal(0, exit);
        Assert.Equal(
            "Reviews over 90 days: 0 landings (0 human, 0 bot), 0 reviewed, review coverage n/a, pass rate n/a (0 reverted), first-pass rate n/a (0 PRs).\n"
            + "  note: repository has no commits\n",
            reviews);
        Assert.Equal(new[] { "repository has no commits" }, JsonNotes(Run(empty.Root, "reviews", "--json").Out));
        Assert.Contains("repository has no commits", NoteLines(Run(empty.Root, "hotspots").Out));
        string[] checkNotes = NoteLines(Run(empty.Root, "check").Out);
        Assert.Contains("repository has no commits", checkNotes);
        // On an unborn main there is no commit to record the run against.
        Assert.Contains("trend not recorded: the branch has no commit yet", checkNotes);
        Assert.False(File.Exists(Path.Combine(empty.Root, ".qualitygate", "history.jsonl")));
    }

    [Fact]
    public void FullHistory_NoNotes()
    {
        using var repo = new GitRepo();
        repo.Commit("One (#1)", GitRepo.Bob, files: new[] { ("src/A.cs", "class A { }\n") });

        (_, string text, _) = Run(repo.Root, "reviews");

        Assert.Empty(NoteLines(text));
        Assert.Empty(JsonNotes(Run(repo.Root, "reviews", "--json").Out));
    }

    [Fact]
    public void FeatureBranch_ReviewsLeaveItsWorkInProgressOut_AndSaySo()
    {
        // The trial: one work-in-progress commit on a pushed branch turned 2 landings at 50.0 % into 3 at 33.3 %.
        using var repo = new GitRepo();
        repo.Commit("Add rating (#1)", GitRepo.Bob, files: new[] { ("src/A.cs", "class A { }\n") });
        string main = repo.Commit("Fix fee", GitRepo.Bob, files: new[] { ("src/B.cs", "class B { }\n") });
        repo.Checkout("-b", "feature/quote");
        repo.Commit("WIP", files: new[] { ("src/C.cs", "class C { }\n") });

        (int exit, string text, string error) = Run(repo.Root, "reviews");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal(
            "Reviews over 90 days: 2 landings (2 human, 0 bot), 1 reviewed, review coverage 50.0 %, pass rate 100.0 % (0 reverted), first-pass rate n/a (0 PRs).\n"
            + $"  note: 1 commit(s) of this branch, not yet landed on main, are not counted as landings: reviews are judged from the merge base {main[..7]}\n",
            text);
        Assert.Equal(NoteLines(text), JsonNotes(Run(repo.Root, "reviews", "--json").Out));
    }
}
