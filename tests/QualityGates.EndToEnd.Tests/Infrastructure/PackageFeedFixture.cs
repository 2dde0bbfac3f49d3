using System.Globalization;

namespace QualityGates.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs QualityGates once per test run into a local folder feed, with a version of its own so that no stale copy in
/// the NuGet cache is ever used, builds the fake engine, and lays out one consumer solution ("Motor") that the
/// scenarios share: it is restored and built once, and each scenario only changes git history, environment or
/// properties and runs `dotnet test --no-build`.
/// </summary>
public sealed class PackageFeedFixture : IDisposable
{
    public PackageFeedFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        Root = Path.Combine(Path.GetTempPath(), "qg-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);

        var pack = Processes.Dotnet(RepositoryRoot, null, "pack", Path.Combine(RepositoryRoot, "src", "QualityGates.Package", "QualityGates.Package.csproj"),
            "-c", Configuration, "-o", Feed, "-p:PackageVersion=" + Version);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + pack);
        }

        PackagePath = Path.Combine(Feed, $"QualityGates.{Version}.nupkg");
        FakeEngine = BuildFakeEngine();
        Motor = ConsumerSolution.CreateMotor(this, Path.Combine(Root, "motor"));
        MotorBuild = Motor.Build();
    }

    public string RepositoryRoot { get; }

    public string Version { get; }

    public string Root { get; }

    public string Feed { get; }

    public string PackagePath { get; }

    /// <summary>fake-qualitygate.dll: the CLI's contract, driven by QG_FAKE_* variables.</summary>
    public string FakeEngine { get; }

    public ConsumerSolution Motor { get; }

    /// <summary>The output of the shared consumer's first `dotnet build` (restore included).</summary>
    public RunResult MotorBuild { get; }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public void Dispose()
    {
        TryDelete(Root);
        // The per-run version would otherwise pile up in the user's NuGet cache.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        TryDelete(Path.Combine(cache, "qualitygates", Version.ToLowerInvariant()));
    }

    /// <summary>This machine's own package sources (never a host written into the repository).</summary>
    public IReadOnlyList<string> MachineSources()
    {
        var list = Processes.Dotnet(Root, null, "nuget", "list", "source", "--format", "short");
        return list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("E ", StringComparison.Ordinal))
            .Select(l => l[2..].Trim())
            .Where(s => !string.Equals(s, Feed, StringComparison.Ordinal))
            .ToList();
    }

    private string BuildFakeEngine()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "TestAssets", "FakeEngine");
        var dir = Path.Combine(Root, "fake-engine");
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(source, "FakeEngine.csproj.txt"), Path.Combine(dir, "FakeEngine.csproj"));
        File.Copy(Path.Combine(source, "Program.cs.txt"), Path.Combine(dir, "Program.cs"));
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Build.targets"), "<Project />");
        var output = Path.Combine(dir, "out");
        var build = Processes.Dotnet(dir, null, "build", "-o", output);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("The fake engine did not build:\n" + build);
        }

        return Path.Combine(output, "fake-qualitygate.dll");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QualityGates.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("QualityGates.sln not found above " + AppContext.BaseDirectory);
    }

    internal static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is not a test failure.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndGroup : ICollectionFixture<PackageFeedFixture>
{
    public const string Name = "end-to-end";
}
