using System.Globalization;
using System.Text;

namespace QualityGates.Core.Gate;

/// <summary>
/// A short Markdown summary (PR comment, GitHub step summary): the verdict and one table row per condition. Every
/// text that comes from inputs (paths, messages with names from git or coverage) is escaped.
/// </summary>
public static class MarkdownSummaryWriter
{
    public static string Write(GateResult result)
    {
        var md = new StringBuilder();
        md.Append("## Quality gate: ").Append(result.Verdict switch { GateVerdict.Failed => "**failed**", GateVerdict.NotEvaluated => "**not evaluated**", _ => "passed" });
        md.Append(CultureInfo.InvariantCulture, $" ({result.Count(ConditionStatus.Failed)} failed, {result.Count(ConditionStatus.Warning)} warning(s))\n\n");
        if (result.NotEvaluatedSentence.Length > 0)
        {
            md.Append(Escape(char.ToUpperInvariant(result.NotEvaluatedSentence[0]) + result.NotEvaluatedSentence.Substring(1))).Append(".\n\n");
        }

        md.Append("| Condition | Status | Actual | Threshold | Details |\n");
        md.Append("|---|---|---:|---:|---|\n");
        foreach (ConditionResult c in result.Conditions)
        {
            string where = c.File is null ? string.Empty : " \\(at " + Escape(c.File) + (c.Line is int l ? ":" + l.ToString(CultureInfo.InvariantCulture) : string.Empty) + "\\)";
            md.Append(CultureInfo.InvariantCulture, $"| `{c.Id}` | {Status(c.Status)} | {Value(c.Id, c.Actual)} | {Value(c.Id, c.Threshold)} | {Escape(c.Message)}{where} |\n");
        }

        if (result.Notes.Count > 0)
        {
            md.Append('\n');
            foreach (string note in result.Notes)
            {
                md.Append("- ").Append(Escape(note)).Append('\n');
            }
        }

        return md.ToString();
    }

    private static string Status(ConditionStatus status) => status switch
    {
        ConditionStatus.Failed => "**failed**",
        ConditionStatus.Warning => "warning",
        _ => ResultJsonWriter.StatusName(status),
    };

    private static string Value(string id, double? value)
    {
        if (value is not double v)
        {
            return "-";
        }

        return Config.ConditionSpecs.KindOf(id) == Config.ConditionKind.MaximumCount
            ? v.ToString("0", CultureInfo.InvariantCulture)
            : GateEvaluator.Pct(v);
    }

    /// <summary>
    /// Markdown and HTML specials become literal text; line breaks become spaces (one table row); a mention notifies
    /// nobody, as in report.md (the summary is what CI posts as a PR comment).
    /// </summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '@' when Reports.ReportText.StartsMention(text, i): sb.Append(Reports.ReportText.NeutralMention); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\r' or '\n' or '\t': sb.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '#' or '+' or '!' or '|' or '~' or '$':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    sb.Append(char.IsControl(c) || Reports.ReportText.IsBidiControl(c) ? ' ' : c);
                    break;
            }
        }

        return sb.ToString();
    }
}
