using System.Text.RegularExpressions;
using QualityGates.EndToEnd.Tests.Infrastructure;

namespace QualityGates.EndToEnd.Tests;

/// <summary>
/// The build integration against the CLI's contract (arguments, exit codes, stderr, result JSON schemaVersion 1),
/// with a stand-in engine so that every branch is reachable on demand. `dotnet test` of a real consumer each time.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class GateScenarioTests : IDisposable
{
    private const string FailingResult = """
        {"schemaVersion":1,"passed":false,"conditions":[
          {"id":"coverage.line","status":"passed","actual":0.91,"threshold":0.8,"message":"Line coverage is 91.0 %."},
          {"id":"reviews.coverage","status":"failed","actual":0.4,"threshold":0.9,"message":"10 of 25 landings had review evidence."},
          {"id":"hotspots.growth","status":"warning","actual":0.12,"threshold":0.1,"message":"PremiumCalculator.cs grew 12 % in complexity.","file":"src/Motor.Pricing/PremiumCalculator.cs","line":8},
          {"id":"coverage.newCode","status":"skipped","actual":null,"threshold":0.8,"message":"Fewer than 20 new coverable lines."}]}
        """;

    private readonly PackageFeedFixture _feed;
    private readonly ConsumerSolution _motor;
    private readonly string _work;

    public GateScenarioTests(PackageFeedFixture feed)
    {
        _feed = feed;
        _motor = feed.Motor;
        _work = Path.Combine(feed.Root, "scenario-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_work);
        _motor.ReviewedHistory();
        ResetGateState(_motor);
    }

    public void Dispose() => PackageFeedFixture.TryDelete(_work);

    [Fact]
    public void FailedCondition_IsAnErrorWithItsCodeAndFailsTheRun_OnceForTheSolution()
    {
        var summary = Path.Combine(_work, "step-summary.md");
        File.WriteAllText(summary, "# Earlier step\n");
        var run = _motor.Test(FakeEngine(FailingResult, exitCode: 1, ("GITHUB_STEP_SUMMARY", summary), ("TF_BUILD", "True")), coverage: true, NoIncremental);

        Assert.Equal(1, run.ExitCode);
        AssertNoStackTrace(run);
        Assert.Matches(@"error QGB1101: reviews\.coverage: 10 of 25 landings had review evidence\. \(actual 40\.0 %, threshold 90\.0 %\)", run.Output);
        // Warn level: a warning with the file and line the IDE opens.
        Assert.Matches(@"PremiumCalculator\.cs\(8\): QualityGate warning QGB1202: hotspots\.growth", run.Output);
        Assert.DoesNotContain("QGB1001", run.Output, StringComparison.Ordinal);
        Assert.Contains("Quality gate FAILED: 1 failed, 1 warning(s), 2 other condition(s).", run.Output, StringComparison.Ordinal);
        Assert.Contains("##vso[task.logissue type=error;sourcepath=", run.Output, StringComparison.Ordinal);
        Assert.Contains(";code=QGB1101]reviews.coverage", run.Output, StringComparison.Ordinal);
        Assert.Equal("# Earlier step\n## Fake quality gate summary\n\n", File.ReadAllText(summary).Replace("\r\n", "\n", StringComparison.Ordinal));

        // Two test projects, one gate: the engine ran once, with the coverage of both.
        var calls = EngineCalls();
        Assert.Single(calls);
        Assert.Equal(2, Regex.Count(calls[0], "--coverage "));
        Assert.Contains("--repo " + _motor.Directory + "/", calls[0], StringComparison.Ordinal);
        Assert.Contains("Motor.Smoke.Tests/obj/qualitygate/result.json", calls[0], StringComparison.Ordinal);
    }

    [Fact]
    public void FailingGate_InOneNodeBuild_IsNotTakenForFailingTestsByTheOtherProject()
    {
        // One node: the other test project asks for the host's VSTest after the host's gate failed it.
        var run = _motor.Test(FakeEngine(FailingResult, exitCode: 1), coverage: true, NoIncremental, "-m:1");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"error QGB1101: reviews\.coverage", run.Output);
        Assert.DoesNotContain("QGB9102", run.Output, StringComparison.Ordinal);
        Assert.Single(EngineCalls());
    }

    [Fact]
    public void SameInputsAgain_DoesNotRunTheEngine_ButStillFails()
    {
        var first = _motor.Test(FakeEngine(FailingResult, exitCode: 1));
        var second = _motor.Test(FakeEngine(FailingResult, exitCode: 1));

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("error QGB1101", second.Output, StringComparison.Ordinal);
        Assert.Contains("Quality gate inputs unchanged", second.Output, StringComparison.Ordinal);
        Assert.Single(EngineCalls());
    }

    [Fact]
    public void SameInputsAgain_AfterTheReportsWereDeleted_RunsTheEngineAgain()
    {
        var summary = Path.Combine(_work, "step-summary.md");
        var first = _motor.Test(FakeEngine(FailingResult, exitCode: 1));
        PackageFeedFixture.TryDelete(Path.Combine(_motor.Directory, "TestResults", "qualitygate"));
        var second = _motor.Test(FakeEngine(FailingResult, exitCode: 1, ("GITHUB_STEP_SUMMARY", summary)));

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(1, second.ExitCode);
        Assert.DoesNotContain("Quality gate inputs unchanged", second.Output, StringComparison.Ordinal);
        Assert.Equal(2, EngineCalls().Length);
        Assert.True(File.Exists(_motor.SummaryFile));
        Assert.True(File.Exists(Path.Combine(_motor.Directory, "TestResults", "qualitygate", "report.html")));
        Assert.Contains("Summary: " + _motor.SummaryFile, second.Output, StringComparison.Ordinal);
        Assert.Equal("## Fake quality gate summary\n\n", File.ReadAllText(summary).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void FailOnViolationFalse_MakesFailuresWarnings()
    {
        var run = _motor.Test(FakeEngine(FailingResult, exitCode: 1), coverage: true, NoIncremental, "-p:QualityGateFailOnViolation=false");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("warning QGB1101: reviews.coverage", run.Output, StringComparison.Ordinal);
        Assert.Contains("[not enforced: QualityGateFailOnViolation=false]", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error QGB", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void PassingResult_PassesTheRun()
    {
        var run = _motor.Test(FakeEngine("""{"schemaVersion":1,"passed":true,"conditions":[{"id":"coverage.line","status":"passed","actual":0.9,"threshold":0.8,"message":"ok"}]}""", exitCode: 0), coverage: true, NoIncremental);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Quality gate passed: 0 failed, 0 warning(s), 1 other condition(s).", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(_motor.SummaryFile));
    }

    [Fact]
    public void InvalidResultJson_IsQGB9005_NotAStackTrace()
    {
        var run = _motor.Test(FakeEngine("{\"schemaVersion\":1,\"passed\":tru", exitCode: 1), coverage: true, NoIncremental);

        Assert.Equal(1, run.ExitCode);
        AssertNoStackTrace(run);
        Assert.Matches(@"result\.json : QualityGate error QGB9005: The quality gate result file '.*result\.json' is not valid JSON", run.Output);
    }

    [Fact]
    public void NewerSchemaVersion_IsQGB9006()
    {
        var run = _motor.Test(FakeEngine("""{"schemaVersion":2,"passed":true,"conditions":[]}""", exitCode: 0), coverage: true, NoIncremental);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error QGB9006", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void EngineInputError_IsReportedWithTheEnginesOwnCode()
    {
        var run = _motor.Test(FakeEngine(null, exitCode: 2, ("QG_FAKE_STDERR", "error QGB0105: qualitygate.json: unknown key 'coverage.lien'. Did you mean 'coverage.line'?")), coverage: true, NoIncremental);

        Assert.Equal(1, run.ExitCode);
        AssertNoStackTrace(run);
        Assert.Contains("error QGB0105: qualitygate.json: unknown key 'coverage.lien'. Did you mean 'coverage.line'?", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("QGB9002", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("QGB9004", run.Output, StringComparison.Ordinal);
        // An error that names no file points at the solution, not at the package's targets in the NuGet cache.
        Assert.Matches(@"Motor\.slnx : QualityGate error QGB0105", run.Output);
        Assert.DoesNotMatch(@"QualityGates\.targets\(\d+,\d+\): .*QGB0105", run.Output);
    }

    [Fact]
    public void ConfigurationError_PointsAtTheRepositorysQualitygateJson()
    {
        var config = Path.Combine(_motor.Directory, "qualitygate.json");
        File.WriteAllText(config, "{ \"conditions\": {} }\n");
        try
        {
            var run = _motor.Test(FakeEngine(null, exitCode: 2, ("QG_FAKE_STDERR", "error QGB0203: qualitygate.json is a link out of the repository.")), coverage: true, NoIncremental);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains(config + " : QualityGate error QGB0203: qualitygate.json is a link out of the repository.", run.Output, StringComparison.Ordinal);

            // Malformed JSON: the error carries the line and column, where an IDE or a CI problem matcher jumps.
            run = _motor.Test(FakeEngine(null, exitCode: 2, ("QG_FAKE_STDERR", "error QGB0203: qualitygate.json is not valid JSON at line 3, column 7. Fix the syntax.")), coverage: true, NoIncremental);
            Assert.Contains(config + "(3,7): QualityGate error QGB0203: qualitygate.json is not valid JSON at line 3, column 7.", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public void EngineCrash_IsQGB9003_WithItsLastOutput()
    {
        var run = _motor.Test(FakeEngine(null, exitCode: 134, ("QG_FAKE_STDERR", "Unhandled exception. System.InvalidOperationException: boom")), coverage: true, NoIncremental);

        Assert.Equal(1, run.ExitCode);
        AssertNoStackTrace(run);
        Assert.Matches(@"error QGB9003: The quality gate engine stopped unexpectedly \(exit code 134\); no verdict\. Its last output: .*boom", run.Output);
    }

    [Fact]
    public void NoCoverage_WarnsQGB9101_AndDoesNotRunTheEngine()
    {
        var run = _motor.Test(FakeEngine(FailingResult, exitCode: 1), coverage: false, NoIncremental);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("warning QGB9101: QualityGate: this test run produced no coverage", run.Output, StringComparison.Ordinal);
        Assert.Empty(EngineCalls());
    }

    [Fact]
    public void SharedResultsDirectory_PassesEachCoverageFileOnce()
    {
        // CI often gives every test project one --results-directory: each project's run then sees the other's file too.
        var shared = Path.Combine(_work, "shared results");
        var run = _motor.Test(FakeEngine(FailingResult, exitCode: 1), coverage: true, NoIncremental, "--results-directory", shared);

        Assert.Equal(1, run.ExitCode);
        var calls = EngineCalls();
        Assert.Single(calls);
        var files = Regex.Matches(calls[0], @"--coverage (.+?\.cobertura\.xml)").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(2, files.Length);
        Assert.Equal(2, files.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ErrorLogWithVersion_EachProjectsLogIsPassed()
    {
        // The documented form: %2C keeps ",version=2.1" inside ErrorLog (a bare comma would start another property).
        const string errorLog = "-p:ErrorLog=build.sarif%2Cversion=2.1";
        var build = _motor.Build(errorLog);
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = _motor.Test(FakeEngine(FailingResult, exitCode: 1), coverage: true, NoIncremental, errorLog);

        Assert.Equal(1, run.ExitCode);
        var calls = EngineCalls();
        Assert.Single(calls);
        var logs = Regex.Matches(calls[0], @"--sarif (\S+)").Select(m => m.Groups[1].Value).ToArray();
        Assert.True(logs.Length >= 2, calls[0]);
        Assert.All(logs, log =>
        {
            Assert.EndsWith("/build.sarif", log, StringComparison.Ordinal);
            Assert.True(File.Exists(log), log);
            Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(log), StringComparison.Ordinal);
        });
        Assert.Equal(logs.Length, logs.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void TestProjectWithoutCoverlet_WarnsQGB9104_NamingIt_AndTheGateStillRuns()
    {
        var dir = Path.Combine(_work, "motor without coverlet");
        var consumer = ConsumerSolution.CreateMotor(_feed, dir);
        var smoke = Path.Combine(dir, "tests", "Motor.Smoke.Tests", "Motor.Smoke.Tests.csproj");
        File.WriteAllText(smoke, File.ReadAllText(smoke).Replace("<PackageReference Include=\"coverlet.collector\" Version=\"10.0.1\" />", "", StringComparison.Ordinal));
        var build = consumer.Build();
        Assert.True(build.ExitCode == 0, build.ToString());

        var run = consumer.Test(FakeEngine(FailingResult, exitCode: 1), coverage: true, NoIncremental);

        Assert.Equal(1, run.ExitCode);
        AssertNoStackTrace(run);
        Assert.Equal(1, Regex.Count(run.Output, Regex.Escape($"warning QGB9104: QualityGate: the tests of {smoke} produced no coverage")));
        Assert.DoesNotContain("QGB9101", run.Output, StringComparison.Ordinal);
        var calls = EngineCalls();
        Assert.Single(calls);
        Assert.Equal(1, Regex.Count(calls[0], "--coverage "));
        Assert.Matches(@"error QGB1101: reviews\.coverage", run.Output);
    }

    [Fact]
    public void NoCoverage_WithRequireCoverage_IsAnError()
    {
        var run = _motor.Test(FakeEngine(FailingResult, exitCode: 1), coverage: false, NoIncremental, "-p:QualityGateRequireCoverage=true");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error QGB9101", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void CoverageWithRequireCoverage_TheEngineGetsRequireCoverage_ItsQGB0109IsTheBuildsError()
    {
        // The run's coverage names no file of the repository (made in another checkout): the engine says QGB0109, exit 2.
        var stderr = "error QGB0109: no coverage data: the 2 coverage files found have no coverable line of this repository, and coverage is required (--require-coverage).";
        var run = _motor.Test(FakeEngine(null, exitCode: 2, ("QG_FAKE_STDERR", stderr)), coverage: true, NoIncremental, "-p:QualityGateRequireCoverage=true");

        Assert.Equal(1, run.ExitCode);
        AssertNoStackTrace(run);
        Assert.Contains("error QGB0109: no coverage data: the 2 coverage files found have no coverable line of this repository", run.Output, StringComparison.Ordinal);
        Assert.EndsWith(" --require-coverage", Assert.Single(EngineCalls()), StringComparison.Ordinal);

        // A value MSBuild does not read as true is false, as for QGB9101: the switch is not passed, and no MSB4030.
        var without = _motor.Test(FakeEngine(FailingResult, exitCode: 1), coverage: true, NoIncremental, "-p:QualityGateRequireCoverage=maybe");
        Assert.Equal(1, without.ExitCode);
        Assert.DoesNotContain("--require-coverage", EngineCalls()[1], StringComparison.Ordinal);
        Assert.DoesNotContain("MSB4030", without.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void FailingTestInTheHost_FailsTheRun_AndSaysQGB9102()
    {
        // Motor.Smoke.Tests is the host (last by full path): its failed VSTest stops it before its gate target.
        var run = _motor.Test(FakeEngine(FailingResult, exitCode: 1, ("MOTOR_E2E_FAIL", "1")), coverage: true, NoIncremental);

        Assert.Equal(1, run.ExitCode);
        AssertNoMSBuildCrash(run);
        Assert.Contains("Environment_AllowsTheRun", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("QGB1101", run.Output, StringComparison.Ordinal);
        Assert.Empty(EngineCalls());
        // Said once, by the other test project, naming the host.
        var host = Path.Combine(_motor.Directory, "tests", "Motor.Smoke.Tests", "Motor.Smoke.Tests.csproj");
        Assert.Equal(1, Regex.Count(run.Output, Regex.Escape($"warning QGB9102: QualityGate: tests failed in {host}, the test project that runs the quality gate, so the quality gate was not evaluated")));
        Assert.Equal(["QGB9102"], Regex.Matches(run.Output, @"(?:warning|error) (QGB\d{4})").Select(m => m.Groups[1].Value).Distinct().ToArray());
    }

    [Fact]
    public void FailingTestInAnotherProject_FailsTheRun_AndTheHostSaysQGB9102()
    {
        var run = _motor.Test(FakeEngine(FailingResult, exitCode: 1, ("MOTOR_E2E_FAIL_PRICING", "1")), coverage: true, NoIncremental);

        Assert.Equal(1, run.ExitCode);
        AssertNoMSBuildCrash(run);
        Assert.Contains("Environment_AllowsThePricingRun", run.Output, StringComparison.Ordinal);
        Assert.Empty(EngineCalls());
        Assert.Equal(1, Regex.Count(run.Output, Regex.Escape("warning QGB9102: QualityGate: tests failed, so the quality gate was not evaluated")));
        Assert.Equal(["QGB9102"], Regex.Matches(run.Output, @"(?:warning|error) (QGB\d{4})").Select(m => m.Groups[1].Value).Distinct().ToArray());
    }

    [Fact]
    public void Disabled_DoesNotRunTheGate()
    {
        var run = _motor.Test(FakeEngine(FailingResult, exitCode: 1), coverage: true, NoIncremental, "-p:QualityGateEnabled=false");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("QGB", run.Output, StringComparison.Ordinal);
        Assert.Empty(EngineCalls());
    }

    [Fact]
    public void DesignTimeBuild_SkipsTheGate()
    {
        var run = _motor.Test(FakeEngine(FailingResult, exitCode: 1), coverage: true, NoIncremental, "-p:DesignTimeBuild=true");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("QGB", run.Output, StringComparison.Ordinal);
        Assert.Empty(EngineCalls());
    }

    [Fact]
    public void SolutionFilter_NamedByQualityGateSolution_GatesOnlyItsTestProjects()
    {
        // The filter leaves out Motor.Smoke.Tests, the full solution's host (last by full path). MSBuild tells projects
        // only the full solution's path, so without QualityGateSolution the pricing tests would ask for the smoke tests.
        var filter = Path.Combine(_motor.Directory, "Pricing.slnf");
        File.WriteAllText(filter, """
            {"solution":{"path":"Motor.slnx","projects":["src/Motor.Pricing/Motor.Pricing.csproj","tests/Motor.Pricing.Tests/Motor.Pricing.Tests.csproj"]}}
            """);
        try
        {
            var run = Processes.Dotnet(_motor.Directory, FakeEngine(FailingResult, exitCode: 1),
                "test", "Pricing.slnf", "--no-build", "--collect", "XPlat Code Coverage", NoIncremental, "-p:QualityGateSolution=Pricing.slnf");

            Assert.Equal(1, run.ExitCode);
            AssertNoStackTrace(run);
            Assert.DoesNotContain("Motor.Smoke.Tests", run.Output, StringComparison.Ordinal);
            Assert.Matches(@"error QGB1101: reviews\.coverage", run.Output);
            var call = Assert.Single(EngineCalls());
            Assert.Equal(1, Regex.Count(call, "--coverage "));
            Assert.Contains("Motor.Pricing.Tests/obj/qualitygate/result.json", call, StringComparison.Ordinal);

            var missing = Processes.Dotnet(_motor.Directory, FakeEngine(FailingResult, exitCode: 1),
                "test", "Pricing.slnf", "--no-build", "--collect", "XPlat Code Coverage", NoIncremental, "-p:QualityGateSolution=Part.slnf");
            Assert.Equal(1, missing.ExitCode);
            AssertNoStackTrace(missing);
            Assert.Contains("error QGB9008: QualityGate: QualityGateSolution is 'Part.slnf', and '" + Path.Combine(_motor.Directory, "Part.slnf") + "' does not exist.", missing.Output, StringComparison.Ordinal);
            Assert.Single(EngineCalls());
        }
        finally
        {
            File.Delete(filter);
        }
    }

    private const string NoIncremental = "-p:QualityGateIncremental=false";

    private string EnginePath => "-p:QualityGateEnginePath=" + _feed.FakeEngine;

    private string EngineLog => Path.Combine(_work, "engine-calls.log");

    private string[] EngineCalls() => File.Exists(EngineLog) ? File.ReadAllLines(EngineLog) : [];

    /// <summary>The fake engine for this scenario; the property that selects it rides in the environment, like a CI variable.</summary>
    private Dictionary<string, string> FakeEngine(string? resultJson, int exitCode, params (string Key, string Value)[] more)
    {
        var environment = new Dictionary<string, string>
        {
            ["QualityGateEnginePath"] = _feed.FakeEngine,
            ["QG_FAKE_LOG"] = EngineLog,
            ["QG_FAKE_EXIT"] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (resultJson is not null)
        {
            var path = Path.Combine(_work, "result-" + Guid.NewGuid().ToString("N")[..6] + ".json");
            File.WriteAllText(path, resultJson);
            environment["QG_FAKE_RESULT"] = path;
        }

        foreach (var (key, value) in more)
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>No MSBuild task crash and no stack trace anywhere in the output.</summary>
    internal static void AssertNoStackTrace(RunResult run)
    {
        AssertNoMSBuildCrash(run);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
    }

    /// <summary>No task crash (MSB4018) and no task that failed without saying why (MSB4181).</summary>
    internal static void AssertNoMSBuildCrash(RunResult run)
    {
        Assert.DoesNotContain("MSB4018", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB4181", run.Output, StringComparison.Ordinal);
    }

    /// <summary>Each scenario starts without the verdict and fingerprint of the one before.</summary>
    internal static void ResetGateState(ConsumerSolution motor)
    {
        foreach (var project in new[] { "Motor.Pricing.Tests", "Motor.Smoke.Tests" })
        {
            PackageFeedFixture.TryDelete(Path.Combine(motor.Directory, "tests", project, "obj", "qualitygate"));
        }

        PackageFeedFixture.TryDelete(Path.Combine(motor.Directory, "TestResults"));
    }
}
