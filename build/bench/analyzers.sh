#!/usr/bin/env bash
# Analyzer overhead benchmark (issue: analyzers). Builds one generated project (>= 200,000 lines, half pricing-like)
# in the same run and prints wall times and analyzer times side by side:
#   none      : -p:RunAnalyzers=false
#   sdk       : the SDK's default analyzers
#   ours      : SDK defaults + QualityGates.Analyzers
#   meziantou : SDK defaults + Meziantou.Analyzer (a well-known peer)
#   both      : SDK defaults + ours + Meziantou, to compare the two analyzer times under the same machine load
#   probes    : SDK defaults + 32 rules that do nothing, registered the way ours are (one operation-block action each,
#               registered once per compilation, that returns unless the member lies in a pricing type): what the driver
#               charges a package of 32 rules before they do any work
# Runs are interleaved (each round builds every configuration once); the best wall time and the best CPU time (user +
# system of the whole process tree, no compiler server) per configuration count.
# Then the compiler alone in paired rounds (CSC_ROUNDS, default 6; see below), and AnalyzerProfile times ours and
# Meziantou, each in its own process, best of PROFILE_RUNS (default 6; steadier than a parallel build).
# Usage: build/bench/analyzers.sh [LINES] [RUNS]   (CSC_ROUNDS=6, PROFILE_RUNS=6, FLAWED_SHARE=0.1 and PRICING_SHARE=0.5
# by default: see gen_analyzer_project.py; BASELINE_DLL=path of an earlier QualityGates.Analyzers.dll adds it to the
# paired csc rounds; CSC_CONFIGS="none ours meziantou" by default, the configurations paired against the SDK defaults)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lines="${1:-200000}"
runs="${2:-2}"
flawed="${FLAWED_SHARE:-0.1}"
pricing="${PRICING_SHARE:-0.5}"
work="$(mktemp -d /tmp/qg-bench-analyzers.XXXXXX)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
configs="none sdk ours meziantou both probes"

dotnet build "$root/src/QualityGates.Analyzers/QualityGates.Analyzers.csproj" -c Release -nodeReuse:false -v:q >/dev/null
dotnet build "$root/build/bench/AnalyzerProfile/AnalyzerProfile.csproj" -c Release -nodeReuse:false -v:q >/dev/null
analyzer_dll="$root/src/QualityGates.Analyzers/bin/Release/netstandard2.0/QualityGates.Analyzers.dll"

python3 "$root/build/bench/gen_analyzer_project.py" "$work" "$lines" "$flawed" "$pricing"

# The probe package: generated, since its 32 rules differ only in their ID.
mkdir -p "$work/probes"
cat > "$work/probes/Probes.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
    <LangVersion>latest</LangVersion>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <NoWarn>RS1036;RS2008;RS1025;RS1026</NoWarn>
  </PropertyGroup>
  <ItemGroup><PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.8.0" PrivateAssets="all" /></ItemGroup>
</Project>
XML
python3 - "$work/probes/Probes.cs" <<'PY'
import sys
rules = "\n".join(f"""[DiagnosticAnalyzer(LanguageNames.CSharp)] public sealed class Probe{i:02} : DiagnosticAnalyzer {{
    private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("PRB{i:03}", "probe", "probe", "Bench", DiagnosticSeverity.Warning, true);
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);
    public override void Initialize(AnalysisContext context) => Registration.Register(context);
}}""" for i in range(32))
open(sys.argv[1], "w").write("""using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
namespace Probes {
static class Registration {
    public static void Register(AnalysisContext context) {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => {
            start.RegisterOperationBlockAction(c => { if (!InScope(c.OwningSymbol)) return; });
        });
    }
    private static bool InScope(ISymbol s) => (s as INamedTypeSymbol ?? s?.ContainingType)?.Name.StartsWith("Premium", System.StringComparison.Ordinal) == true;
}
""" + rules + "\n}\n")
PY
dotnet build "$work/probes/Probes.csproj" -c Release -nodeReuse:false -v:q >/dev/null
probes_dll="$work/probes/bin/Release/netstandard2.0/Probes.dll"
# Isolate the generated project from the repository's build settings. Each configuration restores into its own obj
# folder: analyzers from packages come from the restore's assets file, so one shared restore with Meziantou in it would
# put Meziantou into every configuration's build.
cat > "$work/Directory.Build.props" <<'XML'
<Project>
  <PropertyGroup>
    <BaseIntermediateOutputPath>obj/$(Bench)/</BaseIntermediateOutputPath>
    <BaseOutputPath>bin/$(Bench)/</BaseOutputPath>
    <!-- The other configurations' generated sources, and the probe package, are not this build's. -->
    <DefaultItemExcludes>$(DefaultItemExcludes);obj/**;bin/**;probes/**</DefaultItemExcludes>
  </PropertyGroup>
</Project>
XML
echo '<Project></Project>' > "$work/Directory.Build.targets"
echo '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>' > "$work/Directory.Packages.props"
cat > "$work/Bench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>\$(NoWarn);CS0168;CS0219</NoWarn>
  </PropertyGroup>
  <ItemGroup Condition="'\$(Bench)' == 'ours' Or '\$(Bench)' == 'both'">
    <Analyzer Include="$analyzer_dll" />
  </ItemGroup>
  <ItemGroup Condition="'\$(Bench)' == 'probes'">
    <Analyzer Include="$probes_dll" />
  </ItemGroup>
  <ItemGroup Condition="'\$(Bench)' == 'meziantou' Or '\$(Bench)' == 'both'">
    <PackageReference Include="Meziantou.Analyzer" Version="3.0.321" PrivateAssets="all" />
  </ItemGroup>
</Project>
XML
cd "$work"
for b in $configs; do dotnet restore -p:Bench=$b -v:q >/dev/null; done
# Guard against the shared-restore mistake: exactly the configurations that name Meziantou may load it.
for b in $configs; do
  has=$(dotnet msbuild -nodeReuse:false -t:ResolveLockFileAnalyzers -getItem:Analyzer -p:Bench=$b 2>/dev/null | grep -cE '"Identity": "[^"]*Meziantou[.]Analyzer[.]dll"' || true)
  want=0; case $b in meziantou|both) want=1;; esac
  if [ "$has" != "$want" ]; then echo "configuration $b: Meziantou.Analyzer loaded $has times, expected $want" >&2; exit 1; fi
done

declare -A wall cpu total
for r in $(seq 1 "$runs"); do
  for b in $configs; do
    extra=""
    [ "$b" = none ] && extra="-p:RunAnalyzers=false"
    log="$work/$b.$r.log"
    # CPU seconds of the whole process tree (csc runs as a child here): far steadier than wall time on a shared machine.
    /usr/bin/time -f '%e %U %S' -o "$work/time" dotnet build --no-restore --no-incremental -nodeReuse:false -p:UseSharedCompilation=false \
      -p:Bench=$b -p:ReportAnalyzer=true -v:d $extra > "$log" 2>&1 || { grep -E ' error ' "$log" | sort -u | head -20 >&2; echo "build of $b failed" >&2; exit 1; }
    read -r t user sys < "$work/time"
    c=$(echo "$user + $sys" | bc)
    printf 'round %s %-10s %6.2f s wall %7.2f s cpu (load %s)\n' "$r" "$b" "$t" "$c" "$(cut -d' ' -f1 /proc/loadavg)"
    if [ -z "${wall[$b]:-}" ] || (( $(echo "$t < ${wall[$b]}" | bc) )); then wall[$b]=$t; cp "$log" "$work/$b.best.log"; fi
    if [ -z "${cpu[$b]:-}" ] || (( $(echo "$c < ${cpu[$b]}" | bc) )); then cpu[$b]=$c; fi
  done
done
for b in $configs; do
  total[$b]=$(grep -m1 -oE 'Total analyzer execution time: [0-9.]+' "$work/$b.best.log" | awk '{print $5}' || true)
  total[$b]=${total[$b]:-0}
done

assembly_time() { grep -E "^\s+[<0-9.]+\s+[<0-9]+\s+$2, Version" "$work/$1.best.log" | head -1 | awk '{print $1}'; }
gen_lines=$(cat "$work"/src/*.cs | wc -l)

printf '\nGenerated project: %s lines in %s files (%s of the files pricing-like, %s of pricing methods flawed)\n\n' "$gen_lines" "$(ls "$work"/src | wc -l)" "$pricing" "$flawed"
printf '%-28s %12s %12s %22s\n' "configuration" "wall (s)" "cpu (s)" "all analyzers (s)"
for b in $configs; do printf '%-28s %12.2f %12.2f %22s\n' "$b" "${wall[$b]}" "${cpu[$b]}" "${total[$b]}"; done
printf '\nQualityGates.Analyzers: %s s alone, %s s next to Meziantou   Meziantou.Analyzer: %s s alone, %s s next to ours\n' \
  "$(assembly_time ours QualityGates.Analyzers)" "$(assembly_time both QualityGates.Analyzers)" \
  "$(assembly_time meziantou Meziantou.Analyzer)" "$(assembly_time both Meziantou.Analyzer)"
# Each package's own time in every round: the build clock swings threefold between identical builds, and the build with
# the best wall time need not be the one that charged a package least. Preemption only ever adds time, so the ratio is
# also given best against best.
round_time() { grep -E "^\s+[<0-9.]+\s+[<0-9]+\s+$3, Version" "$work/$1.$2.log" | head -1 | awk '{print ($1 ~ /^</) ? 0 : $1}'; }
declare -A best_pkg
printf '\nEach package in every round (s), best last:\n'
for pair in "ours QualityGates.Analyzers" "meziantou Meziantou.Analyzer" "both QualityGates.Analyzers" "both Meziantou.Analyzer" "probes Probes"; do
  set -- $pair
  vals=$(for r in $(seq 1 "$runs"); do round_time "$1" "$r" "$2"; done | tr '\n' ' ')
  best_pkg[$1.$2]=$(printf '%s\n' $vals | sort -g | head -1)
  printf '  %-10s %-24s %s best %s\n' "$1" "$2" "$vals" "${best_pkg[$1.$2]}"
done
printf 'Ours against Meziantou, best against best: %s in separate builds, %s built together\n' \
  "$(printf '%.2f' "$(echo "scale=3; ${best_pkg[ours.QualityGates.Analyzers]} / ${best_pkg[meziantou.Meziantou.Analyzer]}" | bc)")" \
  "$(printf '%.2f' "$(echo "scale=3; ${best_pkg[both.QualityGates.Analyzers]} / ${best_pkg[both.Meziantou.Analyzer]}" | bc)")"
overhead=$(echo "scale=1; (${wall[ours]} - ${wall[sdk]}) * 100 / ${wall[sdk]}" | bc)
cpu_overhead=$(echo "scale=1; (${cpu[ours]} - ${cpu[sdk]}) * 100 / ${cpu[sdk]}" | bc)
printf 'Overhead of ours over SDK defaults: wall %s %%, cpu %s %% (best of %s each)\n' "$overhead" "$cpu_overhead" "$runs"
# Per rule, the lowest and highest time over the rounds' "ours" builds: the build clock swings by 2x from run to run.
printf '\nPer-rule times of QualityGates.Analyzers in the "ours" builds, best / worst of %s rounds (s), slowest first:\n' "$runs"
# mawk has no \s: POSIX classes only.
for r in $(seq 1 "$runs"); do
  awk '/QualityGates.Analyzers, Version/{f=1; next} f && /QualityGates[.]Analyzers[.]Rules[.]/{print $1, $NF} f && /Version=/{f=0}' "$work/ours.$r.log" | sort -u
# csc prints times under a millisecond as "<0.001": count them as 0, or awk compares them as strings.
done | awk '{ v = ($1 ~ /^</) ? 0 : $1 + 0; if (!($2 in lo) || v < lo[$2]) lo[$2] = v; if (!($2 in hi) || v > hi[$2]) hi[$2] = v }
  END { for (k in lo) printf "  %-8s %6.3f / %6.3f\n", k, lo[k], hi[k] }' | sort -k2 -r -g

# The compiler alone, CSC_ROUNDS times (default 6), every configuration once per round, each build's command line as
# MSBuild ran it: each round's difference against the same round's SDK-defaults build, averaged with its standard error
# (csc_rounds.py). The best-of-N figures above swing by several per cent between runs on this machine, as much as the
# 5 % target; the paired mean is the steadier measure of what ours adds, and of what ours adds against Meziantou.
csc_rounds="${CSC_ROUNDS:-6}"
if [ "$csc_rounds" -gt 0 ]; then
  for b in none sdk ours meziantou; do
    line=$(grep -m1 -E '^ +/[^ ]+/Roslyn/bincore/csc ' "$work/$b.best.log" | sed -E 's/^ +//' || true)
    [ -n "$line" ] || { echo "no csc command line in the $b build's log" >&2; exit 1; }
    csc="${line%% *}"
    printf '%s\n' "${line#* }" > "$work/$b.rsp"
  done
  extra=""
  if [ -n "${BASELINE_DLL:-}" ]; then
    # BASELINE_DLL: an earlier build of our analyzer DLL, run as a fifth configuration on ours' command line, so a
    # change is measured paired against what it replaced.
    [ -f "$BASELINE_DLL" ] || { echo "BASELINE_DLL not found: $BASELINE_DLL" >&2; exit 1; }
    # csc loads an analyzer by its assembly name: a copy under another file name fails to load (CS8034) and the
    # "before" builds would silently run without it (the run of 2026-12-05 measured exactly that; see docs/performance.md).
    [ "$(basename "$BASELINE_DLL")" = "QualityGates.Analyzers.dll" ] ||
      { echo "BASELINE_DLL must be named QualityGates.Analyzers.dll (put the earlier build in a folder of its own)" >&2; exit 1; }
    grep -qF "$analyzer_dll" "$work/ours.rsp" || { echo "ours' command line does not name $analyzer_dll" >&2; exit 1; }
    sed "s#$analyzer_dll#$BASELINE_DLL#g" "$work/ours.rsp" > "$work/ours-before.rsp"
    extra="ours-before"
  fi
  printf '\nThe compiler alone, paired rounds (csc_rounds.py):\n'
  # CSC_CONFIGS narrows the rounds (CSC_CONFIGS=ours: two builds per round, back to back, the tightest pairing).
  python3 "$root/build/bench/csc_rounds.py" "$csc" "$work" "$csc_rounds" sdk ${CSC_CONFIGS:-none ours meziantou} $extra
fi

mz_dll=$(find "${NUGET_PACKAGES:-$HOME/.nuget/packages}/meziantou.analyzer/3.0.321/analyzers/dotnet/roslyn4.8/cs" -name Meziantou.Analyzer.dll | head -1)
# Each analyzer in its own process, as in the "each alone" builds (in one process each would wait on the other's
# binding). The per-analyzer minimum over PROFILE_RUNS runs: preemption on a shared 2-core machine only ever adds time.
# --probes adds two do-nothing rules registered like ours: the driver's own charge per rule.
profile_runs="${PROFILE_RUNS:-6}"
printf '\nIn one process per analyzer package, best of %s (AnalyzerProfile):\n' "$profile_runs"
"$root/build/bench/AnalyzerProfile/bin/Release/net8.0/AnalyzerProfile" "$work/src" "$analyzer_dll" --probes --runs "$profile_runs" | grep -vE '^ +0[.]00[0-4] '
"$root/build/bench/AnalyzerProfile/bin/Release/net8.0/AnalyzerProfile" "$work/src" "$mz_dll" --runs "$profile_runs" | grep -E '^( *Meziantou|run|analysis)'

# Out-of-scope code must cost next to nothing: the neutral half alone, ours next to an analyzer that binds no method
# body (the driver's own floor), best of 6 in one process.
mkdir -p "$work/neutral"
cp "$work"/src/BatchProcessor*.cs "$work/neutral/"
printf '\nNeutral half only (%s lines), analysis wall/cpu seconds per run:\n' "$(cat "$work"/neutral/*.cs | wc -l)"
for a in --noop "$analyzer_dll"; do
  label=$([ "$a" = --noop ] && echo "no-op analyzer" || echo "QualityGates.Analyzers")
  printf '  %-24s %s\n' "$label" "$("$root/build/bench/AnalyzerProfile/bin/Release/net8.0/AnalyzerProfile" "$work/neutral" "$a" --runs 6 |
    grep -E '^run' | sed -E 's/.*analyzers ([0-9.]+) s wall, ([0-9.]+) s cpu/\1\/\2/' | tr '\n' ' ')"
done
