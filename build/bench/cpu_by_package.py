#!/usr/bin/env python3
"""CPU samples of one compiler run by analyzer package, from `perf script -F tid,ip,sym,dso` output.

Usage: cpu_by_package.py PERF_SCRIPT_OUTPUT [FREQUENCY_HZ]

A sample belongs to a package when a frame of that package is on its stack; the innermost such frame decides when two
are (an analyzer calling into another's code does not happen here, but the rule is stated). It is CPU, not the wall
time ReportAnalyzer charges each callback, so time the thread spent waiting for a core, or stopped while another thread
collected garbage, is not counted; garbage collections and jitting that ran on the analyzer's own thread are, and are
shown. Work the compiler's driver does for an analyzer outside its callbacks (building contexts, walking operations for
operation actions) has no analyzer frame and counts as the compiler's.
"""
import collections
import re
import sys

PACKAGES = (("QualityGates.Analyzers", "QualityGates.Analyzers"), ("Meziantou.Analyzer", "Meziantou"),
            ("SDK (NetAnalyzers)", "NetAnalyzers"))
DSO = re.compile(r"\(([^()]*)\)\s*$")


def owner(stack):
    for frame in stack:  # leaf first
        for name, marker in PACKAGES:
            if marker in frame:
                return name
    return None


def main():
    path = sys.argv[1]
    hz = float(sys.argv[2]) if len(sys.argv) > 2 else 0
    totals = collections.Counter()
    kinds = collections.Counter()
    frames = collections.defaultdict(collections.Counter)
    samples = 0
    stack = []

    def flush():
        nonlocal samples
        if not stack:
            return
        samples += 1
        name = owner(stack) or "compiler and runtime"
        totals[name] += 1
        if name == "compiler and runtime":
            return
        dsos = [m.group(1).rsplit("/", 1)[-1] if m else "" for m in map(DSO.search, stack)]
        if "libclrjit.so" in dsos:
            kind = "jit"
        elif dsos[0] in ("libcoreclr.so", "libc.so.6", "[kernel.kallsyms]"):
            kind = "runtime (allocation, GC, helpers)"
        else:
            kind = "managed"
        kinds[(name, kind)] += 1
        marker = dict(PACKAGES)[name]
        innermost = next(f for f in stack if marker in f)
        frames[name][re.sub(r"^\s*[0-9a-f]+\s+", "", innermost).split("(")[0][:150]] += 1

    with open(path, errors="replace") as lines:
        for line in lines:
            if not line.strip():
                flush()
                stack = []
            elif line[0] in " \t":
                stack.append(line.strip())
            else:
                stack = []
    flush()

    unit = (lambda n: f"{n / hz:7.2f} s") if hz else (lambda n: f"{n:7d}")
    print(f"{samples} samples" + (f" at {hz:g} Hz" if hz else ""))
    for name, n in totals.most_common():
        print(f"  {name:<28} {unit(n)} {n * 100 / samples:5.1f} %")
    ours, peer = totals.get("QualityGates.Analyzers", 0), totals.get("Meziantou.Analyzer", 0)
    if ours and peer:
        print(f"  ours / Meziantou: {ours / peer:.2f}")
    for (name, kind), n in sorted(kinds.items()):
        print(f"  {name:<28} {kind:<34} {unit(n)}")
    print("\nQualityGates.Analyzers, innermost frame of the package (its own code and what it calls):")
    for frame, n in frames["QualityGates.Analyzers"].most_common(25):
        print(f"  {unit(n)}  {frame}")


if __name__ == "__main__":
    main()
