using System.Text.Json;
using System.Text.RegularExpressions;
using QualityGates.Core.Coverage;

namespace QualityGates.Core.Analyzers;

/// <summary>QG analyzer findings per repo-relative file and rule id, from a compiler error log.</summary>
public sealed record AnalyzerFindings(IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Files, int Total, IReadOnlyList<string> Notes);

/// <summary>
/// Reads the compiler's ErrorLog (SARIF 2.1 with ",version=2.1", SARIF 1.0 by default) and counts QG diagnostics
/// (rule ids QG + 4 digits) per file. Suppressed results do not count; results outside the repository are left out.
/// </summary>
public static class SarifReader
{
    private static readonly Regex QgRuleId = new("^QG[0-9]{4}$", RegexOptions.CultureInvariant);

    /// <summary>A compiler's log of a very large solution is tens of megabytes; half a gigabyte is no build's.</summary>
    private const long MaxSarifBytes = 512L * 1024 * 1024;

    public static AnalyzerFindings Read(string path, string repositoryRoot) => ReadAll([path], repositoryRoot);

    /// <summary>
    /// The logs of several projects as one: the MSBuild task passes one per project. A file compiled into two projects
    /// (a linked or shared source) is counted once, with the larger count per rule, not twice.
    /// </summary>
    public static AnalyzerFindings ReadAll(IEnumerable<string> paths, string repositoryRoot)
    {
        string fullRoot = RepositoryPaths.FullRoot(repositoryRoot);
        var merged = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        int outside = 0;
        foreach (string path in paths.Distinct(StringComparer.Ordinal))
        {
            var counts = Count(path, fullRoot, ref outside);
            foreach (var (file, rules) in counts)
            {
                if (!merged.TryGetValue(file, out SortedDictionary<string, int>? into))
                {
                    merged[file] = rules;
                    continue;
                }

                foreach (var (rule, n) in rules)
                {
                    into[rule] = Math.Max(into.GetValueOrDefault(rule), n);
                }
            }
        }

        var notes = outside == 0
            ? new List<string>()
            : new List<string> { $"{outside} QG finding(s) without a location in the repository were not counted." };
        return new AnalyzerFindings(
            merged.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, int>)e.Value, StringComparer.Ordinal),
            merged.Values.Sum(rules => rules.Values.Sum()),
            notes);
    }

    private static SortedDictionary<string, SortedDictionary<string, int>> Count(string path, string fullRoot, ref int outside)
    {
        if (!File.Exists(path))
        {
            throw new QualityGateException(QgbCodes.SarifMissing, $"SARIF file '{path}' does not exist. Build with -p:ErrorLog={Path.GetFileName(path)}%2Cversion=2.1 first, or fix --sarif.");
        }

        JsonDocument document;
        try
        {
            // Bounded: a device such as /dev/zero reports no size and never ends.
            byte[] bytes = BoundedInput.ReadAllBytes(path, MaxSarifBytes) ?? throw new QualityGateException(QgbCodes.SarifInvalidJson,
                $"SARIF file '{path}' holds more than {MaxSarifBytes / (1024 * 1024)} MB (or never ends, as a device): give the compiler's ErrorLog file.");
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new QualityGateException(QgbCodes.SarifInvalidJson, $"SARIF file '{path}' is not valid JSON (line {(ex.LineNumber ?? 0) + 1}). The build may have stopped while writing it: build again.");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("version", out JsonElement version) || version.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("runs", out JsonElement runs) || runs.ValueKind != JsonValueKind.Array)
            {
                throw new QualityGateException(QgbCodes.SarifNotSarif, $"'{path}' is not a SARIF log (no \"version\" and \"runs\"). Give the compiler's ErrorLog file.");
            }

            var counts = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
            foreach (JsonElement run in runs.EnumerateArray())
            {
                if (run.ValueKind != JsonValueKind.Object || !run.TryGetProperty("results", out JsonElement results) || results.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (JsonElement result in results.EnumerateArray())
                {
                    if (result.ValueKind != JsonValueKind.Object
                        || !result.TryGetProperty("ruleId", out JsonElement ruleElement) || ruleElement.ValueKind != JsonValueKind.String
                        || !QgRuleId.IsMatch(ruleElement.GetString()!) || IsSuppressed(result))
                    {
                        continue;
                    }

                    string? relative = Location(result, run) is string uri ? ToRepositoryPath(uri, fullRoot) : null;
                    if (relative is null)
                    {
                        outside++;
                        continue;
                    }

                    string rule = ruleElement.GetString()!;
                    if (!counts.TryGetValue(relative, out SortedDictionary<string, int>? rules))
                    {
                        counts[relative] = rules = new SortedDictionary<string, int>(StringComparer.Ordinal);
                    }

                    rules[rule] = rules.GetValueOrDefault(rule) + 1;
                }
            }

            return counts;
        }
    }

    /// <summary>
    /// SARIF 2.1: locations[0].physicalLocation.artifactLocation.uri, under its uriBaseId when it has one; SARIF 1.0:
    /// locations[0].resultFile.uri.
    /// </summary>
    private static string? Location(JsonElement result, JsonElement run)
    {
        if (!result.TryGetProperty("locations", out JsonElement locations) || locations.ValueKind != JsonValueKind.Array || locations.GetArrayLength() == 0)
        {
            return null;
        }

        JsonElement first = locations[0];
        if (first.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (first.TryGetProperty("physicalLocation", out JsonElement physical) && physical.ValueKind == JsonValueKind.Object
            && physical.TryGetProperty("artifactLocation", out JsonElement artifact) && artifact.ValueKind == JsonValueKind.Object
            && artifact.TryGetProperty("uri", out JsonElement uri2) && uri2.ValueKind == JsonValueKind.String)
        {
            return Under(artifact, run, uri2.GetString()!, depth: 0);
        }

        if (first.TryGetProperty("resultFile", out JsonElement resultFile) && resultFile.ValueKind == JsonValueKind.Object
            && resultFile.TryGetProperty("uri", out JsonElement uri1) && uri1.ValueKind == JsonValueKind.String)
        {
            return uri1.GetString();
        }

        return null;
    }

    /// <summary>
    /// A URI joined to the base its <c>uriBaseId</c> names in the run's <c>originalUriBaseIds</c> (a base may have a
    /// base of its own; a cycle or an unknown id is no location). Without a uriBaseId the URI as it is.
    /// </summary>
    private static string? Under(JsonElement location, JsonElement run, string uri, int depth)
    {
        if (!location.TryGetProperty("uriBaseId", out JsonElement id) || id.ValueKind != JsonValueKind.String)
        {
            return uri;
        }

        if (depth > 8 || !run.TryGetProperty("originalUriBaseIds", out JsonElement bases) || bases.ValueKind != JsonValueKind.Object
            || !bases.TryGetProperty(id.GetString()!, out JsonElement root) || root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string rootUri = root.TryGetProperty("uri", out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
        string? resolved = Under(root, run, rootUri, depth + 1);
        return resolved is null ? null : resolved.Length == 0 ? uri : resolved.TrimEnd('/') + "/" + uri;
    }

    private static bool IsSuppressed(JsonElement result) =>
        (result.TryGetProperty("suppressions", out JsonElement suppressions) && suppressions.ValueKind == JsonValueKind.Array && suppressions.GetArrayLength() > 0)
        || (result.TryGetProperty("suppressionStates", out JsonElement states) && states.ValueKind == JsonValueKind.Array && states.GetArrayLength() > 0);

    /// <summary>
    /// The repo-relative path of a result's URI, mapped as coverage paths are (<see cref="SourcePaths.ToRepository"/>):
    /// a log from a Windows agent (file:///C:/agent/_work/1/s/src/A.cs) names the repository's file by its longest
    /// existing suffix; a drive-letter or UNC path that names no file of the repository, or another scheme, is null.
    /// </summary>
    private static string? ToRepositoryPath(string uri, string fullRoot)
    {
        string text = uri.Trim();
        bool fileUri = text.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        // http:, javascript: ... name no file; "C:\x" and "/x" parse as URIs too but are paths.
        if (!fileUri && !SourcePaths.IsDriveOrUnc(text.Replace('\\', '/')) && !text.StartsWith('/')
            && Uri.TryCreate(text, UriKind.Absolute, out _))
        {
            return null;
        }

        // SARIF URIs are percent-encoded; Normalize decodes file: URIs itself.
        string path = SourcePaths.Normalize(fileUri ? text : Uri.UnescapeDataString(text));
        return SourcePaths.ToRepository(fullRoot, path, out _);
    }
}
