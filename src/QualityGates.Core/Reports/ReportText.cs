using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace QualityGates.Core.Reports;

/// <summary>
/// Formatting and escaping shared by the HTML and Markdown writers. Everything from the result JSON is untrusted
/// (paths, author names and commit subjects come from git): it goes through one of the Escape methods here.
/// </summary>
public static partial class ReportText
{
    public const string NoData = "n/a";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>HTML-encodes text for element content and quoted attribute values.</summary>
    public static string Html(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\n' or '\t')) || IsBidiControl(c))
                    {
                        // Lone surrogates and control characters are not valid HTML text; bidi controls reorder what is shown.
                        sb.Append('\uFFFD');
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Escapes text for a Markdown table cell or list item: one line, no markup, no HTML, at most <see cref="ReportLimits.MarkdownTextChars"/> characters.</summary>
    public static string Markdown(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var cut = text.Length > ReportLimits.MarkdownTextChars;
        text = Cut(text, ReportLimits.MarkdownTextChars);
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '@' when StartsMention(text, i):
                    sb.Append(NeutralMention);
                    break;
                case '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '~' or '&' or '#' or '$':
                    sb.Append('\\').Append(c);
                    break;
                case '\r' or '\n' or '\u2028' or '\u2029':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(char.IsControl(c) || char.IsSurrogate(c) || IsBidiControl(c) ? '\uFFFD' : c);
                    break;
            }
        }

        return cut ? sb.Append('…').ToString() : sb.ToString();
    }

    /// <summary>
    /// "Not evaluated: no coverage data (REASON); coverage.line, coverage.critical had nothing to judge." for a result
    /// whose coverage conditions had no data; null otherwise. Unescaped (the reason comes from the result JSON) and cut
    /// to <see cref="ReportLimits.NoteChars"/>.
    /// </summary>
    public static string? NotEvaluatedLine(NotEvaluatedInfo? notEvaluated)
    {
        if (notEvaluated?.Conditions is not { Count: > 0 } conditions)
        {
            return null;
        }

        string line = $"Not evaluated: {notEvaluated.Reason ?? "no coverage data"}; {string.Join(", ", conditions)} had nothing to judge.";
        return line.Length > ReportLimits.NoteChars ? Cut(line, ReportLimits.NoteChars) + "…" : line;
    }

    /// <summary>The first <paramref name="max"/> characters of <paramref name="text"/>, never half a surrogate pair; the caller marks the cut.</summary>
    public static string Cut(string text, int max) =>
        text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];

    /// <summary>An '@' that starts a mention, written so that it notifies nobody: '@' and a zero-width space.</summary>
    public const string NeutralMention = "@&#8203;";

    /// <summary>
    /// True when the '@' at <paramref name="index"/> would be a mention: Markdown posted in a PR comment must not notify
    /// "@org/team". GitHub only links a mention not preceded by a letter or digit, so an e-mail address stays as it is
    /// (as Renovate escapes release notes).
    /// </summary>
    public static bool StartsMention(string text, int index) =>
        text[index] == '@' && (index == 0 || !char.IsLetterOrDigit(text[index - 1]));

    /// <summary>
    /// Unicode's Bidi_Control characters: embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069) and the
    /// marks (U+200E, U+200F, U+061C). Invisible, they make a path or name read differently from what it is ("Trojan
    /// Source") and, unterminated, reorder the rest of a raw line. Every writer (HTML, Markdown, console) replaces them.
    /// </summary>
    public static bool IsBidiControl(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    /// <summary>A commit id shown as code only when it is one (hex): anything else is escaped text.</summary>
    public static bool IsSha(string? sha) => sha is not null && ShaPattern().IsMatch(sha);

    public static string ShortSha(string? sha) => sha is null ? string.Empty : sha.Length > 8 ? sha[..8] : sha;

    public static string Percent(double? fraction) =>
        fraction is { } f && double.IsFinite(f) ? (f * 100).ToString("0.0", Inv) + " %" : NoData;

    public static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.#", Inv) : NoData;

    public static string Count(int? value) => value is { } v ? v.ToString(Inv) : NoData;

    public static string Date(DateTimeOffset? date) =>
        date is { } d ? d.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", Inv) + " UTC" : NoData;

    public static string Day(DateTimeOffset? date) =>
        date is { } d ? d.ToUniversalTime().ToString("yyyy-MM-dd", Inv) : NoData;

    /// <summary>Conditions on rates (coverage, reviews, growth) are fractions in the JSON and shown as percentages.</summary>
    public static bool IsRateCondition(string? id) =>
        id is not null && (id.StartsWith("coverage.", StringComparison.Ordinal)
            || id.StartsWith("reviews.", StringComparison.Ordinal)
            || id == "hotspots.growth");

    public static string ConditionValue(string? id, double? value) =>
        IsRateCondition(id) ? Percent(value) : Number(value);

    /// <summary>Change from the baseline: percentage points for rates, plain difference otherwise.</summary>
    public static string Delta(string? id, double? actual, double? baseline)
    {
        if (actual is not { } a || baseline is not { } b || !double.IsFinite(a) || !double.IsFinite(b))
        {
            return NoData;
        }

        var rate = IsRateCondition(id);
        var rounded = Math.Round(rate ? (a - b) * 100 : a - b, 1, MidpointRounding.AwayFromZero);
        var magnitude = Math.Abs(rounded).ToString(rate ? "0.0" : "0.#", Inv);
        var text = rounded == 0 ? "±" + magnitude : (rounded > 0 ? "+" : "−") + magnitude;
        return rate ? text + " pt" : text;
    }

    /// <summary>Coverage and review rates should rise; counts and growth of hotspots, complexity and findings should not.</summary>
    public static bool HigherIsBetter(string? id) =>
        id is not null && (id.StartsWith("coverage.", StringComparison.Ordinal) || id.StartsWith("reviews.", StringComparison.Ordinal));

    /// <summary>The direction of a change: 1 up, -1 down, 0 the same or unknown.</summary>
    public static int Direction(double? actual, double? baseline) =>
        actual is { } a && baseline is { } b && Math.Round(a - b, 6) != 0 ? Math.Sign(a - b) : 0;

    public static string StatusLabel(string? status) => status switch
    {
        "passed" => "passed",
        "warning" => "warning",
        "failed" => "failed",
        "skipped" => "skipped",
        "noData" => "no data",
        null => "unknown",
        _ => status,
    };

    /// <summary>A CSS class from a status; unknown values map to one fixed class, never into the markup.</summary>
    public static string StatusClass(string? status) => status switch
    {
        "passed" or "warning" or "failed" or "skipped" => status,
        "noData" => "nodata",
        _ => "unknown",
    };

    [GeneratedRegex("^[0-9a-fA-F]{4,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ShaPattern();
}
