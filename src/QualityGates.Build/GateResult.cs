using System.Globalization;
using System.Text;
using System.Text.Json;

namespace QualityGates.Build;

/// <summary>One condition of the result JSON, with actual and threshold already formatted for a person.</summary>
internal sealed record ConditionResult(string Id, string Status, string Actual, string Threshold, string Message, string? File, int Line);

/// <summary>The part of the engine's result JSON (schemaVersion 1) the build reports on.</summary>
internal sealed record GateResult(bool Passed, IReadOnlyList<ConditionResult> Conditions, IReadOnlyList<string> Notes)
{
    /// <summary>
    /// "no coverage data (REASON): coverage.line, coverage.critical" when the engine's <c>notEvaluated</c> names coverage
    /// conditions that had no data (the verdict then reads "not evaluated", not "passed"); null otherwise.
    /// </summary>
    public string? NotEvaluated { get; init; }

    public const int SupportedSchemaVersion = 1;
    private const int MaxMessageLength = 2000;

    /// <summary>Reads the result; throws <see cref="ResultFormatException"/> with a sentence for a person on anything unexpected.</summary>
    public static GateResult Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new ResultFormatException(BuildCodes.ResultInvalid, $"is not valid JSON ({e.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ResultFormatException(BuildCodes.ResultInvalid, "is not a JSON object");
            }

            if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number)
            {
                throw new ResultFormatException(BuildCodes.ResultInvalid, "has no numeric 'schemaVersion'");
            }

            // A number equal to 1 (1.0, 1e0) is version 1, as the report reader takes it: JSON does not tell integers apart.
            if (!version.TryGetDecimal(out var schema) || schema != SupportedSchemaVersion)
            {
                throw new ResultFormatException(BuildCodes.ResultSchemaUnsupported,
                    $"has schemaVersion {version.GetRawText()}, but this QualityGates package reads schemaVersion {SupportedSchemaVersion}: use the same package version for the engine and the build");
            }

            if (!root.TryGetProperty("passed", out var passed) || (passed.ValueKind != JsonValueKind.True && passed.ValueKind != JsonValueKind.False))
            {
                throw new ResultFormatException(BuildCodes.ResultInvalid, "has no boolean 'passed'");
            }

            if (!root.TryGetProperty("conditions", out var conditions) || conditions.ValueKind != JsonValueKind.Array)
            {
                throw new ResultFormatException(BuildCodes.ResultInvalid, "has no 'conditions' array");
            }

            var list = new List<ConditionResult>();
            var index = 0;
            foreach (var condition in conditions.EnumerateArray())
            {
                list.Add(ReadCondition(condition, index++));
            }

            var notes = new List<string>();
            if (root.TryGetProperty("notes", out var noteArray) && noteArray.ValueKind == JsonValueKind.Array)
            {
                foreach (var note in noteArray.EnumerateArray())
                {
                    if (note.ValueKind == JsonValueKind.String)
                    {
                        notes.Add(Clean(note.GetString()!));
                    }
                }
            }

            return new GateResult(passed.GetBoolean(), list, notes) { NotEvaluated = ReadNotEvaluated(root) };
        }
    }

    /// <summary>The engine's additive <c>notEvaluated</c> object, as one cleaned sentence; null when absent or empty.</summary>
    private static string? ReadNotEvaluated(JsonElement root)
    {
        if (!root.TryGetProperty("notEvaluated", out var notEvaluated) || notEvaluated.ValueKind != JsonValueKind.Object
            || !notEvaluated.TryGetProperty("conditions", out var conditions) || conditions.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var ids = conditions.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!).ToList();
        if (ids.Count == 0)
        {
            return null;
        }

        var reason = notEvaluated.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "no coverage data";
        return Clean($"{reason}: {string.Join(", ", ids)} {(ids.Count == 1 ? "was" : "were")} not judged");
    }

    private static ConditionResult ReadCondition(JsonElement condition, int index)
    {
        if (condition.ValueKind != JsonValueKind.Object)
        {
            throw new ResultFormatException(BuildCodes.ResultInvalid, $"has a condition at index {index} that is not an object");
        }

        var id = RequiredString(condition, "id", index);
        var status = RequiredString(condition, "status", index);
        var kind = ConditionCodes.KindOf(id);
        var actual = condition.TryGetProperty("actual", out var a) ? FormatValue(a, kind) : "no data";
        var threshold = condition.TryGetProperty("threshold", out var t) ? FormatValue(t, kind) : "none";
        if (actual == threshold && kind == ValueKind.Rate && a.ValueKind == JsonValueKind.Number && t.ValueKind == JsonValueKind.Number && a.GetDouble() != t.GetDouble())
        {
            // 1,999 of 2,000 lines against 100 %: "actual 99.95 %", not "actual 100.0 %, threshold 100.0 %".
            actual = (a.GetDouble() * 100).ToString("0.0#####", CultureInfo.InvariantCulture) + " %";
        }

        var message = condition.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? Clean(m.GetString()!) : id;
        string? file = condition.TryGetProperty("file", out var f) && f.ValueKind == JsonValueKind.String ? Clean(f.GetString()!) : null;
        var line = condition.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out var n) && n > 0 ? n : 0;
        return new ConditionResult(Clean(id), status, actual, threshold, message, string.IsNullOrEmpty(file) ? null : file, line);
    }

    private static string RequiredString(JsonElement condition, string name, int index)
    {
        if (!condition.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new ResultFormatException(BuildCodes.ResultInvalid, $"has a condition at index {index} without a string '{name}'");
        }

        return value.GetString()!;
    }

    /// <summary>Rates are fractions 0..1 in the JSON; people read percentages.</summary>
    internal static string FormatValue(JsonElement value, ValueKind kind)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return "no data";
            case JsonValueKind.Number:
                var number = value.GetDouble();
                return kind == ValueKind.Rate
                    ? (number * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %"
                    : number.ToString("0.##", CultureInfo.InvariantCulture);
            case JsonValueKind.String:
                return Clean(value.GetString()!);
            default:
                return Clean(value.GetRawText());
        }
    }

    /// <summary>Text from git and coverage files is untrusted: no control or bidi characters (log injection, reordering), bounded length.</summary>
    internal static string Clean(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxMessageLength));
        foreach (var c in text)
        {
            if (builder.Length >= MaxMessageLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) || IsBidiControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }

    /// <summary>Bidi embeddings, overrides and isolates reorder the rest of a console or CI log line.</summary>
    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}

/// <summary>The result file is not what schemaVersion 1 promises.</summary>
internal sealed class ResultFormatException(string code, string problem) : Exception(problem)
{
    public string Code { get; } = code;
}
