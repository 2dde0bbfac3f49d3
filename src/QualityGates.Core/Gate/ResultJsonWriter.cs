using System.Text;
using System.Text.Json;
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

    public static string Write(GateResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteBoolean("passed", result.Passed);
            WriteConditions(json, result.Conditions);
            WriteCoverage(json, result.Inputs.Coverage, result.NewCode);
            WriteReviews(json, result.Inputs.History?.Reviews, result.ReviewWindowDays);
            WriteHotspots(json, result.Inputs.Hotspots);
            json.WriteStartObject("history");
            json.WriteNumber("commits", result.Inputs.History?.Info.Commits ?? 0);
            json.WriteBoolean("shallow", result.Inputs.History?.Info.Shallow ?? false);
            json.WriteEndObject();

            // Additive to schemaVersion 1: what the engine could not judge and why (no git, shallow clone, no coverage).
            json.WriteStartArray("notes");
            foreach (string note in result.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>"qualitygate reviews --json": { schemaVersion, reviews } with the same keys as in the result.</summary>
    public static string WriteReviews(ReviewSummary reviews) => Document(json => WriteReviews(json, reviews, reviews.WindowDays));

    /// <summary>"qualitygate hotspots --json": { schemaVersion, hotspots } with the same keys as in the result.</summary>
    public static string WriteHotspots(IReadOnlyList<Hotspot> hotspots) => Document(json => WriteHotspots(json, hotspots));

    /// <summary>"qualitygate coverage --json": { schemaVersion, coverage } without new code (no git).</summary>
    public static string WriteCoverage(CoverageReport? coverage) => Document(json => WriteCoverage(json, coverage, CoverageFigures.None));

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

    private static void WriteConditions(Utf8JsonWriter json, IReadOnlyList<ConditionResult> conditions)
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

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCoverage(Utf8JsonWriter json, CoverageReport? coverage, CoverageFigures newCode)
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
        json.WriteEndObject();
    }

    private static void WriteReviews(Utf8JsonWriter json, ReviewSummary? reviews, int windowDays)
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
