using QualityGates.Core.Coverage;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Coverage;

public class CoverageMergeTests
{
    private const string Pricing = "src/Insurance/Pricing/PremiumCalculator.cs";
    private const string Claims = "src/Insurance/Claims/ClaimValidator.cs";

    private static CoverageReport ReadBoth() =>
        CoverageLoader.Read(TestFiles.FixtureRepository, new[] { TestFiles.PricingCoverage, TestFiles.ClaimsCoverage });

    [Fact]
    public void SingleCoverletFile_MatchesItsOwnTotals()
    {
        // coverlet's own header: lines-covered="18" lines-valid="36" branches-covered="7" branches-valid="20".
        CoverageReport report = CoverageLoader.Read(TestFiles.FixtureRepository, new[] { TestFiles.PricingCoverage });

        Assert.Equal(new CoverageFigures(36, 18, 20, 7), report.Totals);
        Assert.Equal(0.5, report.Totals.LineRate);
        Assert.Equal(0.35, report.Totals.BranchRate);
        Assert.Equal(new[] { Claims, Pricing }, report.Files.Keys);
        Assert.Empty(report.Notes);
    }

    [Fact]
    public void TwoTestProjects_MergeByMaxHitsAndBranchPoints()
    {
        CoverageReport report = ReadBoth();

        // Union of covered lines (27 of 36), never a sum of hits; branches 9 of 20 (max per branch point).
        Assert.Equal(new CoverageFigures(36, 27, 20, 9), report.Totals);
        Assert.Equal(0.75, report.Totals.LineRate);
        Assert.Equal(0.45, report.Totals.BranchRate);
        Assert.Equal(new CoverageFigures(21, 16, 14, 6), report.Files[Pricing].Figures);
        Assert.Equal(new CoverageFigures(15, 11, 6, 3), report.Files[Claims].Figures);
    }

    [Fact]
    public void SameFileTwice_IsNotDoubleCounted()
    {
        CoverageReport once = CoverageLoader.Read(TestFiles.FixtureRepository, new[] { TestFiles.PricingCoverage });
        CoverageReport twice = CoverageLoader.Read(TestFiles.FixtureRepository, new[] { TestFiles.PricingCoverage, TestFiles.PricingCoverage });

        Assert.Equal(once.Totals, twice.Totals);
        Assert.True(twice.Files[Pricing].TryGetLine(6, out LineCoverage line));
        Assert.Equal(1, line.Hits);
    }

    [Fact]
    public void BranchLine_TakesBestBranchPointOutcomes()
    {
        CoverageReport report = ReadBoth();

        // Line 23 (switch as jumps): 2/4 in the pricing tests, 0/4 in the claims tests -> 2/4.
        Assert.True(report.Files[Pricing].TryGetLine(23, out LineCoverage line23));
        Assert.Equal(new LineCoverage(23, 1, 2, 4), line23);

        // Line 12 of the validator: 0/2 then 1/2 -> 1/2; hits max(0, 1).
        Assert.True(report.Files[Claims].TryGetLine(12, out LineCoverage line12));
        Assert.Equal(new LineCoverage(12, 1, 1, 2), line12);
    }

    [Fact]
    public void CoverageLookup_AnswersPerFileAndRange()
    {
        CoverageReport report = ReadBoth();

        Assert.Equal(16.0 / 21, report.LineRate(Pricing));
        Assert.Null(report.LineRate("src/Unknown.cs"));
        // Describe (lines 35-37) is never run.
        Assert.Equal((0, 3), report.LinesInRange(Pricing, 34, 38));
        // Premium (lines 6-19): every line covered by one project or the other.
        Assert.Equal((12, 12), report.LinesInRange(Pricing, 5, 20));
        Assert.Null(report.LinesInRange("src/Unknown.cs", 1, 10));
    }

    [Fact]
    public void NewCodeLines_CountOnlyCoverableLines()
    {
        CoverageReport report = ReadBoth();
        var changed = new Dictionary<string, IReadOnlySet<int>>
        {
            // 34 and 38 are a blank line and a brace: not coverable.
            [Pricing] = new HashSet<int> { 34, 35, 36, 37, 38 },
            [Claims] = new HashSet<int> { 6, 7 },
            ["README.md"] = new HashSet<int> { 1, 2 },
        };

        CoverageFigures figures = report.ForLines(changed);

        Assert.Equal(new CoverageFigures(5, 2, 4, 1), figures);
        Assert.Equal(0.4, figures.LineRate);
    }

    [Fact]
    public void NoCoverableLine_IsNoDataNotFullCoverage()
    {
        CoverageReport report = ReadBoth();

        CoverageFigures figures = report.ForLines(new Dictionary<string, IReadOnlySet<int>> { ["docs/readme.md"] = new HashSet<int> { 1 } });

        Assert.Null(figures.LineRate);
        Assert.Null(figures.BranchRate);
        Assert.Null(report.ForFiles(new[] { "src/NotCovered.cs" }).LineRate);
    }

    [Fact]
    public void CriticalFiles_FiguresOverThoseFilesOnly()
    {
        CoverageFigures figures = ReadBoth().ForFiles(new[] { Pricing, Pricing });

        Assert.Equal(new CoverageFigures(21, 16, 14, 6), figures);
    }

    [Fact]
    public void ConditionNumbers_UnionAcrossReports()
    {
        using var temp = new TempDirectory();
        string first = temp.Write("a.xml", Cobertura("""
            <line number="5" hits="1" branch="True" condition-coverage="50% (2/4)">
              <conditions><condition number="10" type="jump" coverage="100%" /><condition number="20" type="jump" coverage="0%" /></conditions>
            </line>
            """));
        string second = temp.Write("b.xml", Cobertura("""
            <line number="5" hits="3" branch="True" condition-coverage="50% (2/4)">
              <conditions><condition number="10" type="jump" coverage="0%" /><condition number="20" type="jump" coverage="100%" /></conditions>
            </line>
            """));

        CoverageReport report = CoverageLoader.Read(temp.Path, new[] { first, second });

        Assert.True(report.Files["src/A.cs"].TryGetLine(5, out LineCoverage line));
        Assert.Equal(new LineCoverage(5, 3, 4, 4), line);
    }

    [Fact]
    public void TwoTestProjectsOfOneLibrary_RealCoverlet_GeneratedSourcesLeftOut()
    {
        // Real coverlet output of one library (partial class over two files, async method, lambdas, a record, an #if
        // branch, a committed Tariff.g.cs and a [GeneratedRegex]) tested by two test projects. The regex generator's
        // obj/.../RegexGenerator.g.cs alone has 68 coverable lines, more than the hand-written code: it took line
        // coverage from 39/42 down to 96/115.
        CoverageReport report = CoverageLoader.Read(TestFiles.FixtureRepository, new[]
        {
            TestFiles.Asset("Coverage/motor-tests-a.cobertura.xml"),
            TestFiles.Asset("Coverage/motor-tests-b.cobertura.xml"),
        });

        Assert.Equal(
            new[] { "src/Motor/Plates.cs", "src/Motor/PremiumCalculator.Rules.cs", "src/Motor/PremiumCalculator.cs", "src/Motor/Quote.cs" },
            report.Files.Keys);
        Assert.Equal(new CoverageFigures(42, 39, 22, 16), report.Totals);
        Assert.Equal(new CoverageFigures(14, 12, 12, 8), report.Files["src/Motor/PremiumCalculator.Rules.cs"].Figures);
        Assert.Equal(new CoverageFigures(24, 24, 8, 7), report.Files["src/Motor/PremiumCalculator.cs"].Figures);

        // switch (age / 10): 4/6 in each project with other points covered, 5/6 together (ReportGenerator says 4/6).
        Assert.True(report.Files["src/Motor/PremiumCalculator.Rules.cs"].TryGetLine(7, out LineCoverage line7));
        Assert.Equal(new LineCoverage(7, 4, 5, 6), line7);

        string note = Assert.Single(report.Notes);
        Assert.Equal(
            "2 generated source files (under obj/, bin/ or Migrations/, or named *.g.cs, *.Designer.cs, ...) were left out of coverage: " +
            "'src/Motor/Tariff.g.cs', 'src/Motor/obj/Debug/net10.0/System.Text.RegularExpressions.Generator/System.Text.RegularExpressions.Generator.RegexGenerator/RegexGenerator.g.cs'.",
            note);
    }

    [Fact]
    public void MultiTargetedLibrary_BranchPointsOfTwoBuildsAreNotAddedUp()
    {
        // Real coverlet output: the library targets net8.0 and net10.0, one test project each. Claims.Surcharge has an
        // #if NET10_0_OR_GREATER guard, so the two builds give lines 12 and 17 other IL offsets (condition numbers
        // 28/19 and 43/34). Adding them up counted 10 outcomes (4 covered) for a file with 6 in either build.
        CoverageReport report = CoverageLoader.Read(TestFiles.FixtureRepository, new[]
        {
            TestFiles.Asset("Coverage/multitarget-net8.cobertura.xml"),
            TestFiles.Asset("Coverage/multitarget-net10.cobertura.xml"),
        });

        FileCoverage claims = report.Files["src/Motor/Claims.cs"];
        Assert.Equal(new CoverageFigures(8, 8, 6, 3), claims.Figures);
        Assert.True(claims.TryGetLine(10, out LineCoverage line10)); // net8.0 only: if (string.IsNullOrWhiteSpace(holder))
        Assert.Equal(new LineCoverage(10, 1, 1, 2), line10);
        Assert.True(claims.TryGetLine(12, out LineCoverage line12)); // claims > 2: true in one build, false in the other
        Assert.Equal(new LineCoverage(12, 1, 1, 2), line12);
        Assert.True(claims.TryGetLine(17, out LineCoverage line17)); // 0/2 in net8.0, 1/2 in net10.0
        Assert.Equal(new LineCoverage(17, 1, 1, 2), line17);
    }

    [Fact]
    public void SameBuildInTwoReports_BranchPointsStillUnite()
    {
        // The per-build rule must not lose the union of one build: line 7 (a switch compiled to jumps) is 4/6 in both
        // reports, with different points covered, so 5 of 6 outcomes are known to have run.
        using var temp = new TempDirectory();
        string first = temp.Write("a.xml", Cobertura("""
            <line number="7" hits="2" branch="True" condition-coverage="66.66% (4/6)">
              <conditions><condition number="10" type="jump" coverage="50%" /><condition number="16" type="jump" coverage="100%" /><condition number="24" type="jump" coverage="50%" /></conditions>
            </line>
            """));
        string second = temp.Write("b.xml", Cobertura("""
            <line number="7" hits="4" branch="True" condition-coverage="66.66% (4/6)">
              <conditions><condition number="10" type="jump" coverage="50%" /><condition number="16" type="jump" coverage="50%" /><condition number="24" type="jump" coverage="100%" /></conditions>
            </line>
            """));

        CoverageReport report = CoverageLoader.Read(temp.Path, new[] { first, second });

        Assert.True(report.Files["src/A.cs"].TryGetLine(7, out LineCoverage line));
        Assert.Equal(new LineCoverage(7, 4, 5, 6), line);
    }

    [Fact]
    public void SwitchCondition_GetsTheOutcomesTheJumpsLeave()
    {
        using var temp = new TempDirectory();
        string file = temp.Write("a.xml", Cobertura("""
            <line number="9" hits="2" branch="True" condition-coverage="40% (2/5)">
              <conditions><condition number="1" type="switch" coverage="33.33%" /><condition number="7" type="jump" coverage="50%" /></conditions>
            </line>
            """));

        CoverageReport report = CoverageLoader.Read(temp.Path, new[] { file });

        Assert.True(report.Files["src/A.cs"].TryGetLine(9, out LineCoverage line));
        Assert.Equal(new LineCoverage(9, 2, 2, 5), line);
    }

    [Fact]
    public void WithoutConditionNumbers_BestSummaryWins()
    {
        using var temp = new TempDirectory();
        string first = temp.Write("a.xml", Cobertura("""<line number="3" hits="0" branch="True" condition-coverage="25% (1/4)" />"""));
        string second = temp.Write("b.xml", Cobertura("""<line number="3" hits="1" branch="True" condition-coverage="75% (3/4)" />"""));

        CoverageReport report = CoverageLoader.Read(temp.Path, new[] { first, second });

        Assert.Equal(new CoverageFigures(1, 1, 4, 3), report.Totals);
    }

    [Fact]
    public void DeterministicSourceRoot_MapsToTheRepository()
    {
        using var temp = new TempDirectory();
        string file = temp.Write("a.xml", Cobertura("""<line number="1" hits="1" />""", source: "/_/", filename: "src/A.cs"));

        CoverageReport report = CoverageLoader.Read(temp.Path, new[] { file });

        Assert.Equal(new[] { "src/A.cs" }, report.Files.Keys);
    }

    [Fact]
    public void Globs_FindCoverletFilesUnderTestResults()
    {
        using var temp = new TempDirectory();
        temp.CopyCoverage(TestFiles.PricingCoverage, "tests/PricingTests/TestResults/1111/coverage.cobertura.xml");
        temp.CopyCoverage(TestFiles.ClaimsCoverage, "tests/ClaimsTests/TestResults/2222/coverage.cobertura.xml");
        var notes = new List<string>();

        CoverageReport? report = CoverageLoader.Load(temp.Path, temp.Path, new[] { "**/TestResults/*/coverage.cobertura.xml", "none/**/*.xml" }, notes);

        Assert.NotNull(report);
        Assert.Equal(2, report.Inputs.Count);
        Assert.Equal(new CoverageFigures(36, 27, 20, 9), report.Totals);
        Assert.Equal(new[] { "No coverage file matched 'none/**/*.xml'." }, notes);
    }

    [Theory]
    [InlineData("TestResults/a?/coverage.cobertura.xml", "TestResults/ab/coverage.cobertura.xml")]
    [InlineData("TestResults/??/coverage.cobertura.xml", "TestResults/ab/coverage.cobertura.xml")]
    [InlineData("TestResults/a*/coverage.cobertura.xml", "TestResults/a/coverage.cobertura.xml|TestResults/ab/coverage.cobertura.xml|TestResults/abc/coverage.cobertura.xml")]
    [InlineData("TestResults/a??/c?verage.*.xml", "TestResults/abc/coverage.cobertura.xml")]
    [InlineData("**/a?/*.xml", "TestResults/ab/coverage.cobertura.xml|deep/x/ab/coverage.cobertura.xml")]
    [InlineData("TestResults?ab/*.xml", "")]
    [InlineData("TestResults/ab/coverage.cobertura.xm?", "TestResults/ab/coverage.cobertura.xml")]
    public void QuestionMark_MatchesExactlyOneCharacterOfAName(string glob, string expected)
    {
        using var temp = new TempDirectory();
        foreach (string folder in new[] { "TestResults/a", "TestResults/ab", "TestResults/abc", "deep/x/ab" })
        {
            temp.Write(folder + "/coverage.cobertura.xml", "<coverage />");
        }

        var notes = new List<string>();

        IReadOnlyList<string> files = CoverageLoader.ResolveFiles(temp.Path, new[] { glob }, notes);

        Assert.Equal(
            expected.Split('|', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal),
            files.Select(f => Path.GetRelativePath(temp.Path, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Null(CoverageLoader.PatternProblem(glob));
    }

    [Fact]
    public void NoFileMatched_IsNoData()
    {
        using var temp = new TempDirectory();
        var notes = new List<string>();

        Assert.Null(CoverageLoader.Load(temp.Path, temp.Path, new[] { "**/coverage.cobertura.xml" }, notes));
        Assert.Single(notes);
    }

    internal static string Cobertura(string lines, string source = "src/", string filename = "A.cs") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <coverage line-rate="0" branch-rate="0" version="1.9" timestamp="1" lines-covered="0" lines-valid="0">
          <sources><source>{source}</source></sources>
          <packages><package name="P"><classes>
            <class name="A" filename="{filename}"><methods /><lines>
            {lines}
            </lines></class>
          </classes></package></packages>
        </coverage>
        """;
}

/// <summary>coverlet.collector's output for the bundled sample's own tests (samples/Contoso.Motor.Tests), checked in as produced.</summary>
public class SampleCoverageTests
{
    // The sample's tests ran in a checkout at /work/main; the loader needs only the root string, not the folder.
    private const string SampleRepository = "/work/main";

    [Fact]
    public void SampleTestsCoverage_MatchesCoverletsOwnTotals()
    {
        // coverlet's header: lines-covered="592" lines-valid="743" branches-covered="178" branches-valid="244".
        CoverageReport report = CoverageLoader.Read(SampleRepository, new[] { TestFiles.Asset("Coverage/sample-motor.cobertura.xml") });

        Assert.Equal(new CoverageFigures(743, 592, 244, 178), report.Totals);
        Assert.All(report.Files.Keys, path => Assert.StartsWith("samples/Contoso.Motor/", path, StringComparison.Ordinal));
        Assert.Empty(report.Notes);
    }

    [Fact]
    public void SampleTestsCoverage_UnderCoveredCancellationCalculator()
    {
        CoverageReport report = CoverageLoader.Read(SampleRepository, new[] { TestFiles.Asset("Coverage/sample-motor.cobertura.xml") });

        // Two coverlet classes (the calculator and a compiler-generated one) share the file: 8 of 16 lines, 2 of 6 branches.
        CoverageFigures figures = report.Files["samples/Contoso.Motor/Policies/CancellationCalculator.cs"].Figures;
        Assert.Equal(new CoverageFigures(16, 8, 6, 2), figures);
        Assert.Equal(0.5, figures.LineRate);
    }
}
