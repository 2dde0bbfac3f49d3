using System.Globalization;
using QualityGates.Core.Config;
using QualityGates.Core.Coverage;
using QualityGates.Core.History;
using QualityGates.Core.Hotspots;

namespace QualityGates.Core.Gate;

/// <summary>Judges every condition of the configuration against the inputs. Pure: no I/O, no clock.</summary>
public static class GateEvaluator
{
    // Rates computed from counts may land a hair below a level written as a decimal (0.8 vs 0.79999999).
    private const double Tolerance = 1e-9;
    private const int MaxNamedItems = 3;

    public static GateResult Evaluate(GateConfig config, GateInputs inputs)
    {
        NewCode? newCode = inputs.History?.NewCode;
        CoverageFigures newFigures = inputs.Coverage is not null && newCode is not null
            ? inputs.Coverage.ForLines(newCode.ChangedLines)
            : CoverageFigures.None;
        var conditions = new List<ConditionResult>();
        foreach (string id in ConditionIds.All)
        {
            ConditionSettings settings = config.Condition(id);
            conditions.Add(settings.Enabled
                ? Evaluate(id, settings, config, inputs, newFigures)
                : new ConditionResult(id, ConditionStatus.Skipped, null, settings.Fail ?? settings.Warn, $"{id} is disabled in {GateDefaults.ConfigFileName}."));
        }

        var notes = new List<string>();
        notes.AddRange(inputs.Coverage?.Notes ?? Array.Empty<string>());
        notes.AddRange(inputs.History?.Info.Notes ?? Array.Empty<string>());
        notes.AddRange(inputs.Analyzers?.Notes ?? Array.Empty<string>());
        string? noCoverage = NoCoverage(inputs.Coverage);
        return new GateResult(conditions.All(c => c.Status != ConditionStatus.Failed), conditions, inputs, newFigures, config.ReviewWindowDays, notes)
        {
            NoCoverage = noCoverage,
            NotEvaluated = noCoverage is null ? Array.Empty<string>() : ConditionIds.Coverage.Where(id => config.Condition(id).Enabled).ToList(),
        };
    }

    /// <summary>
    /// Why there is no coverage data at all, or null: no file was found, or the files found name no coverable line of
    /// this repository (all outside it, from another checkout, or generated). Their no-data policy decides the statuses;
    /// the verdict says they were not evaluated.
    /// </summary>
    private static string? NoCoverage(CoverageReport? coverage) => coverage switch
    {
        null => "no coverage file was found",
        { Totals.CoverableLines: 0 } => string.Format(CultureInfo.InvariantCulture,
            "the {0} coverage {1} found {2} no coverable line of this repository", coverage.Inputs.Count,
            coverage.Inputs.Count == 1 ? "file" : "files", coverage.Inputs.Count == 1 ? "has" : "have"),
        _ => null,
    };

    private static ConditionResult Evaluate(string id, ConditionSettings s, GateConfig config, GateInputs inputs, CoverageFigures newFigures) => id switch
    {
        ConditionIds.CoverageLine => OverallCoverage(id, s, inputs, "Line", r => r.Totals.LineRate, inputs.Baseline?.LineRate),
        ConditionIds.CoverageBranch => OverallCoverage(id, s, inputs, "Branch", r => r.Totals.BranchRate, inputs.Baseline?.BranchRate),
        ConditionIds.CoverageNewCode => NewCodeCoverage(id, s, inputs, newFigures),
        ConditionIds.CoverageCritical => CriticalCoverage(id, s, inputs),
        ConditionIds.ReviewsCoverage => Review(id, s, inputs, r => (r.HumanLandings, r.ReviewCoverage), "human landings", "Review coverage", config.ReviewWindowDays),
        ConditionIds.ReviewsPassRate => Review(id, s, inputs, r => (r.Reviewed, r.PassRate), "reviewed landings", "Review pass rate", config.ReviewWindowDays),
        ConditionIds.ReviewsFirstPassRate => Review(id, s, inputs, r => (r.PullRequests, r.FirstPassRate), "merged pull requests", "First-pass rate", config.ReviewWindowDays),
        ConditionIds.HotspotsNew => NewHotspots(id, s, inputs),
        ConditionIds.HotspotsGrowth => HotspotGrowth(id, s, inputs),
        ConditionIds.ComplexityNewCode => NewCodeComplexity(id, s, inputs),
        ConditionIds.AnalyzersNew => NewFindings(id, s, inputs),
        _ => throw new InvalidOperationException("Unknown condition " + id),
    };

    private static ConditionResult OverallCoverage(string id, ConditionSettings s, GateInputs inputs, string what, Func<CoverageReport, double?> rate, double? baseline)
    {
        if (inputs.Coverage is null)
        {
            return NoData(id, s, $"{what} coverage is unknown: no coverage file was found.");
        }

        if (rate(inputs.Coverage) is not double actual)
        {
            return NoData(id, s, $"{what} coverage is unknown: the coverage files have no {what.ToLowerInvariant()} to measure in this repository.");
        }

        if (baseline is double accepted && s.MaxDrop is double drop && actual < accepted - drop - Tolerance)
        {
            return new ConditionResult(id, ConditionStatus.Failed, actual, accepted - drop,
                $"{what} coverage dropped from {Pct(accepted)} (baseline) to {Pct(actual)}, more than the allowed {Points(drop)}.");
        }

        (ConditionStatus status, double? threshold) = Judge(actual, s, ConditionKind.MinimumRate);
        return new ConditionResult(id, status, actual, threshold, RateSentence($"{what} coverage", actual, status, threshold));
    }

    private static ConditionResult NewCodeCoverage(string id, ConditionSettings s, GateInputs inputs, CoverageFigures figures)
    {
        if (inputs.Coverage is null)
        {
            return NoData(id, s, "New-code coverage is unknown: no coverage file was found.");
        }

        NewCode? newCode = inputs.History?.NewCode;
        if (newCode is null || (newCode.MergeBase is null && newCode.ChangedLines.Count == 0))
        {
            return NoData(id, s, "New-code coverage is unknown: no merge-base with the base branch was found (set baseBranch or --base, and fetch enough history).");
        }

        int minLines = s.MinLines ?? 0;
        if (figures.CoverableLines < minLines || figures.LineRate is null)
        {
            return figures.LineRate is null && minLines == 0
                ? NoData(id, s, "New-code coverage is unknown: no new or changed line is coverable.")
                : new ConditionResult(id, ConditionStatus.Skipped, figures.LineRate, s.Fail,
                    string.Format(CultureInfo.InvariantCulture, "Only {0} new coverable line(s), fewer than the {1} needed to judge new-code coverage.", figures.CoverableLines, minLines));
        }

        double actual = figures.LineRate.Value;
        (ConditionStatus status, double? threshold) = Judge(actual, s, ConditionKind.MinimumRate);
        (string? file, int? line) = status is ConditionStatus.Failed or ConditionStatus.Warning ? FirstUncovered(inputs.Coverage, newCode) : (null, null);
        string message = string.Format(CultureInfo.InvariantCulture, "{0} ({1} of {2} new coverable lines covered).",
            RateSentence("New-code coverage", actual, status, threshold).TrimEnd('.'), figures.CoveredLines, figures.CoverableLines);
        return new ConditionResult(id, status, actual, threshold, message, file, line);
    }

    private static ConditionResult CriticalCoverage(string id, ConditionSettings s, GateInputs inputs)
    {
        if (inputs.Coverage is null)
        {
            return NoData(id, s, "Coverage of pricing and underwriting code is unknown: no coverage file was found.");
        }

        CoverageFigures figures = inputs.Coverage.ForFiles(inputs.CriticalFiles);
        // A pricing file no test project loads has no line in any report: it cannot be rated, but it must not vanish.
        string[] unmeasured = inputs.CriticalFiles.Where(p => !inputs.Coverage.Files.ContainsKey(p)).Order(StringComparer.Ordinal).ToArray();
        if (figures.LineRate is not double lineRate)
        {
            return NoData(id, s, inputs.CriticalFiles.Count == 0
                ? "No pricing or underwriting file was found, so there is no critical coverage to judge."
                : "No pricing or underwriting file has coverage data." + Unmeasured(unmeasured, inputs.CriticalFiles.Count));
        }

        (ConditionStatus lineStatus, double? lineThreshold) = Judge(lineRate, s, ConditionKind.MinimumRate);
        ConditionStatus branchStatus = ConditionStatus.Passed;
        double? branchThreshold = null;
        if (figures.BranchRate is double branchRate)
        {
            (branchStatus, branchThreshold) = Judge(branchRate, new ConditionSettings { Fail = s.BranchFail, Warn = s.BranchWarn }, ConditionKind.MinimumRate);
        }

        ConditionStatus status = Worse(lineStatus, branchStatus);
        int measured = inputs.CriticalFiles.Count(inputs.Coverage.Files.ContainsKey);
        string message = string.Format(CultureInfo.InvariantCulture, "Pricing and underwriting code ({0}): line coverage {1}, branch coverage {2}{3}.{4}",
            Files(measured),
            Pct(lineRate),
            figures.BranchRate is double b ? Pct(b) : "unknown",
            status switch
            {
                ConditionStatus.Failed => "; below the required " + Requirement(lineStatus, lineThreshold, branchStatus, branchThreshold, ConditionStatus.Failed),
                ConditionStatus.Warning => "; below the target " + Requirement(lineStatus, lineThreshold, branchStatus, branchThreshold, ConditionStatus.Warning),
                _ => string.Empty,
            },
            Unmeasured(unmeasured, inputs.CriticalFiles.Count));
        string? worst = status == ConditionStatus.Passed
            ? null
            : inputs.CriticalFiles.Where(inputs.Coverage.Files.ContainsKey)
                .OrderBy(p => inputs.Coverage.Files[p].Figures.LineRate ?? 1).ThenBy(p => p, StringComparer.Ordinal).FirstOrDefault();
        return new ConditionResult(id, status, lineRate, lineStatus == ConditionStatus.Passed && branchStatus != ConditionStatus.Passed ? branchThreshold : lineThreshold, message, worst);
    }

    /// <summary>The sentence that names the critical files no report covers ("more" when others were measured); empty when none.</summary>
    private static string Unmeasured(string[] unmeasured, int critical) => unmeasured.Length == 0
        ? string.Empty
        : string.Format(CultureInfo.InvariantCulture, " {0}{1} no coverage data at all, so no test project loads {2} (first: {3}).",
            unmeasured.Length == 1 ? "1 " : unmeasured.Length.ToString(CultureInfo.InvariantCulture) + " ",
            (unmeasured.Length < critical ? "more " : string.Empty) + (unmeasured.Length == 1 ? "file has" : "files have"),
            unmeasured.Length == 1 ? "it" : "them",
            unmeasured[0]);

    private static string Files(int count) => count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " file" : " files");

    private static string Requirement(ConditionStatus line, double? lineLevel, ConditionStatus branch, double? branchLevel, ConditionStatus level)
    {
        var parts = new List<string>();
        if (line == level)
        {
            parts.Add(Pct(lineLevel!.Value) + " line");
        }

        if (branch == level)
        {
            parts.Add(Pct(branchLevel!.Value) + " branch");
        }

        return string.Join(" and ", parts);
    }

    private static ConditionResult Review(string id, ConditionSettings s, GateInputs inputs, Func<ReviewSummary, (int N, double? Rate)> pick, string unit, string what, int windowDays)
    {
        if (inputs.History is null)
        {
            return NoData(id, s, $"{what} is unknown: no git history was read.");
        }

        if (inputs.History.Reviews.TruncatedAt is DateTimeOffset truncatedAt)
        {
            return NoData(id, s, string.Format(CultureInfo.InvariantCulture,
                "{0} is not judged: the history of this shallow clone ends on {1:yyyy-MM-dd}, inside the {2}-day window (history truncated: fetch-depth 0 needed).",
                what, truncatedAt.UtcDateTime, windowDays));
        }

        (int n, double? rate) = pick(inputs.History.Reviews);
        int min = s.MinLandings ?? 1;
        if (n < min || rate is null)
        {
            return NoData(id, s, string.Format(CultureInfo.InvariantCulture,
                "Insufficient data for {0}: {1} {2} in the last {3} days, at least {4} needed.", what.ToLowerInvariant(), n, unit, windowDays, min));
        }

        (ConditionStatus status, double? threshold) = Judge(rate.Value, s, ConditionKind.MinimumRate);
        // product.md: every review rate comes with n and a Wilson 95 % interval (rate x n is the whole count of successes).
        string interval = Wilson.Interval((int)Math.Round(rate.Value * n), n) is (double low, double high)
            ? $", 95 % interval {Pct(low)}-{Pct(high)}"
            : string.Empty;
        return new ConditionResult(id, status, rate, threshold,
            string.Format(CultureInfo.InvariantCulture, "{0} (n = {1} {2} over {3} days{4}).", RateSentence(what, rate.Value, status, threshold).TrimEnd('.'), n, unit, windowDays, interval));
    }

    private static ConditionResult NewHotspots(string id, ConditionSettings s, GateInputs inputs)
    {
        if (inputs.Baseline is null)
        {
            return NoData(id, s, "No baseline to compare hotspots with: run 'qualitygate baseline' and commit the file.");
        }

        if (TruncatedHotspotWindow(inputs) is string truncated)
        {
            return NoData(id, s, "New hotspots are not judged: " + truncated);
        }

        var known = new HashSet<string>(inputs.Baseline.Hotspots.Select(h => h.Path), StringComparer.Ordinal);
        List<Hotspot> added = inputs.Hotspots.Where(h => !known.Contains(h.Path)).ToList();
        (ConditionStatus status, double? threshold) = Judge(added.Count, s, ConditionKind.MaximumCount);
        string message = added.Count == 0
            ? "No new hotspot since the baseline."
            : string.Format(CultureInfo.InvariantCulture, "{0} new hotspot(s) since the baseline: {1}.", added.Count, Names(added.Select(h => h.Path)));
        return new ConditionResult(id, status, added.Count, threshold, message, added.FirstOrDefault()?.Path);
    }

    private static ConditionResult HotspotGrowth(string id, ConditionSettings s, GateInputs inputs)
    {
        if (inputs.Baseline is null)
        {
            return NoData(id, s, "No baseline to compare hotspot complexity with: run 'qualitygate baseline' and commit the file.");
        }

        if (TruncatedHotspotWindow(inputs) is string truncated)
        {
            return NoData(id, s, "Hotspot growth is not judged: " + truncated);
        }

        var accepted = inputs.Baseline.Hotspots.ToDictionary(h => h.Path, h => h.Complexity, StringComparer.Ordinal);
        var growth = inputs.Hotspots
            .Where(h => accepted.ContainsKey(h.Path))
            .Select(h => (h.Path, Before: accepted[h.Path], After: h.Complexity, Growth: Growth(accepted[h.Path], h.Complexity)))
            .OrderByDescending(g => g.Growth).ThenBy(g => g.Path, StringComparer.Ordinal)
            .ToList();
        if (growth.Count == 0)
        {
            return NoData(id, s, "No hotspot of the baseline is still a hotspot, so there is no growth to measure.");
        }

        var top = growth[0];
        (ConditionStatus status, double? threshold) = Judge(top.Growth, s, ConditionKind.MaximumFraction);
        string message = top.Growth <= 0
            ? "No hotspot grew in complexity since the baseline."
            : string.Format(CultureInfo.InvariantCulture, "Complexity of {0} grew {1} since the baseline ({2} -> {3}){4}.",
                top.Path, Pct(top.Growth), top.Before, top.After, Limit(status, threshold, minimum: false));
        return new ConditionResult(id, status, top.Growth, threshold, message, status == ConditionStatus.Passed ? null : top.Path);
    }

    /// <summary>
    /// Relative complexity growth. A baseline of 0 (a file of records or constants) counts as 1, the least complexity a
    /// member has: growth from 0 is then the new complexity itself (0 -> 11 is 1100 %), never undefined or unmeasured.
    /// </summary>
    internal static double Growth(int before, int after) => (double)(after - before) / Math.Max(before, 1);

    private static ConditionResult NewCodeComplexity(string id, ConditionSettings s, GateInputs inputs)
    {
        NewCode? newCode = inputs.History?.NewCode;
        if (newCode is null || (newCode.MergeBase is null && newCode.ChangedLines.Count == 0))
        {
            return NoData(id, s, "New or changed methods are unknown: no merge-base with the base branch was found.");
        }

        var byPath = new Dictionary<string, Hotspot>(StringComparer.Ordinal);
        foreach (Hotspot file in inputs.Hotspots.Concat(inputs.ChangedFiles))
        {
            byPath[file.Path] = file;
        }

        int maxComplexity = s.MaxComplexity ?? GateDefaults.MaxMethodComplexity;
        double maxCrap = s.MaxCrap ?? GateDefaults.MaxMethodCrap;
        var offending = new List<(string Path, MethodMetrics Method)>();
        foreach ((string path, IReadOnlySet<int> lines) in newCode.ChangedLines.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!byPath.TryGetValue(path, out Hotspot? file))
            {
                continue;
            }

            foreach (MethodMetrics method in file.Methods.OrderBy(m => m.Line))
            {
                bool changed = lines.Any(l => l >= method.Line && l <= method.EndLine);
                if (changed && (method.Complexity > maxComplexity || method.Crap > maxCrap))
                {
                    offending.Add((path, method));
                }
            }
        }

        (ConditionStatus status, double? threshold) = Judge(offending.Count, s, ConditionKind.MaximumCount);
        string message = offending.Count == 0
            ? string.Format(CultureInfo.InvariantCulture, "No new or changed method is above complexity {0} or CRAP {1}.", maxComplexity, maxCrap)
            : string.Format(CultureInfo.InvariantCulture, "{0} new or changed method(s) above complexity {1} or CRAP {2}: {3}.",
                offending.Count, maxComplexity, maxCrap,
                Names(offending.Select(o => string.Format(CultureInfo.InvariantCulture, "{0} in {1} (CC {2}{3})",
                    o.Method.Name, o.Path, o.Method.Complexity, o.Method.Crap is double crap ? ", CRAP " + crap.ToString("0.#", CultureInfo.InvariantCulture) : string.Empty))));
        return new ConditionResult(id, status, offending.Count, threshold, message, offending.FirstOrDefault().Path, offending.Count > 0 ? offending[0].Method.Line : null);
    }

    private static ConditionResult NewFindings(string id, ConditionSettings s, GateInputs inputs)
    {
        if (inputs.Analyzers is null)
        {
            return NoData(id, s, "Not evaluated: no compiler SARIF log was given. Build with -p:ErrorLog=build.sarif%2Cversion=2.1 (the build passes each project's log), or give it to the CLI with --sarif.");
        }

        if (inputs.Baseline?.Analyzers is not { } accepted)
        {
            return NoData(id, s, "No analyzer baseline to compare with: run 'qualitygate baseline --sarif FILE' and commit the file.");
        }

        int added = 0;
        string? firstFile = null;
        foreach ((string path, IReadOnlyDictionary<string, int> rules) in inputs.Analyzers.Files)
        {
            foreach ((string rule, int count) in rules)
            {
                int before = accepted.TryGetValue(path, out IReadOnlyDictionary<string, int>? old) ? old.GetValueOrDefault(rule) : 0;
                if (count > before)
                {
                    added += count - before;
                    firstFile ??= path;
                }
            }
        }

        (ConditionStatus status, double? threshold) = Judge(added, s, ConditionKind.MaximumCount);
        string message = added == 0
            ? string.Format(CultureInfo.InvariantCulture, "No new QG analyzer finding since the baseline ({0} in total).", inputs.Analyzers.Total)
            : string.Format(CultureInfo.InvariantCulture, "{0} new QG analyzer finding(s) since the baseline, first in {1}.", added, firstFile);
        return new ConditionResult(id, status, added, threshold, message, firstFile);
    }

    /// <summary>The status of a value against the levels, and the level it was judged by.</summary>
    internal static (ConditionStatus Status, double? Threshold) Judge(double actual, ConditionSettings s, ConditionKind kind)
    {
        bool minimum = kind == ConditionKind.MinimumRate;
        bool Breaks(double level) => minimum ? actual < level - Tolerance : actual > level + Tolerance;
        if (s.Fail is double fail && Breaks(fail))
        {
            return (ConditionStatus.Failed, fail);
        }

        if (s.Warn is double warn && Breaks(warn))
        {
            return (ConditionStatus.Warning, warn);
        }

        return (ConditionStatus.Passed, s.Fail ?? s.Warn);
    }

    /// <summary>Why the hotspots cannot be compared (revisions miss part of the window), or null.</summary>
    private static string? TruncatedHotspotWindow(GateInputs inputs) =>
        inputs.History?.Info.HotspotWindowTruncatedAt is DateTimeOffset at
            ? string.Format(CultureInfo.InvariantCulture,
                "the history of this shallow clone ends on {0:yyyy-MM-dd}, inside the hotspot window, so revisions are undercounted (history truncated: fetch-depth 0 needed).",
                at.UtcDateTime)
            : null;

    private static ConditionResult NoData(string id, ConditionSettings s, string reason)
    {
        (ConditionStatus status, string effect) = s.NoData switch
        {
            NoDataPolicy.Fail => (ConditionStatus.Failed, " The no-data policy of this condition is \"fail\"."),
            NoDataPolicy.Warn => (ConditionStatus.Warning, " The no-data policy of this condition is \"warn\"."),
            _ => (ConditionStatus.NoData, string.Empty),
        };
        return new ConditionResult(id, status, null, s.Fail ?? s.Warn, reason + effect);
    }

    private static string RateSentence(string what, double actual, ConditionStatus status, double? threshold) =>
        $"{what} is {(status is ConditionStatus.Failed or ConditionStatus.Warning && threshold is double t ? PctBeside(actual, t) : Pct(actual))}{Limit(status, threshold, minimum: true)}.";

    /// <summary>
    /// The rate with as many decimals as it takes to differ from the threshold it missed: 1,999 of 2,000 lines is
    /// "99.95 %, below the target 100.0 %", not "100.0 %, below the target 100.0 %".
    /// </summary>
    internal static string PctBeside(double fraction, double threshold)
    {
        for (int decimals = 1; decimals <= 6; decimals++)
        {
            string format = "0." + new string('0', decimals);
            string shown = (fraction * 100).ToString(format, CultureInfo.InvariantCulture);
            if (shown != (threshold * 100).ToString(format, CultureInfo.InvariantCulture))
            {
                return shown + " %";
            }
        }

        return Pct(fraction);
    }

    private static string Limit(ConditionStatus status, double? threshold, bool minimum) => status switch
    {
        ConditionStatus.Failed => $", {(minimum ? "below the required" : "above the allowed")} {Pct(threshold!.Value)}",
        ConditionStatus.Warning => $", {(minimum ? "below the target" : "above the target")} {Pct(threshold!.Value)}",
        _ => threshold is double t ? $" ({(minimum ? "required at least" : "allowed at most")} {Pct(t)})" : string.Empty,
    };

    private static ConditionStatus Worse(ConditionStatus a, ConditionStatus b) =>
        a == ConditionStatus.Failed || b == ConditionStatus.Failed ? ConditionStatus.Failed
        : a == ConditionStatus.Warning || b == ConditionStatus.Warning ? ConditionStatus.Warning
        : ConditionStatus.Passed;

    private static (string? File, int? Line) FirstUncovered(CoverageReport coverage, NewCode newCode)
    {
        foreach ((string path, IReadOnlySet<int> lines) in newCode.ChangedLines.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (coverage.Files.TryGetValue(path, out FileCoverage? file))
            {
                foreach (int number in lines.OrderBy(l => l))
                {
                    if (file.TryGetLine(number, out LineCoverage line) && !line.Covered)
                    {
                        return (path, number);
                    }
                }
            }
        }

        return (null, null);
    }

    private static string Names(IEnumerable<string> items)
    {
        List<string> list = items.ToList();
        string shown = string.Join(", ", list.Take(MaxNamedItems));
        return list.Count > MaxNamedItems ? shown + string.Format(CultureInfo.InvariantCulture, " and {0} more", list.Count - MaxNamedItems) : shown;
    }

    internal static string Pct(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Points(double fraction) => (fraction * 100).ToString("0.0##", CultureInfo.InvariantCulture) + " point";
}
