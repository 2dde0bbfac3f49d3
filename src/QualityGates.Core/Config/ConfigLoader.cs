using System.Globalization;
using System.Text.Json;
using QualityGates.Core.Coverage;
using QualityGates.Core.Gate;

namespace QualityGates.Core.Config;

/// <summary>
/// Reads qualitygate.json strictly: an unknown key or a bad value is an error naming its JSON path (QGB0201/QGB0202),
/// so a typo never silently falls back to a default. Absent file: every default.
/// </summary>
public static class ConfigLoader
{
    private const string SchemaKey = "$schema";
    private static readonly string[] RootKeys = { SchemaKey, "baseBranch", "bots", "coverage", "windows", "hotspots", "baseline", "trend", "conditions" };
    private static readonly string[] CoverageKeys = { "files", "reportDirectory", "required" };
    private static readonly string[] WindowKeys = { "reviewDays", "revertDays", "hotspotMonths" };
    private static readonly string[] HotspotKeys = { "minRevisions", "maxFilesPerCommit", "maxHotspots", "weighByMissingCoverage" };
    private static readonly string[] BaselineKeys = { "file" };
    private static readonly string[] TrendKeys = { "file" };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Loads <paramref name="explicitPath"/> (must exist) or, without one, qualitygate.json at the repository root
    /// (defaults when absent).
    /// </summary>
    public static GateConfig Load(string repositoryRoot, string? explicitPath = null)
    {
        string path = explicitPath is null
            ? Path.Combine(repositoryRoot, GateDefaults.ConfigFileName)
            : Path.GetFullPath(explicitPath);

        if (explicitPath is not null && !File.Exists(path))
        {
            string what = Directory.Exists(path) ? "is a folder" : "does not exist";
            throw new QualityGateException(QgbCodes.ConfigFileMissing, $"Configuration file '{path}' {what}. Fix --config, or leave it out to use {GateDefaults.ConfigFileName} at the repository root.");
        }

        // The committed file is read only inside the repository (a link to /dev/zero or a pipe must not hang the
        // build); a --config file is the caller's own choice, wherever it leads.
        var boundary = new RepositoryBoundary(explicitPath is null ? repositoryRoot : Path.GetPathRoot(path) ?? path);
        string? text = RepositoryText.Read(boundary, path, MaxConfigBytes, out string? refusal);
        if (text is null)
        {
            return refusal is null
                ? new GateConfig()
                : throw new QualityGateException(QgbCodes.ConfigInvalidJson,
                    $"Configuration file '{path}' {refusal}. Make {GateDefaults.ConfigFileName} a JSON file of the repository (docs/gate.md), or remove it to use the defaults.");
        }

        return Parse(text, path);
    }

    /// <summary>A qualitygate.json is a few KB; anything this large is not one.</summary>
    private const int MaxConfigBytes = 1024 * 1024;

    /// <summary>Parses the text of a qualitygate.json; <paramref name="source"/> names it in messages.</summary>
    public static GateConfig Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            long line = (ex.LineNumber ?? 0) + 1;
            long column = (ex.BytePositionInLine ?? 0) + 1;
            throw new QualityGateException(QgbCodes.ConfigInvalidJson,
                string.Format(CultureInfo.InvariantCulture, "{0} is not valid JSON at line {1}, column {2}. Fix the syntax (comments and trailing commas are allowed).", source, line, column));
        }

        using (document)
        {
            return new Reader(source).Root(document.RootElement);
        }
    }

    private sealed class Reader(string source)
    {
        public GateConfig Root(JsonElement root)
        {
            var config = new GateConfig { Source = source };
            if (JsonPaths.FirstDuplicateKey(root, "$") is string duplicate)
            {
                throw Bad(duplicate, "is given twice. Keep one.");
            }

            foreach ((string key, JsonElement value, string path) in Properties(root, "$", RootKeys))
            {
                switch (key)
                {
                    case SchemaKey:
                        String(value, path);
                        break;
                    case "baseBranch":
                        config = config with { BaseBranch = NullableString(value, path) };
                        break;
                    case "bots":
                        config = config with { Bots = StringArray(value, path, allowEmpty: true) };
                        break;
                    case "coverage":
                        config = Coverage(value, path, config);
                        break;
                    case "windows":
                        config = Windows(value, path, config);
                        break;
                    case "hotspots":
                        config = Hotspots(value, path, config);
                        break;
                    case "baseline":
                        foreach ((string _, JsonElement file, string filePath) in Properties(value, path, BaselineKeys))
                        {
                            config = config with { BaselineFile = DataFile(file, filePath, ".json") };
                        }

                        break;
                    case "trend":
                        foreach ((string _, JsonElement file, string filePath) in Properties(value, path, TrendKeys))
                        {
                            config = config with { TrendFile = file.ValueKind == JsonValueKind.Null ? null : DataFile(file, filePath, ".jsonl") };
                        }

                        break;
                    case "conditions":
                        config = config with { Conditions = Conditions(value, path) };
                        break;
                }
            }

            return config;
        }

        private GateConfig Coverage(JsonElement element, string path, GateConfig config)
        {
            foreach ((string key, JsonElement value, string keyPath) in Properties(element, path, CoverageKeys))
            {
                config = key switch
                {
                    "files" => config with { CoverageFiles = CoveragePatterns(value, keyPath) },
                    "required" => config with { CoverageRequired = Boolean(value, keyPath) },
                    _ => config with { CoverageReportDirectory = NullableString(value, keyPath) },
                };
            }

            return config;
        }

        /// <summary>Globs are checked here, so a bad one names its JSON path before any file is looked for.</summary>
        private List<string> CoveragePatterns(JsonElement value, string path)
        {
            List<string> patterns = StringArray(value, path, allowEmpty: true);
            for (int index = 0; index < patterns.Count; index++)
            {
                if (CoverageLoader.PatternProblem(patterns[index]) is string problem)
                {
                    throw Bad(path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", $"'{patterns[index]}': {problem}");
                }
            }

            return patterns;
        }

        private GateConfig Windows(JsonElement element, string path, GateConfig config)
        {
            foreach ((string key, JsonElement value, string keyPath) in Properties(element, path, WindowKeys))
            {
                config = key switch
                {
                    "reviewDays" => config with { ReviewWindowDays = Integer(value, keyPath, 1, 3650) },
                    "revertDays" => config with { RevertWindowDays = Integer(value, keyPath, 1, 3650) },
                    _ => config with { HotspotWindowMonths = Integer(value, keyPath, 1, 120) },
                };
            }

            return config;
        }

        private GateConfig Hotspots(JsonElement element, string path, GateConfig config)
        {
            foreach ((string key, JsonElement value, string keyPath) in Properties(element, path, HotspotKeys))
            {
                config = key switch
                {
                    "minRevisions" => config with { HotspotMinRevisions = Integer(value, keyPath, 1, 100_000) },
                    "maxFilesPerCommit" => config with { MaxFilesPerCommit = Integer(value, keyPath, 1, 1_000_000) },
                    "maxHotspots" => config with { MaxHotspots = Integer(value, keyPath, 1, 100_000) },
                    _ => config with { WeighByMissingCoverage = Boolean(value, keyPath) },
                };
            }

            return config;
        }

        private Dictionary<string, ConditionSettings> Conditions(JsonElement element, string path)
        {
            var result = new Dictionary<string, ConditionSettings>(GateDefaults.Conditions, StringComparer.Ordinal);
            foreach ((string id, JsonElement value, string idPath) in Properties(element, path, ConditionIds.All))
            {
                result[id] = Condition(id, value, idPath, GateDefaults.Conditions[id]);
            }

            return result;
        }

        private ConditionSettings Condition(string id, JsonElement element, string path, ConditionSettings settings)
        {
            ConditionKind kind = ConditionSpecs.KindOf(id);
            foreach ((string key, JsonElement value, string keyPath) in Properties(element, path, ConditionSpecs.KeysOf(id)))
            {
                settings = key switch
                {
                    ConditionSpecs.Enabled => settings with { Enabled = Boolean(value, keyPath) },
                    ConditionSpecs.Fail => settings with { Fail = Level(value, keyPath, kind) },
                    ConditionSpecs.Warn => settings with { Warn = Level(value, keyPath, kind) },
                    ConditionSpecs.NoData => settings with { NoData = Policy(value, keyPath) },
                    ConditionSpecs.MaxDrop => settings with { MaxDrop = Number(value, keyPath, 0, 1) },
                    ConditionSpecs.MinLines => settings with { MinLines = Integer(value, keyPath, 0, 1_000_000) },
                    ConditionSpecs.MinLandings => settings with { MinLandings = Integer(value, keyPath, 1, 1_000_000) },
                    ConditionSpecs.BranchFail => settings with { BranchFail = Level(value, keyPath, ConditionKind.MinimumRate) },
                    ConditionSpecs.BranchWarn => settings with { BranchWarn = Level(value, keyPath, ConditionKind.MinimumRate) },
                    ConditionSpecs.MaxComplexity => settings with { MaxComplexity = Integer(value, keyPath, 1, 10_000) },
                    _ => settings with { MaxCrap = Number(value, keyPath, 1, 1_000_000) },
                };
            }

            CheckOrder(settings.Fail, settings.Warn, kind, path + ".warn");
            CheckOrder(settings.BranchFail, settings.BranchWarn, ConditionKind.MinimumRate, path + ".branchWarn");
            return settings;
        }

        /// <summary>The warn level must be the stricter one, else it could never show.</summary>
        private void CheckOrder(double? fail, double? warn, ConditionKind kind, string path)
        {
            if (fail is null || warn is null)
            {
                return;
            }

            bool wrong = kind == ConditionKind.MinimumRate ? warn < fail : warn > fail;
            if (wrong)
            {
                throw Bad(path, string.Format(CultureInfo.InvariantCulture,
                    "the warn level {0} is less strict than the fail level {1}, so it could never show. Make warn {2} fail.",
                    Format(warn.Value), Format(fail.Value), kind == ConditionKind.MinimumRate ? "at least" : "at most"));
            }
        }

        private double? Level(JsonElement value, string path, ConditionKind kind)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return kind switch
            {
                ConditionKind.MinimumRate => Number(value, path, 0, 1),
                ConditionKind.MaximumCount => Integer(value, path, 0, 1_000_000),
                _ => Number(value, path, 0, 100),
            };
        }

        private NoDataPolicy Policy(JsonElement value, string path) => String(value, path) switch
        {
            "fail" => NoDataPolicy.Fail,
            "warn" => NoDataPolicy.Warn,
            "skip" => NoDataPolicy.Skip,
            string other => throw Bad(path, $"'{Short(other)}' is not a no-data policy. Use \"fail\", \"warn\" or \"skip\"."),
        };

        private List<(string Key, JsonElement Value, string Path)> Properties(JsonElement element, string path, IReadOnlyCollection<string> known)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Bad(path, $"expected an object, found {Describe(element)}.");
            }

            var items = new List<(string, JsonElement, string)>();
            foreach (JsonProperty property in element.EnumerateObject())
            {
                string keyPath = Child(path, property.Name);
                if (!known.Contains(property.Name))
                {
                    string? suggestion = Spelling.Suggest(property.Name, known);
                    throw new QualityGateException(QgbCodes.ConfigUnknownKey,
                        $"{source}: {keyPath} is not a known setting.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")} Known here: {string.Join(", ", known)}.");
                }

                items.Add((property.Name, property.Value, keyPath));
            }

            return items;
        }

        private string String(JsonElement value, string path) =>
            value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Bad(path, $"expected a string, found {Describe(value)}.");

        /// <summary>
        /// A file the gate writes (the baseline, the trend history): named with its own extension and not the
        /// configuration, so a slip cannot make the gate rewrite qualitygate.json or a committed source.
        /// </summary>
        private string DataFile(JsonElement value, string path, string extension)
        {
            string file = String(value, path);
            string name = Path.GetFileName(file.Replace('\\', '/').TrimEnd('/'));
            if (!name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) || name.Length == extension.Length ||
                name.Equals(GateDefaults.ConfigFileName, StringComparison.OrdinalIgnoreCase))
            {
                throw Bad(path, $"must name a {extension} file of its own, which the gate writes (not qualitygate.json, a source or another file): found \"{Short(file)}\".");
            }

            return file;
        }

        private string? NullableString(JsonElement value, string path) =>
            value.ValueKind == JsonValueKind.Null ? null : String(value, path);

        private List<string> StringArray(JsonElement value, string path, bool allowEmpty)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw Bad(path, $"expected an array of strings, found {Describe(value)}.");
            }

            var list = new List<string>();
            int index = 0;
            foreach (JsonElement item in value.EnumerateArray())
            {
                string text = String(item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
                if (text.Length == 0)
                {
                    throw Bad(path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", "is empty.");
                }

                list.Add(text);
                index++;
            }

            return list.Count == 0 && !allowEmpty ? throw Bad(path, "is empty.") : list;
        }

        private bool Boolean(JsonElement value, string path) => value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Bad(path, $"expected true or false, found {Describe(value)}."),
        };

        private double Number(JsonElement value, string path, double min, double max)
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number))
            {
                throw Bad(path, $"expected a number, found {Describe(value)}.");
            }

            if (!JsonPaths.InRange(number, min, max))
            {
                throw Bad(path, JsonPaths.OutOfRange(number, min, max));
            }

            return number;
        }

        private int Integer(JsonElement value, string path, int min, int max)
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number))
            {
                throw Bad(path, $"expected a whole number, found {Describe(value)}.");
            }

            if (number < min || number > max)
            {
                throw Bad(path, JsonPaths.OutOfRange(number, min, max));
            }

            return number;
        }

        private QualityGateException Bad(string path, string what) =>
            new(QgbCodes.ConfigInvalidValue, $"{source}: {path} {what}");

        private static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => $"the string \"{Short(value.GetString()!)}\"",
            JsonValueKind.Number => $"the number {Short(value.GetRawText())}",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => "null",
        };

        private static string Child(string path, string key) => JsonPaths.Child(path, key);

        private static string Short(string text) => JsonPaths.Shorten(text);

        private static string Format(double value) => JsonPaths.Format(value);
    }
}
