using System.Text.Json;
using System.Text.Json.Serialization;

namespace QualityGates.Core.Reports;

/// <summary>
/// The report's view of the engine's result JSON (schemaVersion 1, docs/report.md). Deserialized from the public
/// contract only, never from engine internals, so the report keeps working while the engine changes. Every key but
/// <c>schemaVersion</c> is optional: a missing key is null or empty here.
/// </summary>
public sealed class ReportModel
{
    // Checked and set by ReportModelReader, which reads 1.0 as 1: an int property refused it as a type error.
    [JsonIgnore] public int? SchemaVersion { get; set; }
    [JsonPropertyName("generatedAt")] public DateTimeOffset? GeneratedAt { get; set; }
    [JsonPropertyName("repository")] public RepositoryInfo? Repository { get; set; }
    [JsonPropertyName("passed")] public bool? Passed { get; set; }

    /// <summary>Coverage conditions that had no coverage data: the verdict reads "not evaluated" unless one failed.</summary>
    [JsonPropertyName("notEvaluated")] public NotEvaluatedInfo? NotEvaluated { get; set; }
    [JsonPropertyName("conditions")] public List<ConditionResult>? Conditions { get; set; }
    [JsonPropertyName("coverage")] public CoverageSummary? Coverage { get; set; }
    [JsonPropertyName("reviews")] public ReviewSummary? Reviews { get; set; }
    [JsonPropertyName("hotspots")] public List<HotspotEntry>? Hotspots { get; set; }
    [JsonPropertyName("history")] public HistoryInfo? History { get; set; }

    /// <summary>What the engine could not judge and why (files left out, shallow history, no coverage).</summary>
    [JsonPropertyName("notes")] public List<string>? Notes { get; set; }
}

public sealed class NotEvaluatedInfo
{
    [JsonPropertyName("reason")] public string? Reason { get; set; }
    [JsonPropertyName("conditions")] public List<string>? Conditions { get; set; }
}

public sealed class RepositoryInfo
{
    [JsonPropertyName("head")] public string? Head { get; set; }
    [JsonPropertyName("branch")] public string? Branch { get; set; }
}

public sealed class ConditionResult
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("actual")] public double? Actual { get; set; }
    [JsonPropertyName("threshold")] public double? Threshold { get; set; }
    [JsonPropertyName("baseline")] public double? Baseline { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("file")] public string? File { get; set; }
    [JsonPropertyName("line")] public int? Line { get; set; }
}

public sealed class CoverageSummary
{
    [JsonPropertyName("lineRate")] public double? LineRate { get; set; }
    [JsonPropertyName("branchRate")] public double? BranchRate { get; set; }
    [JsonPropertyName("newCode")] public NewCodeCoverage? NewCode { get; set; }

    /// <summary>The engine may write a count or a list of files; the report only needs how many.</summary>
    [JsonPropertyName("files")] public JsonElement? Files { get; set; }

    /// <summary>ReportGenerator's HTML, relative to the result JSON's folder.</summary>
    [JsonPropertyName("htmlReport")] public string? HtmlReport { get; set; }

    [JsonIgnore]
    public int? FileCount => Files switch
    {
        { ValueKind: JsonValueKind.Number } f when f.TryGetInt32(out var n) => n,
        { ValueKind: JsonValueKind.Array } f => f.GetArrayLength(),
        _ => null,
    };
}

public sealed class NewCodeCoverage
{
    [JsonPropertyName("coverableLines")] public int? CoverableLines { get; set; }
    [JsonPropertyName("coveredLines")] public int? CoveredLines { get; set; }
    [JsonPropertyName("lineRate")] public double? LineRate { get; set; }
}

public sealed class ReviewSummary
{
    [JsonPropertyName("windowDays")] public int? WindowDays { get; set; }
    [JsonPropertyName("landings")] public int? Landings { get; set; }
    [JsonPropertyName("humanLandings")] public int? HumanLandings { get; set; }
    [JsonPropertyName("bots")] public int? Bots { get; set; }
    [JsonPropertyName("reviewed")] public int? Reviewed { get; set; }
    [JsonPropertyName("reviewCoverage")] public double? ReviewCoverage { get; set; }
    [JsonPropertyName("reverted")] public int? Reverted { get; set; }
    [JsonPropertyName("passRate")] public double? PassRate { get; set; }
    [JsonPropertyName("firstPassRate")] public double? FirstPassRate { get; set; }
    [JsonPropertyName("evidence")] public Dictionary<string, int>? Evidence { get; set; }
    [JsonPropertyName("monthly")] public List<ReviewMonth>? Monthly { get; set; }
    [JsonPropertyName("unreviewed")] public List<UnreviewedLanding>? Unreviewed { get; set; }
}

public sealed class ReviewMonth
{
    [JsonPropertyName("month")] public string? Month { get; set; }
    [JsonPropertyName("landings")] public int? Landings { get; set; }
    [JsonPropertyName("humanLandings")] public int? HumanLandings { get; set; }
    [JsonPropertyName("reviewed")] public int? Reviewed { get; set; }
    [JsonPropertyName("reviewCoverage")] public double? ReviewCoverage { get; set; }
    [JsonPropertyName("passRate")] public double? PassRate { get; set; }
    [JsonPropertyName("firstPassRate")] public double? FirstPassRate { get; set; }
}

public sealed class UnreviewedLanding
{
    [JsonPropertyName("sha")] public string? Sha { get; set; }
    [JsonPropertyName("subject")] public string? Subject { get; set; }
    [JsonPropertyName("author")] public string? Author { get; set; }
    [JsonPropertyName("date")] public DateTimeOffset? Date { get; set; }
}

public sealed class HotspotEntry
{
    [JsonPropertyName("path")] public string? Path { get; set; }
    [JsonPropertyName("revisions")] public int? Revisions { get; set; }
    [JsonPropertyName("churn")] public int? Churn { get; set; }
    [JsonPropertyName("complexity")] public int? Complexity { get; set; }
    [JsonPropertyName("lineRate")] public double? LineRate { get; set; }
    [JsonPropertyName("score")] public double? Score { get; set; }
    [JsonPropertyName("critical")] public bool? Critical { get; set; }
    [JsonPropertyName("crap")] public double? Crap { get; set; }
    [JsonPropertyName("mainAuthors")] public List<string>? MainAuthors { get; set; }
    [JsonPropertyName("why")] public string? Why { get; set; }
    [JsonPropertyName("methods")] public List<MethodEntry>? Methods { get; set; }
}

public sealed class MethodEntry
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("line")] public int? Line { get; set; }
    [JsonPropertyName("endLine")] public int? EndLine { get; set; }
    [JsonPropertyName("complexity")] public int? Complexity { get; set; }
    [JsonPropertyName("lineRate")] public double? LineRate { get; set; }
    [JsonPropertyName("crap")] public double? Crap { get; set; }
}

public sealed class HistoryInfo
{
    [JsonPropertyName("commits")] public int? Commits { get; set; }
    [JsonPropertyName("shallow")] public bool? Shallow { get; set; }
}
