using System.Globalization;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace QualityGates.Build;

/// <summary>
/// Turns the engine's result JSON into MSBuild errors and warnings (IDE error list, CI logs), appends the Markdown
/// summary to GitHub's step summary and writes Azure Pipelines logging commands. In process, but reads one small
/// JSON file: nothing here can take the build node down.
/// </summary>
public sealed class QualityGateReport : Microsoft.Build.Utilities.Task
{
    /// <summary>The result JSON written by <c>qualitygate check --json</c>.</summary>
    [Required]
    public string ResultFile { get; set; } = "";

    /// <summary>The Markdown summary written by <c>qualitygate check --markdown</c>, if any.</summary>
    public string? MarkdownFile { get; set; }

    /// <summary>False: failed conditions are reported as warnings and the build goes on.</summary>
    public bool FailOnViolation { get; set; } = true;

    /// <summary>Where repository-relative file paths in the result are rooted.</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>Where a condition without a file of its own points (the gate's configuration, the solution or the project).</summary>
    public string? DefaultFile { get; set; }

    /// <summary>The value of GITHUB_STEP_SUMMARY; empty outside GitHub Actions.</summary>
    public string? GitHubStepSummary { get; set; }

    /// <summary>The value of TF_BUILD; True on Azure Pipelines.</summary>
    public string? AzurePipelines { get; set; }

    /// <summary>The verdict, for targets that want it.</summary>
    [Output]
    public bool Passed { get; set; }

    public override bool Execute()
    {
        try
        {
            Report();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never MSB4018: whatever went wrong is a QGB error with the reason.
            Log.LogError(BuildCodes.Subcategory, BuildCodes.UnexpectedFailure, null, ResultFile, 0, 0, 0, 0,
                "The quality gate result could not be reported: {0}: {1}. Run 'qualitygate check' on the command line to see the verdict.", e.GetType().Name, e.Message);
        }

        return !Log.HasLoggedErrors;
    }

    private void Report()
    {
        if (!File.Exists(ResultFile))
        {
            Log.LogError(BuildCodes.Subcategory, BuildCodes.ResultMissing, null, ResultFile, 0, 0, 0, 0,
                "The quality gate engine wrote no result file '{0}'. Look above for the engine's own error, or run 'qualitygate check --json {0}' to see it.", ResultFile);
            return;
        }

        GateResult result;
        try
        {
            result = GateResult.Parse(File.ReadAllText(ResultFile));
        }
        catch (ResultFormatException e)
        {
            Log.LogError(BuildCodes.Subcategory, e.Code, null, ResultFile, 0, 0, 0, 0,
                "The quality gate result file '{0}' {1}. Delete it and run the tests again; if it persists, the engine and the build integration come from different package versions.", ResultFile, e.Message);
            return;
        }

        Passed = result.Passed;

        // Notes explain figures the gate could not judge ("history truncated: fetch-depth 0 needed", "no git repository").
        foreach (var note in result.Notes)
        {
            Log.LogWarning(BuildCodes.Subcategory, BuildCodes.EngineNote, null, ResultFile, 0, 0, 0, 0, note);
        }
        var azure = string.Equals(AzurePipelines, "True", StringComparison.OrdinalIgnoreCase);
        int failed = 0, warned = 0, other = 0;
        foreach (var condition in result.Conditions)
        {
            var code = ConditionCodes.CodeOf(condition.Id);
            var text = $"{condition.Id}: {condition.Message} (actual {condition.Actual}, threshold {condition.Threshold})";
            var file = ResolveFile(condition.File) ?? (string.IsNullOrEmpty(DefaultFile) ? null : DefaultFile);
            switch (condition.Status)
            {
                case "failed" when FailOnViolation:
                    failed++;
                    Log.LogError(BuildCodes.Subcategory, code, condition.Id, file, condition.Line, 0, 0, 0, text);
                    WriteAzure(azure, "error", code, file, condition.Line, text);
                    break;
                case "failed":
                    failed++;
                    Log.LogWarning(BuildCodes.Subcategory, code, condition.Id, file, condition.Line, 0, 0, 0, text + " [not enforced: QualityGateFailOnViolation=false]");
                    WriteAzure(azure, "warning", code, file, condition.Line, text);
                    break;
                case "warning":
                    warned++;
                    Log.LogWarning(BuildCodes.Subcategory, code, condition.Id, file, condition.Line, 0, 0, 0, text);
                    WriteAzure(azure, "warning", code, file, condition.Line, text);
                    break;
                default:
                    other++;
                    Log.LogMessage(MessageImportance.Normal, "  [{0}] {1}", GateResult.Clean(condition.Status), text);
                    break;
            }
        }

        if (!result.Passed && failed == 0)
        {
            // The verdict is the engine's; a failing verdict never passes silently even without a failed condition.
            var text = "The quality gate failed without naming a failed condition; see the report.";
            if (FailOnViolation)
            {
                Log.LogError(BuildCodes.Subcategory, BuildCodes.GateFailed, null, ResultFile, 0, 0, 0, 0, text);
            }
            else
            {
                Log.LogWarning(BuildCodes.Subcategory, BuildCodes.GateFailed, null, ResultFile, 0, 0, 0, 0, text);
            }
        }

        var markdown = !string.IsNullOrEmpty(MarkdownFile) && File.Exists(MarkdownFile) ? MarkdownFile : null;
        // Coverage conditions without coverage data do not fail the gate, but it did not pass on them either.
        Log.LogMessage(MessageImportance.High, "Quality gate {0}: {1} failed, {2} warning(s), {3} other condition(s){6}.{4}{5}",
            result.Passed ? (result.NotEvaluated is null ? "passed" : "not evaluated") : FailOnViolation ? "FAILED" : "failed (not enforced)",
            failed.ToString(CultureInfo.InvariantCulture), warned.ToString(CultureInfo.InvariantCulture), other.ToString(CultureInfo.InvariantCulture),
            markdown is null ? "" : " Summary: " + markdown,
            " Result: " + ResultFile,
            result.NotEvaluated is null ? "" : "; " + result.NotEvaluated);

        AppendStepSummary(markdown);
    }

    /// <summary>Repository-relative paths become absolute so the IDE can open them; a path leaving the repository is dropped.</summary>
    private string? ResolveFile(string? file)
    {
        if (file is null)
        {
            return null;
        }

        try
        {
            if (Path.IsPathRooted(file))
            {
                return file;
            }

            if (string.IsNullOrEmpty(RepositoryRoot))
            {
                return file;
            }

            var root = Path.GetFullPath(RepositoryRoot);
            var full = Path.GetFullPath(Path.Combine(root, file));
            var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
            return full.StartsWith(prefix, StringComparison.Ordinal) ? full : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private void AppendStepSummary(string? markdown)
    {
        if (string.IsNullOrEmpty(GitHubStepSummary) || markdown is null)
        {
            return;
        }

        try
        {
            File.AppendAllText(GitHubStepSummary, File.ReadAllText(markdown) + Environment.NewLine);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogWarning(BuildCodes.Subcategory, BuildCodes.StepSummaryNotWritten, null, GitHubStepSummary, 0, 0, 0, 0,
                "The quality gate summary could not be appended to GITHUB_STEP_SUMMARY ({0}).", e.Message);
        }
    }

    /// <summary>Azure Pipelines turns these lines into annotated errors and warnings of the run.</summary>
    private void WriteAzure(bool azure, string type, string code, string? file, int line, string text)
    {
        if (!azure)
        {
            return;
        }

        var properties = new StringBuilder("type=").Append(type);
        if (file is not null)
        {
            properties.Append(";sourcepath=").Append(EscapeAzureProperty(file));
            if (line > 0)
            {
                properties.Append(";linenumber=").Append(line.ToString(CultureInfo.InvariantCulture));
            }
        }

        properties.Append(";code=").Append(code);
        Log.LogMessage(MessageImportance.High, "##vso[task.logissue {0}]{1}", properties.ToString(), EscapeAzureData(text));
    }

    internal static string EscapeAzureData(string value) =>
        value.Replace("%", "%AZP25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    internal static string EscapeAzureProperty(string value) =>
        EscapeAzureData(value).Replace("]", "%5D", StringComparison.Ordinal).Replace(";", "%3B", StringComparison.Ordinal);
}
