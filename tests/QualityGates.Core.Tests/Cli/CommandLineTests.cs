using System.Text.Json;
using QualityGates.Cli;
using QualityGates.Core.Config;
using QualityGates.Core.History;
using QualityGates.Core.Hotspots;
using QualityGates.Core.Tests.History;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory repo = new TempDirectory().AsWorkTree();
    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();

    public CommandLineTests()
    {
        repo.CopyCoverage(TestFiles.PricingCoverage, "tests/PricingTests/TestResults/1/coverage.cobertura.xml");
        repo.CopyCoverage(TestFiles.ClaimsCoverage, "tests/ClaimsTests/TestResults/2/coverage.cobertura.xml");
    }

    public void Dispose()
    {
        repo.Dispose();
        stdout.Dispose();
        stderr.Dispose();
    }

    private int Run(Func<Engine>? factory, params string[] args)
    {
        Func<Engine> engine = factory ?? (() => new Engine(new FakeHistory(Histories.With()), new FakeHotspots(new[] { Histories.Hotspot("src/Insurance/Pricing/PremiumCalculator.cs", 14) })));
        return CommandLine.Run(args, new CliContext(stdout, stderr, engine, Now, repo.Path, ShowProgress: false));
    }

    private int Run(params string[] args) => Run(null, args);

    [Fact]
    public void Check_FailingGate_Exit1_WithReadableText()
    {
        int exit = Run("check", "--repo", repo.Path);

        Assert.Equal(1, exit);
        string text = stdout.ToString();
        Assert.StartsWith("Quality gate FAILED: 1 failed, 3 warning(s), 11 conditions.\n", text, StringComparison.Ordinal);
        Assert.Contains("  FAIL  coverage.line          Line coverage is 75.0 %, below the required 80.0 %.\n", text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Theory]
    [InlineData("report", "--output")]
    [InlineData("check", "--report")]
    [InlineData("check", "--coverage-report")]
    [InlineData("check", "--repo")]
    [InlineData("check", "--json")]
    [InlineData("check", "--coverage")]
    [InlineData("report", "--history")]
    public void EmptyPath_IsAUsageError_NothingWritten(string command, string option)
    {
        string[] before = Directory.GetFileSystemEntries(repo.Path, "*", SearchOption.AllDirectories);

        int exit = Run(command, option, string.Empty);

        Assert.Equal(2, exit);
        Assert.StartsWith($"error QGB0001: {option} was given an empty value: ", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(repo.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void JsonAndMarkdownToTheSameFile_IsAUsageError()
    {
        int exit = Run("check", "--json", "out/r.txt", "--markdown", "./out/../out/r.txt");

        Assert.Equal(2, exit);
        Assert.StartsWith("error QGB0001: --json and --markdown name the same file 'out/r.txt': give each its own.", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repo.Path, "out")));
    }

    [Fact]
    public void StandardOutputThatCannotBeWritten_IsQGB0004_NotAnUnexpectedFailure()
    {
        using var full = new FullWriter();
        Func<Engine> engine = () => new Engine(new FakeHistory(Histories.With()), new FakeHotspots(Array.Empty<Hotspot>()));

        int exit = CommandLine.Run(new[] { "check", "--repo", repo.Path }, new CliContext(new StandardOutput(full), stderr, engine, Now, repo.Path, ShowProgress: false));

        Assert.Equal(2, exit);
        Assert.Equal(
            "error QGB0004: cannot write to standard output (No space left on device): check where the output is redirected (a full disk, a closed pipe).",
            stderr.ToString().Trim());
    }

    /// <summary>Like /dev/full: every write fails.</summary>
    private sealed class FullWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");

        public override void WriteLine(string? value) => throw new IOException("No space left on device");
    }

    [Fact]
    public void Check_PassingGateWithWarnings_Exit0_WritesJsonAndMarkdown()
    {
        repo.Write("qualitygate.json", """{ "conditions": { "coverage.line": { "fail": 0.7, "warn": 0.8 } } }""");

        int exit = Run("check", "--repo", repo.Path, "--json", "out/result.json", "--markdown", "out/summary.md");

        Assert.Equal(0, exit);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(repo.Path, "out/result.json")));
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(0.75, json.RootElement.GetProperty("coverage").GetProperty("lineRate").GetDouble());
        Assert.StartsWith("## Quality gate: passed", File.ReadAllText(Path.Combine(repo.Path, "out/summary.md")), StringComparison.Ordinal);
        Assert.StartsWith("Quality gate PASSED", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_JsonToStdout()
    {
        Run("check", "--repo", repo.Path, "--json", "-");

        using JsonDocument json = JsonDocument.Parse(stdout.ToString());
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
    }

    [Fact]
    public void Check_MarkdownToStdout_WritesNoFileNamedDash()
    {
        Run("check", "--repo", repo.Path, "--markdown", "-");

        Assert.StartsWith("## Quality gate: **failed** (1 failed, 3 ", stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Quality gate FAILED", stdout.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(repo.Path, "-")));
        Assert.False(File.Exists(Path.Combine(Environment.CurrentDirectory, "-")));
    }

    [Fact]
    public void Check_JsonAndMarkdownBothToStdout_IsUsageError()
    {
        Assert.Equal(2, Run("check", "--repo", repo.Path, "--json", "-", "--markdown", "-"));

        Assert.Contains("QGB0001", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("write one of them to a file", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout.ToString());
    }

    [Fact]
    public void Check_ExplicitCoverage_RelativeToCurrentDirectory()
    {
        Run("check", "--repo", repo.Path, "--coverage", "tests/PricingTests/TestResults/1/coverage.cobertura.xml", "--json", "-");

        using JsonDocument json = JsonDocument.Parse(stdout.ToString());
        Assert.Equal(0.5, json.RootElement.GetProperty("coverage").GetProperty("lineRate").GetDouble());
    }

    [Theory]
    [InlineData("QGB0001", "check", "--bogus")]
    [InlineData("QGB0001", "chek")]
    [InlineData("QGB0101", "check", "--coverage", "missing.xml")]
    [InlineData("QGB0204", "check", "--config", "nope.json")]
    [InlineData("QGB0401", "check", "--sarif", "nope.sarif")]
    [InlineData("QGB0002", "check", "--repo", "does/not/exist")]
    public void InputErrors_Exit2_WithCodeAndNoStackTrace(string code, params string[] args)
    {
        int exit = Run(args);

        Assert.Equal(2, exit);
        Assert.StartsWith("error " + code + ": ", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("coverage")]
    [InlineData("hotspots")]
    [InlineData("baseline")]
    [InlineData("report")]
    public void CoverageGlobWithDotDotAfterAWildcard_QGB0001_SaysWhatToDo(string command)
    {
        int exit = Run(command, "--coverage", "src/**/../x.xml");

        Assert.Equal(2, exit);
        Assert.Equal(
            "error QGB0001: --coverage 'src/**/../x.xml': '..' can only come before the first wildcard (* ? [ {). Name the folder without '..' after the wildcard, or put the '..' steps at the start (e.g. '../other/**/coverage.cobertura.xml').\n",
            stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(repo.Path, "qualitygate.baseline.json")));
    }

    [Fact]
    public void ConfigCoverageGlobWithDotDotAfterAWildcard_QGB0202_NamesTheJsonPath()
    {
        repo.Write("qualitygate.json", """{ "coverage": { "files": ["**/TestResults/../*.xml"] } }""");

        Assert.Equal(2, Run("check"));
        Assert.StartsWith("error QGB0202: ", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("$.coverage.files[0] '**/TestResults/../*.xml': '..' can only come before the first wildcard", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("QGB0009", stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tests/*/TestResults/*/coverage.cobertura.xml")]
    [InlineData("tests/*/TestResults/?/coverage.cobertura.xml")]
    [InlineData("tests/*Tests/TestResults/?/coverage.cobertura.?ml")]
    public void CoverageGlobWithQuestionMark_FindsWhatTheStarFinds_FromTheCommandLineAndTheConfig(string glob)
    {
        // '?' once matched nothing: coverage became no data and a failing gate passed.
        Assert.Equal(1, Run("check", "--coverage", glob));
        Assert.Contains("Line coverage is 75.0 %, below the required 80.0 %.", stdout.ToString(), StringComparison.Ordinal);
        stdout.GetStringBuilder().Clear();

        repo.Write("qualitygate.json", $$"""{ "coverage": { "files": ["{{glob}}"] } }""");

        Assert.Equal(1, Run("check"));
        Assert.Contains("Line coverage is 75.0 %, below the required 80.0 %.", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public void ConfigTypo_Exit2_NamesTheKey()
    {
        repo.Write("qualitygate.json", """{ "conditions": { "coverage.lines": {} } }""");

        Assert.Equal(2, Run("check"));
        Assert.Contains("error QGB0201: ", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("$.conditions['coverage.lines']", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BadCoverageFile_Exit2()
    {
        repo.Write("tests/X/TestResults/3/coverage.cobertura.xml", "<report/>");

        Assert.Equal(2, Run("check"));
        Assert.StartsWith("error QGB0104: ", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RealEngine_NoGitRepository_SaysSoWithoutACrash()
    {
        using var folder = new TempDirectory();
        folder.CopyCoverage(TestFiles.PricingCoverage, "tests/PricingTests/TestResults/1/coverage.cobertura.xml");
        folder.CopyCoverage(TestFiles.ClaimsCoverage, "tests/ClaimsTests/TestResults/2/coverage.cobertura.xml");

        // A folder without git, judged on purpose (--repo, as the build does outside a repository).
        int exit = CommandLine.Run(new[] { "check", "--repo", "." }, new CliContext(stdout, stderr, EngineFactory.Create, Now, folder.Path, false));

        // Coverage alone is judged; review and hotspot figures are no data, and the note says why.
        Assert.Equal(string.Empty, stderr.ToString());
        Assert.Contains("note: no git repository: review and hotspot figures need git history", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("reviews.coverage       Insufficient data for review coverage: 0 human landings", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, exit);
    }

    [Fact]
    public void RealEngine_BaseThatDoesNotExist_Exit2_QGB0005()
    {
        using var git = new GitRepo();
        git.Commit("One", files: new[] { ("src/A.cs", "class A { }\n") });
        string? Env(string name) => name == "QUALITYGATE_CACHE_DIR" ? "off" : null;

        int exit = CommandLine.Run(new[] { "check", "--repo", git.Root, "--base", "origin/mian" }, new CliContext(stdout, stderr, EngineFactory.Create, Now, git.Root, false, Env));

        Assert.Equal(2, exit);
        Assert.Equal(
            "error QGB0005: --base 'origin/mian' is not a branch, tag or commit of this repository. Fetch it first (e.g. 'git fetch origin main', or fetch-depth: 0 in CI), "
            + "pass a ref that exists, or leave out --base to use the configured or detected base branch." + Environment.NewLine,
            stderr.ToString());
        Assert.Equal(string.Empty, stdout.ToString());
    }

    [Fact]
    public void RealEngine_ConfiguredBaseThatDoesNotExist_StaysANote()
    {
        using var git = new GitRepo();
        git.Commit("One", files: new[] { ("src/A.cs", "class A { }\n") });
        git.Write("qualitygate.json", "{ \"baseBranch\": \"origin/mian\", \"trend\": { \"file\": null } }");
        string? Env(string name) => name == "QUALITYGATE_CACHE_DIR" ? "off" : null;

        int exit = CommandLine.Run(new[] { "check", "--repo", git.Root }, new CliContext(stdout, stderr, EngineFactory.Create, Now, git.Root, false, Env));

        Assert.Equal(string.Empty, stderr.ToString());
        Assert.Contains("note: base ref 'origin/mian' not found: new code unknown", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, exit);
    }

    [Theory]
    [InlineData("@{-1}")]
    [InlineData("@{upstream}")]
    [InlineData("@")]
    public void ArgumentStartingWithAt_ArrivesLiterally_NotAsAResponseFile(string baseRef)
    {
        var history = new FakeHistory(Histories.With());

        int exit = Run(() => new Engine(history, new FakeHotspots(Array.Empty<Hotspot>())), "check", "--base", baseRef);

        Assert.Equal(string.Empty, stderr.ToString());
        Assert.Equal(1, exit);
        Assert.Equal(baseRef, history.LastOptions?.BaseRef);
    }

    [Fact]
    public void CoverageUnderAnAtScopeFolder_IsReadAsAPath()
    {
        repo.CopyCoverage(TestFiles.PricingCoverage, "@team/cov.xml");

        Assert.Equal(0, Run("coverage", "--coverage", "@team/cov.xml"));

        Assert.Equal(string.Empty, stderr.ToString());
        Assert.StartsWith("Coverage of 2 file(s) from 1 report(s): line 50.0 % (18/36)", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AtFile_IsNotOpened_ItsLinesAreNotEchoed()
    {
        string secret = repo.Write("secret.txt", "root:x:0:0:secret\n");

        Assert.Equal(2, Run("coverage", "@" + secret));

        Assert.Contains($"'@{secret}'", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("root:x", stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('\u202E')]
    [InlineData('\u202A')]
    [InlineData('\u2066')]
    [InlineData('\u2069')]
    [InlineData('\u200E')]
    [InlineData('\u200F')]
    public void BidiControlsInNames_AreReplacedOnTheConsole(char bidi)
    {
        // "src/\u202Esc.exe.cs" shows as "src/sc.exe.cs" reversed in a CI log (Trojan Source).
        string path = "src/" + bidi + "sc.exe.cs";
        Func<Engine> engine = () => new Engine(new FakeHistory(Histories.With()), new FakeHotspots(new[] { Histories.Hotspot(path, 14) }));

        Assert.Equal(0, Run(engine, "hotspots"));
        Assert.Equal(2, Run(engine, "coverage", "--coverage", "missing" + bidi + ".xml"));

        Assert.Contains("src/?sc.exe.cs", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("missing?.xml", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(bidi, stdout.ToString() + stderr.ToString());
    }

    [Fact]
    public void UnexpectedException_Exit2_QGB0009_NoStackTrace()
    {
        int exit = Run(() => throw new InvalidOperationException("boom"), "check");

        Assert.Equal(2, exit);
        Assert.Equal("error QGB0009: unexpected failure (InvalidOperationException: boom). Please report it with the command line used.\n", stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Help_Exit0()
    {
        Assert.Equal(0, Run("--help"));
        Assert.Contains("check", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_WritesFile_ThenCheckComparesWithIt()
    {
        Assert.Equal(0, Run("baseline", "--repo", repo.Path));

        Baseline? written = BaselineStore.Read(Path.Combine(repo.Path, "qualitygate.baseline.json"));
        Assert.NotNull(written);
        Assert.Equal(0.75, written.LineRate);
        Assert.Equal(0.45, written.BranchRate);
        Assert.Equal("head456", written.Commit);
        Assert.Equal(Now, written.CreatedAt);
        Assert.Equal(new[] { new BaselineHotspot("src/Insurance/Pricing/PremiumCalculator.cs", 14, 0.5) }, written.Hotspots);
        Assert.StartsWith("Baseline written to ", stdout.ToString(), StringComparison.Ordinal);

        stdout.GetStringBuilder().Clear();
        Run("check", "--json", "-");
        using JsonDocument json = JsonDocument.Parse(stdout.ToString());
        JsonElement hotspotsNew = json.RootElement.GetProperty("conditions").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "hotspots.new");
        Assert.Equal("passed", hotspotsNew.GetProperty("status").GetString());
    }

    [Fact]
    public void MisspeltCommand_OneErrorWithTheNearestCommand()
    {
        Assert.Equal(2, Run("chek"));

        Assert.Equal("error QGB0001: Unrecognized command or argument 'chek'. Did you mean 'check'?\nRun 'qualitygate --help' for the commands and options.\n", stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void UnwritableOutput_NamesTheFileAskedFor_NotATempFile()
    {
        // /proc takes no new files, even from root; elsewhere a file stands where the folder should be.
        repo.Write("out", "a file where a folder is expected");
        string target = Directory.Exists("/proc/self") ? "/proc/qualitygate-result.json" : Path.Combine(repo.Path, "out", "result.json");

        Assert.Equal(2, Run("check", "--repo", repo.Path, "--json", target));

        string error = stderr.ToString();
        Assert.StartsWith("error QGB0004: Cannot write '" + target + "': ", error, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_TakesOneSarifLogPerProject()
    {
        // The MSBuild task passes one --sarif per project; the CLI reads every one.
        string Log(string name, string file) => repo.Write(name,
            "{ \"version\": \"2.1.0\", \"runs\": [ { \"results\": [ { \"ruleId\": \"QG1001\", \"locations\": [ { \"physicalLocation\": { \"artifactLocation\": { \"uri\": \"" + file + "\" } } } ] } ] } ] }");
        Log("src/Pricing/build.sarif", "src/Insurance/Pricing/PremiumCalculator.cs");
        Log("src/Claims/build.sarif", "src/Insurance/Claims/ClaimsHandler.cs");

        Assert.Equal(0, Run("baseline", "--repo", repo.Path, "--sarif", "src/Pricing/build.sarif", "--sarif", "src/Claims/build.sarif"));

        Baseline? written = BaselineStore.Read(Path.Combine(repo.Path, "qualitygate.baseline.json"));
        Assert.NotNull(written?.Analyzers);
        Assert.Equal(new[] { "src/Insurance/Claims/ClaimsHandler.cs", "src/Insurance/Pricing/PremiumCalculator.cs" }, written.Analyzers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, written.Analyzers["src/Insurance/Claims/ClaimsHandler.cs"]["QG1001"]);
    }

    [Fact]
    public void Reviews_Json()
    {
        Assert.Equal(0, Run("reviews", "--json"));

        using JsonDocument json = JsonDocument.Parse(stdout.ToString());
        Assert.Equal(40, json.RootElement.GetProperty("reviews").GetProperty("humanLandings").GetInt32());
    }

    [Fact]
    public void Hotspots_TextAndJsonFile()
    {
        Assert.Equal(0, Run("hotspots"));
        Assert.Contains("src/Insurance/Pricing/PremiumCalculator.cs", stdout.ToString(), StringComparison.Ordinal);

        Assert.Equal(0, Run("hotspots", "--json", "hotspots.json"));
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(repo.Path, "hotspots.json")));
        Assert.Equal(14, json.RootElement.GetProperty("hotspots")[0].GetProperty("complexity").GetInt32());
    }

    [Fact]
    public void Coverage_NeedsNoGit()
    {
        int exit = CommandLine.Run(new[] { "coverage" }, new CliContext(stdout, stderr, EngineFactory.Create, Now, repo.Path, false));

        Assert.Equal(0, exit);
        Assert.Equal("Coverage of 2 file(s) from 2 report(s): line 75.0 % (27/36), branch 45.0 % (9/20).\n", stdout.ToString());
    }

    [Fact]
    public void Coverage_BranchTotalsBeyondInt32_PrintedInFull()
    {
        string line = """<line number="{0}" hits="1" branch="true" condition-coverage="50% (1000000000/2000000000)" />""";
        repo.Write("big.xml", Coverage.CoverageMergeTests.Cobertura(string.Concat(new[] { 4, 5, 3 }.Select(n => string.Format(System.Globalization.CultureInfo.InvariantCulture, line, n)))));

        int exit = CommandLine.Run(new[] { "coverage", "--coverage", "big.xml" }, new CliContext(stdout, stderr, EngineFactory.Create, Now, repo.Path, false));

        Assert.Equal(0, exit);
        Assert.Equal("Coverage of 1 file(s) from 1 report(s): line 100.0 % (3/3), branch 50.0 % (3000000000/6000000000).\n", stdout.ToString());
    }
}

public class CacheDirectoryTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void ExplicitVariable_Wins()
    {
        Assert.Equal("/var/cache/qg", CommandLine.DefaultCacheDirectory(Env(("QUALITYGATE_CACHE_DIR", "/var/cache/qg"), ("XDG_CACHE_HOME", "/x"))));
    }

    [Fact]
    public void Off_DisablesTheCache()
    {
        Assert.Null(CommandLine.DefaultCacheDirectory(Env(("QUALITYGATE_CACHE_DIR", "OFF"))));
    }

    [Fact]
    public void XdgCacheHome_ThenHomeCache()
    {
        Assert.Equal("/x/qualitygates", CommandLine.DefaultCacheDirectory(Env(("XDG_CACHE_HOME", "/x"))));
        Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "qualitygates"), CommandLine.DefaultCacheDirectory(Env()));
    }
}
