using System.ComponentModel;
using System.Diagnostics;

namespace QualityGates.Core.History;

/// <summary>
/// The git executable, run for plumbing: output redirected, no terminal prompt, and <c>core.fsmonitor</c> off, so
/// nothing from the repository's own config runs a program.
/// </summary>
internal static class GitProcess
{
    /// <summary>
    /// Starts <c>git &lt;location&gt; -c core.fsmonitor=false &lt;command&gt;</c>; null when git cannot be started (not on PATH).
    /// </summary>
    /// <param name="location">Where git works: <c>--git-dir=...</c> or <c>-C dir</c>.</param>
    public static Process? TryStart(IEnumerable<string> location, IEnumerable<string> command, bool withInput, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = withInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in location.Concat(["-c", "core.fsmonitor=false"]).Concat(command))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        try
        {
            return Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            return null;
        }
    }
}
