namespace QualityGates.Build.Tests;

public sealed class SmallTaskTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeBuildEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void QualityGateCheck_MissingEngine_IsQGB9001_AndRunsNothing()
    {
        var engine = Path.Combine(_temp.Path, "tasks", "qualitygate.dll");
        var task = new QualityGateCheck { BuildEngine = _engine, EnginePath = engine, ResultFile = Path.Combine(_temp.Path, "result.json") };

        Assert.False(task.Execute());
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("QGB9001", error.Code);
        Assert.StartsWith($"The quality gate engine '{engine}' is missing from the QualityGates package.", error.Message, StringComparison.Ordinal);
        Assert.Equal(-1, task.EngineExitCode);
    }

    [Theory]
    [InlineData(true, "exec /e/qualitygate.dll check --repo /r --coverage /r/c.xml --json /r/result.json --require-coverage")]
    [InlineData(false, "exec /e/qualitygate.dll check --repo /r --coverage /r/c.xml --json /r/result.json")]
    public void QualityGateCheck_RequireCoverage_IsPassedToTheEngine(bool require, string arguments)
    {
        var task = new QualityGateCheck
        {
            BuildEngine = _engine,
            EnginePath = "/e/qualitygate.dll",
            RepositoryRoot = "/r",
            CoverageFiles = [new Microsoft.Build.Utilities.TaskItem("/r/c.xml")],
            ResultFile = "/r/result.json",
            RequireCoverage = require,
        };

        Assert.Equal(arguments, task.Arguments);
    }

    [Fact]
    public void QualityGateCheck_EngineFails_RemovesTheLastRunsReports_AndNothingElse()
    {
        // Not an assembly: 'dotnet exec' refuses it, as a broken engine would fail, after the stale outputs are gone.
        var engine = _temp.Write(Path.Combine("tasks", "qualitygate.dll"), "not an assembly");
        var reports = Path.Combine(_temp.Path, "reports");
        string[] stale = ["report.html", "report.md", "qualitygate-result.json"];
        foreach (var name in stale)
        {
            _temp.Write(Path.Combine("reports", name), "last run");
        }

        var notes = _temp.Write(Path.Combine("reports", "notes.md"), "mine");
        var coverage = _temp.Write(Path.Combine("reports", "coverage", "index.html"), "last run");
        var task = new QualityGateCheck
        {
            BuildEngine = _engine,
            EnginePath = engine,
            ResultFile = _temp.Write("result.json", "last run"),
            MarkdownFile = _temp.Write("summary.md", "last run"),
            ReportDirectory = reports,
        };

        Assert.False(task.Execute());
        Assert.Equal("QGB9003", Assert.Single(_engine.Errors).Code);
        Assert.All(stale, name => Assert.False(File.Exists(Path.Combine(reports, name)), name));
        Assert.False(File.Exists(task.ResultFile));
        Assert.False(File.Exists(task.MarkdownFile));
        Assert.Equal("mine", File.ReadAllText(notes));
        Assert.Equal("last run", File.ReadAllText(coverage));
    }

    [Fact]
    public void SolutionProjects_ReadsSlnSlnxAndSlnf()
    {
        _temp.Write("Motor.sln", """
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Motor.Pricing", "src\Motor.Pricing\Motor.Pricing.csproj", "{1}"
            EndProject
            Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "tests", "tests", "{2}"
            EndProject
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Motor.Tests", "tests\Motor.Tests\Motor.Tests.csproj", "{3}"
            EndProject
            """);
        _temp.Write("Motor.slnx", """<Solution><Folder Name="/tests/"><Project Path="tests/Motor.Tests/Motor.Tests.csproj" /></Folder><Project Path="src/Motor.Pricing/Motor.Pricing.csproj" /></Solution>""");
        _temp.Write("Tests.slnf", """{"solution":{"path":"Motor.sln","projects":["tests\\Motor.Tests\\Motor.Tests.csproj"]}}""");
        var pricing = Path.Combine(_temp.Path, "src", "Motor.Pricing", "Motor.Pricing.csproj");
        var tests = Path.Combine(_temp.Path, "tests", "Motor.Tests", "Motor.Tests.csproj");

        Assert.Equal([pricing, tests], QualityGateSolutionProjects.Read(Path.Combine(_temp.Path, "Motor.sln")).ToArray());
        Assert.Equal([tests, pricing], QualityGateSolutionProjects.Read(Path.Combine(_temp.Path, "Motor.slnx")).ToArray());
        Assert.Equal([tests], QualityGateSolutionProjects.Read(Path.Combine(_temp.Path, "Tests.slnf")).ToArray());
    }

    [Fact]
    public void SolutionProjects_UnreadableFilter_IsQGB9008()
    {
        var filter = _temp.Write("Broken.slnf", "{\"solution\":{\"projects\":[]}}");
        var task = new QualityGateSolutionProjects { BuildEngine = _engine, SolutionPath = filter };

        Assert.False(task.Execute());
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("QGB9008", error.Code);
        Assert.Equal(filter, error.File);
    }

    [Theory]
    [InlineData("")]
    [InlineData("*Undefined*")]
    public void SolutionProjects_NoSolution_NoProjectsAndNoError(string solution)
    {
        var task = new QualityGateSolutionProjects { BuildEngine = _engine, SolutionPath = solution };

        Assert.True(task.Execute());
        Assert.Empty(task.Projects);
        Assert.Empty(_engine.Errors);
    }
}
