using System.CommandLine;
using System.Globalization;
using QualityGates.Core;
using QualityGates.Core.Config;
using QualityGates.Core.Gate;
using QualityGates.Core.History;
using QualityGates.Core.Hotspots;
using QualityGates.Core.Reports;

namespace QualityGates.Cli;

/// <summary>Everything a command touches outside itself, so tests can run the real command line in-process.</summary>
internal sealed record CliContext(
    TextWriter Out, TextWriter Error, Func<Engine> EngineFactory, DateTimeOffset Now, string CurrentDirectory, bool ShowProgress,
    Func<string, string?>? GetEnvironmentVariable = null);

/// <summary>
/// qualitygate check | reviews | hotspots | baseline. Exit codes: 0 gate passed (warnings allowed), 1 gate failed,
/// 2 usage or input error ("error QGBxxxx: ..." on stderr, never a stack trace).
/// </summary>
internal static class CommandLine
{
    public const int Passed = 0;
    public const int Failed = 1;
    public const int InputError = 2;

    /// <summary>The file names inside a report folder (docs/gate.md "Report").</summary>
    public const string ReportResultFile = "qualitygate-result.json";
    public const string ReportCoverageFolder = "coverage";

    /// <summary>
    /// No response files: with them any argument starting with '@' was read as a file name (git's '@{-1}', a path under
    /// an '@scope' folder), and '@FILE' echoed the file's lines in the error.
    /// </summary>
    private static readonly ParserConfiguration ParserSettings = new() { ResponseFileTokenReplacer = null };

    public static int Run(string[] args, CliContext context)
    {
        try
        {
            RootCommand root = Build(context);
            ParseResult parse = root.Parse(args, ParserSettings);
            if (parse.Errors.Count > 0)
            {
                // "qualitygate chek" is one mistake, not two: the missing command follows from the unknown word.
                var errors = parse.Errors.Select(e => e.Message).ToList();
                if (errors.Count > 1)
                {
                    errors.RemoveAll(m => m.StartsWith("Required command was not provided", StringComparison.Ordinal));
                }

                foreach (string error in errors)
                {
                    context.Error.WriteLine($"error {QgbCodes.UsageError}: {ConsoleText.Clean(error)}{Suggestion(root, parse, error)}");
                }

                context.Error.WriteLine("Run 'qualitygate --help' for the commands and options.");
                return InputError;
            }

            return parse.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (QualityGateException ex)
        {
            // Messages name paths and patterns from the command line and the repository: cleaned like the console text.
            context.Error.WriteLine($"error {ex.Code}: {ConsoleText.Clean(ex.Message)}");
            return InputError;
        }
        catch (ReportInputException ex)
        {
            context.Error.WriteLine($"error {ex.Code}: {ConsoleText.Clean(ex.Message)}");
            return InputError;
        }
        catch (StandardOutputException ex)
        {
            context.Error.WriteLine($"error {QgbCodes.OutputNotWritable}: cannot write to standard output ({ex.Message.ReplaceLineEndings(" ")}): check where the output is redirected (a full disk, a closed pipe).");
            return InputError;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine($"error {QgbCodes.UnexpectedError}: cancelled.");
            return InputError;
        }
#pragma warning disable CA1031 // The top of the program: a person gets a line with a code, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            context.Error.WriteLine($"error {QgbCodes.UnexpectedError}: unexpected failure ({ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}). Please report it with the command line used.");
            return InputError;
        }
    }

    private static RootCommand Build(CliContext context)
    {
        var repo = new Option<string>("--repo") { Description = "Repository root (default: the git working tree of the current directory, else the current directory).", DefaultValueFactory = _ => "." };
        var coverage = new Option<string[]>("--coverage")
        {
            Description = "Cobertura file or glob; repeat or list several (default: coverage.files of qualitygate.json).",
            AllowMultipleArgumentsPerToken = true,
        };
        var allCoverage = new Option<bool>("--all-coverage")
        {
            Description = "Merge every coverage file the globs find (default: of earlier runs of the same tests in one TestResults folder, only the newest counts).",
        };
        var requireCoverage = new Option<bool>("--require-coverage")
        {
            Description = "No coverage data (no file found, or none with a line of the repository) is error QGB0109, exit 2 (also: coverage.required in qualitygate.json).",
        };
        var baseRef = new Option<string>("--base") { Description = "Base branch for new code, e.g. origin/main." };
        var config = new Option<string>("--config") { Description = "Configuration file (default: qualitygate.json at the repository root)." };
        var json = new Option<string>("--json") { Description = "Write the result JSON to this file ('-' for standard output)." };
        var markdown = new Option<string>("--markdown") { Description = "Write a Markdown summary to this file ('-' for standard output)." };
        var sarif = new Option<string[]>("--sarif")
        {
            Description = "The compiler's SARIF error log (-p:ErrorLog=build.sarif%2Cversion=2.1) for analyzers.new; repeat for one log per project.",
            AllowMultipleArgumentsPerToken = true,
        };
        var coverageReport = new Option<string>("--coverage-report") { Description = "Write the merged Cobertura and coverage HTML (ReportGenerator) to this folder." };
        var report = new Option<string>("--report") { Description = "Also write report.html, report.md, the result JSON and the coverage HTML to this folder." };
        var output = new Option<string>("--output") { Description = $"Folder for the report (default: {GateDefaults.ReportDirectory} at the repository root)." };
        var result = new Option<string>("--result") { Description = "Render this result JSON (from 'check --json') instead of running the check." };
        var history = new Option<string>("--history") { Description = $"Trend history to draw (default: trend.file of the config, {GateDefaults.TrendFile})." };
        var jsonOut = new Option<string>("--json") { Description = "Print JSON instead of text (to a file when one is given).", Arity = ArgumentArity.ZeroOrOne };

        // An empty path ("--output ''", an unset variable in a script) would mean the current folder: refused instead.
        foreach ((Option option, string what) in new (Option, string)[]
        {
            (repo, "a path"), (baseRef, "a path"), (config, "a path"), (json, "a path"), (markdown, "a path"), (coverageReport, "a path"),
            (report, "a path"), (output, "a path"), (result, "a path"), (history, "a path"), (jsonOut, "a path"),
            (coverage, "a file or glob"), (sarif, "a file or glob"),
        })
        {
            option.Validators.Add(given =>
            {
                if (given.Tokens.Any(t => t.Value.Trim().Length == 0))
                {
                    given.AddError($"{given.Option.Name} was given an empty value: give {what} (an unset variable in a script gives an empty one).");
                }
            });
        }

        var check = new Command("check", "Evaluate the quality gate: exit 0 passed (or not evaluated: no coverage data), 1 failed, 2 input error.")
        {
            repo, coverage, allCoverage, requireCoverage, baseRef, config, json, markdown, sarif, coverageReport, report,
        };
        check.Validators.Add(command =>
        {
            // One file for both outputs: the second would silently replace the first.
            string? jsonPath = command.GetValue(json);
            string? markdownPath = command.GetValue(markdown);
            if (jsonPath is not null && markdownPath is not null && jsonPath != "-" && jsonPath.Trim().Length > 0 && markdownPath.Trim().Length > 0 &&
                string.Equals(Full(context, jsonPath), Full(context, markdownPath), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                command.AddError($"--json and --markdown name the same file '{jsonPath}': give each its own.");
            }
        });
        check.SetAction(parse =>
        {
            string? reportDirectory = Full(context, parse.GetValue(report));
            EngineOptions options = Options(context, parse, repo, coverage, baseRef, config, sarif, coverageReport, allCoverage, requireCoverage);
            RequireRepository(context, parse, repo, "check");
            // The whole report, coverage HTML included, is written beside the folder and moved in as a set (bad input
            // is found first, so it creates no folder).
            Engine.Root(options);
            using StagedFolder? staged = reportDirectory is null ? null : Stage(reportDirectory);
            if (staged is not null && options.CoverageReportDirectory is null)
            {
                options = options with { CoverageReportDirectory = Path.Combine(staged.StagingPath, ReportCoverageFolder) };
            }

            return Check(context, options, parse.GetValue(json), parse.GetValue(markdown), staged);
        });

        var reportCommand = new Command("report", "Write the tech lead's report (HTML and Markdown): runs the check, or renders --result.")
        {
            repo, coverage, allCoverage, requireCoverage, baseRef, config, sarif, output, result, history,
        };
        reportCommand.SetAction(parse =>
        {
            EngineOptions options = Options(context, parse, repo, coverage, baseRef, config, sarif, null, allCoverage, requireCoverage);
            if (parse.GetValue(result) is null)
            {
                RequireRepository(context, parse, repo, "report");
            }

            return Report(context, options, parse.GetValue(output), parse.GetValue(result), parse.GetValue(history));
        });

        var reviews = new Command("reviews", "Review evidence of the landings in the review window.") { repo, baseRef, config, jsonOut };
        reviews.SetAction(parse =>
        {
            EngineOptions options = Options(context, parse, repo, null, baseRef, config, null, null);
            var summary = context.EngineFactory().Reviews(options, out IReadOnlyList<string> notes, Progress(context));
            return Emit(context, parse, jsonOut, () => ResultJsonWriter.WriteReviews(summary, notes: notes), () => ConsoleText.Reviews(summary, notes));
        });

        var hotspots = new Command("hotspots", "Files ranked by change frequency x complexity (x missing coverage).") { repo, coverage, allCoverage, config, jsonOut };
        hotspots.SetAction(parse =>
        {
            EngineOptions options = Options(context, parse, repo, coverage, null, config, null, null, allCoverage);
            IReadOnlyList<Hotspot> list = context.EngineFactory().Hotspots(options, out IReadOnlyList<string> notes, Progress(context));
            return Emit(context, parse, jsonOut, () => ResultJsonWriter.WriteHotspots(list, notes), () => ConsoleText.Hotspots(list, notes));
        });

        var baseline = new Command("baseline", "Write or update qualitygate.baseline.json with the current figures (commit it).") { repo, coverage, allCoverage, requireCoverage, baseRef, config, sarif };
        baseline.SetAction(parse =>
        {
            EngineOptions options = Options(context, parse, repo, coverage, baseRef, config, sarif, null, allCoverage, requireCoverage);
            RequireRepository(context, parse, repo, "baseline");
            BaselineWritten result = context.EngineFactory().WriteBaseline(options, Progress(context));
            (string path, Baseline written) = result;
            if (result.ReplacedUnreadable is not null)
            {
                context.Out.WriteLine($"Replaced an unreadable baseline: {result.ReplacedUnreadable}");
            }

            context.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "Baseline written to {0}: line coverage {1}, branch coverage {2}, {3} hotspot(s){4}.",
                path, ConsoleText.Rate(written.LineRate), ConsoleText.Rate(written.BranchRate), written.Hotspots.Count,
                written.Analyzers is null ? string.Empty : string.Format(CultureInfo.InvariantCulture, ", {0} analyzer finding(s)", written.Analyzers.Values.Sum(r => r.Values.Sum()))));
            return Passed;
        });

        var coverageOnly = new Command("coverage", "Merge Cobertura files and print the line and branch rates (no git needed).") { repo, coverage, allCoverage, config, jsonOut };
        coverageOnly.SetAction(parse =>
        {
            EngineOptions options = Options(context, parse, repo, coverage, null, config, null, null, allCoverage);
            Core.Coverage.CoverageReport? report = Engine.Coverage(options, out IReadOnlyList<string> notes);
            return Emit(context, parse, jsonOut, () => ResultJsonWriter.WriteCoverage(report), () => ConsoleText.Coverage(report, notes));
        });

        return new RootCommand("QualityGates: coverage, code-review evidence from git history and debt hotspots in one verdict.")
        {
            check, reviews, hotspots, baseline, coverageOnly, reportCommand,
        };
    }

    private static int Check(CliContext context, EngineOptions options, string? jsonPath, string? markdownPath, StagedFolder? report)
    {
        if (jsonPath == "-" && markdownPath == "-")
        {
            throw new QualityGateException(QgbCodes.UsageError, "--json - and --markdown - both ask for standard output: write one of them to a file.");
        }

        IProgress<string>? progress = Progress(context);
        EngineResult result = context.EngineFactory().Check(WithTrendSwitch(context, options), progress);
        progress?.Report("Writing the result");
        string? jsonFile = jsonPath is null or "-" ? null : Path.GetFullPath(jsonPath, context.CurrentDirectory);
        if (jsonFile is not null)
        {
            // The coverage HTML is written into the report's staging folder and moved in later: link where it will be.
            GateResult linked = report is not null && result.Gate.CoverageHtmlReport is string staged
                ? result.Gate with { CoverageHtmlReport = report.Unstaged(staged) }
                : result.Gate;
            AtomicFile.WriteAllText(jsonFile, ResultJsonWriter.Write(linked, Path.GetDirectoryName(jsonFile)));
        }

        // '-' puts that output alone on standard output, instead of the console text, so it can be piped.
        if (jsonPath == "-")
        {
            context.Out.Write(ResultJsonWriter.Write(result.Gate));
        }
        else if (markdownPath == "-")
        {
            context.Out.Write(MarkdownSummaryWriter.Write(result.Gate));
        }
        else
        {
            context.Out.Write(ConsoleText.Gate(result.Gate));
        }

        if (markdownPath is not null and not "-")
        {
            AtomicFile.WriteAllText(Path.GetFullPath(markdownPath, context.CurrentDirectory), MarkdownSummaryWriter.Write(result.Gate));
        }

        int exit = result.Gate.Passed ? Passed : Failed;
        if (report is not null)
        {
            // With the JSON on standard output the report's log goes to stderr, keeping stdout parseable.
            int written = WriteReport(context, result, report, Engine.TrendPath(result.RepositoryRoot, options, result.Config), new ReportLog(jsonPath == "-" || markdownPath == "-" ? context.Error : context.Out, context.Error));
            exit = written != Passed ? written : exit;
        }

        progress?.Report("Done");
        return AfterRun(context, result, exit);
    }

    /// <summary>
    /// Required coverage that was missing (QGB0109) and a trend record that could not be appended (QGB0605) are reported
    /// after the verdict and the files asked for, which stand; exit 2 wins, as for a report that could not be written.
    /// </summary>
    private static int AfterRun(CliContext context, EngineResult result, int exit)
    {
        if (result.CoverageError is QualityGateException missing)
        {
            // Required coverage that was not there (QGB0109): the verdict and the files asked for stand, exit 2 wins.
            context.Error.WriteLine($"error {missing.Code}: {ConsoleText.Clean(missing.Message)}");
            context.Error.WriteLine($"The gate {Word(result.Gate.Verdict)} (verdict above); coverage is required, and this run had none.");
            return InputError;
        }

        if (result.TrendError is not QualityGateException error)
        {
            return exit;
        }

        context.Error.WriteLine($"error {error.Code}: {ConsoleText.Clean(error.Message)}");
        context.Error.WriteLine($"The gate {Word(result.Gate.Verdict)} (verdict above); this run was not recorded in the trend history.");
        return InputError;
    }

    private static string Word(GateVerdict verdict) => verdict switch
    {
        GateVerdict.Failed => "failed",
        GateVerdict.NotEvaluated => "was not evaluated",
        _ => "passed",
    };

    /// <summary>
    /// qualitygate report: with --result only renders (exit 0, or 2 for bad input); otherwise runs the check, writes
    /// everything into the folder and exits with the gate's code.
    /// </summary>
    private static int Report(CliContext context, EngineOptions options, string? outputPath, string? resultPath, string? historyPath)
    {
        string root = Engine.Root(options);
        // --output is the caller's choice; the default folder is the repository's, so a committed link (artifacts ->
        // /elsewhere) must not lead the report out of it.
        string outputDirectory = Full(context, outputPath) ?? RepositoryPaths.ConfinedFile(root, GateDefaults.ReportDirectory,
            "The report folder", "Pass the folder with --output.", QgbCodes.OutputOutsideRepository);
        // --history names a history to draw: given explicitly, it must be a file (a typo or a folder would draw an empty
        // trend without a word). The check still records its run in the repository's own trend file.
        string? drawnHistory = Full(context, historyPath);
        if (drawnHistory is not null && !File.Exists(drawnHistory))
        {
            throw new ReportInputException(ReportCodes.HistoryNotReadable,
                $"trend history '{drawnHistory}' {(Directory.Exists(drawnHistory) ? "is a folder" : "does not exist")}: pass a history file (trend.file of qualitygate.json, {GateDefaults.TrendFile} by default), or leave out --history");
        }

        if (resultPath is not null)
        {
            if (options.CoveragePatterns is not null || options.AllCoverageRuns || options.RequireCoverage || options.SarifPaths is not null || options.BaseRef is not null)
            {
                throw new QualityGateException(QgbCodes.UsageError,
                    "--result renders an existing result: --coverage, --all-coverage, --require-coverage, --sarif and --base belong to a check. Leave out --result to run the check.");
            }

            string? history = drawnHistory ?? DefaultTrendPath(root, options);
            return ReportCommand.Run(Full(context, resultPath)!, history, outputDirectory, new ReportLog(context.Out, context.Error)) == ReportCommand.ExitOk ? Passed : InputError;
        }

        using StagedFolder staged = Stage(outputDirectory);
        options = options with { CoverageReportDirectory = Path.Combine(staged.StagingPath, ReportCoverageFolder) };
        EngineResult result = context.EngineFactory().Check(WithTrendSwitch(context, options), Progress(context));
        context.Out.Write(ConsoleText.Gate(result.Gate));
        int written = WriteReport(context, result, staged, drawnHistory ?? Engine.TrendPath(result.RepositoryRoot, options, result.Config), new ReportLog(context.Out, context.Error));
        return AfterRun(context, result, written != Passed ? written : result.Gate.Passed ? Passed : Failed);
    }

    /// <summary>
    /// The result JSON, report.html and report.md of a finished check (beside the coverage HTML the check staged), moved
    /// into the report folder as one set. When that fails the verdict was printed already and still stands; exit 2 wins,
    /// so a CI step never passes without the report it asked for.
    /// </summary>
    private static int WriteReport(CliContext context, EngineResult result, StagedFolder report, string? history, TextWriter log)
    {
        string resultFile = Path.Combine(report.StagingPath, ReportResultFile);
        AtomicFile.WriteAllText(resultFile, ResultJsonWriter.Write(result.Gate, report.StagingPath));
        if (ReportCommand.Run(resultFile, history, report.Target, log, report) == ReportCommand.ExitOk)
        {
            return Passed;
        }

        context.Error.WriteLine($"The gate {Word(result.Gate.Verdict)} (verdict above); the report was not written to '{report.Target}'.");
        return InputError;
    }

    /// <summary>The staged report folder; a folder that cannot even be staged is QGB0604, like one that cannot be written.</summary>
    private static StagedFolder Stage(string outputDirectory)
    {
        try
        {
            return StagedFolder.Create(outputDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ReportInputException(ReportCodes.ReportNotWritable, $"the report could not be written to '{outputDirectory}' ({ex.Message}): pass a writable output folder");
        }
    }

    /// <summary>Render-only has no check: the trend history is the config's (when the config can be read).</summary>
    private static string? DefaultTrendPath(string root, EngineOptions options) =>
        Engine.TrendPath(root, options, ConfigLoader.Load(root, options.ConfigPath));

    /// <summary>QUALITYGATE_RECORD_TREND=true/false overrides the main-branch rule (CI checks out a detached HEAD).</summary>
    private static EngineOptions WithTrendSwitch(CliContext context, EngineOptions options)
    {
        string? value = context.GetEnvironmentVariable?.Invoke(GateDefaults.RecordTrendVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return options;
        }

        // Only the two documented words (in any case, as MSBuild reads booleans): "1", "yes" or " true" recorded a trend
        // the docs said they would refuse, and another tool's reading of the same variable could differ.
        return value.ToLowerInvariant() switch
        {
            "true" => options with { RecordTrend = true },
            "false" => options with { RecordTrend = false },
            _ => throw new QualityGateException(QgbCodes.UsageError, $"{GateDefaults.RecordTrendVariable} is '{value}': set it to true or false."),
        };
    }

    /// <summary>
    /// A verdict (check, report, baseline) is asked of a repository: without --repo, outside any git working tree, the
    /// current folder is not one (QGB0008). From a folder above several clones, its globs would merge their coverage into
    /// one verdict with no history to judge. --repo DIR judges a folder without git on purpose (the build does so).
    /// </summary>
    private static void RequireRepository(CliContext context, ParseResult parse, Option<string> repo, string command)
    {
        string current = RepositoryPaths.FullRoot(context.CurrentDirectory);

        // Inside a bare repository the root check says what is wrong more exactly (QGB0002).
        if (parse.GetResult(repo) is { Implicit: false } || RepositoryPaths.WorkTreeRoot(current) is not null || RepositoryPaths.BareRepositoryAt(current) is not null)
        {
            return;
        }

        throw new QualityGateException(QgbCodes.NotInRepository,
            $"'{current}' is not in a git repository: run 'qualitygate {command}' in the working tree of the " +
            "repository to judge (its history gives the review, hotspot and new-code figures), or pass --repo DIR to judge a folder without git history.");
    }

    private static string? Full(CliContext context, string? path) => path is null ? null : Path.GetFullPath(path, context.CurrentDirectory);

    private static int Emit(CliContext context, ParseResult parse, Option<string> jsonOption, Func<string> json, Func<string> text)
    {
        if (parse.GetResult(jsonOption) is null)
        {
            context.Out.Write(text());
            return Passed;
        }

        string? file = parse.GetValue(jsonOption);
        if (file is null or "-")
        {
            context.Out.Write(json());
        }
        else
        {
            AtomicFile.WriteAllText(Path.GetFullPath(file, context.CurrentDirectory), json());
        }

        return Passed;
    }

    /// <summary>" Did you mean 'check'?" when the unknown first word is one letter or two away from a command; empty otherwise.</summary>
    private static string Suggestion(RootCommand root, ParseResult parse, string error)
    {
        if (parse.UnmatchedTokens.Count == 0 || parse.CommandResult.Command != root || !error.Contains("'" + parse.UnmatchedTokens[0] + "'", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        return Spelling.Suggest(parse.UnmatchedTokens[0], root.Subcommands.Select(c => c.Name)) is string nearest ? $" Did you mean '{nearest}'?" : string.Empty;
    }

    private static EngineOptions Options(
        CliContext context, ParseResult parse, Option<string> repo, Option<string[]>? coverage, Option<string>? baseRef, Option<string> config, Option<string[]>? sarif, Option<string>? coverageReport,
        Option<bool>? allCoverage = null, Option<bool>? requireCoverage = null)
    {
        string? Full(Option<string>? option) => option is null || parse.GetValue(option) is not string value ? null : Path.GetFullPath(value, context.CurrentDirectory);
        string[]? patterns = coverage is null ? null : parse.GetValue(coverage);
        return new EngineOptions
        {
            // Like git (and git -C DIR): from a subfolder, or an explicit --repo of a subfolder or of the .git folder, the
            // repository is the working tree above it, so the config, the history's paths, the hotspots and the outputs
            // are the root's (never a subfolder's, never inside .git).
            RepositoryRoot = RepositoryPaths.Resolve(parse.GetResult(repo) is { Implicit: false } ? Full(repo)! : context.CurrentDirectory),
            CoveragePatterns = patterns is { Length: > 0 } ? patterns : null,
            AllCoverageRuns = allCoverage is not null && parse.GetValue(allCoverage),
            RequireCoverage = requireCoverage is not null && parse.GetValue(requireCoverage),
            CoverageBaseDirectory = context.CurrentDirectory,
            BaseRef = baseRef is null ? null : parse.GetValue(baseRef),
            ConfigPath = Full(config),
            SarifPaths = sarif is null || parse.GetValue(sarif) is not { Length: > 0 } logs ? null : logs.Select(l => Path.GetFullPath(l, context.CurrentDirectory)).ToArray(),
            CoverageReportDirectory = Full(coverageReport),
            CacheDirectory = DefaultCacheDirectory(context.GetEnvironmentVariable ?? Environment.GetEnvironmentVariable),
            Now = context.Now,
            PullRequestBuild = context.GetEnvironmentVariable is { } environment && PreMergeCommit.IsPullRequestBuild(environment),
        };
    }

    /// <summary>Environment variable naming the history cache folder; "off" disables the cache.</summary>
    internal const string CacheVariable = "QUALITYGATE_CACHE_DIR";

    /// <summary>
    /// Per-commit history results are cached by SHA (commits never change) in the user's cache folder, so a run with
    /// nothing new reads no diffs: QUALITYGATE_CACHE_DIR, else $XDG_CACHE_HOME/qualitygates, else ~/.cache/qualitygates
    /// (%LOCALAPPDATA%\qualitygates on Windows).
    /// </summary>
    internal static string? DefaultCacheDirectory(Func<string, string?> environment)
    {
        string? configured = environment(CacheVariable);
        if (string.Equals(configured, "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        string? xdg = environment("XDG_CACHE_HOME");
        string baseDirectory = !string.IsNullOrWhiteSpace(xdg) ? xdg
            : OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return string.IsNullOrEmpty(baseDirectory) ? null : Path.Combine(baseDirectory, "qualitygates");
    }

    /// <summary>Environment variable that prints each step with the time since process start (profiling).</summary>
    internal const string TraceVariable = "QUALITYGATE_TRACE";

    private static IProgress<string>? Progress(CliContext context)
    {
        if (context.GetEnvironmentVariable?.Invoke(TraceVariable) is "1" or "true")
        {
            return new TraceProgress(context.Error);
        }

        return context.ShowProgress ? new TerminalProgress(context.Error) : null;
    }

    /// <summary>Steps with the milliseconds since the process started (runtime start-up included) and the CPU time so far.</summary>
    private sealed class TraceProgress(TextWriter writer) : IProgress<string>
    {
        private static readonly DateTime Started = System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime();

        public void Report(string value) =>
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  [{(DateTime.UtcNow - Started).TotalMilliseconds:F0} ms, cpu {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0} ms] {value}"));
    }

    /// <summary>Synchronous (Progress&lt;T&gt; would post to the thread pool and print after the result).</summary>
    private sealed class TerminalProgress(TextWriter writer) : IProgress<string>
    {
        public void Report(string value) => writer.WriteLine("  " + value + "...");
    }

    /// <summary>The report's log: "error ..." and "warning ..." lines to stderr like every other message, the rest to the output.</summary>
    private sealed class ReportLog(TextWriter output, TextWriter error) : TextWriter
    {
        private readonly System.Text.StringBuilder line = new();

        public override System.Text.Encoding Encoding => output.Encoding;

        public override void Write(char value)
        {
            if (value == '\r')
            {
                return;
            }

            if (value != '\n')
            {
                line.Append(value);
                return;
            }

            string text = line.ToString();
            line.Clear();
            (text.StartsWith("error ", StringComparison.Ordinal) || text.StartsWith("warning ", StringComparison.Ordinal) ? error : output).WriteLine(text);
        }
    }
}
