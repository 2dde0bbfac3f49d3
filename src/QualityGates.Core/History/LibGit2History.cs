using System.Collections.Concurrent;
using System.Globalization;
using LibGit2Sharp;
using CompareOptions = LibGit2Sharp.CompareOptions;

namespace QualityGates.Core.History;

/// <summary>
/// Reads review evidence, per-file change history and new code through LibGit2Sharp. Per-commit facts are cached by
/// SHA (<see cref="HistoryOptions.CacheDirectory"/>); everything that depends on options or "now" is computed from
/// them on every run. Times are committer times: when a change reached the branch. Outside a repository, in an empty
/// one or on a libgit2 failure the answer is an empty result with a note, never an exception.
/// </summary>
public sealed class LibGit2History : IGitHistory
{
    private readonly bool _useGitExecutable;

    /// <param name="useGitExecutable">
    /// Diff new commits with one <c>git diff-tree</c> process when git is on PATH (about 10x less CPU than libgit2 on a
    /// cold walk); false, or any failure of that process, diffs with LibGit2Sharp.
    /// </param>
    public LibGit2History(bool useGitExecutable = true)
    {
        _useGitExecutable = useGitExecutable;
    }

    /// <summary>Tried in this order when no base ref is configured.</summary>
    public static readonly IReadOnlyList<string> BaseRefCandidates = new[] { "origin/HEAD", "origin/main", "origin/master", "main", "master" };

    public const string EmptyRepositoryNote = "repository has no commits";

    private const int ProgressEvery = 5000;
    private const int DiffChunk = 64;

    static LibGit2History()
    {
        // Read-only walks: skipping the hash check of every object read saves 35-40 % (product.md).
        GlobalSettings.SetStrictHashVerification(false);
    }

    public HistoryResult Read(string repositoryRoot, HistoryOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return Open(repositoryRoot, options, progress, cancellationToken);
        }
        catch (Exception ex) when (LibGit2Failure(ex) is string what)
        {
            if (!GitOwnership.IsRefusal(what))
            {
                // A malformed .git file, a corrupt object: judging what could be read would pass a gate on part of the history.
                throw Unreadable(repositoryRoot, what);
            }

            if (!GitOwnership.GitTrusts(repositoryRoot))
            {
                throw GitOwnership.Refused(repositoryRoot);
            }

            return ReadTrusted(repositoryRoot, options, progress, cancellationToken);
        }
    }

    /// <summary>Serialises the reads that switch libgit2's ownership check off (a process-wide setting).</summary>
    private static readonly object OwnerValidationLock = new();

    /// <summary>
    /// A repository git's own safe.directory settings trust (GIT_CONFIG_GLOBAL included), read with libgit2's ownership
    /// check off, as git would read it; the check is on again afterwards.
    /// </summary>
    private HistoryResult ReadTrusted(string repositoryRoot, HistoryOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        lock (OwnerValidationLock)
        {
            bool validating = GlobalSettings.GetOwnerValidation();
            GlobalSettings.SetOwnerValidation(false);
            try
            {
                return Open(repositoryRoot, options, progress, cancellationToken);
            }
            catch (Exception ex) when (LibGit2Failure(ex) is string what)
            {
                throw Unreadable(repositoryRoot, what);
            }
            finally
            {
                GlobalSettings.SetOwnerValidation(validating);
            }
        }
    }

    /// <summary>libgit2's message for a failure of its own (also from the parallel diff workers); null for any other exception.</summary>
    private static string? LibGit2Failure(Exception ex) => ex switch
    {
        LibGit2SharpException => ex.Message,
        AggregateException all when all.InnerExceptions.All(e => e is LibGit2SharpException) => all.InnerExceptions[0].Message,
        _ => null,
    };

    private HistoryResult Open(string repositoryRoot, HistoryOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        string? gitDir = Directory.Exists(repositoryRoot) ? Repository.Discover(repositoryRoot) : null;
        if (gitDir == null)
        {
            // A .git file that leads nowhere is damage, not the absence of a repository: taken as "no repository",
            // reviews and hotspots would be no data and the gate would pass.
            if (DanglingGitFile(repositoryRoot) is string dangling)
            {
                throw Unreadable(repositoryRoot, dangling);
            }

            return NoRepositoryHistory.Empty(options, new[] { NoRepositoryHistory.NoRepositoryNote });
        }

        using var repo = new Repository(gitDir);
        if (repo.Info.IsBare)
        {
            // No working tree: no hotspots to measure, and the outputs would land in the git directory.
            throw RepositoryPaths.BareRepository(repo.Info.Path);
        }

        return Read(repo, gitDir, options, _useGitExecutable, progress, cancellationToken);
    }

    /// <summary>Bytes read of a .git file: "gitdir: PATH" is one line, and the file must not make the reader wait or grow.</summary>
    private const int MaxGitFileBytes = 4096;

    /// <summary>
    /// What is wrong when <paramref name="repositoryRoot"/> has a .git file but no repository was found through it (a
    /// linked worktree whose main repository was moved or pruned, a submodule whose .git/modules folder is gone); null
    /// when there is no .git file.
    /// </summary>
    private static string? DanglingGitFile(string repositoryRoot)
    {
        string gitFile = Path.Combine(repositoryRoot, ".git");
        if (!File.Exists(gitFile))
        {
            return null;
        }

        string content;
        try
        {
            using var stream = new FileStream(gitFile, FileMode.Open, FileAccess.Read);
            byte[] buffer = new byte[MaxGitFileBytes];
            content = System.Text.Encoding.UTF8.GetString(buffer, 0, stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"the .git file at '{gitFile}' cannot be read ({ex.Message})";
        }

        const string Prefix = "gitdir:";
        string line = content.Split('\n')[0].Trim();
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return $"the .git file at '{gitFile}' does not name a git directory ('{Prefix} PATH')";
        }

        string target = line.Substring(Prefix.Length).Trim();
        string full = target.Length == 0 ? target : Path.GetFullPath(target, repositoryRoot);
        return $"the .git file at '{gitFile}' points to '{full}', which is not a git repository " +
            "(a linked worktree whose main repository was moved or pruned, or a submodule whose .git/modules folder is gone)";
    }

    private static QualityGateException Unreadable(string repositoryRoot, string what) => new(QgbCodes.RepositoryUnreadable,
        $"the git repository at '{repositoryRoot.TrimEnd('/', '\\')}' cannot be read: {what.ReplaceLineEndings(" ").TrimEnd('.')}. " +
        (what.Contains("object format", StringComparison.OrdinalIgnoreCase)
            // Nothing is broken: libgit2 reads SHA-1 repositories only.
            ? "The repository uses an object format (git's SHA-256) that libgit2, which reads the history here, does not support yet; nothing is wrong with it. Judge a SHA-1 clone of it."
            : "Run 'git status' and 'git fsck' there to see what is broken, then repair it (fix or remove a broken .git file, fetch again, or clone afresh)."));

    private static HistoryResult Read(Repository repo, string gitDir, HistoryOptions options, bool useGit, IProgress<string>? progress, CancellationToken ct)
    {
        var notes = new List<string>();
        bool shallow = repo.Info.IsShallow;
        string? branch = repo.Info.IsHeadDetached ? null : repo.Head.FriendlyName;
        if (repo.Info.IsHeadUnborn || repo.Head.Tip == null)
        {
            return NoRepositoryHistory.Empty(options, new[] { EmptyRepositoryNote }, shallow, null, branch) with { TrackedSourceFiles = TrackedSourceFiles(repo) };
        }

        var head = repo.Head.Tip;
        if (options.BaseRefRequired && options.BaseRef != null && TryResolve(repo, options.BaseRef) == null)
        {
            // Asked for by name: judging new code against nothing would pass a gate it should not. Checked before the walk.
            throw new QualityGateException(QgbCodes.BaseRefNotFound,
                $"--base '{options.BaseRef}' is not a branch, tag or commit of this repository{(shallow ? " (a shallow clone)" : string.Empty)}. " +
                "Fetch it first (e.g. 'git fetch origin main', or fetch-depth: 0 in CI), pass a ref that exists, or leave out --base to use the configured or detected base branch.");
        }

        var boundaries = shallow ? ReadShallowFile(repo.Info.Path) : new HashSet<string>(StringComparer.Ordinal);
        if (shallow)
        {
            notes.Add(ReviewPatterns.HistoryTruncatedNote);
        }

        var cache = HistoryCache.Load(options.CacheDirectory, repo.Info.Path, options.MaxFilesPerCommit, out var cacheNote);
        if (cacheNote != null)
        {
            notes.Add(cacheNote);
        }

        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"history cache: {cache.Count} commits"));
        bool dirty = false;
        var records = Collect(repo, head.Sha, shallow, boundaries, cache, progress, ct, ref dirty);

        var now = options.Now;
        var reviewStart = now.AddDays(-options.ReviewWindowDays);
        var hotspotStart = now.AddMonths(-options.HotspotWindowMonths);

        var needStats = records.Values
            .Where(r => !r.IsMerge && !r.Boundary && !r.HasStats && r.CommitterWhen >= hotspotStart)
            .OrderByDescending(r => r.CommitterWhen).ToList();
        if (needStats.Count > 0)
        {
            if (!useGit || !GitCliStats.TryCompute(repo.Info.Path, needStats, options.MaxFilesPerCommit, progress, ct))
            {
                ComputeStats(gitDir, needStats.Where(r => !r.HasStats).ToList(), options.MaxFilesPerCommit, progress, ct);
            }

            dirty = true;
        }

        progress?.Report("review evidence");
        var mailmap = ReadMailmap(repo);
        var pending = PendingPullRequest(repo, records[head.Sha], options, notes);
        string landingsFrom = pending.Count > 0 ? head.Sha : LandingsFrom(repo, head, options, pending, notes);
        var reviews = Reviews(repo, records, landingsFrom, pending, options, reviewStart, mailmap, ref dirty);
        progress?.Report("per-file history");
        var files = Files(records, head.Sha, options, hotspotStart, mailmap, notes);
        DateTimeOffset? hotspotTruncatedAt = records.Values
            .Where(r => r.Boundary && r.CommitterWhen >= hotspotStart)
            .Select(r => (DateTimeOffset?)r.CommitterWhen).Max();
        progress?.Report("new code");
        var newCode = ReadNewCode(repo, head, options, shallow, notes);

        if (dirty && options.CacheDirectory != null)
        {
            var saveNote = HistoryCache.Save(options.CacheDirectory, repo.Info.Path, records.Values, cache.Values, options.MaxFilesPerCommit);
            if (saveNote != null)
            {
                notes.Add(saveNote);
            }
        }

        var info = new HistoryInfo(records.Count, shallow, head.Sha, branch, newCode.MergeBase, notes) { HotspotWindowTruncatedAt = hotspotTruncatedAt };
        return new HistoryResult(info, reviews, files, newCode) { TrackedSourceFiles = TrackedSourceFiles(repo) };
    }

    /// <summary>
    /// The C# files in git's index: so neither ignored (packages, vendored copies) nor inside a submodule's working tree
    /// (a submodule is one gitlink entry, not its files). Null when the index cannot be read: the caller walks the tree.
    /// </summary>
    private static HashSet<string>? TrackedSourceFiles(Repository repo)
    {
        try
        {
            return repo.Index
                .Where(e => e.Mode is not (Mode.GitLink or Mode.SymbolicLink) && e.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
                .Select(e => e.Path.Replace('\\', '/'))
                .ToHashSet(StringComparer.Ordinal);
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    // Hot loop over every commit of a run that lasts about a second: tiered JIT would run it unoptimised throughout.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static Dictionary<string, CommitRecord> Collect(Repository repo, string headSha, bool shallow, HashSet<string> boundaries,
        Dictionary<string, CommitRecord> cache, IProgress<string>? progress, CancellationToken ct, ref bool dirty)
    {
        var records = new Dictionary<string, CommitRecord>(StringComparer.Ordinal);
        List<Commit>? lossy = null;
        var stack = new Stack<string>();
        stack.Push(headSha);
        while (stack.Count > 0)
        {
            var sha = stack.Pop();
            if (records.ContainsKey(sha))
            {
                continue;
            }

            if (boundaries.Contains(sha) || !cache.TryGetValue(sha, out var record))
            {
                // A parent that is not in the object database: a corrupt or incomplete clone, not a shallow one (its boundary has no parents).
                var commit = repo.Lookup<Commit>(sha)
                    ?? throw Unreadable(repo.Info.WorkingDirectory ?? repo.Info.Path, $"commit {sha} is missing from its object database");

                record = FromCommit(commit, shallow, boundaries, decoded: null);
                if (IsLossy(record))
                {
                    (lossy ??= new List<Commit>()).Add(commit);
                }

                dirty = true;
            }

            records[sha] = record;
            if (records.Count % ProgressEvery == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"reading history: {records.Count} commits"));
            }

            foreach (var parent in record.Parents)
            {
                if (!records.ContainsKey(parent))
                {
                    stack.Push(parent);
                }
            }
        }

        if (lossy is not null)
        {
            // libgit2 read these commits as UTF-8, and they were made in another encoding: one git process decodes them all.
            var decoded = RawCommitText.TryReadAll(repo.Info.Path, lossy.Select(c => c.Sha).ToList());
            foreach (var commit in lossy)
            {
                if (decoded.TryGetValue(commit.Sha, out var text))
                {
                    records[commit.Sha] = FromCommit(commit, shallow, boundaries, text);
                }
            }
        }

        return records;
    }

    private static bool IsLossy(CommitRecord record) =>
        record.AuthorName.Contains('\uFFFD', StringComparison.Ordinal) || record.CommitterName.Contains('\uFFFD', StringComparison.Ordinal) ||
        record.Subject.Contains('\uFFFD', StringComparison.Ordinal) || record.Trailers.Any(t => t.Value.Contains('\uFFFD', StringComparison.Ordinal));

    /// <summary>The record of a commit; <paramref name="decoded"/> replaces libgit2's UTF-8 reading of names and message.</summary>
    private static CommitRecord FromCommit(Commit commit, bool shallow, HashSet<string> boundaries, (string Author, string Committer, string Message)? decoded)
    {
        var parents = commit.Parents.Select(p => p.Sha).ToArray();
        bool boundary = boundaries.Contains(commit.Sha) || (shallow && parents.Length == 0);
        var author = Person(() => commit.Author);
        var committer = Person(() => commit.Committer);
        return CommitRecord.FromMessage(commit.Sha, parents, decoded?.Author ?? author.Name, author.Email, author.When,
            decoded?.Committer ?? committer.Name, committer.Email, committer.When, decoded?.Message ?? commit.Message ?? string.Empty, boundary);
    }

    /// <summary>
    /// A date git stores but DateTimeOffset cannot hold (after year 9999: a broken clock, a forged commit) throws in
    /// LibGit2Sharp's Signature, name and all. The person is then unknown and the date the latest one representable, so
    /// the commit still counts where it is (no upper bound on the windows) and sorts newest (docs/gate.md).
    /// </summary>
    private static (string Name, string Email, DateTimeOffset When) Person(Func<Signature> read)
    {
        try
        {
            var signature = read();
            return (signature.Name, signature.Email, signature.When);
        }
        catch (ArgumentOutOfRangeException)
        {
            return (string.Empty, string.Empty, DateTimeOffset.MaxValue);
        }
    }

    private static HashSet<string> ReadShallowFile(string gitPath)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var file = Path.Combine(gitPath, "shallow");
        if (File.Exists(file))
        {
            foreach (var line in File.ReadLines(file))
            {
                var sha = line.Trim();
                if (sha.Length == 40)
                {
                    set.Add(sha.ToLowerInvariant());
                }
            }
        }

        return set;
    }

    /// <summary>Diff stats against the first parent, on several threads, one Repository per thread.</summary>
    private static void ComputeStats(string gitDir, List<CommitRecord> todo, int maxFiles, IProgress<string>? progress, CancellationToken ct)
    {
        int done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = ct };
        Parallel.ForEach(
            Partitioner.Create(0, todo.Count, DiffChunk),
            parallel,
            () => new Repository(gitDir),
            (range, _, repo) =>
            {
                for (int i = range.Item1; i < range.Item2; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    ComputeStats(repo, todo[i], maxFiles);
                    int n = Interlocked.Increment(ref done);
                    if (n % ProgressEvery == 0)
                    {
                        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"diffing commits: {n} of {todo.Count}"));
                    }
                }

                return repo;
            },
            repo => repo.Dispose());
    }

    private static readonly CompareOptions Quick = new() { Similarity = SimilarityOptions.None, ContextLines = 0, InterhunkLines = 0 };
    private static readonly CompareOptions WithRenames = new() { Similarity = SimilarityOptions.Renames, ContextLines = 0, InterhunkLines = 0 };

    private static void ComputeStats(Repository repo, CommitRecord record, int maxFiles)
    {
        var commit = repo.Lookup<Commit>(record.Sha);
        var oldTree = commit.Parents.FirstOrDefault()?.Tree;

        // Count first without content or rename detection: a commit of 10,000 files is never diffed line by line.
        using (var quick = repo.Diff.Compare<TreeChanges>(oldTree, commit.Tree, Quick))
        {
            if (quick.Count > maxFiles)
            {
                using var renamed = repo.Diff.Compare<TreeChanges>(oldTree, commit.Tree, WithRenames);
                if (renamed.Count > maxFiles)
                {
                    record.FileCount = renamed.Count;
                    record.TooLarge = true;
                    record.Files = renamed.Renamed.Select(c => new FileStat(Normalise(c.Path), Normalise(c.OldPath), 0, 0)).ToArray();
                    record.HasStats = true;
                    return;
                }
            }
        }

        using var patch = repo.Diff.Compare<Patch>(oldTree, commit.Tree, WithRenames);
        record.Files = patch.Select(p => new FileStat(
            Normalise(p.Path),
            p.Status == ChangeKind.Renamed ? Normalise(p.OldPath) : null,
            p.LinesAdded,
            p.LinesDeleted)).ToArray();
        record.FileCount = record.Files.Length;
        record.TooLarge = false;
        record.HasStats = true;
    }

    private static string Normalise(string path) => Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;

    private static Mailmap ReadMailmap(Repository repo)
    {
        // git reads the working tree's .mailmap; a bare or sparse checkout falls back to HEAD's.
        try
        {
            if (repo.Info.WorkingDirectory != null)
            {
                var file = new FileInfo(Path.Combine(repo.Info.WorkingDirectory, ".mailmap"));
                if (file.Exists && (file.Attributes & FileAttributes.ReparsePoint) == 0)
                {
                    return file.Length > Mailmap.MaxBytes ? Mailmap.Empty : Mailmap.Parse(File.ReadAllText(file.FullName));
                }
            }

            if (repo.Head.Tip?[".mailmap"]?.Target is Blob blob && blob.Size <= Mailmap.MaxBytes)
            {
                return Mailmap.Parse(blob.GetContentText());
            }
        }
        catch (IOException)
        {
            // An unreadable .mailmap means raw identities, not a failed gate.
        }

        return Mailmap.Empty;
    }

    // Hot loop over every commit of a run that lasts about a second: tiered JIT would run it unoptimised throughout.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static ReviewSummary Reviews(Repository repo, Dictionary<string, CommitRecord> records, string headSha, HashSet<string> pending,
        HistoryOptions options, DateTimeOffset reviewStart, Mailmap mailmap, ref bool dirty)
    {
        var kinds = new List<EvidenceKind>();
        var landings = new List<(CommitRecord Record, EvidenceKind Kind, string? Pr, bool? FirstPass)>();
        DateTimeOffset? truncatedAt = null;

        // HEAD's first-parent line first, then the second-parent lines of the sync merges that carry the branch's own
        // landings (foxtrot pulls, fast-forwards onto a branch that merged main), each down to a commit already walked:
        // every commit is judged once, and the walks together cost one pass over the lines, not one graph walk per merge.
        var walked = new HashSet<string>(StringComparer.Ordinal) { headSha };
        var lines = new Queue<CommitRecord>();
        lines.Enqueue(records[headSha]);
        while (lines.TryDequeue(out var r))
        {
            for (; ; )
            {
                // No upper bound: a commit on a walked line has landed, whatever the clock of the machine that committed it said.
                if (r.CommitterWhen >= reviewStart && !pending.Contains(r.Sha))
                {
                    var (kind, pr) = ReviewClassifier.Classify(r, mailmap, options.BotPatterns);
                    kinds.Add(kind);
                    if (kind != EvidenceKind.SyncMerge)
                    {
                        bool? firstPass = null;
                        if (kind == EvidenceKind.PullRequestMerge && r.IsMerge)
                        {
                            if (r.BranchCommits == null)
                            {
                                r.BranchCommits = BranchCommits(repo, r);
                                dirty = true;
                            }

                            firstPass = !r.BranchCommits.Any(b => records.TryGetValue(b, out var bc) && ReviewClassifier.IsRework(bc.Subject));
                        }

                        landings.Add((r, kind, pr, firstPass));
                    }
                }

                if (r.IsMerge && ReviewClassifier.CarriesLandings(r.Subject) && records.TryGetValue(r.Parents[1], out var side) && walked.Add(side.Sha))
                {
                    lines.Enqueue(side);
                }

                if (r.Parents.Length == 0 || !records.TryGetValue(r.Parents[0], out var next))
                {
                    // A shallow clone's boundary inside the window: the older landings are not in this clone.
                    if (r.Boundary && r.CommitterWhen >= reviewStart && !(truncatedAt > r.CommitterWhen))
                    {
                        truncatedAt = r.CommitterWhen;
                    }

                    break;
                }

                if (!walked.Add(next.Sha))
                {
                    break;
                }

                r = next;
            }
        }

        var reverted = RevertedLandings(records, landings.Select(l => l.Record).ToList(), pending, TimeSpan.FromDays(options.RevertWindowDays));
        var items = landings.Select(l =>
        {
            var author = mailmap.Map(l.Record.AuthorName, l.Record.AuthorEmail);
            return new Landing(l.Record.Sha, l.Record.Subject, author.Name, author.Email, l.Record.CommitterWhen, l.Kind, l.Pr,
                reverted.Contains(l.Record.Sha), l.FirstPass);
        }).ToList();

        int bots = items.Count(i => i.Evidence == EvidenceKind.Bot);
        int human = items.Count - bots;
        int reviewed = items.Count(i => ReviewClassifier.IsReviewed(i.Evidence));
        int revertedReviewed = items.Count(i => ReviewClassifier.IsReviewed(i.Evidence) && i.Reverted);
        int prs = items.Count(i => i.FirstPass != null);
        int firstPassed = items.Count(i => i.FirstPass == true);
        return new ReviewSummary(
            options.ReviewWindowDays,
            items.Count,
            human,
            bots,
            reviewed,
            human > 0 ? (double)reviewed / human : null,
            revertedReviewed,
            reviewed > 0 ? 1 - (double)revertedReviewed / reviewed : null,
            prs > 0 ? (double)firstPassed / prs : null,
            prs,
            NoRepositoryHistory.EvidenceCounts(kinds),
            Wilson.Interval(reviewed, human),
            items)
        {
            TruncatedAt = truncatedAt,
        };
    }

    /// <summary>
    /// HEAD and the pull request's own commits when HEAD is a CI's pre-merge commit (<see cref="PreMergeCommit"/>): none
    /// has landed, so HEAD is no landing (the walk goes on from its first parent, the target branch) and a revert among
    /// them reverts nothing yet. Empty otherwise.
    /// </summary>
    private static HashSet<string> PendingPullRequest(Repository repo, CommitRecord head, HistoryOptions options, List<string> notes)
    {
        var pending = new HashSet<string>(StringComparer.Ordinal);
        if (!PreMergeCommit.Is(head, repo.Info.IsHeadDetached, options.PullRequestBuild))
        {
            return pending;
        }

        pending.Add(head.Sha);
        if (head.IsMerge)
        {
            pending.UnionWith(BranchCommits(repo, head));
        }

        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"HEAD {head.Sha[..7]} is the merge a CI builds for a pull request, not a landing: reviews are judged from its first parent (the target branch)"));
        return pending;
    }

    /// <summary>
    /// Where the landings are read from: HEAD when it is on a main line, else the merge base of HEAD and the main branch,
    /// with HEAD's own commits (git rev-list MAIN..HEAD) added to <paramref name="pending"/>: a feature branch's work
    /// in progress has not landed, and a revert among it reverts nothing yet (docs/gate.md, "Branch builds"). When no
    /// main branch or merge base is found, HEAD, as before, with a note.
    /// </summary>
    private static string LandingsFrom(Repository repo, Commit head, HistoryOptions options, HashSet<string> pending, List<string> notes)
    {
        if (!repo.Info.IsHeadDetached && ReviewPatterns.LongLivedBranch(repo.Head.FriendlyName))
        {
            // main, develop and the like land their own commits, whatever the base branch.
            return head.Sha;
        }

        var main = MainLine(repo, options, out string? missing);
        if (main is { } m && !repo.Info.IsHeadDetached && repo.Head.FriendlyName == m.Name)
        {
            // The main branch itself (a configured one with another name, or local commits not pushed yet).
            return head.Sha;
        }

        if (OnLongLivedLine(repo, head, main?.Tip))
        {
            return head.Sha;
        }

        const string Counted = "commits of this branch that have not landed yet count as landings";
        if (main is not { } line)
        {
            notes.Add(missing + ": " + Counted);
            return head.Sha;
        }

        var mergeBase = repo.ObjectDatabase.FindMergeBase(head, line.Tip);
        if (mergeBase == null)
        {
            notes.Add("no merge-base of HEAD and " + line.Display + (repo.Info.IsShallow ? " (" + ReviewPatterns.HistoryTruncatedNote + ")" : string.Empty) + ": " + Counted);
            return head.Sha;
        }

        var filter = new CommitFilter { IncludeReachableFrom = head, ExcludeReachableFrom = line.Tip, SortBy = CommitSortStrategies.None };
        var own = repo.Commits.QueryBy(filter).Select(c => c.Sha).ToList();
        pending.UnionWith(own);
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"{own.Count} commit(s) of this branch, not yet landed on {line.Display}, are not counted as landings: reviews are judged from the merge base {mergeBase.Sha[..7]}"));
        return mergeBase.Sha;
    }

    /// <summary>
    /// The main branch: the base (--base, baseBranch) when it names a local or remote-tracking branch; when it names a
    /// tag or a commit, or none is set, the first of <see cref="BaseRefCandidates"/> that exists (origin/HEAD followed to
    /// its target). A base that names nothing is not guessed past: <paramref name="missing"/> says what was not found.
    /// </summary>
    private static (string Name, string Display, Commit Tip)? MainLine(Repository repo, HistoryOptions options, out string? missing)
    {
        missing = null;
        if (options.BaseRef != null)
        {
            var tip = TryResolve(repo, options.BaseRef);
            if (tip == null)
            {
                missing = "base branch '" + options.BaseRef + "' not found";
                return null;
            }

            if (BranchOf(repo, options.BaseRef) is { } branch)
            {
                return (branch.Name, branch.Display, tip);
            }
        }

        foreach (var candidate in BaseRefCandidates)
        {
            if (TryResolve(repo, candidate) is { } tip)
            {
                var branch = BranchOf(repo, candidate);
                return (branch?.Name ?? candidate, branch?.Display ?? candidate, tip);
            }
        }

        missing = "no main branch found (tried " + string.Join(", ", BaseRefCandidates) + ")";
        return null;
    }

    /// <summary>
    /// The branch a ref names, local or remote-tracking, symbolic refs (origin/HEAD) followed: its name without the
    /// remote ("main") and as git shows it ("origin/main"). Null for a tag, a commit or an expression.
    /// </summary>
    private static (string Name, string Display)? BranchOf(Repository repo, string spec)
    {
        const string Heads = "refs/heads/", Remotes = "refs/remotes/";
        string[] names = spec.StartsWith("refs/", StringComparison.Ordinal) ? new[] { spec } : new[] { Heads + spec, Remotes + spec };
        foreach (var name in names)
        {
            string? canonical;
            try
            {
                canonical = repo.Refs[name]?.ResolveToDirectReference()?.CanonicalName;
            }
            catch (LibGit2SharpException)
            {
                continue;
            }

            if (canonical != null && canonical.StartsWith(Heads, StringComparison.Ordinal))
            {
                string local = canonical[Heads.Length..];
                return (local, local);
            }

            if (canonical != null && canonical.StartsWith(Remotes, StringComparison.Ordinal))
            {
                string display = canonical[Remotes.Length..];
                int slash = display.IndexOf('/', StringComparison.Ordinal);
                return slash > 0 ? (display[(slash + 1)..], display) : null;
            }
        }

        return null;
    }

    /// <summary>
    /// HEAD is the main branch's commit or an ancestor of it, or of a long-lived branch (main, develop, ..., local or
    /// remote-tracking): a CI's detached checkout of a commit that landed there.
    /// </summary>
    private static bool OnLongLivedLine(Repository repo, Commit head, Commit? mainTip)
    {
        var tips = repo.Branches
            .Where(b => ReviewPatterns.LongLivedBranch(b.IsRemote ? b.FriendlyName[(b.FriendlyName.IndexOf('/', StringComparison.Ordinal) + 1)..] : b.FriendlyName))
            .Select(b => b.Tip)
            .Prepend(mainTip)
            .OfType<Commit>()
            .DistinctBy(c => c.Sha);
        return tips.Any(tip => tip.Sha == head.Sha || repo.ObjectDatabase.FindMergeBase(head, tip)?.Sha == head.Sha);
    }

    private static string[] BranchCommits(Repository repo, CommitRecord merge)
    {
        var filter = new CommitFilter { IncludeReachableFrom = merge.Parents[1], ExcludeReachableFrom = merge.Parents[0], SortBy = CommitSortStrategies.None };
        return repo.Commits.QueryBy(filter).Select(c => c.Sha).ToArray();
    }

    /// <summary>
    /// Landings named by a later "This reverts commit &lt;sha&gt;" within the revert window, directly or through a
    /// commit of their PR branch. A revert inside the same PR branch is rework, not a revert of the landing.
    /// </summary>
    private static HashSet<string> RevertedLandings(Dictionary<string, CommitRecord> records, List<CommitRecord> landings, HashSet<string> pending, TimeSpan window)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var reverts = records.Values.Where(r => r.Reverts.Length > 0 && !pending.Contains(r.Sha)).ToList();
        if (reverts.Count == 0)
        {
            return result;
        }

        // Index every landing SHA and PR-branch SHA by its 7-character prefix (the shortest abbreviation accepted).
        var index = new Dictionary<string, List<(string Sha, CommitRecord Landing)>>(StringComparer.Ordinal);
        foreach (var landing in landings)
        {
            foreach (var sha in landing.BranchCommits is { } branch ? branch.Append(landing.Sha) : new[] { landing.Sha })
            {
                var key = sha[..7];
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = new List<(string, CommitRecord)>();
                }

                list.Add((sha, landing));
            }
        }

        foreach (var revert in reverts)
        {
            foreach (var target in revert.Reverts)
            {
                if (!index.TryGetValue(target[..7], out var candidates))
                {
                    continue;
                }

                foreach (var (sha, landing) in candidates)
                {
                    var delay = revert.CommitterWhen - landing.CommitterWhen;
                    bool ownBranch = revert.Sha == landing.Sha || (landing.BranchCommits?.Contains(revert.Sha, StringComparer.Ordinal) ?? false);
                    if (sha.StartsWith(target, StringComparison.Ordinal) && !ownBranch && delay >= TimeSpan.Zero && delay <= window)
                    {
                        result.Add(landing.Sha);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Revisions, churn and main authors per current path over the hotspot window, newest commit first so renames resolve.</summary>
    // Hot loop over every commit of a run that lasts about a second: tiered JIT would run it unoptimised throughout.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static List<FileHistory> Files(Dictionary<string, CommitRecord> records, string headSha, HistoryOptions options,
        DateTimeOffset hotspotStart, Mailmap mailmap, List<string> notes)
    {
        var renamedTo = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new Dictionary<string, (int Revisions, int Added, int Deleted, Dictionary<string, int> Authors)>(StringComparer.Ordinal);
        int tooLarge = 0, boundary = 0;
        var ordered = NewestFirst(records, headSha).ToList();
        var concurrent = new ConcurrentRenames(ordered, records);
        foreach (var record in ordered)
        {
            if (record.Boundary)
            {
                boundary++;
                continue;
            }

            if (record.IsMerge || !record.HasStats)
            {
                continue;
            }

            bool counted = record.CommitterWhen >= hotspotStart && !ReviewClassifier.IsBot(record, options.BotPatterns);
            if (counted && record.TooLarge)
            {
                tooLarge++;
                counted = false;
            }

            var author = counted ? mailmap.Map(record.AuthorName, record.AuthorEmail).Name : string.Empty;
            foreach (var f in record.Files)
            {
                var current = renamedTo.TryGetValue(f.Path, out var c) ? c : f.Path;
                if (counted)
                {
                    Add(files, current, author, f.Added, f.Deleted, 1);
                    if (current == f.Path)
                    {
                        concurrent.Wait(record, f, author);
                    }
                }

                if (f.OldPath != null)
                {
                    // Edits to the old path on a line the rename is not on (a branch renamed it while main edited it)
                    // were read first: the merge carried them into the new path, as the rename does for its ancestors.
                    foreach (var moved in concurrent.NotDescendantsOf(record, f.OldPath))
                    {
                        Add(files, f.OldPath, moved.Author, -moved.Added, -moved.Deleted, -1);
                        Add(files, current, moved.Author, moved.Added, moved.Deleted, 1);
                    }

                    renamedTo[f.OldPath] = current;
                }
            }
        }

        foreach (var empty in files.Where(f => f.Value.Revisions == 0).Select(f => f.Key).ToList())
        {
            files.Remove(empty);
        }

        if (tooLarge > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{tooLarge} commit(s) touching more than {options.MaxFilesPerCommit} files left out of revisions and churn"));
        }

        if (boundary > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{boundary} shallow boundary commit(s) left out of revisions and churn"));
        }

        return files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new FileHistory(
            f.Key,
            f.Value.Revisions,
            f.Value.Added + f.Value.Deleted,
            f.Value.Added,
            f.Value.Deleted,
            f.Value.Authors.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Take(3).Select(a => (a.Key, a.Value)).ToArray())).ToList();
    }

    private static void Add(Dictionary<string, (int Revisions, int Added, int Deleted, Dictionary<string, int> Authors)> files,
        string path, string author, int added, int deleted, int revisions)
    {
        var entry = files.TryGetValue(path, out var e) ? e : (Revisions: 0, Added: 0, Deleted: 0, Authors: new Dictionary<string, int>(StringComparer.Ordinal));
        int commits = entry.Authors.GetValueOrDefault(author) + revisions;
        if (commits == 0)
        {
            entry.Authors.Remove(author);
        }
        else
        {
            entry.Authors[author] = commits;
        }

        files[path] = (entry.Revisions + revisions, entry.Added + added, entry.Deleted + deleted, entry.Authors);
    }

    /// <summary>
    /// Counted edits of paths that some commit renames, read (newest first) before any rename of them: when the rename
    /// comes, those that are not its descendants (concurrent lines) move to the new path; descendants edited a file
    /// re-created at the old path and stay. Only paths that are renamed somewhere are remembered.
    /// </summary>
    private sealed class ConcurrentRenames
    {
        private readonly HashSet<string> _renamed = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _generation = new(StringComparer.Ordinal);
        private readonly IReadOnlyDictionary<string, CommitRecord> _bySha;
        private readonly Dictionary<string, List<(CommitRecord Commit, string Author, int Added, int Deleted)>> _waiting = new(StringComparer.Ordinal);

        public ConcurrentRenames(List<CommitRecord> newestFirst, IReadOnlyDictionary<string, CommitRecord> bySha)
        {
            _bySha = bySha;
            foreach (var r in newestFirst)
            {
                foreach (var f in r.IsMerge ? Array.Empty<FileStat>() : r.Files)
                {
                    if (f.OldPath != null)
                    {
                        _renamed.Add(f.OldPath);
                    }
                }
            }

            if (_renamed.Count == 0)
            {
                return;
            }

            // Generation numbers (1 + the highest of the parents): a commit is never an ancestor of one with a lower or equal number.
            for (int i = newestFirst.Count - 1; i >= 0; i--)
            {
                var r = newestFirst[i];
                int generation = 1;
                foreach (var p in r.Parents)
                {
                    if (_generation.TryGetValue(p, out int g))
                    {
                        generation = Math.Max(generation, g + 1);
                    }
                }

                _generation[r.Sha] = generation;
            }
        }

        public void Wait(CommitRecord commit, FileStat f, string author)
        {
            if (_renamed.Contains(f.Path))
            {
                if (!_waiting.TryGetValue(f.Path, out var list))
                {
                    _waiting[f.Path] = list = new List<(CommitRecord, string, int, int)>();
                }

                list.Add((commit, author, f.Added, f.Deleted));
            }
        }

        public List<(CommitRecord Commit, string Author, int Added, int Deleted)> NotDescendantsOf(CommitRecord rename, string oldPath)
        {
            var moved = new List<(CommitRecord Commit, string Author, int Added, int Deleted)>();
            if (!_waiting.TryGetValue(oldPath, out var waiting))
            {
                return moved;
            }

            var stay = new List<(CommitRecord Commit, string Author, int Added, int Deleted)>();
            var reaches = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var w in waiting)
            {
                (Reaches(w.Commit.Sha, rename.Sha, _generation[rename.Sha], reaches) ? stay : moved).Add(w);
            }

            _waiting[oldPath] = stay;
            return moved;
        }

        /// <summary>Whether <paramref name="target"/> is an ancestor of <paramref name="from"/>; memoised per rename.</summary>
        private bool Reaches(string from, string target, int targetGeneration, Dictionary<string, bool> memo)
        {
            var stack = new Stack<(string Sha, bool Expanded)>();
            stack.Push((from, false));
            while (stack.Count > 0)
            {
                var (sha, expanded) = stack.Pop();
                if (memo.ContainsKey(sha))
                {
                    continue;
                }

                if (sha == target || _generation[sha] <= targetGeneration)
                {
                    memo[sha] = sha == target;
                    continue;
                }

                var parents = _bySha[sha].Parents.Where(_generation.ContainsKey).ToArray();
                if (expanded)
                {
                    memo[sha] = parents.Any(p => memo.TryGetValue(p, out bool r) && r);
                    continue;
                }

                stack.Push((sha, true));
                foreach (var p in parents)
                {
                    if (!memo.ContainsKey(p))
                    {
                        stack.Push((p, false));
                    }
                }
            }

            return memo[from];
        }
    }

    /// <summary>Children before parents (Kahn), ties broken by newer committer time, then SHA: deterministic.</summary>
    // Hot loop over every commit of a run that lasts about a second: tiered JIT would run it unoptimised throughout.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static IEnumerable<CommitRecord> NewestFirst(Dictionary<string, CommitRecord> records, string headSha)
    {
        var children = new Dictionary<string, int>(records.Count, StringComparer.Ordinal);
        foreach (var r in records.Values)
        {
            foreach (var p in r.Parents)
            {
                if (records.ContainsKey(p))
                {
                    children[p] = children.GetValueOrDefault(p) + 1;
                }
            }
        }

        var ready = new PriorityQueue<CommitRecord, (long, string)>(Comparer<(long, string)>.Create((a, b) =>
        {
            int c = b.Item1.CompareTo(a.Item1);
            return c != 0 ? c : string.CompareOrdinal(a.Item2, b.Item2);
        }));
        foreach (var r in records.Values.Where(r => !children.ContainsKey(r.Sha)))
        {
            ready.Enqueue(r, (r.CommitterWhen.UtcTicks, r.Sha));
        }

        while (ready.TryDequeue(out var r, out _))
        {
            yield return r;
            foreach (var p in r.Parents)
            {
                if (records.TryGetValue(p, out var parent) && --children[p] == 0)
                {
                    ready.Enqueue(parent, (parent.CommitterWhen.UtcTicks, parent.Sha));
                }
            }
        }
    }

    private static NewCode ReadNewCode(Repository repo, Commit head, HistoryOptions options, bool shallow, List<string> notes)
    {
        var empty = new Dictionary<string, IReadOnlySet<int>>(StringComparer.Ordinal);
        string? baseRef = null;
        Commit? baseCommit = null;
        foreach (var candidate in options.BaseRef != null ? new[] { options.BaseRef } : BaseRefCandidates)
        {
            baseCommit = TryResolve(repo, candidate);
            if (baseCommit != null)
            {
                baseRef = candidate;
                break;
            }
        }

        if (baseCommit == null)
        {
            notes.Add(options.BaseRef != null
                ? "base ref '" + options.BaseRef + "' not found: new code unknown"
                : "no base branch found (tried " + string.Join(", ", BaseRefCandidates) + "): new code unknown");
            return new NewCode(options.BaseRef, null, empty);
        }

        var mergeBase = repo.ObjectDatabase.FindMergeBase(head, baseCommit);
        if (mergeBase == null)
        {
            notes.Add("no merge-base of HEAD and " + baseRef + (shallow ? " (" + ReviewPatterns.HistoryTruncatedNote + ")" : string.Empty) + ": new code unknown");
            return new NewCode(baseRef, null, empty);
        }

        var lines = new Dictionary<string, IReadOnlySet<int>>(StringComparer.Ordinal);
        var wholeFiles = new List<string>();
        if (mergeBase.Sha != head.Sha)
        {
            using var patch = repo.Diff.Compare<Patch>(mergeBase.Tree, head.Tree, WithRenames);
            foreach (var entry in patch)
            {
                if (entry.Status == ChangeKind.Deleted)
                {
                    continue;
                }

                var added = entry.AddedLines.Select(l => l.LineNumber).ToHashSet();
                if (added.Count == 0 && entry.IsBinaryComparison && entry.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) &&
                    head[entry.Path]?.Target is Blob blob)
                {
                    // git compares a UTF-16 source, one with a NUL byte or one marked 'binary' in .gitattributes as binary and
                    // names no lines: the whole file is new code, rather than none of it.
                    added = AllLines(blob);
                    wholeFiles.Add(Normalise(entry.Path));
                }

                if (added.Count > 0)
                {
                    lines[Normalise(entry.Path)] = added;
                }
            }
        }

        if (wholeFiles.Count > 0)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture,
                "git diffs {0} changed C# {1} as binary (UTF-16, a NUL byte, or a 'binary' attribute): every line of {2} counts as new code ({3}).",
                wholeFiles.Count, wholeFiles.Count == 1 ? "file" : "files", wholeFiles.Count == 1 ? "it" : "them",
                NotesText.Named(wholeFiles)));
        }

        return new NewCode(baseRef, mergeBase.Sha, lines);
    }

    /// <summary>Line numbers 1..n of a blob read as text (the byte order mark picks the encoding, UTF-8 otherwise).</summary>
    private static HashSet<int> AllLines(Blob blob)
    {
        var all = new HashSet<int>();
        using var reader = new StreamReader(blob.GetContentStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        int number = 0;
        while (reader.ReadLine() is not null)
        {
            all.Add(++number);
        }

        return all;
    }

    private static Commit? TryResolve(Repository repo, string spec)
    {
        try
        {
            return repo.Lookup<Commit>(spec);
        }
        catch (Exception ex) when (ex is LibGit2SharpException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
