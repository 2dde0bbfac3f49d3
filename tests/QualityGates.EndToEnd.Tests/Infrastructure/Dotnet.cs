using System.Diagnostics;
using System.Text;

namespace QualityGates.EndToEnd.Tests.Infrastructure;

/// <summary>The outcome of one process: exit code and stdout+stderr interleaved as the user would see them.</summary>
public sealed record RunResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}";
}

/// <summary>Runs dotnet and git as a user would, without the test host's MSBuild/VSTest environment leaking in.</summary>
public static class Processes
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static RunResult Dotnet(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        // No build servers and no node reuse: nothing outlives the command (and nothing holds our output pipes).
        var all = arguments.Concat(["-nodeReuse:false", "-p:UseSharedCompilation=false"]).ToArray();
        if (arguments.Length > 0 && arguments[0] is "nuget" or "new")
        {
            all = arguments;
        }

        return Run("dotnet", workingDirectory, environment, all);
    }

    /// <summary>The dotnet that runs these tests (for DOTNET_HOST_PATH, which <see cref="Run"/> does not pass on by itself).</summary>
    public static string DotnetHostPath()
    {
        var fromHost = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromHost) && File.Exists(fromHost))
        {
            return fromHost;
        }

        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists) ?? name;
    }

    public static RunResult Git(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        Run("git", workingDirectory, environment, arguments);

    public static RunResult Run(string fileName, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var key in info.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("_MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("QG_FAKE", StringComparison.Ordinal)
                || key is "TF_BUILD" or "GITHUB_STEP_SUMMARY" or "GITHUB_ACTIONS" or "DOTNET_HOST_PATH" or "MSBuildExtensionsPath" or "MSBuildSDKsPath" or "MSBuildLoadMicrosoftTargetsReadOnly")
            {
                info.Environment.Remove(key);
            }
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["MSBUILDTERMINALLOGGER"] = "off";
        info.Environment["UseSharedCompilation"] = "false";
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {Timeout}.\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new RunResult(process.ExitCode, output.ToString());
        }
    }
}
