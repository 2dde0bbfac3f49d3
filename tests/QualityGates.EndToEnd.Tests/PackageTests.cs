using System.IO.Compression;
using System.Xml.Linq;
using QualityGates.EndToEnd.Tests.Infrastructure;

namespace QualityGates.EndToEnd.Tests;

/// <summary>What the package holds and what installing it does to a consumer's build.</summary>
[Collection(EndToEndGroup.Name)]
public sealed class PackageTests(PackageFeedFixture feed)
{
    [Fact]
    public void Package_HasAnalyzersAnnotationsTaskEngineAndBuildFiles()
    {
        using var zip = ZipFile.OpenRead(feed.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            "README.md",
            "analyzers/dotnet/cs/QualityGates.Analyzers.dll",
            "analyzers/dotnet/cs/QualityGates.CodeFixes.dll",
            "annotations/netstandard2.0/QualityGates.Annotations.dll",
            "build/QualityGates.props",
            "build/QualityGates.targets",
            "buildMultiTargeting/QualityGates.props",
            "buildMultiTargeting/QualityGates.targets",
            "buildTransitive/QualityGates.props",
            "buildTransitive/QualityGates.targets",
            "tasks/net8.0/QualityGates.Build.dll",
            "tasks/net8.0/QualityGates.Build.deps.json",
            "tasks/net8.0/qualitygate.dll",
            "tasks/net8.0/qualitygate.deps.json",
            "tasks/net8.0/qualitygate.runtimeconfig.json",
            "tasks/net8.0/QualityGates.Core.dll",
            "tasks/net8.0/LibGit2Sharp.dll",
            "tasks/net8.0/runtimes/linux-x64/native/libgit2-5853918.so",
            "tasks/net8.0/runtimes/win-x64/native/git2-5853918.dll",
            "tasks/net8.0/Microsoft.CodeAnalysis.CSharp.dll",
        ];
        Assert.Equal([], expected.Where(e => !entries.Contains(e)).ToArray());

        // Nothing in lib/ or ref/: the consumer's application gets no assembly from the package.
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));
        // MSBuild provides its own assemblies; a copy in tasks/ would load twice.
        Assert.DoesNotContain(entries, e => e.StartsWith("tasks/net8.0/Microsoft.Build", StringComparison.Ordinal));
    }

    [Fact]
    public void Nuspec_IsADevelopmentDependencyWithoutDependencies()
    {
        using var zip = ZipFile.OpenRead(feed.PackagePath);
        using var stream = zip.GetEntry("QualityGates.nuspec")!.Open();
        var nuspec = XDocument.Load(stream);
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("QualityGates", metadata.Element(ns + "id")!.Value);
        Assert.Equal(feed.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Empty(nuspec.Descendants(ns + "dependency"));
    }

    [Fact]
    public void ConsumerBuild_ShowsAnalyzerWarnings()
    {
        var build = feed.MotorBuild;
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("warning QG0001", build.Output, StringComparison.Ordinal);
        Assert.Contains("qualitygates_roundng_mode", build.Output, StringComparison.Ordinal);
        // A plain build never runs the gate: it needs the tests' coverage.
        Assert.DoesNotContain("QGB", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsumerBuild_UsesAnnotationsButShipsNoneOfThePackage()
    {
        Assert.True(feed.MotorBuild.ExitCode == 0, feed.MotorBuild.ToString());
        var bin = Path.Combine(feed.Motor.Directory, "src", "Motor.Pricing", "bin", "Debug", "net10.0");
        Assert.True(File.Exists(Path.Combine(bin, "Motor.Pricing.dll")));
        Assert.Empty(Directory.GetFiles(bin, "QualityGates*"));
        var testBin = Path.Combine(feed.Motor.Directory, "tests", "Motor.Pricing.Tests", "bin", "Debug", "net10.0");
        Assert.Empty(Directory.GetFiles(testBin, "QualityGates*"));
        Assert.DoesNotContain("QualityGates", File.ReadAllText(Path.Combine(testBin, "Motor.Pricing.Tests.deps.json")), StringComparison.Ordinal);
    }
}
