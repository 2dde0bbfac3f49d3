#!/usr/bin/env python3
"""Paired csc rounds: the marginal cost of each analyzer package over a baseline, with its spread.

Usage: csc_rounds.py CSC WORKDIR ROUNDS BASELINE CONFIG [CONFIG ...]

Runs the compiler directly (no MSBuild, no compiler server) on WORKDIR/<config>.rsp, every configuration once per round
in a rotating order, and times each run (wall, and user + system CPU of the process). A round's configurations run back
to back, so a round-by-round difference against the baseline cancels the slow drift of a shared machine that makes the
best-of-N comparison swing by several per cent; the mean difference and its standard error over the rounds are the
figures. ReportAnalyzer's per-package time from each run is given alongside.
"""
import math
import os
import re
import resource
import subprocess
import sys
import time


def run(csc, workdir, config):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    with open(os.path.join(workdir, f"{config}.csc.log"), "w") as log:
        code = subprocess.call([csc, f"@{config}.rsp"], cwd=workdir, stdout=log, stderr=subprocess.STDOUT)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if code != 0:
        sys.exit(f"csc failed for {config} (exit {code}); see {workdir}/{config}.csc.log")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    packages = {}
    with open(os.path.join(workdir, f"{config}.csc.log")) as log:
        for line in log:
            # An analyzer that fails to load is only a warning to csc: the build would be measured without it.
            if "CS8034" in line:
                sys.exit(f"csc could not load an analyzer for {config}: {line.strip()}")
            m = re.match(r"\s+(<?[0-9.]+)\s+<?[0-9]+\s+([A-Za-z0-9_.]+), Version=", line)
            if m:
                packages[m.group(2)] = 0.0 if m.group(1).startswith("<") else float(m.group(1))
    return wall, cpu, packages


def mean_se(values):
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return mean, float("nan")
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    return mean, sd / math.sqrt(n)


def paired(runs, against):
    """Each round's difference against the same round's other build: (wall, cpu), each a mean with its standard error."""
    return (mean_se([a - b for (a, _, _), (b, _, _) in zip(runs, against)]),
            mean_se([a - b for (_, a, _), (_, b, _) in zip(runs, against)]))


def main():
    csc, workdir, rounds, baseline, configs = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5:]
    order = [baseline] + [c for c in configs if c != baseline]
    results = {c: [] for c in order}
    for r in range(rounds):
        # Rotate the order so that no configuration always runs first (a cold file cache) or last.
        k = r % len(order)
        for config in order[k:] + order[:k]:
            wall, cpu, packages = run(csc, workdir, config)
            results[config].append((wall, cpu, packages))
            shown = ", ".join(f"{p} {t:.2f} s" for p, t in sorted(packages.items()) if p in ("QualityGates.Analyzers", "Meziantou.Analyzer"))
            print(f"round {r + 1} {config:<11} {wall:7.2f} s wall {cpu:7.2f} s cpu  {shown}", flush=True)

    print(f"\nMean over {rounds} rounds (± standard error):")
    print(f"{'configuration':<12} {'wall (s)':>16} {'cpu (s)':>16} {'wall over ' + baseline:>22} {'cpu over ' + baseline:>22}")
    marginal = {}
    base_wall = mean_se([w for w, _, _ in results[baseline]])[0]
    base_cpu = mean_se([c for _, c, _ in results[baseline]])[0]
    for config in order:
        wall = mean_se([w for w, _, _ in results[config]])
        cpu = mean_se([c for _, c, _ in results[config]])
        dw, dc = paired(results[config], results[baseline])
        marginal[config] = (dw, dc)
        over = "" if config == baseline else f"{dw[0]:+7.2f} ± {dw[1]:.2f} ({dw[0] * 100 / base_wall:+.1f} %)"
        over_cpu = "" if config == baseline else f"{dc[0]:+7.2f} ± {dc[1]:.2f} ({dc[0] * 100 / base_cpu:+.1f} %)"
        print(f"{config:<12} {wall[0]:9.2f} ± {wall[1]:4.2f} {cpu[0]:9.2f} ± {cpu[1]:4.2f} {over:>22} {over_cpu:>22}")
    return marginal, results


if __name__ == "__main__":
    marginal, results = main()
    # The package comparison the bench asks for: what each package adds to the same build, ours against the peer's.
    if "ours" in marginal and "meziantou" in marginal:
        (ow, ows), (oc, ocs) = marginal["ours"]
        (mw, _), (mc, _) = marginal["meziantou"]
        if mw > 0 and mc > 0:
            # The spread of our own added cost dominates: ours is the small difference of two large, noisy times.
            print(f"\nOurs against Meziantou, as added build cost: wall {ow / mw:.2f} ({(ow - 2 * ows) / mw:.2f} to "
                  f"{(ow + 2 * ows) / mw:.2f} within two standard errors of ours), cpu {oc / mc:.2f} "
                  f"({(oc - 2 * ocs) / mc:.2f} to {(oc + 2 * ocs) / mc:.2f})")
        else:
            print("\nMeziantou added no measurable cost: no ratio")
        if "ours-before" in results:
            # A change of ours, paired within each round like everything else (BASELINE_DLL in analyzers.sh).
            dw, dc = paired(results["ours"], results["ours-before"])
            print(f"Ours against ours-before: wall {dw[0]:+.2f} ± {dw[1]:.2f} s, cpu {dc[0]:+.2f} ± {dc[1]:.2f} s")
        ours = [p.get("QualityGates.Analyzers", 0.0) for _, _, p in results["ours"]]
        mz = [p.get("Meziantou.Analyzer", 0.0) for _, _, p in results["meziantou"]]
        print(f"ReportAnalyzer package time, mean over the rounds: ours {sum(ours) / len(ours):.2f} s, "
              f"Meziantou {sum(mz) / len(mz):.2f} s ({sum(ours) / max(sum(mz), 1e-9):.2f})")
