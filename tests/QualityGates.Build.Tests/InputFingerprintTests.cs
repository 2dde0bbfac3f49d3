using System.Diagnostics;

namespace QualityGates.Build.Tests;

public sealed class InputFingerprintTests : IDisposable
{
    private static readonly DateTime Day = new(2025, 3, 14, 10, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _temp = new();
    private readonly string _repo;
    private readonly string _coverage;
    private readonly string _config;
    private readonly string _engine;

    public InputFingerprintTests()
    {
        _repo = Path.Combine(_temp.Path, "repo");
        _temp.Write("repo/.git/HEAD", "ref: refs/heads/main\n");
        _temp.Write("repo/.git/refs/heads/main", "0123456789abcdef0123456789abcdef01234567\n");
        _temp.Write("repo/src/Pricing/Premium.cs", "class Premium { }\n");
        _coverage = _temp.Write("repo/TestResults/a/coverage.cobertura.xml", Cobertura("1700000000", "0.5"));
        _config = _temp.Write("repo/qualitygate.json", "{}\n");
        _engine = _temp.Write("engine/qualitygate.dll", "engine");
    }

    public void Dispose() => _temp.Dispose();

    private string Compute(DateTime? now = null, string commandLine = "check --repo x", IEnumerable<string>? coverage = null) =>
        InputFingerprint.Compute(commandLine, coverage ?? [_coverage], [_config], _repo, _engine, now ?? Day);

    private static string Cobertura(string timestamp, string lineRate) =>
        $"<?xml version=\"1.0\"?>\n<coverage line-rate=\"{lineRate}\" timestamp=\"{timestamp}\">\n  <packages />\n</coverage>\n";

    [Fact]
    public void SameInputs_SameValue()
    {
        var first = Compute();
        Assert.Equal(64, first.Length);
        Assert.Equal(first, Compute());
    }

    [Fact]
    public void OneChangedByteOfCoverage_ChangesIt()
    {
        var before = Compute();
        File.WriteAllText(_coverage, Cobertura("1700000000", "0.6"));
        Assert.NotEqual(before, Compute());
    }

    [Fact]
    public void CoverletsRunTimestamp_DoesNotChangeIt()
    {
        var before = Compute();
        File.WriteAllText(_coverage, Cobertura("1800000000", "0.5"));
        Assert.Equal(before, Compute());
    }

    [Fact]
    public void OrderOfCoverageFiles_DoesNotChangeIt()
    {
        var second = _temp.Write("repo/TestResults/b/coverage.cobertura.xml", Cobertura("1", "0.9"));
        Assert.Equal(Compute(coverage: [_coverage, second]), Compute(coverage: [second, _coverage]));
    }

    [Fact]
    public void OneChangedByteOfTheConfiguration_ChangesIt()
    {
        var before = Compute();
        File.WriteAllText(_config, "{ }\n");
        Assert.NotEqual(before, Compute());
    }

    [Fact]
    public void NewCommit_ChangesIt()
    {
        var before = Compute();
        File.WriteAllText(Path.Combine(_repo, ".git", "refs", "heads", "main"), "1123456789abcdef0123456789abcdef01234567\n");
        Assert.NotEqual(before, Compute());
    }

    [Fact]
    public void UncommittedEditOfASource_ChangesIt_EvenWithTheSameSize()
    {
        var source = Path.Combine(_repo, "src", "Pricing", "Premium.cs");
        var before = Compute();
        File.WriteAllText(source, "class Premiun { }\n");
        File.SetLastWriteTimeUtc(source, File.GetLastWriteTimeUtc(source).AddSeconds(2));
        Assert.NotEqual(before, Compute());
    }

    [Fact]
    public void UncommittedEditThatChangesTheSize_ChangesIt()
    {
        var source = Path.Combine(_repo, "src", "Pricing", "Premium.cs");
        var stamp = File.GetLastWriteTimeUtc(source);
        var before = Compute();
        File.WriteAllText(source, "class Premium { int x; }\n");
        File.SetLastWriteTimeUtc(source, stamp);
        Assert.NotEqual(before, Compute());
    }

    [Fact]
    public void NewSourceFile_ChangesIt()
    {
        var before = Compute();
        _temp.Write("repo/src/Pricing/Discount.cs", "class Discount { }\n");
        Assert.NotEqual(before, Compute());
    }

    [Theory]
    [InlineData("repo/.editorconfig", "[*.cs]\nqualitygates_pricing_scope = Motor.*\n")]
    [InlineData("repo/src/Pricing/.editorconfig", "[*.cs]\nqualitygates_underwriting_scope = Motor.*\n")]
    [InlineData("repo/scope.globalconfig", "is_global = true\nqualitygates_pricing_scope = Motor.*\n")]
    [InlineData("repo/src/Pricing/Pricing.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n")]
    [InlineData("repo/Directory.Build.props", "<Project />\n")]
    public void NewScopeSettingOrProjectFile_ChangesIt(string path, string content)
    {
        // The scope decides which files coverage.critical judges: a new or edited setting changes the verdict.
        var before = Compute();
        _temp.Write(path, content);
        var added = Compute();
        Assert.NotEqual(before, added);
        _temp.Write(path, content + "# edited\n");
        Assert.NotEqual(added, Compute());
    }

    [Fact]
    public void BuildOutputAndHiddenFolders_DoNotChangeIt()
    {
        var before = Compute();
        _temp.Write("repo/src/Pricing/obj/Release/Generated.AssemblyInfo.cs", "// generated\n");
        _temp.Write("repo/src/Pricing/bin/Copied.cs", "// copied\n");
        _temp.Write("repo/.vs/Cache.cs", "// IDE\n");
        _temp.Write("repo/artifacts/tool/Program.cs", "// tool copy\n");
        _temp.Write("repo/src/Pricing/notes.txt", "not C#\n");
        Assert.Equal(before, Compute());
    }

    [Fact]
    public void AnotherDay_ChangesIt()
    {
        Assert.NotEqual(Compute(Day), Compute(Day.AddDays(1)));
        Assert.Equal(Compute(Day), Compute(Day.AddHours(13)));
    }

    [Fact]
    public void OtherArguments_ChangeIt() => Assert.NotEqual(Compute(commandLine: "check --base main"), Compute(commandLine: "check --base develop"));

    [Fact]
    public void NoRepository_StillGivesAValue()
    {
        var value = InputFingerprint.Compute("check", [], [], null, _engine, Day);
        Assert.Equal(value, InputFingerprint.Compute("check", [], [], null, _engine, Day));
        // A root that does not exist is no repository either.
        Assert.Equal(value, InputFingerprint.Compute("check", [], [], Path.Combine(_temp.Path, "missing"), _engine, Day));
        Assert.NotEqual(value, InputFingerprint.Compute("check", [], [], _repo, _engine, Day));
    }

    [Fact]
    public void WrittenFingerprint_IsReadBackWithItsExitCode_OnlyWhenItMatches()
    {
        var file = Path.Combine(_temp.Path, "out", "result.json.inputs");
        InputFingerprint.Write(file, "ABC", 1);

        Assert.True(InputFingerprint.TryReadLast(file, "ABC", out var exitCode));
        Assert.Equal(1, exitCode);
        Assert.False(InputFingerprint.TryReadLast(file, "ABD", out _));
        Assert.False(InputFingerprint.TryReadLast(Path.Combine(_temp.Path, "none"), "ABC", out _));
        File.WriteAllText(file, "ABC\nnot a number\n");
        Assert.False(InputFingerprint.TryReadLast(file, "ABC", out _));
    }

    [Fact]
    public void TwoThousandSources_StayCheap()
    {
        for (var i = 0; i < 2000; i++)
        {
            _temp.Write($"repo/src/M{i / 100}/F{i}.cs", "class F" + i + " { }\n");
        }

        Compute();
        var watch = Stopwatch.StartNew();
        Compute();
        watch.Stop();
        Console.WriteLine($"Fingerprint with 2,000 sources: {watch.Elapsed.TotalMilliseconds:0} ms");
        // The whole target must stay well under 0.5 s on a no-change run; the source walk is a small part of it.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(0.5), $"{watch.Elapsed.TotalMilliseconds:0} ms for 2,000 sources");
    }
}
