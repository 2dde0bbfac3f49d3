using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Reports;

/// <summary>A folder written as a set: all files move in, or none when a destination is in the way.</summary>
public sealed class StagedFolderTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string At(string relative) => Path.Combine(temp.Path, relative);

    private static StagedFolder Staged(string target, params string[] files)
    {
        StagedFolder staged = StagedFolder.Create(target);
        foreach (string file in files)
        {
            string path = Path.Combine(staged.StagingPath, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "new " + file);
        }

        return staged;
    }

    [Fact]
    public void Commit_MovesEveryFile_KeepsOtherFiles_LeavesNoStagingFolder()
    {
        temp.Write("out/report.md", "old");
        temp.Write("out/notes.txt", "mine");

        using (StagedFolder staged = Staged(At("out"), "report.md", "coverage/index.html"))
        {
            Assert.Equal(temp.Path, Path.GetDirectoryName(staged.StagingPath));
            Assert.StartsWith(".out.tmp-", Path.GetFileName(staged.StagingPath), StringComparison.Ordinal);
            Assert.Equal(At("out/coverage"), staged.Unstaged(Path.Combine(staged.StagingPath, "coverage")));
            Assert.Equal(At("elsewhere"), staged.Unstaged(At("elsewhere")));
            staged.Commit();
        }

        Assert.Equal("new report.md", File.ReadAllText(At("out/report.md")));
        Assert.Equal("new coverage/index.html", File.ReadAllText(At("out/coverage/index.html")));
        Assert.Equal("mine", File.ReadAllText(At("out/notes.txt")));
        Assert.Equal(new[] { At("out") }, Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void SiblingThatCannotBeCreated_StagesInsideTheTargetFolder_AndLeavesNothingBehind()
    {
        // A sibling named after a 240-character folder is longer than a file name may be (the same path as a folder
        // in a read-only parent: the target itself can be written, its parent not).
        string name = new('o', 240);
        temp.Write(name + "/notes.txt", "mine");

        using (StagedFolder staged = Staged(At(name), "report.md", "coverage/index.html"))
        {
            Assert.Equal(At(name), Path.GetDirectoryName(staged.StagingPath));
            Assert.StartsWith(".qualitygate-staging-", Path.GetFileName(staged.StagingPath), StringComparison.Ordinal);
            Assert.Equal(Path.Combine(At(name), "coverage"), staged.Unstaged(Path.Combine(staged.StagingPath, "coverage")));
            staged.Commit();
        }

        Assert.Equal("new report.md", File.ReadAllText(At(name + "/report.md")));
        Assert.Equal("new coverage/index.html", File.ReadAllText(At(name + "/coverage/index.html")));
        Assert.Equal("mine", File.ReadAllText(At(name + "/notes.txt")));
        Assert.Equal(new[] { "coverage", "notes.txt", "report.md" }, Directory.GetFileSystemEntries(At(name)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("report.md", true, "'{0}' is a folder where a file is written. Remove or rename it.")]
    [InlineData("coverage", false, "'{0}' is a file where a folder is written. Remove or rename it.")]
    public void Commit_ADestinationInTheWay_MovesNothing(string obstacle, bool isFolder, string message)
    {
        temp.Write("out/a.txt", "old a");
        if (isFolder)
        {
            Directory.CreateDirectory(At("out/" + obstacle));
        }
        else
        {
            temp.Write("out/" + obstacle, "a file");
        }

        using (StagedFolder staged = Staged(At("out"), "a.txt", "report.md", "coverage/index.html"))
        {
            IOException error = Assert.Throws<IOException>(staged.Commit);
            Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, At("out/" + obstacle)), error.Message);
        }

        Assert.Equal("old a", File.ReadAllText(At("out/a.txt")));
        Assert.False(File.Exists(At("out/report.md")));
        Assert.Equal(new[] { At("out") }, Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Commit_ALinkInsideTheTarget_IsNeverWrittenThrough()
    {
        using var outside = new TempDirectory();
        if (!Links.TryDirectory(At("out/coverage"), outside.Path) || !Links.TryFile(At("out/report.md"), Path.Combine(outside.Path, "x.md")))
        {
            return;
        }

        using (StagedFolder staged = Staged(At("out"), "report.md", "coverage/index.html"))
        {
            IOException error = Assert.Throws<IOException>(staged.Commit);
            Assert.Equal($"'{At("out/coverage")}' is a symbolic link (to '{outside.Path}'): the output is never written through a link. Remove the link.", error.Message);
        }

        Assert.Empty(Directory.GetFileSystemEntries(outside.Path));
        File.Delete(At("out/coverage"));
        using (StagedFolder staged = Staged(At("out"), "report.md"))
        {
            Assert.StartsWith($"'{At("out/report.md")}' is a symbolic link", Assert.Throws<IOException>(staged.Commit).Message, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFileSystemEntries(outside.Path));
    }
}
