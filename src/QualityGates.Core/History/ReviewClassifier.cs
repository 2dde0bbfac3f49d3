namespace QualityGates.Core.History;

/// <summary>Classifies a landing's review evidence, first match wins, in product.md's order.</summary>
internal static class ReviewClassifier
{
    public static (EvidenceKind Kind, string? PullRequest) Classify(CommitRecord c, Mailmap mailmap, IReadOnlyList<string> botPatterns)
    {
        // A shallow boundary commit lost its parents: judge a merge by its message alone.
        bool merge = c.IsMerge || (c.Boundary && (c.Subject.StartsWith("Merge", StringComparison.Ordinal) || c.MergeRequest != null));

        if (merge && IsSyncMerge(c.Subject))
        {
            return (EvidenceKind.SyncMerge, null);
        }

        var pr = PullRequestMarker(c);
        if (pr != null)
        {
            return (merge ? EvidenceKind.PullRequestMerge : EvidenceKind.SquashMerge, pr);
        }

        var squash = ReviewPatterns.SquashSubject.Match(c.Subject);
        if (squash.Success)
        {
            return (EvidenceKind.SquashMerge, squash.Groups[1].Value);
        }

        var author = mailmap.Map(c.AuthorName, c.AuthorEmail);
        foreach (var trailer in c.Trailers)
        {
            if (ReviewPatterns.ReviewerTrailers.Any(k => string.Equals(k, trailer.Key, StringComparison.OrdinalIgnoreCase)) &&
                IsOtherPerson(trailer.Value, author, mailmap))
            {
                return (EvidenceKind.ReviewTrailer, null);
            }
        }

        if (c.DifferentialRevision ||
            c.Trailers.Any(t => t.Value.Length > 0 && ReviewPatterns.ReviewLinkTrailers.Any(k => string.Equals(k, t.Key, StringComparison.OrdinalIgnoreCase))))
        {
            return (EvidenceKind.ReviewLink, null);
        }

        if (IsBot(c, botPatterns))
        {
            return (EvidenceKind.Bot, null);
        }

        return (EvidenceKind.DirectPush, null);
    }

    /// <summary>
    /// A merge that only brings the base branch, or the same branch from a remote, in ("Merge branch 'main' into
    /// feature", "Merge remote-tracking branch 'origin/main'", "Merge branch 'main' into develop"). A long-lived branch
    /// merged into its base ("Merge branch 'develop'", which git writes for a merge into main or master) is a landing:
    /// taking it for a sync dropped it, and a GitLab merge request from such a branch, from every figure.
    /// </summary>
    public static bool IsSyncMerge(string subject) => Sync(subject) != SyncKind.None;

    /// <summary>
    /// A sync merge whose second parent holds the line of the branch being landed on, so its landings must be walked
    /// there: a foxtrot pull ("Merge branch 'main' of URL", "Merge remote-tracking branch 'origin/main'") or a base
    /// merged into a topic branch that was then fast-forwarded onto ("Merge branch 'main' into feature"). Not a base
    /// merged into another long-lived base ("Merge branch 'main' into develop"): develop's own line is its first parent.
    /// </summary>
    public static bool CarriesLandings(string subject) => Sync(subject) == SyncKind.OwnLineSecond;

    private enum SyncKind
    {
        None,
        OwnLineFirst,
        OwnLineSecond,
    }

    private static SyncKind Sync(string subject)
    {
        var m = ReviewPatterns.BranchMerge.Match(subject);
        if (!m.Success)
        {
            return SyncKind.None;
        }

        string source = m.Groups["source"].Value;
        int slash = source.IndexOf('/', StringComparison.Ordinal);
        if (m.Groups["remote"].Success ? slash > 0 : source.StartsWith("origin/", StringComparison.Ordinal))
        {
            source = source[(slash + 1)..];
        }

        // No "into": git left out main or master.
        string? target = m.Groups["target"].Success ? m.Groups["target"].Value : null;
        int from = Rank(source), to = target == null ? 0 : Rank(target);
        if (!(source == target || from < to || (from == 0 && to == 0)))
        {
            return SyncKind.None;
        }

        bool otherBase = target != null && target != source && to < ReviewPatterns.BaseBranchRanks.Length;
        return otherBase ? SyncKind.OwnLineFirst : SyncKind.OwnLineSecond;
    }

    /// <summary>0 for main/master/trunk, 1 for develop/development/dev, 2 for any other branch.</summary>
    private static int Rank(string branch)
    {
        int rank = Array.FindIndex(ReviewPatterns.BaseBranchRanks, names => names.Contains(branch, StringComparer.Ordinal));
        return rank < 0 ? ReviewPatterns.BaseBranchRanks.Length : rank;
    }

    public static bool IsReviewed(EvidenceKind kind) =>
        kind is EvidenceKind.PullRequestMerge or EvidenceKind.SquashMerge or EvidenceKind.ReviewTrailer or EvidenceKind.ReviewLink;

    public static bool IsBot(CommitRecord c, IReadOnlyList<string> botPatterns)
    {
        // The identities the commit carries, not what .mailmap makes of them: one committed line mapping a person to
        // "renovate[bot]" would otherwise take that person's direct pushes out of the review figures. Service accounts
        // are marked with the bots setting.
        return botPatterns.Any(p => p.Length > 0 && (
            Has(c.AuthorName, p) || Has(c.AuthorEmail, p) || Has(c.CommitterName, p) || Has(c.CommitterEmail, p)));

        static bool Has(string s, string p) => s.Contains(p, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when a first-pass-breaking commit subject: autosquash markers or review-feedback wording.</summary>
    public static bool IsRework(string subject) =>
        ReviewPatterns.FixupPrefixes.Any(p => subject.StartsWith(p, StringComparison.OrdinalIgnoreCase)) ||
        ReviewPatterns.ReviewFeedbackSubjects.Any(p => subject.Contains(p, StringComparison.OrdinalIgnoreCase));

    private static string? PullRequestMarker(CommitRecord c)
    {
        foreach (var regex in ReviewPatterns.PullRequestSubject)
        {
            var m = regex.Match(c.Subject);
            if (m.Success)
            {
                return m.Groups[1].Value;
            }
        }

        return c.MergeRequest;
    }

    /// <summary>A reviewer is someone else when neither the canonical email nor the canonical name is the author's.</summary>
    private static bool IsOtherPerson(string value, (string Name, string Email) author, Mailmap mailmap)
    {
        var (name, email) = CommitMessage.Person(value);
        if (name.Length == 0 && email.Length == 0)
        {
            return false;
        }

        (string Name, string Email) reviewer = email.Length > 0 ? mailmap.Map(name, email) : (name, email);
        bool sameEmail = reviewer.Email.Length > 0 && string.Equals(reviewer.Email, author.Email, StringComparison.OrdinalIgnoreCase);
        bool sameName = reviewer.Name.Length > 0 && string.Equals(reviewer.Name, author.Name, StringComparison.OrdinalIgnoreCase);
        return !sameEmail && !sameName;
    }
}
