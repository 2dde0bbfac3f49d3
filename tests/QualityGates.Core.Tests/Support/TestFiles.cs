namespace QualityGates.Core.Tests.Support;

internal static class TestFiles
{
    /// <summary>The repository root the checked-in coverlet fixtures were produced in (/tmp/covsample).</summary>
    public const string FixtureRepository = "/tmp/covsample";

    public static string Asset(string relative) => Path.Combine(AppContext.BaseDirectory, "TestAssets", relative);

    public static string PricingCoverage => Asset("Coverage/pricing-tests.cobertura.xml");

    public static string ClaimsCoverage => Asset("Coverage/claims-tests.cobertura.xml");

    /// <summary>A coverlet fixture's text with its &lt;source&gt; pointed at <paramref name="repositoryRoot"/>.</summary>
    public static string CoverageFor(string fixture, string repositoryRoot) =>
        File.ReadAllText(fixture).Replace(FixtureRepository + "/", repositoryRoot + "/", StringComparison.Ordinal);
}

/// <summary>A temp folder deleted after the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qg-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>
    /// Makes the folder a git working tree by name (an empty .git folder), for tests whose fake history stands for its
    /// git: the commands that give a verdict run without --repo only in a working tree (QGB0008).
    /// </summary>
    public TempDirectory AsWorkTree()
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, ".git"));
        return this;
    }

    public string Write(string relative, string content)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Copies a coverlet fixture, pointing its &lt;source&gt; at this folder as if it were the repository.</summary>
    public string CopyCoverage(string fixture, string relative)
    {
        return Write(relative, TestFiles.CoverageFor(fixture, Path));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}

internal static class RepositoryLayout
{
    /// <summary>The root of this source repository (where QualityGates.sln is).</summary>
    public static string Root
    {
        get
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "QualityGates.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("QualityGates.sln not found above the test output.");
        }
    }
}
