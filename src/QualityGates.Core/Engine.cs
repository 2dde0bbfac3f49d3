using QualityGates.Core.Analyzers;
using QualityGates.Core.Config;
using QualityGates.Core.Coverage;
using QualityGates.Core.Gate;
using QualityGates.Core.History;
using QualityGates.Core.Hotspots;

namespace QualityGates.Core;

/// <summary>What one run of the engine looks at. Paths may be relative to the current directory.</summary>
public sealed record EngineOptions
{
    public required string RepositoryRoot { get; init; }

    /// <summary>Cobertura paths or globs; null: those of qualitygate.json (relative to the repository root).</summary>
    public IReadOnlyList<string>? CoveragePatterns { get; init; }

    /// <summary>Where relative <see cref="CoveragePatterns"/> start (the CLI passes the current directory); null: the root.</summary>
    public string? CoverageBaseDirectory { get; init; }

    /// <summary>Base branch for new code; null: qualitygate.json's baseBranch, else the history reader's guess.</summary>
    public string? BaseRef { get; init; }

    /// <summary>A configuration file other than qualitygate.json at the root (must exist).</summary>
    public string? ConfigPath { get; init; }

    /// <summary>The compiler's SARIF error log, if any.</summary>
    public string? SarifPath { get; init; }

    /// <summary>Where to write the merged Cobertura and coverage HTML; null: coverage.reportDirectory of the config.</summary>
    public string? CoverageReportDirectory { get; init; }

    public string? CacheDirectory { get; init; }

    /// <summary>"Now" for the review and hotspot windows and the baseline date.</summary>
    public required DateTimeOffset Now { get; init; }
}

/// <summary>A finished run: the configuration used and the verdict with its figures.</summary>
public sealed record EngineResult(string RepositoryRoot, GateConfig Config, GateResult Gate);

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

    public EngineResult Check(EngineOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        string root = Root(options);
        GateConfig config = ConfigLoader.Load(root, options.ConfigPath);

        progress?.Report("Reading coverage");
        var notes = new List<string>();
        CoverageReport? coverage = LoadCoverage(root, options, config, notes);

        progress?.Report("Reading git history");
        HistoryResult historyResult = history.Read(root, config.ToHistoryOptions(options.Now, options.BaseRef, options.CacheDirectory), progress, cancellationToken);

        progress?.Report("Ranking hotspots");
        ICoverageLookup lookup = coverage ?? (ICoverageLookup)NoCoverage.Instance;
        IReadOnlyList<Hotspot> ranked = hotspots.Compute(root, historyResult.Files, lookup, config.ToHotspotOptions());
        IReadOnlyList<Hotspot> changed = ChangedFiles(root, historyResult, ranked, lookup);

        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        candidates.UnionWith(coverage?.Files.Keys ?? Enumerable.Empty<string>());
        candidates.UnionWith(ranked.Select(h => h.Path));
        IReadOnlySet<string> critical = criticalFiles?.Critical(root, candidates)
            ?? new HashSet<string>(ranked.Concat(changed).Where(h => h.Critical).Select(h => h.Path), StringComparer.Ordinal);

        Baseline? baseline = BaselineStore.Read(Path.Combine(root, config.BaselineFile));
        AnalyzerFindings? findings = options.SarifPath is null ? null : SarifReader.Read(Path.GetFullPath(options.SarifPath), root);

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
        GateResult gate = GateEvaluator.Evaluate(config, inputs);
        if (coverage is null)
        {
            gate = gate with { Notes = notes.Concat(gate.Notes).ToList() };
        }

        string? reportDirectory = options.CoverageReportDirectory ?? config.CoverageReportDirectory;
        if (coverage is not null && reportDirectory is not null)
        {
            progress?.Report("Writing the coverage report");
            CoverageReportWriter.Write(coverage.Inputs, Path.GetFullPath(reportDirectory, root), root);
        }

        return new EngineResult(root, config, gate);
    }

    /// <summary>Review figures only (no coverage, no hotspots).</summary>
    public ReviewSummary Reviews(EngineOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        string root = Root(options);
        GateConfig config = ConfigLoader.Load(root, options.ConfigPath);
        return history.Read(root, config.ToHistoryOptions(options.Now, options.BaseRef, options.CacheDirectory), progress, cancellationToken).Reviews;
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

    /// <summary>Ranked hotspots with coverage when coverage files are found (no gate).</summary>
    public IReadOnlyList<Hotspot> Hotspots(EngineOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        string root = Root(options);
        GateConfig config = ConfigLoader.Load(root, options.ConfigPath);
        CoverageReport? coverage = LoadCoverage(root, options, config, new List<string>());
        HistoryResult historyResult = history.Read(root, config.ToHistoryOptions(options.Now, options.BaseRef, options.CacheDirectory), progress, cancellationToken);
        return hotspots.Compute(root, historyResult.Files, coverage ?? (ICoverageLookup)NoCoverage.Instance, config.ToHotspotOptions());
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

    /// <summary>Runs a check and writes (or replaces) the baseline file; returns where it was written.</summary>
    public (string Path, Baseline Baseline) WriteBaseline(EngineOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        EngineResult result = Check(options, progress, cancellationToken);
        string path = Path.Combine(result.RepositoryRoot, result.Config.BaselineFile);
        Baseline baseline = ToBaseline(result, result.Gate.Inputs.Baseline, options.Now);
        BaselineStore.Write(path, baseline);
        return (path, baseline);
    }

    /// <summary>Method metrics of changed C# files that are not ranked hotspots, asked from the calculator.</summary>
    private IReadOnlyList<Hotspot> ChangedFiles(string root, HistoryResult historyResult, IReadOnlyList<Hotspot> ranked, ICoverageLookup lookup)
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
            : hotspots.Compute(root, wanted, lookup, new HotspotOptions { MinRevisions = 0, MaxHotspots = int.MaxValue });
    }

    /// <summary>Command-line patterns start at their base directory; those of the config at the root.</summary>
    private static CoverageReport? LoadCoverage(string root, EngineOptions options, GateConfig config, List<string> notes) =>
        options.CoveragePatterns is null
            ? CoverageLoader.Load(root, root, config.CoverageFiles, notes)
            : CoverageLoader.Load(root, Path.GetFullPath(options.CoverageBaseDirectory ?? root), options.CoveragePatterns, notes);

    private static string Root(EngineOptions options)
    {
        string root = RepositoryPaths.FullRoot(options.RepositoryRoot);
        if (!Directory.Exists(root))
        {
            throw new QualityGateException(QgbCodes.RepositoryNotFound, $"Repository folder '{root}' does not exist. Pass the repository root with --repo.");
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
