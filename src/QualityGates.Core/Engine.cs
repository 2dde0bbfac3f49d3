using QualityGates.Core.Analyzers;
using QualityGates.Core.Config;
using QualityGates.Core.Coverage;
using QualityGates.Core.Gate;
using QualityGates.Core.History;
using QualityGates.Core.Hotspots;
using QualityGates.Core.Sources;
using ReportInputException = QualityGates.Core.Reports.ReportInputException;
using TrendHistory = QualityGates.Core.Reports.TrendHistory;
using TrendRecord = QualityGates.Core.Reports.TrendRecord;

namespace QualityGates.Core;

/// <summary>What one run of the engine looks at. Paths may be relative to the current directory.</summary>
public sealed record EngineOptions
{
    public required string RepositoryRoot { get; init; }

    /// <summary>Cobertura paths or globs; null: those of qualitygate.json (relative to the repository root).</summary>
    public IReadOnlyList<string>? CoveragePatterns { get; init; }

    /// <summary>Where relative <see cref="CoveragePatterns"/> start (the CLI passes the current directory); null: the root.</summary>
    public string? CoverageBaseDirectory { get; init; }

    /// <summary>
    /// Merge every coverage file the globs find. False (default): of files in run folders of one results folder with
    /// the same packages, only the newest run counts (<see cref="CoverageRuns"/>).
    /// </summary>
    public bool AllCoverageRuns { get; init; }

    /// <summary>No coverage data is an error (QGB0109, <see cref="EngineResult.CoverageError"/>); also coverage.required of the config.</summary>
    public bool RequireCoverage { get; init; }

    /// <summary>Base branch for new code; null: qualitygate.json's baseBranch, else the history reader's guess.</summary>
    public string? BaseRef { get; init; }

    /// <summary>A configuration file other than qualitygate.json at the root (must exist).</summary>
    public string? ConfigPath { get; init; }

    /// <summary>The compiler's SARIF error log, if any.</summary>
    /// <summary>The compilers' SARIF logs, one per project; null when none was given.</summary>
    public IReadOnlyList<string>? SarifPaths { get; init; }

    /// <summary>Where to write the merged Cobertura and coverage HTML; null: coverage.reportDirectory of the config.</summary>
    public string? CoverageReportDirectory { get; init; }

    public string? CacheDirectory { get; init; }

    /// <summary>
    /// Append this run to the trend history: null (default) only when HEAD's branch is the base branch, true always
    /// (CI with a detached HEAD on main), false never.
    /// </summary>
    public bool? RecordTrend { get; init; }

    /// <summary>The trend history; null: trend.file of the config (relative to the root).</summary>
    public string? TrendHistoryPath { get; init; }

    /// <summary>"Now" for the review and hotspot windows and the baseline date.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The CI says it builds a pull request (<see cref="PreMergeCommit.IsPullRequestBuild"/>); the CLI reads its environment.</summary>
    public bool PullRequestBuild { get; init; }
}

/// <summary>A finished run: the configuration used and the verdict with its figures.</summary>
public sealed record EngineResult(string RepositoryRoot, GateConfig Config, GateResult Gate)
{
    /// <summary>The trend history this run was appended to; null when it was not recorded.</summary>
    public string? TrendRecordedIn { get; init; }

    /// <summary>What was wrong with the baseline when a run that replaces it found it unreadable; null otherwise.</summary>
    public string? UnreadableBaseline { get; init; }

    /// <summary>
    /// Why this run could not be appended to the trend history (QGB0605); null otherwise. The verdict stands: the caller
    /// prints it and writes its results first, then reports this.
    /// </summary>
    public QualityGateException? TrendError { get; init; }

    /// <summary>
    /// QGB0109 when coverage is required (<see cref="EngineOptions.RequireCoverage"/>, coverage.required) and the run had
    /// no coverage data; null otherwise. The verdict ("not evaluated") stands: the caller prints it and writes its results
    /// first, then reports this. Such a run is not recorded in the trend history.
    /// </summary>
    public QualityGateException? CoverageError { get; init; }
}

/// <summary>A baseline written by <see cref="Engine.WriteBaseline"/>.</summary>
public sealed record BaselineWritten(string Path, Baseline Baseline)
{
    /// <summary>What was wrong with the file it replaced when that one could not be read; null otherwise.</summary>
    public string? ReplacedUnreadable { get; init; }
}

/// <summary>
/// Composition root: configuration + coverage + git history + hotspots (+ SARIF, baseline) -> gate. The git and
/// hotspot implementations come in through their interfaces.
/// </summary>
public sealed class Engine
{
    private readonly IGitHistory history;
    private readonly IHotspotCalculator hotspots;
    private readonly ICriticalFiles? criticalFiles;

    public Engine(IGitHistory history, IHotspotCalculator hotspots, ICriticalFiles? criticalFiles = null)
    {
        this.history = history;
        this.hotspots = hotspots;
        this.criticalFiles = criticalFiles;
    }

    public EngineResult Check(EngineOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        Check(options, replacingBaseline: false, progress, cancellationToken);

    /// <summary>A check; when <paramref name="replacingBaseline"/>, an unreadable baseline is no baseline (it is about to be rewritten).</summary>
    private EngineResult Check(EngineOptions options, bool replacingBaseline, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        string root = Root(options);
        GateConfig config = ConfigLoader.Load(root, options.ConfigPath);
        // Checked before any work; a run that never records (baseline, RecordTrend=false) does not need the history.
        string? trendPath = options.RecordTrend == false ? null : TrendPath(root, options, config);
        string baselinePath = BaselinePath(root, config);
        string? reportDirectory = options.CoverageReportDirectory is string given ? Path.GetFullPath(given, root) : CoverageReportPath(root, config);

        progress?.Report("Reading coverage");
        var notes = new List<string>();
        CoverageReport? coverage = LoadCoverage(root, options, config, notes);

        progress?.Report("Reading git history");
        HistoryResult historyResult = history.Read(root, HistoryOptionsOf(config, options), progress, cancellationToken);

        progress?.Report("Ranking hotspots");
        ICoverageLookup lookup = coverage ?? (ICoverageLookup)NoCoverage.Instance;
        SourceFacts sources = SourceFacts.Open(root, options.CacheDirectory);
        IReadOnlyList<Hotspot> ranked = hotspots.Compute(root, historyResult.Files, lookup, config.ToHotspotOptions() with { Sources = sources });
        IReadOnlyList<Hotspot> changed = ChangedFiles(root, historyResult, ranked, lookup, sources);

        progress?.Report("Finding pricing and underwriting files");

        // Every C# file with code, not only those a report or the hotspot ranking mentions: a pricing file that no
        // test project loads is in no report, and must be named rather than vanish from coverage.critical. In a git
        // repository only tracked files: an ignored or submodule copy is not this repository's code to test.
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        candidates.UnionWith(coverage?.Files.Keys ?? Enumerable.Empty<string>());
        candidates.UnionWith(sources.CodeFiles(historyResult.TrackedSourceFiles));
        IReadOnlySet<string> critical = criticalFiles?.Critical(root, candidates, sources)
            ?? new HashSet<string>(ranked.Concat(changed).Where(h => h.Critical).Select(h => h.Path), StringComparer.Ordinal);
        string? sourcesNote = sources.Save();

        progress?.Report("Evaluating the gate");
        Baseline? baseline = BaselineStore.TryRead(baselinePath, out string? baselineProblem, out string? baselineAdvice);
        if (baselineProblem is not null && !replacingBaseline)
        {
            throw new QualityGateException(QgbCodes.BaselineInvalid, baselineProblem + " " + baselineAdvice);
        }

        AnalyzerFindings? findings = options.SarifPaths is null ? null : SarifReader.ReadAll(options.SarifPaths.Select(Path.GetFullPath), root);

        var inputs = new GateInputs
        {
            Coverage = coverage,
            History = historyResult,
            Hotspots = ranked,
            ChangedFiles = changed,
            CriticalFiles = critical,
            Baseline = baseline,
            Analyzers = findings,
        };
        GateResult gate = GateEvaluator.Evaluate(config, inputs) with { GeneratedAt = options.Now };
        if (coverage is null)
        {
            gate = gate with { Notes = notes.Concat(gate.Notes).ToList() };
        }

        if (sourcesNote is not null)
        {
            gate = gate with { Notes = gate.Notes.Append(sourcesNote).ToList() };
        }

        if (sources.TooLargeNote is string tooLarge)
        {
            gate = gate with { Notes = gate.Notes.Append(tooLarge).ToList() };
        }

        if (coverage is not null && reportDirectory is not null)
        {
            progress?.Report("Writing the coverage report");
            CoverageReportWriter.Write(coverage.Inputs, reportDirectory, root);
            string index = Path.Combine(reportDirectory, CoverageReportWriter.IndexFileName);
            gate = gate with { CoverageHtmlReport = File.Exists(index) ? index : null };
        }

        QualityGateException? coverageError = (options.RequireCoverage || config.CoverageRequired) && gate.NoCoverage is string missing
            ? CoverageRequired(missing, options.RequireCoverage)
            : null;
        string? baseRef = historyResult.NewCode.BaseRef ?? options.BaseRef ?? config.BaseBranch;
        bool record = coverageError is null && trendPath is not null && (options.RecordTrend ?? IsMainBranch(historyResult.Info.Branch, baseRef));
        if (record && historyResult.Info.Head is null && historyResult.Info.Branch is not null)
        {
            // HEAD's branch has no commit yet (a new repository): a record would point at no commit.
            record = false;
            gate = gate with { Notes = gate.Notes.Append(TrendNotRecordedNoCommitNote).ToList() };
        }

        QualityGateException? trendError = record ? AppendTrend(trendPath!, gate, options.Now) : null;
        return new EngineResult(root, config, gate)
        {
            TrendRecordedIn = record && trendError is null ? trendPath : null,
            UnreadableBaseline = baselineProblem,
            TrendError = trendError,
            CoverageError = coverageError,
        };
    }

    /// <summary>QGB0109: the run had no coverage data and coverage is required.</summary>
    private static QualityGateException CoverageRequired(string why, bool byOption) => new(QgbCodes.CoverageNoData,
        $"no coverage data: {why}, and coverage is required ({(byOption ? "--require-coverage" : "coverage.required in " + GateDefaults.ConfigFileName)}). " +
        "Run the tests with coverage first (dotnet test --collect \"XPlat Code Coverage\", coverlet.collector in the test projects) in this repository, " +
        "or fix --coverage / coverage.files (see the notes).");

    /// <summary>The trend history of a repository: the option, else trend.file of the config; null when switched off.</summary>
    public static string? TrendPath(string root, EngineOptions options, GateConfig config)
    {
        if (options.TrendHistoryPath is string explicitPath)
        {
            return Path.GetFullPath(explicitPath, root);
        }

        if (config.TrendFile is not string file)
        {
            return null;
        }

        // A committed config must not make the gate read or write outside the repository, by path or through a link.
        return RepositoryPaths.ConfinedFile(root, file, "$.trend.file",
            $"Give a path inside it, e.g. {GateDefaults.TrendFile}, or null to record no trend.");
    }

    /// <summary>
    /// coverage.reportDirectory of the config, inside the repository (links followed), or null. A --coverage-report or
    /// --report folder the person running the tool gave is theirs to choose and is not confined.
    /// </summary>
    public static string? CoverageReportPath(string root, GateConfig config) =>
        config.CoverageReportDirectory is not string directory ? null
        : RepositoryPaths.ConfinedFile(root, directory, "$.coverage.reportDirectory",
            "Give a folder inside it, e.g. artifacts/coverage, or null to write no coverage report.");

    /// <summary>The baseline of a repository: baseline.file of the config, inside the repository (links followed).</summary>
    public static string BaselinePath(string root, GateConfig config) =>
        RepositoryPaths.ConfinedFile(root, config.BaselineFile, "$.baseline.file",
            $"Give a path inside it, e.g. {GateDefaults.BaselineFile}.");

    /// <summary>
    /// True when HEAD's branch is the base branch: "main" for a base of "main", "origin/main", "refs/heads/main" or
    /// "refs/remotes/origin/main". A symbolic base (origin/HEAD) or none: the default names main and master.
    /// A detached HEAD (null) is never the main branch: CI sets RecordTrend instead.
    /// </summary>
    public static bool IsMainBranch(string? headBranch, string? baseRef)
    {
        if (string.IsNullOrEmpty(headBranch))
        {
            return false;
        }

        string? name = baseRef;
        foreach (string prefix in new[] { "refs/heads/", "refs/remotes/" })
        {
            if (name is not null && name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name.Substring(prefix.Length);
            }
        }

        if (name is null || name.EndsWith("/HEAD", StringComparison.Ordinal) || name == "HEAD")
        {
            return GateDefaults.MainBranchNames.Contains(headBranch, StringComparer.Ordinal);
        }

        // "origin/main": a remote name is one segment, and a local branch of that full name is checked first.
        int slash = name.IndexOf('/', StringComparison.Ordinal);
        return name == headBranch || (slash > 0 && name.Substring(slash + 1) == headBranch);
    }

    public const string TrendNotRecordedNoCommitNote = "trend not recorded: the branch has no commit yet";

    /// <summary>
    /// One record per commit (a run replaces the record of its commit), from the verdict: the figures of its result JSON
    /// (TrendRecord.FromGate, held equal by a test).
    /// A history that cannot be written is returned, not thrown: the finished verdict must not be lost with it.
    /// </summary>
    private static QualityGateException? AppendTrend(string path, GateResult gate, DateTimeOffset now)
    {
        try
        {
            TrendHistory.Append(path, TrendRecord.FromGate(gate, now));
            return null;
        }
        catch (ReportInputException ex)
        {
            return new QualityGateException(ex.Code, ex.Message);
        }
    }

    /// <summary>
    /// Review figures only (no coverage, no hotspots). <paramref name="notes"/>: what the history reader could not judge
    /// (shallow clone, no commits, no repository), the same notes a check gives.
    /// </summary>
    public ReviewSummary Reviews(EngineOptions options, out IReadOnlyList<string> notes, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        string root = Root(options);
        GateConfig config = ConfigLoader.Load(root, options.ConfigPath);
        HistoryResult historyResult = history.Read(root, HistoryOptionsOf(config, options), progress, cancellationToken);
        notes = historyResult.Info.Notes;
        return historyResult.Reviews;
    }

    /// <summary>Merged coverage only (no git, no hotspots); null when no file was found.</summary>
    public static CoverageReport? Coverage(EngineOptions options, out IReadOnlyList<string> notes)
    {
        string root = Root(options);
        var found = new List<string>();
        CoverageReport? report = LoadCoverage(root, options, ConfigLoader.Load(root, options.ConfigPath), found);
        notes = found;
        return report;
    }

    /// <summary>
    /// Ranked hotspots with coverage when coverage files are found (no gate). <paramref name="notes"/>: the coverage and
    /// history notes a check gives for the same inputs (files left out, shallow clone, no commits, cache problems).
    /// </summary>
    public IReadOnlyList<Hotspot> Hotspots(EngineOptions options, out IReadOnlyList<string> notes, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        string root = Root(options);
        GateConfig config = ConfigLoader.Load(root, options.ConfigPath);
        var loaderNotes = new List<string>();
        CoverageReport? coverage = LoadCoverage(root, options, config, loaderNotes);
        HistoryResult historyResult = history.Read(root, HistoryOptionsOf(config, options), progress, cancellationToken);
        SourceFacts sources = SourceFacts.Open(root, options.CacheDirectory);
        IReadOnlyList<Hotspot> ranked = hotspots.Compute(root, historyResult.Files, coverage ?? (ICoverageLookup)NoCoverage.Instance, config.ToHotspotOptions() with { Sources = sources });
        string? sourcesNote = sources.Save();
        notes = (coverage?.Notes ?? loaderNotes)
            .Concat(historyResult.Info.Notes)
            .Concat(new[] { sourcesNote, sources.TooLargeNote }.OfType<string>())
            .ToList();
        return ranked;
    }

    /// <summary>
    /// The baseline of a finished check: its coverage rates, hotspots and analyzer findings. Without a SARIF log the
    /// analyzer figures of <paramref name="previous"/> are kept.
    /// </summary>
    public static Baseline ToBaseline(EngineResult result, Baseline? previous, DateTimeOffset now) => new()
    {
        CreatedAt = now,
        Commit = result.Gate.Inputs.History?.Info.Head,
        LineRate = result.Gate.Inputs.Coverage?.Totals.LineRate,
        BranchRate = result.Gate.Inputs.Coverage?.Totals.BranchRate,
        Hotspots = result.Gate.Inputs.Hotspots.Select(h => new BaselineHotspot(h.Path, h.Complexity, h.Score)).ToList(),
        Analyzers = result.Gate.Inputs.Analyzers?.Files ?? previous?.Analyzers,
    };

    /// <summary>
    /// Runs a check and writes (or replaces, atomically) the baseline file; returns where it was written. An unreadable
    /// baseline (bad JSON, unknown key, wrong schemaVersion) is replaced, and the result says so: writing the baseline
    /// is what QGB0301 asks for.
    /// </summary>
    public BaselineWritten WriteBaseline(EngineOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        // Accepting a baseline is not a gate run: it adds no trend point.
        EngineResult result = Check(options with { RecordTrend = false }, replacingBaseline: true, progress, cancellationToken);
        if (result.CoverageError is QualityGateException missing)
        {
            // A baseline without coverage would accept "no data" as the level to hold: nothing is written.
            throw missing;
        }

        string path = BaselinePath(result.RepositoryRoot, result.Config);
        if (result.UnreadableBaseline is not null && !LooksLikeBaseline(path))
        {
            // Replacing is how a damaged baseline is mended; a file that was never one (baseline.file naming
            // appsettings.json by mistake) is the user's, and is not overwritten.
            throw new QualityGateException(QgbCodes.BaselineInvalid,
                $"'{RepositoryPaths.ToRelative(result.RepositoryRoot, path) ?? path}' is not a QualityGates baseline (no \"schemaVersion\"), so it was not replaced: point baseline.file in qualitygate.json at a file of its own, or move that file away.");
        }

        Baseline baseline = ToBaseline(result, result.Gate.Inputs.Baseline, options.Now);
        BaselineStore.Write(path, baseline);
        return new BaselineWritten(path, baseline) { ReplacedUnreadable = result.UnreadableBaseline };
    }

    /// <summary>A file that names its schema version (however damaged otherwise), an empty one, or none: a baseline to mend.</summary>
    private static bool LooksLikeBaseline(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return true;
            }

            // A baseline is small; reading a few hundred kilobytes tells a damaged one from another file.
            using var reader = new StreamReader(path);
            char[] buffer = new char[256 * 1024];
            int read = reader.ReadBlock(buffer, 0, buffer.Length);
            string text = new(buffer, 0, read);
            return text.Trim('\uFEFF', ' ', '\t', '\r', '\n').Length == 0 || text.Contains("\"schemaVersion\"", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Method metrics of changed C# files that are not ranked hotspots, asked from the calculator.</summary>
    private IReadOnlyList<Hotspot> ChangedFiles(string root, HistoryResult historyResult, IReadOnlyList<Hotspot> ranked, ICoverageLookup lookup, SourceFacts sources)
    {
        var known = new HashSet<string>(ranked.Select(h => h.Path), StringComparer.Ordinal);
        var byPath = historyResult.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        List<FileHistory> wanted = historyResult.NewCode.ChangedLines.Keys
            .Where(p => p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && !known.Contains(p))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => byPath.TryGetValue(p, out FileHistory? f) ? f : new FileHistory(p, 0, 0, 0, 0, Array.Empty<(string, int)>()))
            .ToList();
        return wanted.Count == 0
            ? Array.Empty<Hotspot>()
            : hotspots.Compute(root, wanted, lookup, new HotspotOptions { MinRevisions = 0, MaxHotspots = int.MaxValue, Sources = sources });
    }

    /// <summary>
    /// A --coverage path or glob the tool cannot use is a usage error (QGB0001), found before anything is read.
    /// (Those of qualitygate.json are checked when it is loaded: QGB0202.)
    /// </summary>
    public static void CheckCoveragePatterns(IEnumerable<string>? patterns)
    {
        foreach (string pattern in patterns ?? Array.Empty<string>())
        {
            if (CoverageLoader.PatternProblem(pattern) is string problem)
            {
                throw new QualityGateException(QgbCodes.UsageError, $"--coverage '{pattern}': {problem}");
            }
        }
    }

    /// <summary>Command-line patterns start at their base directory; those of the config at the root.</summary>
    private static CoverageReport? LoadCoverage(string root, EngineOptions options, GateConfig config, List<string> notes) =>
        options.CoveragePatterns is null
            ? CoverageLoader.Load(root, root, config.CoverageFiles, notes, confineAll: true, allRuns: options.AllCoverageRuns)
            : CoverageLoader.Load(root, Path.GetFullPath(options.CoverageBaseDirectory ?? root), options.CoveragePatterns, notes, allRuns: options.AllCoverageRuns);

    private static HistoryOptions HistoryOptionsOf(GateConfig config, EngineOptions options) =>
        config.ToHistoryOptions(options.Now, options.BaseRef, options.CacheDirectory) with { PullRequestBuild = options.PullRequestBuild };

    /// <summary>
    /// The full repository root of <paramref name="options"/>, checked before anything is read or written: a missing
    /// folder or a bare repository is QGB0002, an unusable --coverage pattern QGB0001.
    /// </summary>
    public static string Root(EngineOptions options)
    {
        CheckCoveragePatterns(options.CoveragePatterns);
        string root = RepositoryPaths.FullRoot(options.RepositoryRoot);
        if (!Directory.Exists(root))
        {
            throw new QualityGateException(QgbCodes.RepositoryNotFound, File.Exists(root) ? $"Repository folder '{root}' is a file, not a folder. Pass the repository root with --repo." : $"Repository folder '{root}' does not exist. Pass the repository root with --repo.");
        }

        if (RepositoryPaths.BareRepositoryAt(root) is string bare)
        {
            throw RepositoryPaths.BareRepository(bare);
        }

        return root;
    }

    private sealed class NoCoverage : ICoverageLookup
    {
        public static readonly NoCoverage Instance = new();

        public double? LineRate(string path) => null;

        public (int Covered, int Coverable)? LinesInRange(string path, int firstLine, int lastLine) => null;
    }
}
