using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace QualityGates.Core.Coverage;

/// <summary>
/// Streams one Cobertura file (coverlet's, or any Cobertura 1.9 writer's) into a <see cref="CoverageMerger"/> with an
/// XmlReader: memory stays bounded by the merged model, never by the file. DTDs are refused, nothing is resolved.
/// </summary>
internal static class CoberturaReader
{
    private const int MaxLineNumber = 10_000_000;
    private const int PrologSniffBytes = 64 * 1024;
    private const int MaxPrologScan = 16 * 1024 * 1024;
    private static readonly Regex ConditionCoverage = new(@"\((\d+)\s*/\s*(\d+)\)", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex ExternalEntity = new(@"<!ENTITY[^>]*\b(SYSTEM|PUBLIC)\b", RegexOptions.CultureInvariant);

    internal static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>
    /// Reads <paramref name="file"/>; paths outside the repository are added to <paramref name="outside"/>, generated
    /// sources (obj/, *.g.cs, ...) to <paramref name="generated"/>, files that are no source code to <paramref name="notSources"/>,
    /// none merged.
    /// </summary>
    public static void Read(string file, string fullRoot, CoverageMerger merger, ISet<string> outside, ISet<string> generated, ISet<string> notSources)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new QualityGateException(QgbCodes.CoverageFileMissing,
                $"Coverage file '{file}' does not exist. Run the tests with --collect \"XPlat Code Coverage\" first, or fix the path or glob.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new QualityGateException(QgbCodes.CoverageFileMissing, $"Coverage file '{file}' cannot be read: {ex.Message}");
        }

        // A pipe (<(cat coverage.xml)) has no length: it is read as it comes.
        if (stream.CanSeek && stream.Length == 0)
        {
            stream.Dispose();
            throw new QualityGateException(QgbCodes.CoverageFileEmpty,
                $"Coverage file '{file}' is empty. The test run probably stopped before coverlet wrote it: run the tests again.");
        }

        merger.NextReport();
        var parser = new Parser(file, fullRoot, merger, outside, generated, notSources);
        using XmlReader reader = XmlReader.Create(stream, Settings);
        try
        {
            parser.Run(reader);
        }
        catch (XmlException ex) when (!parser.RootSeen)
        {
            throw ClassifyProlog(file, ex);
        }
        catch (XmlException ex)
        {
            throw new QualityGateException(QgbCodes.CoverageFileTruncated,
                $"Coverage file '{file}' is truncated or malformed (line {ex.LineNumber.ToString(CultureInfo.InvariantCulture)}): {ex.Message} Run the tests again to rewrite it.");
        }
    }

    private static QualityGateException ClassifyProlog(string file, XmlException ex)
    {
        string head = ReadHead(file);
        if (head.Contains("<!DOCTYPE", StringComparison.Ordinal))
        {
            return ExternalEntity.IsMatch(head)
                ? new QualityGateException(QgbCodes.CoverageExternalEntity,
                    $"Coverage file '{file}' declares an external entity; it is refused and nothing was resolved. Cobertura files from coverlet have no DTD: use those.")
                : new QualityGateException(QgbCodes.CoverageDtdProhibited,
                    $"Coverage file '{file}' has a DTD (<!DOCTYPE>); DTDs are refused for safety. Give the coverlet files themselves (they have none), not a file merged by ReportGenerator or Java Cobertura.");
        }

        if (string.IsNullOrWhiteSpace(head))
        {
            return new QualityGateException(QgbCodes.CoverageFileEmpty,
                $"Coverage file '{file}' has no content. Run the tests with --collect \"XPlat Code Coverage\" again.");
        }

        return new QualityGateException(QgbCodes.CoverageNotCobertura,
            $"Coverage file '{file}' is not XML ({ex.Message}). Give Cobertura files as coverlet writes them (coverage.cobertura.xml).");
    }

    /// <summary>
    /// The file's first 64 KB; when they hold no DTD but the file goes on (a DTD after a long comment), the 64 KB from
    /// the first "&lt;!DOCTYPE" within the first 16 MB: what was refused is named for what it is.
    /// </summary>
    private static string ReadHead(string file)
    {
        try
        {
            // The reader drops a byte order mark (UTF-8, UTF-16, UTF-32): a file of only a BOM has no content, as the XML reader sees it.
            using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            char[] buffer = new char[PrologSniffBytes];
            int read = reader.ReadBlock(buffer, 0, buffer.Length);
            string head = new(buffer, 0, read);
            string window = head;
            for (int scanned = read; read == buffer.Length && scanned < MaxPrologScan && !window.Contains("<!DOCTYPE", StringComparison.Ordinal); scanned += read)
            {
                // The previous block's tail, so a marker split across two blocks is still found.
                string tail = window.Substring(Math.Max(0, window.Length - 16));
                read = reader.ReadBlock(buffer, 0, buffer.Length);
                window = tail + new string(buffer, 0, read);
            }

            int doctype = window.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
            if (doctype < 0 || ReferenceEquals(window, head))
            {
                return head;
            }

            // The DTD and what follows it, up to 64 KB.
            string rest = window.Substring(doctype);
            if (rest.Length < PrologSniffBytes)
            {
                read = reader.ReadBlock(buffer, 0, PrologSniffBytes - rest.Length);
                rest += new string(buffer, 0, read);
            }

            return rest;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private sealed class Parser(string file, string fullRoot, CoverageMerger merger, ISet<string> outside, ISet<string> generated, ISet<string> notSources)
    {
        private readonly ClassFileResolver resolver = new(fullRoot, outside, generated, notSources);
        private readonly List<(int Number, string? Type, double Percent)> conditions = new();
        private readonly List<BranchPoint> points = new();
        private string? currentPath;
        private bool inClass;

        public bool RootSeen { get; private set; }

        public void Run(XmlReader reader)
        {
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                throw new QualityGateException(QgbCodes.CoverageNotCobertura, $"Coverage file '{file}' has no root element; expected Cobertura <coverage>.");
            }

            if (reader.LocalName != "coverage" || reader.GetAttribute("line-rate") is null)
            {
                throw new QualityGateException(QgbCodes.CoverageNotCobertura,
                    $"Coverage file '{file}' is not Cobertura: its root element is <{Truncate(reader.LocalName)}>, expected <coverage line-rate=...>. Use coverlet's Cobertura output (the default of \"XPlat Code Coverage\").");
            }

            RootSeen = true;
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    switch (reader.LocalName)
                    {
                        case "source":
                            resolver.AddSource(reader.ReadElementContentAsString());
                            continue;
                        case "class":
                            inClass = !reader.IsEmptyElement;
                            currentPath = inClass ? resolver.Resolve(reader.GetAttribute("filename")) : null;
                            break;
                        case "line" when inClass:
                            ReadLine(reader);
                            continue;
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "class")
                {
                    inClass = false;
                    currentPath = null;
                }

                reader.Read();
            }
        }

        private void ReadLine(XmlReader reader)
        {
            int xmlLine = (reader as IXmlLineInfo)?.LineNumber ?? 0;
            string? numberText = reader.GetAttribute("number");
            string? hitsText = reader.GetAttribute("hits");
            string? conditionCoverage = reader.GetAttribute("condition-coverage");
            if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1 || number > MaxLineNumber)
            {
                throw Invalid(xmlLine, "number", numberText);
            }

            if (!long.TryParse(hitsText, NumberStyles.None, CultureInfo.InvariantCulture, out long hits))
            {
                throw Invalid(xmlLine, "hits", hitsText);
            }

            int covered = 0, total = 0;
            if (conditionCoverage is not null)
            {
                Match match = ConditionCoverage.Match(conditionCoverage);
                if (!match.Success
                    || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out covered)
                    || !int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out total)
                    || covered > total)
                {
                    throw Invalid(xmlLine, "condition-coverage", conditionCoverage);
                }
            }

            conditions.Clear();
            if (!reader.IsEmptyElement)
            {
                int depth = reader.Depth;
                reader.Read();
                while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "condition")
                    {
                        conditions.Add(ReadCondition(reader));
                    }

                    reader.Read();
                }
            }

            reader.Read();
            if (currentPath is not null)
            {
                merger.Add(currentPath, number, hits, covered, total, ToPoints(total));
            }
        }

        private (int, string?, double) ReadCondition(XmlReader reader)
        {
            int xmlLine = (reader as IXmlLineInfo)?.LineNumber ?? 0;
            string? numberText = reader.GetAttribute("number");
            string? coverage = reader.GetAttribute("coverage");
            if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            {
                throw Invalid(xmlLine, "condition number", numberText);
            }

            string percentText = (coverage ?? string.Empty).Trim().TrimEnd('%');
            if (!double.TryParse(percentText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double percent) || percent > 100)
            {
                throw Invalid(xmlLine, "condition coverage", coverage);
            }

            return (number, reader.GetAttribute("type"), percent);
        }

        /// <summary>
        /// Outcomes per branch point: a "jump" has two; "switch" points share what the line's "(c/T)" total leaves.
        /// Covered outcomes = the point's percentage of its outcomes.
        /// </summary>
        private List<BranchPoint>? ToPoints(int lineTotal)
        {
            if (conditions.Count == 0)
            {
                return null;
            }

            int jumps = conditions.Count(c => !IsSwitch(c.Type));
            int switches = conditions.Count - jumps;
            int left = Math.Max(0, lineTotal - (2 * jumps));
            points.Clear();
            int switchIndex = 0;
            foreach ((int number, string? type, double percent) in conditions)
            {
                int outcomes = 2;
                if (IsSwitch(type))
                {
                    outcomes = left / switches + (switchIndex++ < left % switches ? 1 : 0);
                    outcomes = outcomes < 2 ? 2 : outcomes;
                }

                int covered = (int)Math.Round(percent / 100 * outcomes, MidpointRounding.AwayFromZero);
                points.Add(new BranchPoint(number, Math.Min(covered, outcomes), outcomes));
            }

            return points;
        }

        private static bool IsSwitch(string? type) => string.Equals(type, "switch", StringComparison.OrdinalIgnoreCase);

        private QualityGateException Invalid(int xmlLine, string attribute, string? value) =>
            new(QgbCodes.CoverageInvalidValue,
                $"Coverage file '{file}' line {xmlLine.ToString(CultureInfo.InvariantCulture)}: {attribute} '{Truncate(value ?? "(missing)")}' is not a valid value. Regenerate the file with coverlet.");
    }

    internal static string Truncate(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");
}
