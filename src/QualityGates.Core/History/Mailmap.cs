namespace QualityGates.Core.History;

/// <summary>
/// git's .mailmap (LibGit2Sharp has no API for it). Forms: "Proper Name &lt;commit@x&gt;", "&lt;proper@x&gt; &lt;commit@x&gt;",
/// "Proper Name &lt;proper@x&gt; &lt;commit@x&gt;", "Proper Name &lt;proper@x&gt; Commit Name &lt;commit@x&gt;". Emails and
/// names compare ignoring case, as git does; an entry with a commit name wins over one without.
/// </summary>
public sealed class Mailmap
{
    /// <summary>Larger files are not read: a mailmap is a few hundred lines, and the file is untrusted.</summary>
    public const int MaxBytes = 1024 * 1024;

    private readonly Dictionary<string, List<Entry>> _byEmail = new(StringComparer.OrdinalIgnoreCase);

    public static Mailmap Empty { get; } = new();

    public int Count => _byEmail.Values.Sum(l => l.Count);

    public static Mailmap Parse(string text)
    {
        var map = new Mailmap();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (!TakeEmail(line, 0, out var name1, out var email1, out int next))
            {
                continue;
            }

            string? properName = name1.Length > 0 ? name1 : null;
            if (TakeEmail(line, next, out var name2, out var email2, out _))
            {
                map.Add(email2, name2.Length > 0 ? name2 : null, properName, email1);
            }
            else
            {
                map.Add(email1, null, properName, null);
            }
        }

        return map;
    }

    /// <summary>The canonical name and email for a commit's name and email.</summary>
    public (string Name, string Email) Map(string name, string email)
    {
        if (!_byEmail.TryGetValue(email, out var entries))
        {
            return (name, email);
        }

        var entry = entries.LastOrDefault(e => e.CommitName != null && string.Equals(e.CommitName, name, StringComparison.OrdinalIgnoreCase))
            ?? entries.LastOrDefault(e => e.CommitName == null);
        return entry == null ? (name, email) : (entry.ProperName ?? name, entry.ProperEmail ?? email);
    }

    private void Add(string commitEmail, string? commitName, string? properName, string? properEmail)
    {
        if (properName == null && properEmail == null)
        {
            return;
        }

        if (!_byEmail.TryGetValue(commitEmail, out var list))
        {
            _byEmail[commitEmail] = list = new List<Entry>();
        }

        list.Add(new Entry(commitName, properName, properEmail));
    }

    private static bool TakeEmail(string line, int start, out string name, out string email, out int next)
    {
        name = email = string.Empty;
        next = start;
        int open = line.IndexOf('<', start);
        int close = open < 0 ? -1 : line.IndexOf('>', open + 1);
        if (close < 0)
        {
            return false;
        }

        name = line[start..open].Trim();
        email = line[(open + 1)..close].Trim();
        next = close + 1;
        return true;
    }

    private sealed record Entry(string? CommitName, string? ProperName, string? ProperEmail);
}
