using QualityGates.Cli;
using QualityGates.Core.Coverage;
using QualityGates.Core.Scope;
using QualityGates.Core.Sources;
using QualityGates.Core.Tests.Support;
using DomainScope = QualityGates.Analyzers.Semantics.Scope;

namespace QualityGates.Core.Tests.Coverage;

/// <summary>Globs start at the root and stay in the repository: committed links are not entered, loops do not hang.</summary>
public sealed class CoverageSymbolicLinkTests : IDisposable
{
    private const string DefaultGlob = "**/TestResults/*/coverage.cobertura.xml";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempDirectory repo = new();
    private readonly TempDirectory outside = new();

    public CoverageSymbolicLinkTests()
    {
        repo.CopyCoverage(TestFiles.PricingCoverage, "tests/PricingTests/TestResults/1/coverage.cobertura.xml");
        outside.CopyCoverage(TestFiles.ClaimsCoverage, "TestResults/2/coverage.cobertura.xml");
        outside.Write("Secret.cs", "class Secret { void M(bool a) { if (a) { } } }");
    }

    public void Dispose()
    {
        repo.Dispose();
        outside.Dispose();
    }

    private static T Within<T>(Func<T> work)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(Patience), "The enumeration did not finish: it followed a link loop.");
        return task.Result;
    }

    [Fact]
    public void LinkLoop_DoesNotHang_AndFindsTheRealFilesOnce()
    {
        if (!Links.TryDirectory(Path.Combine(repo.Path, "src", "up1"), "..") || !Links.TryDirectory(Path.Combine(repo.Path, "src", "up2"), ".."))
        {
            return;
        }

        var notes = new List<string>();
        IReadOnlyList<string> files = Within(() => CoverageLoader.ResolveFiles(repo.Path, new[] { DefaultGlob, "**/*.cs" }, notes, new RepositoryBoundary(repo.Path), confineAll: true));

        Assert.Equal(new[] { Path.Combine(repo.Path, "tests", "PricingTests", "TestResults", "1", "coverage.cobertura.xml") }, files);
        Assert.Equal(new[] { "No coverage file matched '**/*.cs'." }, notes);
    }

    [Fact]
    public void LinkedFolderToOutside_IsNotEntered()
    {
        if (!Links.TryDirectory(Path.Combine(repo.Path, "ext"), outside.Path))
        {
            return;
        }

        var notes = new List<string>();
        CoverageReport? report = CoverageLoader.Load(repo.Path, repo.Path, new[] { DefaultGlob }, notes, confineAll: true);

        Assert.NotNull(report);
        Assert.Equal(new[] { Path.Combine(repo.Path, "tests", "PricingTests", "TestResults", "1", "coverage.cobertura.xml") }, report.Inputs);
        Assert.Empty(notes);
    }

    [Fact]
    public void LinkedFileToOutside_IsLeftOutWithANote_FromTheConfigAndFromAGlobInsideTheRepository()
    {
        string target = Path.Combine(outside.Path, "TestResults", "2", "coverage.cobertura.xml");
        string link = Path.Combine(repo.Path, "tests", "ClaimsTests", "TestResults", "2", "coverage.cobertura.xml");
        if (!Links.TryFile(link, target))
        {
            return;
        }

        foreach (bool confineAll in new[] { true, false })
        {
            var notes = new List<string>();
            IReadOnlyList<string> files = CoverageLoader.ResolveFiles(repo.Path, new[] { DefaultGlob }, notes, new RepositoryBoundary(repo.Path), confineAll);

            Assert.Equal(new[] { Path.Combine(repo.Path, "tests", "PricingTests", "TestResults", "1", "coverage.cobertura.xml") }, files);
            Assert.Equal(
                new[] { $"1 coverage file matched by '{DefaultGlob}' lies outside the repository through a symbolic link and was left out, never opened: '{link}'." },
                notes);
        }
    }

    [Fact]
    public void ConfigLiteralPathOutsideTheRepository_IsLeftOutWithANote_ACommandLinePathIsNot()
    {
        string outsideFile = Path.Combine(outside.Path, "TestResults", "2", "coverage.cobertura.xml");
        string relative = Path.GetRelativePath(repo.Path, outsideFile);
        var notes = new List<string>();

        IReadOnlyList<string> confined = CoverageLoader.ResolveFiles(repo.Path, new[] { relative, outsideFile }, notes, new RepositoryBoundary(repo.Path), confineAll: true);

        Assert.Empty(confined);
        Assert.Equal(2, notes.Count);
        Assert.StartsWith($"The coverage file '{relative}' lies outside the repository and was left out, never opened", notes[0], StringComparison.Ordinal);

        notes.Clear();
        IReadOnlyList<string> given = CoverageLoader.ResolveFiles(repo.Path, new[] { outsideFile }, notes, new RepositoryBoundary(repo.Path));
        Assert.Equal(new[] { outsideFile }, given);
        Assert.Empty(notes);
    }

    [Fact]
    public void CommandLineGlobOutsideTheRepository_IsTheUsersChoice()
    {
        var notes = new List<string>();
        IReadOnlyList<string> files = CoverageLoader.ResolveFiles(repo.Path, new[] { Path.Combine(outside.Path, "**", "*.xml") }, notes, new RepositoryBoundary(repo.Path));

        Assert.Equal(new[] { Path.Combine(outside.Path, "TestResults", "2", "coverage.cobertura.xml") }, files);
        Assert.Empty(notes);
    }

    [Fact]
    public void SourcesThroughALinkedFolder_AreNotRead()
    {
        if (!Links.TryDirectory(Path.Combine(repo.Path, "ext"), outside.Path))
        {
            return;
        }

        repo.Write("src/Inside.cs", "class Inside { }");
        SourceFacts facts = SourceFacts.Open(repo.Path, cacheDirectory: null);

        Assert.Null(facts.Read("ext/Secret.cs"));
        Assert.NotNull(facts.Read("src/Inside.cs"));
        Assert.Null(new DomainScopeResolver(repo.Path).Context("ext/Secret.cs"));
    }

    [Fact]
    public void ClassesThroughALinkedFolderToOutside_AreLeftOut_AndReportGeneratorNeverShowsThem()
    {
        repo.Write("src/Inside.cs", "class Inside { void M() { } }\n");
        if (!Links.TryDirectory(Path.Combine(repo.Path, "ext"), outside.Path))
        {
            return;
        }

        // A committed coverage file names a source through the link, and one by its absolute path outside.
        string cobertura = repo.Write("TestResults/9/coverage.cobertura.xml", CoverageMergeTests.Cobertura(
            """<line number="1" hits="1" />""", repo.Path + "/", "ext/Secret.cs") + "\n");
        string absolute = repo.Write("TestResults/8/coverage.cobertura.xml", CoverageMergeTests.Cobertura(
            """<line number="1" hits="1" />""", outside.Path + "/", "Secret.cs"));
        string inside = repo.Write("TestResults/7/coverage.cobertura.xml", CoverageMergeTests.Cobertura(
            """<line number="1" hits="1" />""", repo.Path + "/", "src/Inside.cs"));

        CoverageReport report = CoverageLoader.Read(repo.Path, new[] { cobertura, absolute, inside });
        Assert.Equal(new[] { "src/Inside.cs" }, report.Files.Keys);
        Assert.Contains(report.Notes, n => n.Contains("QGB0108", StringComparison.Ordinal) && n.Contains("'ext/Secret.cs'", StringComparison.Ordinal));

        string output = Path.Combine(repo.Path, "artifacts", "coverage");
        CoverageReportWriter.Write(new[] { cobertura, absolute, inside }, output, repo.Path);
        string html = string.Concat(Directory.GetFiles(output, "*.html").Select(File.ReadAllText));
        // ReportGenerator writes source lines with non-breaking spaces.
        Assert.Contains("class&nbsp;Inside", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", html, StringComparison.Ordinal);
        // The user's coverage files are read, never rewritten.
        Assert.Contains("ext/Secret.cs", File.ReadAllText(cobertura), StringComparison.Ordinal);
    }

    [Fact]
    public void GitsOwnFilesAndFilesThatAreNoSourceCode_AreLeftOut_AndReportGeneratorNeverShowsThem()
    {
        // A committed coverage file naming .git/config (where CI keeps its token), through a link too, and an ignored .env.
        repo.Write("src/Inside.cs", "class Inside { void M() { } }\n");
        repo.Write(".git/config", "[http]\n\textraheader = AUTHORIZATION: basic SECRETTOKEN123\n");
        repo.Write(".env", "DB_PASSWORD=hunter2-SECRET\n");
        bool linked = Links.TryFile(Path.Combine(repo.Path, "src", "x.cs"), Path.Combine("..", ".git", "config"));
        string lines = """<line number="1" hits="1" /><line number="2" hits="1" />""";
        var files = new List<string>
        {
            repo.Write("TestResults/6/coverage.cobertura.xml", CoverageMergeTests.Cobertura(lines, repo.Path + "/", ".git/config")),
            repo.Write("TestResults/5/coverage.cobertura.xml", CoverageMergeTests.Cobertura(lines, repo.Path + "/", ".env")),
            repo.Write("TestResults/4/coverage.cobertura.xml", CoverageMergeTests.Cobertura(lines, "C:\\agent\\_work\\1\\s\\", ".git\\config")),
            repo.Write("TestResults/7/coverage.cobertura.xml", CoverageMergeTests.Cobertura("""<line number="1" hits="1" />""", repo.Path + "/", "src/Inside.cs")),
        };
        if (linked)
        {
            files.Add(repo.Write("TestResults/3/coverage.cobertura.xml", CoverageMergeTests.Cobertura(lines, repo.Path + "/", "src/x.cs")));
        }

        CoverageReport report = CoverageLoader.Read(repo.Path, files);
        Assert.Equal(new[] { "src/Inside.cs" }, report.Files.Keys);
        string note = Assert.Single(report.Notes, n => n.Contains("QGB0111", StringComparison.Ordinal));
        // The Windows path and the link both lead to .git/config: one file.
        Assert.Equal(
            "2 files named by coverage are no source code (inside .git, or without a source-file extension such as .cs) and were left out of coverage, never opened (QGB0111: '.env', '.git/config').",
            note);

        string output = Path.Combine(repo.Path, "artifacts", "coverage");
        CoverageReportWriter.Write(files, output, repo.Path);
        string html = string.Concat(Directory.GetFiles(output, "*.html").Select(File.ReadAllText));
        Assert.Contains("class&nbsp;Inside", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETTOKEN123", html, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", html, StringComparison.Ordinal);
    }

    [Fact]
    public void OneFileReachedThroughALinkInsideTheRepository_IsCountedOnce()
    {
        repo.Write("src/A.cs", "class A { }\n");
        if (!Links.TryDirectory(Path.Combine(repo.Path, "src", "alias"), "."))
        {
            return;
        }

        string first = repo.Write("one.xml", CoverageMergeTests.Cobertura("""<line number="1" hits="1" /><line number="2" hits="0" />""", repo.Path + "/", "src/A.cs"));
        string second = repo.Write("two.xml", CoverageMergeTests.Cobertura("""<line number="1" hits="0" /><line number="2" hits="3" />""", repo.Path + "/", "src/alias/A.cs"));

        CoverageReport report = CoverageLoader.Read(repo.Path, new[] { first, second });

        Assert.Equal(new[] { "src/A.cs" }, report.Files.Keys);
        Assert.Equal(new CoverageFigures(2, 2, 0, 0), report.Totals);
    }

    [Fact]
    public void CommittedLinksNamedAsSettingsOrProjects_ToADeviceOrOutside_AreNotRead()
    {
        repo.Write("src/Pricing/PremiumCalculator.cs", "namespace P; public class PremiumCalculator { }");
        repo.Write("src/Underwriting/Rules.cs", "namespace U; public class Rules { }");
        string device = OperatingSystem.IsWindows() ? Path.Combine(outside.Path, "Secret.cs") : "/dev/zero";
        if (!Links.TryFile(Path.Combine(repo.Path, "src", "Pricing", ".editorconfig"), device) ||
            !Links.TryFile(Path.Combine(repo.Path, "src", "Pricing", "Pricing.csproj"), device) ||
            !Links.TryFile(Path.Combine(repo.Path, "src", "Underwriting", ".globalconfig"), Path.Combine(outside.Path, "Secret.cs")))
        {
            return;
        }

        // Read whole, /dev/zero would never end; the links count as absent, and the name heuristic still decides.
        var resolver = new DomainScopeResolver(repo.Path);
        DomainScope scope = Within(() => resolver.GetScope("src/Pricing/PremiumCalculator.cs"));

        Assert.Equal(DomainScope.Pricing, scope);
        Assert.Equal(DomainScope.None, Within(() => resolver.GetScope("src/Underwriting/Rules.cs")) & DomainScope.Pricing);
    }

    [Fact]
    public void CommandLine_EveryCommandFinishesInARepositoryWithALinkLoop()
    {
        if (!Links.TryDirectory(Path.Combine(repo.Path, "src", "up1"), "..") || !Links.TryDirectory(Path.Combine(repo.Path, "src", "up2"), ".."))
        {
            return;
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = Within(() => CommandLine.Run(new[] { "coverage", "--repo", repo.Path, "--json" },
            new CliContext(stdout, stderr, () => throw new InvalidOperationException("no engine needed"), DateTimeOffset.UnixEpoch, repo.Path, ShowProgress: false)));

        Assert.Equal(0, exit);
        Assert.Contains("\"lineRate\": 0.5", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr.ToString());
    }
}

/// <summary>Where a path really leads, links followed as the operating system follows them.</summary>
public sealed class RealPathsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Resolve_FollowsLinksOfEveryPart_KeepsMissingParts_AndStopsAtALoop()
    {
        string real = RealPaths.Resolve(temp.Path)!;
        temp.Write("a/b/file.txt", "x");
        if (!Links.TryDirectory(Path.Combine(temp.Path, "la"), "a") || !Links.TryDirectory(Path.Combine(temp.Path, "a", "up"), "..") ||
            !Links.TryFile(Path.Combine(temp.Path, "loop1"), "loop2") || !Links.TryFile(Path.Combine(temp.Path, "loop2"), "loop1"))
        {
            return;
        }

        Assert.Equal(Path.Combine(real, "a", "b", "file.txt"), RealPaths.Resolve(Path.Combine(temp.Path, "la", "b", "file.txt")));
        Assert.Equal(Path.Combine(real, "a", "b", "new", "x.json"), RealPaths.Resolve(Path.Combine(temp.Path, "la", "up", "la", "b", "new", "x.json")));
        Assert.Null(RealPaths.Resolve(Path.Combine(temp.Path, "loop1")));
        Assert.Null(RealPaths.Resolve(Path.Combine(temp.Path, "loop1", "x")));
    }

    [Fact]
    public void Boundary_ContainsWhatReallyLiesBelowTheRoot()
    {
        using var elsewhere = new TempDirectory();
        elsewhere.Write("x.json", "{}");
        if (!Links.TryDirectory(Path.Combine(temp.Path, "out"), elsewhere.Path) || !Links.TryFile(Path.Combine(temp.Path, "f.json"), Path.Combine(elsewhere.Path, "x.json")) ||
            !Links.TryFile(Path.Combine(temp.Path, "in.json"), "sub/missing.json"))
        {
            return;
        }

        var boundary = new RepositoryBoundary(temp.Path);
        Assert.True(boundary.Contains(Path.Combine(temp.Path, "a", "new.json")));
        Assert.True(boundary.Contains(Path.Combine(temp.Path, "in.json")));
        Assert.False(boundary.Contains(Path.Combine(temp.Path, "out", "x.json")));
        Assert.False(boundary.Contains(Path.Combine(temp.Path, "out", "missing", "y.json")));
        Assert.False(boundary.Contains(Path.Combine(temp.Path, "f.json")));
        Assert.False(boundary.Contains(temp.Path));
        Assert.False(boundary.Contains(Path.Combine(temp.Path, "..", "x.json")));
    }
}
