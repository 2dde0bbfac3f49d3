using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QualityGates.Core.Config;

/// <summary>A hotspot as last accepted: conditions compare complexity growth with it.</summary>
public sealed record BaselineHotspot(string Path, int Complexity, double Score);

/// <summary>
/// qualitygate.baseline.json: the last accepted figures, committed, written by "qualitygate baseline".
/// Rates are fractions; null when there was no data.
/// </summary>
public sealed record Baseline
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public DateTimeOffset CreatedAt { get; init; }

    public string? Commit { get; init; }

    public double? LineRate { get; init; }

    public double? BranchRate { get; init; }

    public IReadOnlyList<BaselineHotspot> Hotspots { get; init; } = Array.Empty<BaselineHotspot>();

    /// <summary>
    /// QG analyzer findings per repo-relative file and rule id; null when no SARIF log was given when the baseline was
    /// written (analyzers.new then has nothing to compare with).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>? Analyzers { get; init; }
}

/// <summary>Reads and writes <see cref="Baseline"/> files.</summary>
public static class BaselineStore
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private const string RewriteAdvice = "Rewrite it with 'qualitygate baseline'.";

    /// <summary>The baseline at <paramref name="path"/>, or null when there is none yet. Unreadable: QGB0301.</summary>
    public static Baseline? Read(string path)
    {
        Baseline? baseline = TryRead(path, out string? problem, out string? advice);
        return problem is null ? baseline : throw new QualityGateException(QgbCodes.BaselineInvalid, problem + " " + advice);
    }

    /// <summary>
    /// The baseline at <paramref name="path"/> (null when there is none yet), or null with what is wrong with it in
    /// <paramref name="problem"/> (bad JSON, unknown key, wrong schemaVersion, unreadable file) and what to do in
    /// <paramref name="advice"/>.
    /// </summary>
    public static Baseline? TryRead(string path, out string? problem, out string? advice)
    {
        problem = null;
        advice = null;
        if (!File.Exists(path))
        {
            return null;
        }

        Baseline? baseline;
        string? duplicate;
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path), DocumentOptions);
            duplicate = JsonPaths.FirstDuplicateKey(document.RootElement, "$");
            baseline = duplicate is null ? document.Deserialize<Baseline>(Options) : null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // A dangling link (File.Exists says yes to the link itself), or a file removed meanwhile: no baseline yet.
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"Baseline '{path}' cannot be read ({ex.Message}).";
            advice = "Check its permissions, or rewrite it with 'qualitygate baseline'.";
            return null;
        }
        catch (JsonException ex)
        {
            problem = $"Baseline '{path}' cannot be read ({ex.Path ?? "$"}: {ex.Message}).";
            advice = RewriteAdvice;
            return null;
        }

        if (duplicate is not null)
        {
            // As in qualitygate.json: a merge of two baseline updates can keep both lines, and the last would win unseen.
            problem = $"Baseline '{path}' cannot be read ({duplicate} is given twice).";
            advice = RewriteAdvice;
            return null;
        }

        if (baseline is null || baseline.SchemaVersion != Baseline.CurrentSchemaVersion)
        {
            problem = string.Format(CultureInfo.InvariantCulture, "Baseline '{0}' has schemaVersion {1}; this version reads {2}.",
                path, baseline?.SchemaVersion.ToString(CultureInfo.InvariantCulture) ?? "null", Baseline.CurrentSchemaVersion);
            advice = RewriteAdvice;
            return null;
        }

        IReadOnlyList<BaselineHotspot> hotspots = baseline.Hotspots ?? Array.Empty<BaselineHotspot>();
        if (HotspotProblem(hotspots) is string hotspotProblem)
        {
            problem = $"Baseline '{path}' cannot be read ({hotspotProblem}).";
            advice = RewriteAdvice;
            return null;
        }

        if (RangeProblem(baseline, hotspots) is string rangeProblem)
        {
            problem = $"Baseline '{path}' holds a value no run writes: {rangeProblem}";
            advice = RewriteAdvice;
            return null;
        }

        return baseline with { Hotspots = hotspots };
    }

    /// <summary>
    /// A rate outside 0..1, a negative complexity or finding count: the gate would compare with nonsense (a complexity
    /// of -5 "grew 1300 %", a count of -8 makes 8 "new" findings).
    /// </summary>
    private static string? RangeProblem(Baseline baseline, IReadOnlyList<BaselineHotspot> hotspots)
    {
        if ((OutOfRange("$.lineRate", baseline.LineRate, 0, 1) ?? OutOfRange("$.branchRate", baseline.BranchRate, 0, 1)) is string rate)
        {
            return rate;
        }

        for (int i = 0; i < hotspots.Count; i++)
        {
            string at = JsonPaths.Index("$.hotspots", i);
            if ((OutOfRange(at + ".complexity", hotspots[i].Complexity, 0, int.MaxValue) ?? OutOfRange(at + ".score", hotspots[i].Score, 0, 1)) is string hotspot)
            {
                return hotspot;
            }
        }

        foreach ((string file, IReadOnlyDictionary<string, int>? rules) in baseline.Analyzers ?? new Dictionary<string, IReadOnlyDictionary<string, int>>())
        {
            string at = JsonPaths.Child("$.analyzers", file);
            if (rules is null)
            {
                return at + " is null; expected the finding count per rule id.";
            }

            foreach ((string rule, int count) in rules)
            {
                if (OutOfRange(JsonPaths.Child(at, rule), count, 0, int.MaxValue) is string finding)
                {
                    return finding;
                }
            }
        }

        return null;
    }

    private static string? OutOfRange(string path, double? value, double min, double max) =>
        value is double v && !JsonPaths.InRange(v, min, max) ? path + " " + JsonPaths.OutOfRange(v, min, max) : null;

    /// <summary>
    /// A hotspot without a path, or a path listed twice (a git merge of two baseline updates keeps both lines): the gate
    /// could not tell which complexity was accepted.
    /// </summary>
    private static string? HotspotProblem(IReadOnlyList<BaselineHotspot> hotspots)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < hotspots.Count; i++)
        {
            string? hotspotPath = hotspots[i]?.Path;
            if (hotspotPath is null)
            {
                return JsonPaths.Index("$.hotspots", i) + ": a hotspot needs a path";
            }

            if (seen.TryGetValue(hotspotPath, out int first))
            {
                return $"{JsonPaths.Index("$.hotspots", i)}.path: '{hotspotPath}' is listed twice, first at {JsonPaths.Index("$.hotspots", first)}";
            }

            seen.Add(hotspotPath, i);
        }

        return null;
    }

    public static void Write(string path, Baseline baseline) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(baseline, Options) + "\n");
}
