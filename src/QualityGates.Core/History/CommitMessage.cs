using System.Text.RegularExpressions;

namespace QualityGates.Core.History;

/// <summary>Parses the parts of a commit message the review classification needs. Messages are untrusted text.</summary>
public static partial class CommitMessage
{
    // Git's own recognised prefixes: with one of them, a last paragraph that is at least 25 % trailers is a trailer block.
    private static readonly string[] GitGeneratedPrefixes = { "Signed-off-by: ", "(cherry picked from commit " };

    private static readonly Regex TrailerLine = TrailerLinePattern();

    public static string Subject(string message)
    {
        var text = message.AsSpan().TrimStart();
        int end = text.IndexOfAny('\r', '\n');
        return (end < 0 ? text : text[..end]).Trim().ToString();
    }

    /// <summary>
    /// Trailers with git's rule (interpret-trailers): only the last paragraph, never the first (the subject), and only
    /// when all its lines are trailers or continuation lines, or when it holds a git-generated trailer (Signed-off-by,
    /// cherry-picked) and at least 25 % of its lines are trailers.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Trailers(string message)
    {
        var lines = message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int last = lines.Length - 1;
        while (last >= 0 && string.IsNullOrWhiteSpace(lines[last]))
        {
            last--;
        }

        int first = last;
        while (first > 0 && !string.IsNullOrWhiteSpace(lines[first - 1]))
        {
            first--;
        }

        // The first paragraph is the subject: it never holds trailers.
        int firstContent = 0;
        while (firstContent < lines.Length && string.IsNullOrWhiteSpace(lines[firstContent]))
        {
            firstContent++;
        }

        if (last < 0 || first <= firstContent)
        {
            return Array.Empty<KeyValuePair<string, string>>();
        }

        var trailers = new List<KeyValuePair<string, string>>();
        int trailerLines = 0, otherLines = 0;
        bool recognised = false;
        for (int i = first; i <= last; i++)
        {
            var line = lines[i].TrimEnd();
            if ((line.StartsWith(' ') || line.StartsWith('\t')) && trailers.Count > 0)
            {
                var previous = trailers[^1];
                trailers[^1] = new KeyValuePair<string, string>(previous.Key, previous.Value + " " + line.Trim());
                continue;
            }

            if (GitGeneratedPrefixes.Any(p => line.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                recognised = true;
            }

            var match = TrailerLine.Match(line);
            if (match.Success)
            {
                trailerLines++;
                trailers.Add(new KeyValuePair<string, string>(match.Groups[1].Value.Trim(), match.Groups[2].Value.Trim()));
            }
            else if (line.StartsWith("(cherry picked from commit ", StringComparison.Ordinal))
            {
                trailerLines++;
            }
            else
            {
                otherLines++;
            }
        }

        bool isBlock = (trailerLines > 0 && otherLines == 0) || (recognised && trailerLines * 3 >= otherLines);
        return isBlock ? trailers : Array.Empty<KeyValuePair<string, string>>();
    }

    /// <summary>The SHAs (full or abbreviated, lower case) named by "This reverts commit &lt;sha&gt;" lines.</summary>
    public static IReadOnlyList<string> RevertTargets(string message) =>
        ReviewPatterns.RevertLine.Matches(message).Select(m => m.Groups[1].Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The merge request number of GitLab's "See merge request group/project!12" body line, or null.</summary>
    public static string? MergeRequest(string message)
    {
        var match = ReviewPatterns.MergeRequestBody.Match(message.Replace("\r\n", "\n", StringComparison.Ordinal));
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>
    /// Phabricator's "Differential Revision: URL" line. Git's trailer rule does not accept a key with a space, so the
    /// line is looked for in the body (any line after the subject), as arc writes it.
    /// </summary>
    public static bool HasDifferentialRevision(string message)
    {
        var match = ReviewPatterns.DifferentialRevision.Match(message.Replace("\r\n", "\n", StringComparison.Ordinal));
        return match.Success && match.Index > 0;
    }

    /// <summary>Splits "Name &lt;email&gt;" (either part may be missing) from a trailer value.</summary>
    public static (string Name, string Email) Person(string value)
    {
        int open = value.IndexOf('<', StringComparison.Ordinal);
        int close = open < 0 ? -1 : value.IndexOf('>', open + 1);
        if (open >= 0 && close > open)
        {
            return (value[..open].Trim(), value[(open + 1)..close].Trim());
        }

        var v = value.Trim();
        return v.Contains('@', StringComparison.Ordinal) && !v.Contains(' ', StringComparison.Ordinal) ? (string.Empty, v) : (v, string.Empty);
    }

    [GeneratedRegex(@"^([A-Za-z0-9-]+)[ \t]*:[ \t]*(.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TrailerLinePattern();
}
