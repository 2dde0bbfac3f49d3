using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace QualityGates.Build.Tests;

public sealed class QualityGateSelectHostTests
{
    private const string A = "/src/tests/A.Tests/A.Tests.csproj";
    private const string B = "/src/tests/B.Tests/B.Tests.csproj";
    private const string C = "/src/tests/C.Tests/C.Tests.csproj";

    private static TaskItem Project(string path, string runsHere = "")
    {
        var item = new TaskItem(path);
        item.SetMetadata("RunsHere", runsHere);
        return item;
    }

    private static QualityGateSelectHost Select(string thisProject, params ITaskItem[] projects)
    {
        var task = new QualityGateSelectHost { BuildEngine = new FakeBuildEngine(), ThisProject = thisProject, TestProjects = projects };
        Assert.True(task.Execute());
        return task;
    }

    [Fact]
    public void NoTestProjects_ThisProjectHostsItself()
    {
        var task = Select(B);
        Assert.Equal(B, task.Host);
        Assert.True(task.IsHost);
    }

    [Fact]
    public void Default_IsTheLastByFullPath_WhateverTheOrder()
    {
        Assert.Equal(C, Select(A, Project(B), Project(C), Project(A)).Host);
        Assert.Equal(C, Select(A, Project(C), Project(A), Project(B)).Host);
        Assert.False(Select(A, Project(B), Project(C), Project(A)).IsHost);
        Assert.True(Select(C, Project(B), Project(C), Project(A)).IsHost);
    }

    [Fact]
    public void RunsHere_Wins_CaseInsensitively()
    {
        var task = Select(A, Project(A, "True"), Project(B), Project(C));
        Assert.Equal(A, task.Host);
        Assert.True(task.IsHost);
    }

    [Fact]
    public void SeveralRunsHere_TheFirstOfThemByFullPath()
    {
        Assert.Equal(B, Select(A, Project(A), Project(C, "true"), Project(B, "true")).Host);
    }

    [Fact]
    public void RunsHereOtherThanTrue_IsIgnored()
    {
        Assert.Equal(C, Select(A, Project(A, "yes"), Project(B, "false"), Project(C)).Host);
    }

    [Fact]
    public void PathsAreCompared_AfterNormalizing()
    {
        var task = Select("/src/tests/x/../C.Tests/C.Tests.csproj", Project(A), Project(C));
        Assert.Equal(C, task.Host);
        Assert.True(task.IsHost);
    }
}
