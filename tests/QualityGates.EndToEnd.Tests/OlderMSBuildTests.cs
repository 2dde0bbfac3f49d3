using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using QualityGates.EndToEnd.Tests.Infrastructure;

namespace QualityGates.EndToEnd.Tests;

/// <summary>
/// The packed task in MSBuild 17.11 (the .NET 8.0.4xx SDK's MSBuild) on the .NET 8 and .NET 9 runtimes. Only the
/// .NET 10 SDK is installed, so tests/MSBuildHost (MSBuild 17.11 from NuGet) is published self-contained from the
/// runtime packs and builds a plain project that imports the package's own props and targets and runs its engine and
/// report targets. The engine itself runs on the installed dotnet (DOTNET_HOST_PATH): only the task loading differs.
/// What this proves and what it does not: docs/msbuild.md ("Which MSBuild").
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed partial class OlderMSBuildTests(PackageFeedFixture feed)
{
    private static readonly Lock Gate = new();

    [Theory]
    [InlineData("net8.0", ".NET 8.0.")]
    [InlineData("net9.0", ".NET 9.0.")]
    public void PackedTask_LoadsAndReportsTheFailedCondition_InMSBuild17_11(string framework, string runtime)
    {
        var host = PublishedHost(feed.RepositoryRoot, framework);
        var package = ExtractedPackage();
        var dir = Path.Combine(feed.Root, "older-msbuild-" + framework);
        var repo = FixtureRepository(Path.Combine(dir, "repo"));
        var project = Path.Combine(dir, "gate.proj");
        File.WriteAllText(project, $"""
            <Project>
              <!-- What _QualityGateCollectInputs would have found in a test run: one coverage file, the repository, its configuration. -->
              <PropertyGroup>
                <QualityGateTasksDirectory>{package}/tasks/net8.0/</QualityGateTasksDirectory>
                <_QualityGateReady>true</_QualityGateReady>
                <_QualityGateRepo>{repo}/</_QualityGateRepo>
                <QualityGateConfigFile>{repo}/qualitygate.json</QualityGateConfigFile>
                <QualityGateResultFile>{dir}/out/result.json</QualityGateResultFile>
                <_QualityGateMarkdownFile>{dir}/out/qualitygate.md</_QualityGateMarkdownFile>
                <_QualityGateDefaultFile>{repo}/qualitygate.json</_QualityGateDefaultFile>
              </PropertyGroup>
              <ItemGroup>
                <_QualityGateCoverage Include="{repo}/coverage.cobertura.xml" />
              </ItemGroup>
              <Import Project="{package}/build/QualityGates.props" />
              <Import Project="{package}/build/QualityGates.targets" />
            </Project>
            """);

        var run = Processes.Run(host, dir, new Dictionary<string, string> { ["DOTNET_HOST_PATH"] = Processes.DotnetHostPath() },
            project, "_QualityGateRunEngine;_QualityGateReport");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("MSBuildHost: runtime " + runtime, run.Output, StringComparison.Ordinal);
        Assert.Contains("MSBuild 17.11.48.", run.Output, StringComparison.Ordinal);
        Assert.Contains("self-contained True", run.Output, StringComparison.Ordinal);
        // The task loaded and ran: no "could not be loaded" (MSB4062), "not found" (MSB4036) or crash (MSB4018).
        foreach (var code in new[] { "MSB4018", "MSB4036", "MSB4062", "MSB4181" })
        {
            Assert.DoesNotContain(code, run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("qualitygate.dll check --repo " + repo + "/", run.Output, StringComparison.Ordinal);
        Assert.Equal(["QGB1001"], Codes(run, "error"));
        // This bare MSBuild has no default tasks (Message, Copy...); the gate's engine and report targets need none.
        Assert.Equal(["MSB4010", "MSB4196"], Codes(run, "warning"));
        Assert.Contains($"{repo}/qualitygate.json : QualityGate error QGB1001: coverage.line: Line coverage is 50.0 %, below the required 80.0 %. (actual 50.0 %, threshold 80.0 %)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Quality gate FAILED: 1 failed, 0 warning(s)", run.Output, StringComparison.Ordinal);
    }

    private static string[] Codes(RunResult run, string category) =>
        [.. Diagnostic().Matches(run.Output).Where(m => m.Groups["category"].Value == category).Select(m => m.Groups["code"].Value).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>A repository of one commit and a coverlet-style report at 50 % line coverage; only coverage.line can fail.</summary>
    private static string FixtureRepository(string repo)
    {
        PackageFeedFixture.TryDelete(repo);
        Directory.CreateDirectory(Path.Combine(repo, "src"));
        File.WriteAllText(Path.Combine(repo, "src", "Calc.cs"), """
            namespace Fixture;

            public static class Calc
            {
                public static int Twice(int x) => x * 2;

                public static int Half(int x) => x / 2;
            }
            """);
        File.WriteAllText(Path.Combine(repo, "qualitygate.json"), """
            {
              "trend": { "file": null },
              "conditions": {
                "coverage.line": { "fail": 0.8, "warn": 0.85 },
                "coverage.critical": { "enabled": false },
                "reviews.coverage": { "enabled": false },
                "reviews.passRate": { "enabled": false }
              }
            }
            """);
        File.WriteAllText(Path.Combine(repo, "coverage.cobertura.xml"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <coverage line-rate="0.5" branch-rate="1" version="1.9" timestamp="1700000000" lines-covered="1" lines-valid="2" branches-covered="0" branches-valid="0">
              <sources>
                <source>{repo}/</source>
              </sources>
              <packages>
                <package name="Fixture" line-rate="0.5" branch-rate="1" complexity="2">
                  <classes>
                    <class name="Fixture.Calc" filename="src/Calc.cs" line-rate="0.5" branch-rate="1" complexity="2">
                      <methods />
                      <lines>
                        <line number="5" hits="3" branch="False" />
                        <line number="7" hits="0" branch="False" />
                      </lines>
                    </class>
                  </classes>
                </package>
              </packages>
            </coverage>
            """);
        var identity = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = "Dev One", ["GIT_AUTHOR_EMAIL"] = "dev1@example.com",
            ["GIT_COMMITTER_NAME"] = "Dev One", ["GIT_COMMITTER_EMAIL"] = "dev1@example.com",
        };
        foreach (var arguments in new[] { new[] { "init", "-q", "-b", "main" }, ["add", "-A"], ["-c", "commit.gpgsign=false", "commit", "-q", "-m", "Import (#1)"] })
        {
            var git = Processes.Git(repo, identity, arguments);
            Assert.True(git.ExitCode == 0, git.ToString());
        }

        return repo;
    }

    private string ExtractedPackage()
    {
        var target = Path.Combine(feed.Root, "package");
        lock (Gate)
        {
            if (!Directory.Exists(target))
            {
                ZipFile.ExtractToDirectory(feed.PackagePath, target);
            }
        }

        return target;
    }

    /// <summary>
    /// Published once per content of tests/MSBuildHost, under artifacts/msbuild-host/: a later run with the same
    /// sources reuses it. Self-contained, so the .NET 8 or 9 runtime comes from its runtime pack, not the machine.
    /// </summary>
    private static string PublishedHost(string repositoryRoot, string framework)
    {
        var source = Path.Combine(repositoryRoot, "tests", "MSBuildHost");
        var files = Directory.GetFiles(source).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        var cache = Path.Combine(repositoryRoot, "artifacts", "msbuild-host", Convert.ToHexString(hash.GetHashAndReset())[..16]);
        var output = Path.Combine(cache, framework);
        var executable = Path.Combine(output, "MSBuildHost");
        lock (Gate)
        {
            if (File.Exists(executable))
            {
                return executable;
            }

            // A copy, so that bin/ and obj/ never land in the source folder; its Directory.*.props keep the repository's out.
            var copy = Path.Combine(cache, "src");
            Directory.CreateDirectory(copy);
            foreach (var file in files)
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)), overwrite: true);
            }

            var publish = Processes.Dotnet(copy, null, "publish", "MSBuildHost.csproj", "-c", "Release", "-f", framework, "-o", output);
            Assert.True(publish.ExitCode == 0 && File.Exists(executable), "MSBuildHost did not publish for " + framework + ":\n" + publish);
            return executable;
        }
    }

    [GeneratedRegex(@"\b(?<category>error|warning) (?<code>[A-Z]+[0-9]+):")]
    private static partial Regex Diagnostic();
}
