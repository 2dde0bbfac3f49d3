using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace QualityGates.Build;

/// <summary>
/// Runs the engine out of process (<c>dotnet exec qualitygate.dll check ...</c>) so that libgit2, Roslyn and
/// ReportGenerator never load into an MSBuild node. Skips the run when its inputs have the same content as last time.
/// Exit 0 (passed) and 1 (failed) both mean "a result JSON was written": the verdict is reported by
/// <see cref="QualityGateReport"/>. Exit 2 is an input error the engine explained on stderr; anything else is a crash.
/// </summary>
public sealed partial class QualityGateCheck : ToolTask
{
    private const int RememberedLines = 20;
    /// <summary>The tech lead's reports: a run is up to date only while both are still there.</summary>
    private static readonly string[] ReportViews = ["report.html", "report.md"];
    /// <summary>What <c>check --report</c> writes into the report folder under fixed names (the coverage HTML aside).</summary>
    private static readonly string[] ReportFileNames = [.. ReportViews, "qualitygate-result.json"];
    private readonly Queue<string> _lastLines = new();
    private bool _loggedEngineError;

    /// <summary>Path of qualitygate.dll (the CLI), shipped beside this task.</summary>
    [Required]
    public string EnginePath { get; set; } = "";

    /// <summary>$(DOTNET_HOST_PATH): the dotnet that runs this build.</summary>
    public string? DotnetHostPath { get; set; }

    public string? RepositoryRoot { get; set; }

    public ITaskItem[] CoverageFiles { get; set; } = [];

    public string? BaseRef { get; set; }

    public string? ConfigFile { get; set; }

    /// <summary>
    /// Where an engine error that names no file points (the gate's configuration, else the solution, else the project):
    /// without it MSBuild would point at this package's targets file in the NuGet cache.
    /// </summary>
    public string? DefaultFile { get; set; }

    [Required]
    public string ResultFile { get; set; } = "";

    public string? MarkdownFile { get; set; }

    /// <summary>Where the tech lead's report (report.html, report.md, coverage HTML) is written; empty: no report.</summary>
    public string? ReportDirectory { get; set; }

    public ITaskItem[] SarifFiles { get; set; } = [];

    /// <summary>
    /// $(QualityGateRequireCoverage): the engine gets <c>--require-coverage</c>, so coverage files with no line of this
    /// repository (made in another checkout) are error QGB0109, as no coverage file at all is QGB9101.
    /// </summary>
    public bool RequireCoverage { get; set; }

    /// <summary>Extra arguments for <c>qualitygate check</c>, passed verbatim (escape hatch for new engine options).</summary>
    public string? ExtraArguments { get; set; }

    /// <summary>Where the input fingerprint of the last run is kept; empty turns the up-to-date check off.</summary>
    public string? FingerprintFile { get; set; }

    /// <summary>True when the inputs matched the last run and the engine did not run.</summary>
    [Output]
    public bool UpToDate { get; set; }

    /// <summary>The engine's exit code (0 passed, 1 failed, 2 input error), or the last run's when up to date.</summary>
    [Output]
    public int EngineExitCode { get; set; } = -1;

    protected override string ToolName => "dotnet";

    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Normal;

    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.High;

    public override bool Execute()
    {
        try
        {
            if (!File.Exists(EnginePath))
            {
                Log.LogError(BuildCodes.Subcategory, BuildCodes.EngineNotFound, null, null, 0, 0, 0, 0,
                    "The quality gate engine '{0}' is missing from the QualityGates package. Clear the package from the NuGet cache (dotnet nuget locals global-packages --clear) and restore again.", EnginePath);
                return false;
            }

            var fingerprint = string.IsNullOrEmpty(FingerprintFile)
                ? null
                : InputFingerprint.Compute(CommandLine(includeCoverage: false), CoverageFiles.Select(i => i.ItemSpec),
                    SarifFiles.Select(i => i.ItemSpec).Concat(string.IsNullOrEmpty(ConfigFile) ? [] : [ConfigFile!]), RepositoryRoot, EnginePath, DateTime.UtcNow);
            if (fingerprint is not null && OutputsExist() && InputFingerprint.TryReadLast(FingerprintFile!, fingerprint, out var lastExitCode))
            {
                UpToDate = true;
                EngineExitCode = lastExitCode;
                Log.LogMessage(MessageImportance.High, "Quality gate inputs unchanged since the last run: the engine did not run again; reporting '{0}'.", ResultFile);
                return true;
            }

            // A stale result must never be reported as this run's verdict, nor a stale report opened as this run's.
            // Only the files the engine writes under fixed names go; anything else in the folder is the user's.
            Delete(ResultFile);
            Delete(MarkdownFile);
            Delete(FingerprintFile);
            foreach (var report in InReportDirectory(ReportFileNames))
            {
                Delete(report);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(ResultFile))!);
            if (!string.IsNullOrEmpty(MarkdownFile))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(MarkdownFile))!);
            }

            var ok = base.Execute();
            EngineExitCode = ExitCode;
            if (ok && fingerprint is not null && File.Exists(ResultFile))
            {
                InputFingerprint.Write(FingerprintFile!, fingerprint, ExitCode);
            }

            return ok && !Log.HasLoggedErrors;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.LogError(BuildCodes.Subcategory, BuildCodes.EngineCrashed, null, null, 0, 0, 0, 0,
                "The quality gate engine could not be run: {0}: {1}", e.GetType().Name, e.Message);
            return false;
        }
    }

    protected override string GenerateFullPathToTool()
    {
        if (!string.IsNullOrEmpty(DotnetHostPath) && File.Exists(DotnetHostPath))
        {
            return DotnetHostPath!;
        }

        // Outside the dotnet CLI (rare): the dotnet on PATH.
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return name;
    }

    protected override string GenerateCommandLineCommands() => CommandLine(includeCoverage: true);

    /// <summary>The arguments the engine is started with (after the tool name).</summary>
    internal string Arguments => GenerateCommandLineCommands();

    /// <summary>Without coverage for the fingerprint: each run writes its coverage to new folders, only the content counts.</summary>
    private string CommandLine(bool includeCoverage)
    {
        var builder = new CommandLineBuilder(quoteHyphensOnCommandLine: false, useNewLineSeparator: false);
        builder.AppendSwitch("exec");
        builder.AppendFileNameIfNotNull(EnginePath);
        builder.AppendSwitch("check");
        builder.AppendSwitchIfNotNull("--repo ", RepositoryRoot);
        foreach (var coverage in includeCoverage ? CoverageFiles : [])
        {
            builder.AppendSwitchIfNotNull("--coverage ", coverage.ItemSpec);
        }

        builder.AppendSwitchIfNotNull("--base ", string.IsNullOrEmpty(BaseRef) ? null : BaseRef);
        builder.AppendSwitchIfNotNull("--config ", string.IsNullOrEmpty(ConfigFile) ? null : ConfigFile);
        builder.AppendSwitchIfNotNull("--json ", ResultFile);
        builder.AppendSwitchIfNotNull("--markdown ", string.IsNullOrEmpty(MarkdownFile) ? null : MarkdownFile);
        builder.AppendSwitchIfNotNull("--report ", string.IsNullOrEmpty(ReportDirectory) ? null : ReportDirectory.TrimEnd('/', '\\'));
        foreach (var sarif in SarifFiles)
        {
            builder.AppendSwitchIfNotNull("--sarif ", sarif.ItemSpec);
        }

        if (RequireCoverage)
        {
            builder.AppendSwitch("--require-coverage");
        }

        if (!string.IsNullOrWhiteSpace(ExtraArguments))
        {
            builder.AppendTextUnquoted(" " + ExtraArguments);
        }

        return builder.ToString();
    }

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (_lastLines.Count == RememberedLines)
        {
            _lastLines.Dequeue();
        }

        _lastLines.Enqueue(singleLine);
        var match = EngineDiagnostic().Match(singleLine);
        if (!match.Success)
        {
            Log.LogMessage(messageImportance, "{0}", singleLine);
            return;
        }

        var origin = match.Groups["origin"].Success ? match.Groups["origin"].Value.Trim() : null;
        if (string.IsNullOrEmpty(origin))
        {
            origin = OriginOf(match.Groups["code"].Value);
        }

        var line = match.Groups["line"].Success && int.TryParse(match.Groups["line"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var column = 0;
        var code = match.Groups["code"].Value;
        var text = GateResult.Clean(match.Groups["text"].Value.Trim());
        if (line == 0 && JsonPosition().Match(text) is { Success: true } position)
        {
            // "qualitygate.json is not valid JSON at line 3, column 3": the IDE and CI problem matchers jump there.
            line = int.Parse(position.Groups["line"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            column = int.Parse(position.Groups["column"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (match.Groups["category"].Value == "error")
        {
            _loggedEngineError = true;
            Log.LogError(BuildCodes.Subcategory, code, null, string.IsNullOrEmpty(origin) ? null : origin, line, column, 0, 0, text);
        }
        else
        {
            Log.LogWarning(BuildCodes.Subcategory, code, null, string.IsNullOrEmpty(origin) ? null : origin, line, column, 0, 0, text);
        }
    }

    /// <summary>A configuration error (QGB02xx) points at the repository's qualitygate.json when there is one; others at <see cref="DefaultFile"/>.</summary>
    private string? OriginOf(string code)
    {
        if (code.StartsWith("QGB02", StringComparison.Ordinal) && string.IsNullOrEmpty(ConfigFile) && !string.IsNullOrEmpty(RepositoryRoot))
        {
            var config = Path.Combine(RepositoryRoot, "qualitygate.json");
            if (File.Exists(config))
            {
                return config;
            }
        }

        return string.IsNullOrEmpty(DefaultFile) ? null : DefaultFile;
    }

    protected override bool HandleTaskExecutionErrors()
    {
        switch (ExitCode)
        {
            case 0:
            case 1:
                // 1 is a failing verdict with a result file, not a tool failure.
                return true;
            case 2:
                if (!_loggedEngineError)
                {
                    Log.LogError(BuildCodes.Subcategory, BuildCodes.EngineInputError, null, OriginOf(BuildCodes.EngineInputError), 0, 0, 0, 0,
                        "The quality gate engine rejected its input (exit code 2) without naming the problem. Its last output: {0}", LastLines());
                }

                return false;
            default:
                Log.LogError(BuildCodes.Subcategory, BuildCodes.EngineCrashed, null, OriginOf(BuildCodes.EngineCrashed), 0, 0, 0, 0,
                    "The quality gate engine stopped unexpectedly (exit code {0}); no verdict. Its last output: {1}. Please report this with the output above.",
                    ExitCode.ToString(CultureInfo.InvariantCulture), LastLines());
                return false;
        }
    }

    private string LastLines() => _lastLines.Count == 0 ? "(nothing)" : string.Join(" | ", _lastLines.Where(l => !string.IsNullOrWhiteSpace(l)).TakeLast(5).Select(GateResult.Clean));

    /// <summary>
    /// What the last run wrote is all still there: a deleted TestResults folder (summary, reports) is written again, or
    /// the step summary and the reports of an unchanged run would silently be missing.
    /// </summary>
    private bool OutputsExist() =>
        File.Exists(ResultFile)
        && (string.IsNullOrEmpty(MarkdownFile) || File.Exists(MarkdownFile))
        && InReportDirectory(ReportViews).All(File.Exists);

    private IEnumerable<string> InReportDirectory(string[] names) => string.IsNullOrEmpty(ReportDirectory)
        ? []
        : names.Select(name => Path.Combine(ReportDirectory, name));

    private static void Delete(string? path)
    {
        if (!string.IsNullOrEmpty(path) && File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>"[origin[(line[,col])]: ]error|warning QGBnnnn: text", the canonical form MSBuild itself understands.</summary>
    [GeneratedRegex(@"^\s*(?:(?<origin>[^:]*?(?:[A-Za-z]:[^:]*?)?)(?:\((?<line>\d+)(?:,\d+)?\))?\s*:\s*)?(?<category>error|warning)\s+(?<code>QGB\d{4})\s*:(?<text>.*)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EngineDiagnostic();

    [GeneratedRegex(@"not valid JSON at line (?<line>[0-9]{1,9}), column (?<column>[0-9]{1,9})", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex JsonPosition();
}
