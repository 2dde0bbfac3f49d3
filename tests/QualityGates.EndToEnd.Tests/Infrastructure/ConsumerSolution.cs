using System.Globalization;

namespace QualityGates.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A throw-away consumer: a motor-insurance pricing library and two xUnit test projects with coverlet.collector, the
/// QualityGates package installed once in Directory.Build.props from the local feed, and a git repository whose
/// history each scenario writes itself.
/// </summary>
public sealed class ConsumerSolution
{
    public const string PricingTests = "tests/Motor.Pricing.Tests/Motor.Pricing.Tests.csproj";

    private static readonly DateTimeOffset Today = new(DateTime.UtcNow.Date, TimeSpan.Zero);

    private ConsumerSolution(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>Where the gate's Markdown summary lands by default.</summary>
    public string SummaryFile => Path.Combine(Directory, "TestResults", "qualitygate", "qualitygate.md");

    public static ConsumerSolution CreateMotor(PackageFeedFixture feed, string directory)
    {
        var consumer = new ConsumerSolution(directory);
        var sources = string.Concat(feed.MachineSources().Select((s, i) => $"    <add key=\"machine{i}\" value=\"{s}\" />\n"));
        consumer.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local-feed" value="{feed.Feed}" />
            {sources}  </packageSources>
            </configuration>
            """);
        consumer.Write("Directory.Build.props", $"""
            <Project>
              <!-- The one line of set-up the package README asks for. -->
              <ItemGroup>
                <PackageReference Include="QualityGates" Version="{feed.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        consumer.Write(".gitignore", "bin/\nobj/\nTestResults/\n.qualitygate/\n");
        // A misspelt key: QG0001 in every build, the analyzer warning the tests look for.
        consumer.Write(".editorconfig", "root = true\n\n[*.cs]\nqualitygates_roundng_mode = AwayFromZero\n");
        consumer.Write("Motor.slnx", """
            <Solution>
              <Project Path="src/Motor.Pricing/Motor.Pricing.csproj" />
              <Project Path="tests/Motor.Pricing.Tests/Motor.Pricing.Tests.csproj" />
              <Project Path="tests/Motor.Smoke.Tests/Motor.Smoke.Tests.csproj" />
            </Solution>
            """);
        consumer.Write("src/Motor.Pricing/Motor.Pricing.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            </Project>
            """);
        consumer.Write("src/Motor.Pricing/PremiumCalculator.cs", """
            using QualityGates;

            namespace Motor.Pricing;

            [PremiumCalculation]
            public static class PremiumCalculator
            {
                public static decimal AnnualPremium(decimal vehicleValue, int driverAge)
                {
                    if (driverAge < 25)
                    {
                        return decimal.Round(vehicleValue * 0.05m, 2, System.MidpointRounding.AwayFromZero);
                    }

                    return decimal.Round(vehicleValue * 0.03m, 2, System.MidpointRounding.AwayFromZero);
                }
            }
            """);
        consumer.Write("src/Motor.Pricing/PolicyNumber.cs", """
            namespace Motor.Pricing;

            public static class PolicyNumber
            {
                public static string Format(int number) => "MP-" + number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            }
            """);
        var testProject = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsTestProject>true</IsTestProject>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.11.0" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                <PackageReference Include="coverlet.collector" Version="10.0.1" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../../src/Motor.Pricing/Motor.Pricing.csproj" />
              </ItemGroup>
            </Project>
            """;
        consumer.Write(PricingTests, testProject);
        consumer.Write("tests/Motor.Pricing.Tests/PremiumCalculatorTests.cs", """
            using Motor.Pricing;
            using Xunit;

            namespace Motor.Pricing.Tests;

            public class PremiumCalculatorTests
            {
                [Fact]
                public void YoungDriver_PaysFivePercent() => Assert.Equal(500.00m, PremiumCalculator.AnnualPremium(10_000m, 20));

                [Fact]
                public void ExperiencedDriver_PaysThreePercent() => Assert.Equal(300.00m, PremiumCalculator.AnnualPremium(10_000m, 40));
            }
            """);
        consumer.Write("tests/Motor.Pricing.Tests/EnvironmentTests.cs", """
            using Xunit;

            namespace Motor.Pricing.Tests;

            public class EnvironmentTests
            {
                // A scenario makes this fail on purpose: a test failure in a project that does not run the gate.
                [Fact]
                public void Environment_AllowsThePricingRun() => Assert.NotEqual("1", System.Environment.GetEnvironmentVariable("MOTOR_E2E_FAIL_PRICING"));
            }
            """);
        consumer.Write("tests/Motor.Smoke.Tests/Motor.Smoke.Tests.csproj", testProject);
        consumer.Write("tests/Motor.Smoke.Tests/SmokeTests.cs", """
            using Motor.Pricing;
            using Xunit;

            namespace Motor.Smoke.Tests;

            public class SmokeTests
            {
                [Fact]
                public void PolicyNumber_IsPadded() => Assert.Equal("MP-000042", PolicyNumber.Format(42));

                // A scenario makes this fail on purpose: a test failure before the gate.
                [Fact]
                public void Environment_AllowsTheRun() => Assert.NotEqual("1", System.Environment.GetEnvironmentVariable("MOTOR_E2E_FAIL"));
            }
            """);
        consumer.ReviewedHistory();
        return consumer;
    }

    public RunResult Build(params string[] extra) => Processes.Dotnet(Directory, null, ["build", "Motor.slnx", .. extra]);

    /// <summary>`dotnet test` of the solution, as CI runs it after a build; coverage unless told otherwise.</summary>
    public RunResult Test(IReadOnlyDictionary<string, string>? environment = null, bool coverage = true, params string[] extra)
    {
        var arguments = new List<string> { "test", "Motor.slnx", "--no-build" };
        if (coverage)
        {
            arguments.AddRange(["--collect", "XPlat Code Coverage"]);
        }

        arguments.AddRange(extra);
        return Processes.Dotnet(Directory, environment, [.. arguments]);
    }

    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.Replace("\r\n", "\n", StringComparison.Ordinal) + (content.EndsWith('\n') ? "" : "\n"));
    }

    /// <summary>25 landings in the last 90 days, each a squash-merged pull request ("Subject (#n)").</summary>
    public void ReviewedHistory() => NewHistory(i => $"Change pricing rule {i} (#{100 + i})");

    /// <summary>25 landings in the last 90 days, pushed straight to main: nobody reviewed them.</summary>
    public void DirectPushHistory() => NewHistory(i => $"Change pricing rule {i}");

    /// <summary>No repository at all, as in a source tarball.</summary>
    public void RemoveGit() => PackageFeedFixture.TryDelete(Path.Combine(Directory, ".git"));

    /// <summary>Reviewed history, then the repository replaced by a depth-1 clone of itself, as CI checks out by default.</summary>
    public void ShallowHistory()
    {
        ReviewedHistory();
        var full = Path.Combine(Path.GetDirectoryName(Directory)!, "motor-full-" + Guid.NewGuid().ToString("N")[..6]);
        System.IO.Directory.Move(Path.Combine(Directory, ".git"), full);
        Git("init", "-q", "-b", "main");
        Git("fetch", "-q", "--depth", "1", "file://" + full, "main");
        Git("reset", "-q", "--mixed", "FETCH_HEAD");
        Git("update-ref", "refs/heads/main", "FETCH_HEAD");
        PackageFeedFixture.TryDelete(full);
    }

    private void NewHistory(Func<int, string> subject)
    {
        RemoveGit();
        Git("init", "-q", "-b", "main");
        Git("config", "user.name", "Dev One");
        Git("config", "user.email", "dev1@example.com");
        Git("config", "commit.gpgsign", "false");
        Commit("Import motor pricing (#99)", Today.AddDays(-80), all: true);
        for (var i = 1; i <= 25; i++)
        {
            Write("docs/changes.md", string.Concat(Enumerable.Range(1, i).Select(n => $"- change {n}\n")));
            Commit(subject(i), Today.AddDays(-75 + (i * 2)), all: false);
        }
    }

    private void Commit(string message, DateTimeOffset when, bool all)
    {
        Git("add", all ? "-A" : "docs/changes.md");
        var date = when.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        var result = Processes.Git(Directory, new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = date, ["GIT_COMMITTER_DATE"] = date }, "commit", "-q", "-m", message);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("git commit failed: " + result);
        }
    }

    private void Git(params string[] arguments)
    {
        var result = Processes.Git(Directory, null, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {result}");
        }
    }
}
