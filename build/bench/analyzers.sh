#!/usr/bin/env bash
# Analyzer overhead benchmark (issue: analyzers). Builds one generated project (>= 200,000 lines, half pricing-like)
# four ways in the same run and prints wall times and analyzer times side by side:
#   none     : -p:RunAnalyzers=false
#   sdk      : the SDK's default analyzers
#   ours     : SDK defaults + QualityGates.Analyzers
#   meziantou: SDK defaults + Meziantou.Analyzer (a well-known peer)
# Usage: build/bench/analyzers.sh [LINES] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lines="${1:-200000}"
runs="${2:-2}"
work="$(mktemp -d /tmp/qg-bench-analyzers.XXXXXX)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$root/src/QualityGates.Analyzers/QualityGates.Analyzers.csproj" -c Release -nodeReuse:false -v:q >/dev/null
analyzer_dll="$root/src/QualityGates.Analyzers/bin/Release/netstandard2.0/QualityGates.Analyzers.dll"

python3 "$root/build/bench/gen_analyzer_project.py" "$work" "$lines"
# Isolate the generated project from the repository's build settings.
echo '<Project></Project>' > "$work/Directory.Build.props"
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
  <ItemGroup Condition="'\$(Bench)' == 'ours'">
    <Analyzer Include="$analyzer_dll" />
  </ItemGroup>
  <ItemGroup Condition="'\$(Bench)' == 'meziantou'">
    <PackageReference Include="Meziantou.Analyzer" Version="3.0.321" PrivateAssets="all" />
  </ItemGroup>
</Project>
XML
cd "$work"
for b in none sdk ours meziantou; do dotnet restore -p:Bench=$b -v:q >/dev/null; done

declare -A wall total ours_total
report="$work/report.txt"
: > "$report"
for b in none sdk ours meziantou; do
  extra=""
  [ "$b" = none ] && extra="-p:RunAnalyzers=false"
  dotnet restore -p:Bench=$b -v:q >/dev/null
  best=""
  for r in $(seq 1 "$runs"); do
    log="$work/$b.$r.log"
    start=$(date +%s.%N)
    dotnet build --no-restore --no-incremental -nodeReuse:false -p:Bench=$b -p:ReportAnalyzer=true -v:d $extra > "$log" 2>&1
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
    if [ -z "$best" ] || (( $(echo "$t < $best" | bc) )); then best=$t; cp "$log" "$work/$b.best.log"; fi
  done
  wall[$b]=$best
  total[$b]=$(grep -m1 -oE 'Total analyzer execution time: [0-9.]+' "$work/$b.best.log" | awk '{print $5}' || true)
  total[$b]=${total[$b]:-0}
done

qg_time=$(grep -E '^\s+[<0-9.]+\s+[<0-9]+\s+QualityGates.Analyzers, Version' "$work/ours.best.log" | head -1 | awk '{print $1}')
mz_time=$(grep -E '^\s+[<0-9.]+\s+[<0-9]+\s+Meziantou.Analyzer, Version' "$work/meziantou.best.log" | head -1 | awk '{print $1}')
gen_lines=$(cat "$work"/src/*.cs | wc -l)

printf '\nGenerated project: %s lines in %s files (half pricing-like)\n\n' "$gen_lines" "$(ls "$work"/src | wc -l)"
printf '%-28s %12s %22s\n' "configuration" "wall (s)" "all analyzers (s)"
for b in none sdk ours meziantou; do printf '%-28s %12.2f %22s\n' "$b" "${wall[$b]}" "${total[$b]}"; done
printf '\nQualityGates.Analyzers total: %s s   Meziantou.Analyzer total: %s s\n' "${qg_time:-?}" "${mz_time:-?}"
overhead=$(echo "scale=1; (${wall[ours]} - ${wall[sdk]}) * 100 / ${wall[sdk]}" | bc)
printf 'Wall-time overhead of ours over SDK defaults: %s %%\n' "$overhead"
printf '\nPer-rule times of QualityGates.Analyzers (s):\n'
# mawk has no \s: POSIX classes only.
awk '/QualityGates.Analyzers, Version/{f=1; next} f && /QualityGates[.]Analyzers[.]Rules[.]/{print} f && /Version=/{f=0}' "$work/ours.best.log" | sed 's/QualityGates.Analyzers.Rules.//' | sort -u -k1,1 -r -g
