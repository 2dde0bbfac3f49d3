using Microsoft.Build.Framework;

namespace QualityGates.Build.Tests;

public sealed class QualityGateReportTests : IDisposable
{
    private const string FailingResult = """
        {"schemaVersion":1,"passed":false,"notes":["history truncated: fetch-depth 0 needed"],"conditions":[
          {"id":"coverage.line","status":"passed","actual":0.91,"threshold":0.8,"message":"Line coverage is 91.0 %."},
          {"id":"reviews.coverage","status":"failed","actual":0.4,"threshold":0.9,"message":"10 of 25 landings had review evidence."},
          {"id":"hotspots.growth","status":"warning","actual":0.12,"threshold":0.1,"message":"PremiumCalculator.cs grew 12 % in complexity.","file":"src/Motor.Pricing/PremiumCalculator.cs","line":8},
          {"id":"coverage.newCode","status":"skipped","actual":null,"threshold":0.8,"message":"Fewer than 20 new coverable lines."}]}
        """;

    private readonly TempDirectory _temp = new();
    private readonly FakeBuildEngine _engine = new();
    private readonly string _repo;
    private readonly string _config;

    public QualityGateReportTests()
    {
        _repo = Path.Combine(_temp.Path, "repo") + Path.DirectorySeparatorChar;
        _config = _temp.Write("repo/qualitygate.json", "{}");
    }

    public void Dispose() => _temp.Dispose();

    private string Hotspot => Path.Combine(_repo, "src", "Motor.Pricing", "PremiumCalculator.cs");

    private QualityGateReport Task(string? resultJson, Action<QualityGateReport>? configure = null)
    {
        var result = Path.Combine(_temp.Path, "out", "result.json");
        if (resultJson is not null)
        {
            _temp.Write("out/result.json", resultJson);
        }

        var task = new QualityGateReport { BuildEngine = _engine, ResultFile = result, RepositoryRoot = _repo, DefaultFile = _config };
        configure?.Invoke(task);
        return task;
    }

    [Fact]
    public void RateJustBelowItsThreshold_ShowsTheDecimalsThatTellThemApart()
    {
        var task = Task("""
            {"schemaVersion":1,"passed":false,"conditions":[
              {"id":"coverage.line","status":"failed","actual":0.9995,"threshold":1.0,"message":"Line coverage is 99.95 %, below the required 100.0 %."}]}
            """);

        Assert.False(task.Execute());
        Assert.Equal([$"QGB1001|{_config}|0|coverage.line: Line coverage is 99.95 %, below the required 100.0 %. (actual 99.95 %, threshold 100.0 %)"], _engine.ErrorLines());
    }

    [Fact]
    public void FailedCondition_IsAnErrorWithCodeFileActualAndThreshold_WarningsAndNotesAreWarnings()
    {
        var task = Task(FailingResult);

        Assert.False(task.Execute());
        Assert.False(task.Passed);
        Assert.Equal([$"QGB1101|{_config}|0|reviews.coverage: 10 of 25 landings had review evidence. (actual 40.0 %, threshold 90.0 %)"], _engine.ErrorLines());
        Assert.Equal(
        [
            $"QGB9103|{task.ResultFile}|0|history truncated: fetch-depth 0 needed",
            $"QGB1202|{Hotspot}|8|hotspots.growth: PremiumCalculator.cs grew 12 % in complexity. (actual 12.0 %, threshold 10.0 %)",
        ], _engine.WarningLines());
        var error = _engine.Errors[0];
        Assert.Equal("QualityGate", error.Subcategory);
        Assert.Equal("reviews.coverage", error.HelpKeyword);
        Assert.Contains(_engine.Messages, m => m.Message == $"Quality gate FAILED: 1 failed, 1 warning(s), 2 other condition(s). Result: {task.ResultFile}");
        // No Azure Pipelines lines outside Azure Pipelines.
        Assert.DoesNotContain(_engine.Messages, m => m.Message!.StartsWith("##vso", StringComparison.Ordinal));
    }

    [Fact]
    public void FailOnViolationFalse_TurnsErrorsIntoWarnings_AndSucceeds()
    {
        var task = Task(FailingResult, t => t.FailOnViolation = false);

        Assert.True(task.Execute());
        Assert.Empty(_engine.Errors);
        Assert.Contains($"QGB1101|{_config}|0|reviews.coverage: 10 of 25 landings had review evidence. (actual 40.0 %, threshold 90.0 %) [not enforced: QualityGateFailOnViolation=false]", _engine.WarningLines());
        Assert.Contains(_engine.Messages, m => m.Message!.StartsWith("Quality gate failed (not enforced): 1 failed, 1 warning(s), 2 other condition(s).", StringComparison.Ordinal));
    }

    [Fact]
    public void PassingResult_Succeeds_WithoutErrorsOrWarnings()
    {
        var task = Task("""{"schemaVersion":1,"passed":true,"conditions":[{"id":"coverage.line","status":"passed","actual":0.9,"threshold":0.8,"message":"ok"}]}""");

        Assert.True(task.Execute());
        Assert.True(task.Passed);
        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
    }

    [Fact]
    public void NotEvaluatedResult_SaysNotEvaluated_NeverPassed()
    {
        // Coverage files of this run whose sources all lie in another checkout: nothing failed, nothing was judged on coverage.
        var task = Task("""
            {"schemaVersion":1,"passed":true,
             "notEvaluated":{"reason":"no coverage data (the 1 coverage file found has no coverable line of this repository)","conditions":["coverage.line","coverage.critical"]},
             "conditions":[{"id":"coverage.line","status":"warning","actual":null,"threshold":0.8,"message":"Line coverage is unknown."}]}
            """);

        Assert.True(task.Execute());
        Assert.True(task.Passed);
        Assert.Contains(_engine.Messages, m => m.Message ==
            "Quality gate not evaluated: 0 failed, 1 warning(s), 0 other condition(s); no coverage data (the 1 coverage file found has no coverable line of this repository): " +
            $"coverage.line, coverage.critical were not judged. Result: {task.ResultFile}");
        Assert.DoesNotContain(_engine.Messages, m => m.Message!.StartsWith("Quality gate passed", StringComparison.Ordinal));
    }

    [Fact]
    public void GitHubStepSummary_GetsTheMarkdownAppended()
    {
        var summary = _temp.Write("step-summary.md", "# Earlier step\n");
        var markdown = _temp.Write("out/qualitygate.md", "## Quality gate\n\n| a | b |\n");
        var task = Task(FailingResult, t => { t.GitHubStepSummary = summary; t.MarkdownFile = markdown; });

        task.Execute();

        Assert.Equal("# Earlier step\n## Quality gate\n\n| a | b |\n" + Environment.NewLine, File.ReadAllText(summary));
        Assert.Contains(_engine.Messages, m => m.Message == $"Quality gate FAILED: 1 failed, 1 warning(s), 2 other condition(s). Summary: {markdown} Result: {task.ResultFile}");
    }

    [Fact]
    public void UnwritableStepSummary_IsWarningQGB9007_NotAnError()
    {
        var markdown = _temp.Write("out/qualitygate.md", "## Quality gate\n");
        var directory = Path.Combine(_temp.Path, "a-directory");
        Directory.CreateDirectory(directory);
        var task = Task("""{"schemaVersion":1,"passed":true,"conditions":[]}""", t => { t.GitHubStepSummary = directory; t.MarkdownFile = markdown; });

        Assert.True(task.Execute());
        Assert.Equal(["QGB9007"], _engine.Warnings.Select(w => w.Code).ToArray());
        Assert.Equal(directory, _engine.Warnings[0].File);
    }

    [Fact]
    public void AzurePipelines_GetsLogIssueLines()
    {
        var task = Task(FailingResult, t => t.AzurePipelines = "True");

        task.Execute();

        var vso = _engine.Messages.Select(m => m.Message!).Where(m => m.StartsWith("##vso", StringComparison.Ordinal)).ToArray();
        Assert.Equal(
        [
            $"##vso[task.logissue type=error;sourcepath={_config};code=QGB1101]reviews.coverage: 10 of 25 landings had review evidence. (actual 40.0 %AZP25, threshold 90.0 %AZP25)",
            $"##vso[task.logissue type=warning;sourcepath={Hotspot};linenumber=8;code=QGB1202]hotspots.growth: PremiumCalculator.cs grew 12 %AZP25 in complexity. (actual 12.0 %AZP25, threshold 10.0 %AZP25)",
        ], vso);
        Assert.All(_engine.Messages.Where(m => m.Message!.StartsWith("##vso", StringComparison.Ordinal)), m => Assert.Equal(MessageImportance.High, m.Importance));
    }

    [Fact]
    public void MissingResultFile_IsQGB9004()
    {
        var task = Task(null);

        Assert.False(task.Execute());
        Assert.Equal(["QGB9004"], _engine.Errors.Select(e => e.Code).ToArray());
        Assert.Equal(task.ResultFile, _engine.Errors[0].File);
    }

    [Theory]
    [InlineData("{\"schemaVersion\":1,\"passed\":tru", "is not valid JSON")]
    [InlineData("", "is not valid JSON")]
    [InlineData("[1,2]", "is not a JSON object")]
    [InlineData("{\"passed\":true,\"conditions\":[]}", "has no numeric 'schemaVersion'")]
    [InlineData("{\"schemaVersion\":\"1\",\"passed\":true,\"conditions\":[]}", "has no numeric 'schemaVersion'")]
    [InlineData("{\"schemaVersion\":1,\"conditions\":[]}", "has no boolean 'passed'")]
    [InlineData("{\"schemaVersion\":1,\"passed\":\"yes\",\"conditions\":[]}", "has no boolean 'passed'")]
    [InlineData("{\"schemaVersion\":1,\"passed\":true}", "has no 'conditions' array")]
    [InlineData("{\"schemaVersion\":1,\"passed\":true,\"conditions\":[42]}", "has a condition at index 0 that is not an object")]
    [InlineData("{\"schemaVersion\":1,\"passed\":true,\"conditions\":[{\"status\":\"failed\"}]}", "has a condition at index 0 without a string 'id'")]
    [InlineData("{\"schemaVersion\":1,\"passed\":true,\"conditions\":[{\"id\":\"coverage.line\",\"status\":\" \"}]}", "has a condition at index 0 without a string 'status'")]
    public void MalformedResult_IsQGB9005_NeverAnException(string json, string problem)
    {
        var task = Task(json);

        Assert.False(task.Execute());
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("QGB9005", error.Code);
        Assert.Equal(task.ResultFile, error.File);
        Assert.StartsWith($"The quality gate result file '{task.ResultFile}' {problem}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1e0")]
    public void SchemaVersionWrittenAsANumberEqualToOne_IsRead(string version)
    {
        var task = Task($$"""{"schemaVersion":{{version}},"passed":true,"conditions":[]}""");

        Assert.True(task.Execute());
        Assert.Empty(_engine.Errors);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("1e400")]
    public void OtherSchemaVersion_IsQGB9006(string version)
    {
        var task = Task($$"""{"schemaVersion":{{version}},"passed":true,"conditions":[]}""");

        Assert.False(task.Execute());
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("QGB9006", error.Code);
        Assert.Contains($"has schemaVersion {version}, but this QualityGates package reads schemaVersion 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FailedVerdictWithoutAFailedCondition_IsQGB1000()
    {
        var task = Task("""{"schemaVersion":1,"passed":false,"conditions":[]}""");

        Assert.False(task.Execute());
        Assert.Equal([$"QGB1000|{task.ResultFile}|0|The quality gate failed without naming a failed condition; see the report."], _engine.ErrorLines());
    }

    [Fact]
    public void UnknownConditionId_IsStillReported_AsQGB1999()
    {
        var task = Task("""{"schemaVersion":1,"passed":false,"conditions":[{"id":"mutation.score","status":"failed","actual":12,"threshold":60,"message":"Mutation score 12."}]}""");

        Assert.False(task.Execute());
        Assert.Equal([$"QGB1999|{_config}|0|mutation.score: Mutation score 12. (actual 12, threshold 60)"], _engine.ErrorLines());
    }

    [Fact]
    public void FileOutsideTheRepository_PointsAtTheDefaultFile_AndControlCharactersAreCleaned()
    {
        var task = Task("""{"schemaVersion":1,"passed":false,"conditions":[{"id":"complexity.newCode","status":"failed","actual":2,"threshold":0,"message":"two\nmethods","file":"../../etc/passwd","line":3}]}""");

        Assert.False(task.Execute());
        Assert.Equal([$"QGB1301|{_config}|3|complexity.newCode: two methods (actual 2, threshold 0)"], _engine.ErrorLines());
    }

    [Fact]
    public void BidiControls_AreCleaned_FromMessagesAndNotes()
    {
        var task = Task("{\"schemaVersion\":1,\"passed\":false,\"notes\":[\"note \\u2066x\"],\"conditions\":[{\"id\":\"complexity.newCode\",\"status\":\"failed\",\"actual\":2,\"threshold\":0,\"message\":\"in \\u202Egnp.cs\"}]}");

        Assert.False(task.Execute());
        Assert.Equal([$"QGB1301|{_config}|0|complexity.newCode: in  gnp.cs (actual 2, threshold 0)"], _engine.ErrorLines());
        Assert.Equal([$"QGB9103|{task.ResultFile}|0|note  x"], _engine.WarningLines());
    }
}
