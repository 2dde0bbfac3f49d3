using System.Globalization;
using System.Text;
using System.Text.Json;
using QualityGates.Core.Config;
using QualityGates.Core.Coverage;
using QualityGates.Core.History;
using QualityGates.Core.Hotspots;

namespace QualityGates.Core.Gate;

/// <summary>
/// Writes the result JSON (public contract, schemaVersion 1, docs/gate.md). Keys are written one by one so the
/// contract cannot drift with a model change. Rates are fractions 0..1; null without data.
/// </summary>
public static class ResultJsonWriter
{
    public const int SchemaVersion = 1;

    /// <summary>
    /// The result JSON. <paramref name="resultDirectory"/> is the folder the JSON is written to: the coverage HTML is
    /// linked relative to it (no link when null, e.g. JSON on standard output).
    /// </summary>
    public static string Write(GateResult result, string? resultDirectory = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteBoolean("passed", result.Passed);

            // Additive to schemaVersion 1: coverage conditions that had no coverage data (the verdict is "not evaluated").
            if (result.NotEvaluated.Count > 0)
            {
                json.WriteStartObject("notEvaluated");
                json.WriteString("reason", "no coverage data (" + result.NoCoverage + ")");
                json.WriteStartArray("conditions");
                foreach (string id in result.NotEvaluated)
                {
                    json.WriteStringValue(id);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            WriteConditions(json, result.Conditions, result.Inputs.Baseline);
            WriteCoverage(json, result.Inputs.Coverage, result.NewCode, HtmlReportLink(result.CoverageHtmlReport, resultDirectory));
            WriteReviews(json, result.Inputs.History?.Reviews, result.ReviewWindowDays, result.GeneratedAt);
            WriteHotspots(json, result.Inputs.Hotspots);
            json.WriteStartObject("history");
            json.WriteNumber("commits", result.Inputs.History?.Info.Commits ?? 0);
            json.WriteBoolean("shallow", result.Inputs.History?.Info.Shallow ?? false);
            json.WriteEndObject();

            // Additive to schemaVersion 1 (docs/report.md): the report's header and trend point.
            if (result.GeneratedAt is DateTimeOffset at)
            {
                json.WriteString("generatedAt", at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            }

            json.WriteStartObject("repository");
            NullableString(json, "head", result.Inputs.History?.Info.Head);
            NullableString(json, "branch", result.Inputs.History?.Info.Branch);
            json.WriteEndObject();

            // Additive to schemaVersion 1: what the engine could not judge and why (no git, shallow clone, no coverage).
            WriteNotes(json, result.Notes);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>"qualitygate reviews --json": { schemaVersion, reviews[, notes] } with the same keys as in the result.</summary>
    public static string WriteReviews(ReviewSummary reviews, DateTimeOffset? now = null, IReadOnlyList<string>? notes = null) => Document(json =>
    {
        WriteReviews(json, reviews, reviews.WindowDays, now);
        WriteNotes(json, notes);
    });

    /// <summary>"qualitygate hotspots --json": { schemaVersion, hotspots[, notes] } with the same keys as in the result.</summary>
    public static string WriteHotspots(IReadOnlyList<Hotspot> hotspots, IReadOnlyList<string>? notes = null) => Document(json =>
    {
        WriteHotspots(json, hotspots);
        WriteNotes(json, notes);
    });

    /// <summary>"notes": the run's notes, as in the result JSON; nothing when <paramref name="notes"/> is null.</summary>
    private static void WriteNotes(Utf8JsonWriter json, IReadOnlyList<string>? notes)
    {
        if (notes is null)
        {
            return;
        }

        json.WriteStartArray("notes");
        foreach (string note in notes)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
    }

    /// <summary>"qualitygate coverage --json": { schemaVersion, coverage } without new code (no git).</summary>
    public static string WriteCoverage(CoverageReport? coverage) => Document(json => WriteCoverage(json, coverage, CoverageFigures.None, null));

    private static string Document(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            body(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static string StatusName(ConditionStatus status) => status switch
    {
        ConditionStatus.Passed => "passed",
        ConditionStatus.Warning => "warning",
        ConditionStatus.Failed => "failed",
        ConditionStatus.Skipped => "skipped",
        _ => "noData",
    };

    /// <summary>The baseline figure a condition's actual compares with, for the conditions that have one.</summary>
    public static double? BaselineFigure(string conditionId, Baseline? baseline) => conditionId switch
    {
        ConditionIds.CoverageLine => baseline?.LineRate,
        ConditionIds.CoverageBranch => baseline?.BranchRate,
        _ => null,
    };

    /// <summary>
    /// ReportGenerator's index.html relative to the result's folder ("/" separators), or null when either is unknown
    /// or they share no root (another drive): the report links only to relative paths.
    /// </summary>
    public static string? HtmlReportLink(string? htmlReport, string? resultDirectory)
    {
        if (htmlReport is null || resultDirectory is null)
        {
            return null;
        }

        string relative = Path.GetRelativePath(Path.GetFullPath(resultDirectory), Path.GetFullPath(htmlReport)).Replace('\\', '/');
        return Path.IsPathRooted(relative) ? null : relative;
    }

    private static void WriteConditions(Utf8JsonWriter json, IReadOnlyList<ConditionResult> conditions, Baseline? baseline)
    {
        json.WriteStartArray("conditions");
        foreach (ConditionResult c in conditions)
        {
            json.WriteStartObject();
            json.WriteString("id", c.Id);
            json.WriteString("status", StatusName(c.Status));
            Number(json, "actual", c.Actual);
            Number(json, "threshold", c.Threshold);
            json.WriteString("message", c.Message);
            if (c.File is not null)
            {
                json.WriteString("file", c.File);
            }

            if (c.Line is int line)
            {
                json.WriteNumber("line", line);
            }

            if (BaselineFigure(c.Id, baseline) is double accepted)
            {
                Number(json, "baseline", accepted);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCoverage(Utf8JsonWriter json, CoverageReport? coverage, CoverageFigures newCode, string? htmlReport)
    {
        json.WriteStartObject("coverage");
        Number(json, "lineRate", coverage?.Totals.LineRate);
        Number(json, "branchRate", coverage?.Totals.BranchRate);
        json.WriteStartObject("newCode");
        json.WriteNumber("coverableLines", newCode.CoverableLines);
        json.WriteNumber("coveredLines", newCode.CoveredLines);
        Number(json, "lineRate", newCode.LineRate);
        json.WriteEndObject();
        json.WriteStartArray("files");
        foreach (FileCoverage file in coverage?.Files.Values ?? Enumerable.Empty<FileCoverage>())
        {
            json.WriteStartObject();
            json.WriteString("path", file.Path);
            json.WriteNumber("coverableLines", file.Figures.CoverableLines);
            json.WriteNumber("coveredLines", file.Figures.CoveredLines);
            Number(json, "lineRate", file.Figures.LineRate);
            json.WriteNumber("branchesValid", file.Figures.BranchesValid);
            json.WriteNumber("branchesCovered", file.Figures.BranchesCovered);
            Number(json, "branchRate", file.Figures.BranchRate);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (htmlReport is not null)
        {
            json.WriteString("htmlReport", htmlReport);
        }

        json.WriteEndObject();
    }

    private static void WriteReviews(Utf8JsonWriter json, ReviewSummary? reviews, int windowDays, DateTimeOffset? now)
    {
        json.WriteStartObject("reviews");
        json.WriteNumber("windowDays", reviews?.WindowDays ?? windowDays);
        json.WriteNumber("landings", reviews?.Landings ?? 0);
        json.WriteNumber("humanLandings", reviews?.HumanLandings ?? 0);
        json.WriteNumber("bots", reviews?.Bots ?? 0);
        json.WriteNumber("reviewed", reviews?.Reviewed ?? 0);
        Number(json, "reviewCoverage", reviews?.ReviewCoverage);
        json.WriteNumber("reverted", reviews?.Reverted ?? 0);
        Number(json, "passRate", reviews?.PassRate);
        Number(json, "firstPassRate", reviews?.FirstPassRate);
        json.WriteStartObject("evidence");
        foreach (EvidenceKind kind in Enum.GetValues<EvidenceKind>())
        {
            json.WriteNumber(EvidenceName(kind), reviews?.Evidence.GetValueOrDefault(kind) ?? 0);
        }

        json.WriteEndObject();
        IReadOnlyList<Landing> items = reviews?.Items ?? Array.Empty<Landing>();
        json.WriteStartArray("monthly");
        foreach (ReviewMonth month in ReviewMonths.Compute(items, reviews?.WindowDays ?? windowDays, now))
        {
            json.WriteStartObject();
            json.WriteString("month", month.Month);
            json.WriteNumber("landings", month.Landings);
            json.WriteNumber("humanLandings", month.HumanLandings);
            json.WriteNumber("reviewed", month.Reviewed);
            Number(json, "reviewCoverage", month.ReviewCoverage);
            Number(json, "passRate", month.PassRate);
            Number(json, "firstPassRate", month.FirstPassRate);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("unreviewed");
        foreach (Landing landing in items.Where(l => l.Evidence == EvidenceKind.DirectPush)
                     .OrderByDescending(l => l.When).ThenBy(l => l.Sha, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("sha", landing.Sha);
            json.WriteString("subject", landing.Subject);
            json.WriteString("author", landing.AuthorName);
            json.WriteString("date", landing.When.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteHotspots(Utf8JsonWriter json, IReadOnlyList<Hotspot> hotspots)
    {
        json.WriteStartArray("hotspots");
        foreach (Hotspot h in hotspots)
        {
            json.WriteStartObject();
            json.WriteString("path", h.Path);
            json.WriteNumber("revisions", h.Revisions);
            json.WriteNumber("churn", h.Churn);
            json.WriteNumber("complexity", h.Complexity);
            Number(json, "lineRate", h.LineRate);
            json.WriteNumber("score", h.Score);
            json.WriteBoolean("critical", h.Critical);
            Number(json, "crap", h.Methods.Max(m => m.Crap));
            json.WriteStartArray("mainAuthors");
            foreach (string author in h.MainAuthors)
            {
                json.WriteStringValue(author);
            }

            json.WriteEndArray();
            json.WriteString("why", h.Why);
            json.WriteStartArray("methods");
            foreach (MethodMetrics m in h.Methods)
            {
                json.WriteStartObject();
                json.WriteString("name", m.Name);
                json.WriteNumber("line", m.Line);
                json.WriteNumber("endLine", m.EndLine);
                json.WriteNumber("complexity", m.Complexity);
                Number(json, "lineRate", m.LineRate);
                Number(json, "crap", m.Crap);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>camelCase of the enum name: "pullRequestMerge", "directPush", ...</summary>
    public static string EvidenceName(EvidenceKind kind)
    {
        string name = kind.ToString();
        return char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    private static void NullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is double v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
