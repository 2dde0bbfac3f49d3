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
            bytes = BoundedInput.ReadAllBytes(path, ReportLimits.ResultMaxBytes) ?? throw new ReportInputException(
                ReportCodes.ResultInvalidJson,
                $"result file '{path}' holds more than the {ReportLimits.ResultMaxBytes} bytes a result can be (or never ends, as a device): pass the JSON written by 'qualitygate check --json'");
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
        new RangeCheck(sourceName).Result(model);
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
        Entries(model.NotEvaluated?.Conditions, "$.notEvaluated.conditions", "a string", sourceName);
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
            throw Invalid(sourceName, JsonPaths.Index(path, index), $"null where {expected} is expected.");
        }
    }

    /// <summary>A value the result cannot hold: QGB0602 naming its JSON path.</summary>
    private static ReportInputException Invalid(string sourceName, string path, string what) =>
        new(ReportCodes.ResultInvalidJson, $"result file '{sourceName}' is not valid result JSON at {path}: {what} Pass the JSON written by 'qualitygate check --json'.");

    /// <summary>
    /// Types alone let through what no run writes: a rate of 2.5 shown as 250 %, negative revisions, a score of 1e308
    /// printed as 309 digits. Rates are 0..1, counts 0 or more, lines 1 or more, other figures at most
    /// <see cref="ReportLimits.LargestFigure"/>.
    /// </summary>
    private sealed class RangeCheck(string sourceName)
    {
        public void Result(ReportModel model)
        {
            for (var i = 0; i < (model.Conditions?.Count ?? 0); i++)
            {
                var c = model.Conditions![i];
                var at = JsonPaths.Index("$.conditions", i);
                // Coverage and review conditions are rates; hotspot growth a fraction that can fall to -100 %; the rest counts.
                var (min, max) = ReportText.HigherIsBetter(c.Id) ? (0d, 1d) : c.Id == "hotspots.growth" ? (-1d, ReportLimits.LargestFigure) : (0d, ReportLimits.LargestFigure);
                Number(c.Actual, at + ".actual", min, max);
                Number(c.Threshold, at + ".threshold", min, max);
                Number(c.Baseline, at + ".baseline", min, max);
                Count(c.Line, at + ".line", 1);
            }

            Coverage(model.Coverage);
            Reviews(model.Reviews);
            for (var i = 0; i < (model.Hotspots?.Count ?? 0); i++)
            {
                Hotspot(model.Hotspots![i], JsonPaths.Index("$.hotspots", i));
            }

            Count(model.History?.Commits, "$.history.commits");
        }

        private void Coverage(CoverageSummary? c)
        {
            if (c is null)
            {
                return;
            }

            Rate(c.LineRate, "$.coverage.lineRate");
            Rate(c.BranchRate, "$.coverage.branchRate");
            Rate(c.NewCode?.LineRate, "$.coverage.newCode.lineRate");
            Count(c.NewCode?.CoverableLines, "$.coverage.newCode.coverableLines");
            Count(c.NewCode?.CoveredLines, "$.coverage.newCode.coveredLines");
            Count(c.Files is { ValueKind: System.Text.Json.JsonValueKind.Number } ? c.FileCount : null, "$.coverage.files");
        }

        private void Reviews(ReviewSummary? r)
        {
            if (r is null)
            {
                return;
            }

            Count(r.WindowDays, "$.reviews.windowDays");
            Count(r.Landings, "$.reviews.landings");
            Count(r.HumanLandings, "$.reviews.humanLandings");
            Count(r.Bots, "$.reviews.bots");
            Count(r.Reviewed, "$.reviews.reviewed");
            Count(r.Reverted, "$.reviews.reverted");
            Rate(r.ReviewCoverage, "$.reviews.reviewCoverage");
            Rate(r.PassRate, "$.reviews.passRate");
            Rate(r.FirstPassRate, "$.reviews.firstPassRate");
            foreach (var (kind, count) in r.Evidence ?? new Dictionary<string, int>())
            {
                Count(count, JsonPaths.Child("$.reviews.evidence", kind));
            }

            for (var i = 0; i < (r.Monthly?.Count ?? 0); i++)
            {
                var m = r.Monthly![i];
                var at = JsonPaths.Index("$.reviews.monthly", i);
                Count(m.Landings, at + ".landings");
                Count(m.HumanLandings, at + ".humanLandings");
                Count(m.Reviewed, at + ".reviewed");
                Rate(m.ReviewCoverage, at + ".reviewCoverage");
                Rate(m.PassRate, at + ".passRate");
                Rate(m.FirstPassRate, at + ".firstPassRate");
            }
        }

        private void Hotspot(HotspotEntry h, string at)
        {
            Count(h.Revisions, at + ".revisions");
            Count(h.Churn, at + ".churn");
            Count(h.Complexity, at + ".complexity");
            Rate(h.LineRate, at + ".lineRate");
            Rate(h.Score, at + ".score");
            Number(h.Crap, at + ".crap", 0, ReportLimits.LargestFigure);
            for (var i = 0; i < (h.Methods?.Count ?? 0); i++)
            {
                var m = h.Methods![i];
                var method = JsonPaths.Index(at + ".methods", i);
                Count(m.Line, method + ".line", 1);
                Count(m.EndLine, method + ".endLine", 1);
                Count(m.Complexity, method + ".complexity");
                Rate(m.LineRate, method + ".lineRate");
                Number(m.Crap, method + ".crap", 0, ReportLimits.LargestFigure);
            }
        }

        private void Rate(double? value, string path) => Number(value, path, 0, 1);

        private void Number(double? value, string path, double min, double max)
        {
            if (value is { } v && !JsonPaths.InRange(v, min, max))
            {
                throw Invalid(sourceName, path, JsonPaths.OutOfRange(v, min, max));
            }
        }

        private void Count(int? value, string path, int min = 0)
        {
            if (value is { } v && v < min)
            {
                throw Invalid(sourceName, path, JsonPaths.OutOfRange(v, min, int.MaxValue));
            }
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
        // System.Text.Json appends " Path: ... | LineNumber: ... | BytePositionInLine: ..." (or starts with LineNumber):
        // the line is already in the message.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        var position = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        text = position > 0 ? text[..position] : text;
        text = text.Trim();
        return text.EndsWith('.') ? text : text + ".";
    }
}
