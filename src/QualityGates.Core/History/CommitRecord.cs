namespace QualityGates.Core.History;

/// <summary>One file of a commit's diff against its first parent (renames detected; OldPath set only for a rename).</summary>
internal readonly record struct FileStat(string Path, string? OldPath, int Added, int Deleted);

/// <summary>
/// What the history reader needs from one commit, independent of options and "now", so it can be cached by SHA:
/// commits never change. Boundary commits of a shallow clone are never cached (their parents are unknown).
/// </summary>
internal sealed class CommitRecord
{
    public required string Sha { get; init; }
    public required string[] Parents { get; init; }
    public required string AuthorName { get; init; }
    public required string AuthorEmail { get; init; }
    public required string CommitterName { get; init; }
    public required string CommitterEmail { get; init; }
    public required DateTimeOffset AuthorWhen { get; init; }
    public required DateTimeOffset CommitterWhen { get; init; }
    public required string Subject { get; init; }
    /// <summary>GitLab "See merge request" number from the body, or null.</summary>
    public string? MergeRequest { get; init; }
    public bool DifferentialRevision { get; init; }
    public KeyValuePair<string, string>[] Trailers { get; init; } = Array.Empty<KeyValuePair<string, string>>();
    public string[] Reverts { get; init; } = Array.Empty<string>();
    public bool Boundary { get; init; }

    /// <summary>False until the diff against the first parent was computed (only needed inside the hotspot window).</summary>
    public bool HasStats { get; set; }
    /// <summary>Files changed (after rename detection); can exceed <see cref="Files"/>' length when the commit was too large.</summary>
    public int FileCount { get; set; }
    /// <summary>True when the commit touched more files than the limit in force: <see cref="Files"/> then holds only renames.</summary>
    public bool TooLarge { get; set; }
    public FileStat[] Files { get; set; } = Array.Empty<FileStat>();

    /// <summary>For PR merges: commits reachable from the second parent but not the first; null until computed.</summary>
    public string[]? BranchCommits { get; set; }

    public bool IsMerge => Parents.Length > 1;

    /// <summary>A record read from git, without diff stats.</summary>
    public static CommitRecord FromMessage(string sha, string[] parents, string authorName, string authorEmail, DateTimeOffset authorWhen,
        string committerName, string committerEmail, DateTimeOffset committerWhen, string message, bool boundary) => new()
    {
        Sha = sha,
        Parents = parents,
        AuthorName = authorName,
        AuthorEmail = authorEmail,
        AuthorWhen = authorWhen,
        CommitterName = committerName,
        CommitterEmail = committerEmail,
        CommitterWhen = committerWhen,
        Subject = CommitMessage.Subject(message),
        MergeRequest = CommitMessage.MergeRequest(message),
        DifferentialRevision = CommitMessage.HasDifferentialRevision(message),
        Trailers = CommitMessage.Trailers(message).ToArray(),
        Reverts = CommitMessage.RevertTargets(message).ToArray(),
        Boundary = boundary,
    };
}
