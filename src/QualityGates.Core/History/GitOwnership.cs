using System.ComponentModel;
using System.Diagnostics;

namespace QualityGates.Core.History;

/// <summary>
/// git's ownership check (safe.directory, CVE-2022-24765) as libgit2 applies it: a repository owned by another user
/// than the one running the gate (common in CI containers) is refused. libgit2 reads safe.directory only from
/// ~/.gitconfig, so the git executable, which honours GIT_CONFIG_GLOBAL, includes and '*', is asked instead.
/// </summary>
internal static class GitOwnership
{
    /// <summary>How long the git executable may take to say whether it trusts the repository.</summary>
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(10);

    /// <summary>True for libgit2's refusal ("repository path '...' is not owned by current user").</summary>
    public static bool IsRefusal(string message) => message.Contains("not owned by current user", StringComparison.Ordinal);

    /// <summary>QGB0007 for a refusal git itself also makes: what was refused, and how to trust the repository.</summary>
    public static QualityGateException Refused(string repositoryRoot)
    {
        string root = repositoryRoot.TrimEnd('/', '\\');
        return new QualityGateException(QgbCodes.RepositoryUnreadable,
            $"the git repository at '{root}' was refused by git's ownership check: it is owned by another user than the one running the gate " +
            "(as in a CI container whose checkout was made by another user). If you trust it, mark it safe for this user with " +
            $"'git config --global --add safe.directory {root}' (GIT_CONFIG_GLOBAL is honoured), then run again; nothing is wrong with the repository itself.");
    }

    /// <summary>
    /// True when the git executable opens the repository as the current user, i.e. its safe.directory settings trust it;
    /// false when git refuses it, fails or is not on PATH.
    /// </summary>
    public static bool GitTrusts(string repositoryRoot)
    {
        using Process? process = GitProcess.TryStart(["-C", repositoryRoot], ["rev-parse", "--git-dir"], withInput: false);
        if (process is null)
        {
            return false;
        }

        try
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(GitTimeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            Task.WaitAll(output, errors);
            return process.ExitCode == 0;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            return false;
        }
    }
}
