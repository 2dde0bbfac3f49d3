using System.Diagnostics;
using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

/// <summary>
/// A repository owned by another user (a CI container's checkout) was reported as damaged (QGB0007 "run git fsck ... clone
/// afresh"), and safe.directory set through GIT_CONFIG_GLOBAL, which git honours, was ignored. Needs root (to give
/// the repository to another user); skipped otherwise.
/// </summary>
public sealed class RepositoryOwnershipTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly GitRepo _repo = new();
    private readonly string _globalConfig = Path.Combine(Path.GetTempPath(), "qg-gitconfig-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _repo.Dispose();
        File.Delete(_globalConfig);
    }

    private HistoryResult Read() => new LibGit2History().Read(_repo.Root, new HistoryOptions { Now = Now }, null, CancellationToken.None);

    /// <summary>Gives the repository to 'nobody'; false when this process may not (not root, or no chown).</summary>
    private bool GiveToAnotherUser()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return false;
        }

        _repo.Commit("One", files: ("src/A.cs", "class A { }\n"));
        using var chown = Process.Start(new ProcessStartInfo("chown", new[] { "-R", "65534:65534", _repo.Root }) { UseShellExecute = false })!;
        chown.WaitForExit();
        return chown.ExitCode == 0;
    }

    private T WithGlobalConfig<T>(string content, Func<T> run)
    {
        File.WriteAllText(_globalConfig, content);
        string? before = Environment.GetEnvironmentVariable("GIT_CONFIG_GLOBAL");
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", _globalConfig);
        try
        {
            return run();
        }
        finally
        {
            Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", before);
        }
    }

    [Fact]
    public void OwnedByAnotherUser_NotTrusted_QGB0007_SaysHowToTrustIt_NotToRepair()
    {
        if (!GiveToAnotherUser())
        {
            return;
        }

        var ex = WithGlobalConfig(string.Empty, () => Assert.Throws<QualityGateException>(Read));

        Assert.Equal("QGB0007", ex.Code);
        Assert.StartsWith($"the git repository at '{_repo.Root}' was refused by git's ownership check: it is owned by another user", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'git config --global --add safe.directory {_repo.Root}'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("fsck", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("{0}")]
    public void OwnedByAnotherUser_TrustedThroughGitConfigGlobal_IsRead(string safeDirectory)
    {
        if (!GiveToAnotherUser())
        {
            return;
        }

        HistoryResult result = WithGlobalConfig($"[safe]\n\tdirectory = {string.Format(System.Globalization.CultureInfo.InvariantCulture, safeDirectory, _repo.Root)}\n", Read);

        Assert.Equal(1, result.Info.Commits);
        Assert.Equal("src/A.cs", Assert.Single(result.Files).Path);
    }
}
