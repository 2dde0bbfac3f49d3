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
