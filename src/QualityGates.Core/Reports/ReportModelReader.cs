using System.Text.Json;

namespace QualityGates.Core.Reports;

/// <summary>Reads the engine's result JSON into a <see cref="ReportModel"/>, turning every bad input into a QGB error.</summary>
public static class ReportModelReader
{
    public static ReportModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ReportInputException(
                ReportCodes.ResultFileMissing,
                $"result file '{path}' not found: run 'qualitygate check --json {path}' first, or pass the path of its result JSON");
        }

        var length = new FileInfo(path).Length;
        if (length > ReportLimits.ResultMaxBytes)
        {
            throw new ReportInputException(
                ReportCodes.ResultInvalidJson,
                $"result file '{path}' is {length} bytes, more than the {ReportLimits.ResultMaxBytes} a result can be: pass the JSON written by 'qualitygate check --json'");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportInputException(ReportCodes.ResultFileMissing, $"result file '{path}' could not be read ({e.Message}): check its permissions");
        }

        return Parse(bytes, path);
    }

    public static ReportModel Parse(ReadOnlySpan<byte> utf8Json, string sourceName)
    {
        // A result copied or re-saved on Windows: PowerShell 5 writes a UTF-8 BOM with -Encoding utf8, UTF-16 with '>'.
        byte[]? transcoded = WithoutByteOrderMark(ref utf8Json);
        if (transcoded is not null)
        {
            utf8Json = transcoded;
        }

        if (utf8Json.IsEmpty || IsWhiteSpace(utf8Json))
        {
            throw new ReportInputException(
                ReportCodes.ResultInvalidJson,
                $"result file '{sourceName}' is empty: the check did not finish; run 'qualitygate check --json' again");
        }

        ReportModel? model;
        try
        {
            // The version is checked first so that a future schema gets the right message, not a type error.
            var version = ReadSchemaVersion(utf8Json, sourceName);
            if (version != ReportLimits.SupportedSchemaVersion)
            {
                throw new ReportInputException(
                    ReportCodes.ResultUnsupportedSchema,
                    version is null
                        ? $"result file '{sourceName}' has no numeric 'schemaVersion': it is not a qualitygate result; pass the JSON written by 'qualitygate check --json'"
                        : $"result file '{sourceName}' has schemaVersion {version.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, this report reads schemaVersion {ReportLimits.SupportedSchemaVersion}: use the qualitygate version that wrote it");
            }

            // Other keys are additive by contract (schemaVersion 1): skipped, see ReportJsonContext.
            model = JsonSerializer.Deserialize(utf8Json, ReportJsonContext.Default.ReportModel);
            if (model is not null)
            {
                model.SchemaVersion = ReportLimits.SupportedSchemaVersion;
            }
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? string.Empty : $" at {e.Path}";
            var line = e.LineNumber is null ? string.Empty : $" (line {e.LineNumber + 1})";
            throw new ReportInputException(
                ReportCodes.ResultInvalidJson,
                $"result file '{sourceName}' is not valid result JSON{where}{line}: {FirstSentence(e.Message)} Pass the JSON written by 'qualitygate check --json'.");
        }

        if (model is null)
        {
            throw new ReportInputException(
                ReportCodes.ResultInvalidJson,
                $"result file '{sourceName}' holds 'null', not a result object: pass the JSON written by 'qualitygate check --json'");
        }

        RejectNullEntries(model, sourceName);
        return model;
    }

    /// <summary>
    /// The serializer accepts null as an entry of any list; the renderers expect objects (and names) there. A null entry
    /// is a value of the wrong type: QGB0602 naming its JSON path, like every other one.
    /// </summary>
    private static void RejectNullEntries(ReportModel model, string sourceName)
    {
        Entries(model.Conditions, "$.conditions", "an object", sourceName);
        Entries(model.Reviews?.Monthly, "$.reviews.monthly", "an object", sourceName);
        Entries(model.Reviews?.Unreviewed, "$.reviews.unreviewed", "an object", sourceName);
        Entries(model.Hotspots, "$.hotspots", "an object", sourceName);
        Entries(model.Notes, "$.notes", "a string", sourceName);
        for (var i = 0; i < (model.Hotspots?.Count ?? 0); i++)
        {
            var at = $"$.hotspots[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
            Entries(model.Hotspots![i].MainAuthors, at + ".mainAuthors", "a string", sourceName);
            Entries(model.Hotspots[i].Methods, at + ".methods", "an object", sourceName);
        }
    }

    private static void Entries<T>(List<T>? list, string path, string expected, string sourceName)
        where T : class
    {
        var index = list?.IndexOf(null!) ?? -1;
        if (index >= 0)
        {
            throw new ReportInputException(
                ReportCodes.ResultInvalidJson,
                $"result file '{sourceName}' is not valid result JSON at {path}[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]: null where {expected} is expected. Pass the JSON written by 'qualitygate check --json'.");
        }
    }

    /// <summary>Skips a UTF-8 byte order mark; UTF-16 with a byte order mark comes back as UTF-8 bytes.</summary>
    private static byte[]? WithoutByteOrderMark(ref ReadOnlySpan<byte> json)
    {
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
            return null;
        }

        System.Text.Encoding? utf16 = json.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? System.Text.Encoding.Unicode
            : json.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? System.Text.Encoding.BigEndianUnicode
            : null;
        return utf16 is null ? null : System.Text.Encoding.UTF8.GetBytes(utf16.GetString(json[2..]));
    }

    /// <summary>A JSON number: 1.0 is 1 (JSON does not tell them apart), 1.5 is a version this report does not read.</summary>
    private static decimal? ReadSchemaVersion(ReadOnlySpan<byte> utf8Json, string sourceName)
    {
        using var doc = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ReportInputException(
                ReportCodes.ResultInvalidJson,
                $"result file '{sourceName}' holds a JSON {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}, not a result object: pass the JSON written by 'qualitygate check --json'");
        }

        return doc.RootElement.TryGetProperty("schemaVersion", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var n)
            ? n
            : null;
    }

    private static bool IsWhiteSpace(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    // System.Text.Json appends the path and position in a second sentence; we give those ourselves.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        text = text.Trim();
        return text.EndsWith('.') ? text : text + ".";
    }
}
