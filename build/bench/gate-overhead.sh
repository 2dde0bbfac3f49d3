#!/usr/bin/env bash
# The time the quality gate adds, side by side: `dotnet test` with coverage with the gate vs without it, and a
# no-change rebuild with the gate vs without it. Target: the no-change rebuild costs under 0.5 s more.
# Usage: build/bench/gate-overhead.sh [SOLUTION] [RUNS]   (default samples/Contoso.Motor.sln, 3 runs; median shown)
# The solution must already reference the QualityGates package (or this repository's Directory.Build.targets).
# "Without the gate" is -p:QualityGateEnabled=false: same package, same analyzers, no gate targets.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
solution="${1:-$root/samples/Contoso.Motor.sln}"
runs="${2:-3}"
if [ ! -f "$solution" ]; then
  echo "error: solution '$solution' not found (pass a solution path)" >&2
  exit 2
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off DOTNET_CLI_USE_MSBUILD_SERVER=0
common=(-nodeReuse:false -v:q -nologo)

# Seconds (3 decimals) of one command; its output goes to a log, its exit code is ignored (a failing gate is a result too).
time_one() {
  local start end
  start=$(date +%s.%N)
  "$@" >>"$log" 2>&1 || true
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}'
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

measure() { # label, command...
  local label="$1"; shift
  local times=()
  for _ in $(seq "$runs"); do times+=("$(time_one "$@")"); done
  median "${times[@]}"
}

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "Solution: $solution ($runs runs each, median seconds; log: warm-up build first)"
dotnet build "$solution" "${common[@]}" >>"$log" 2>&1 || { echo "error: the solution does not build; see:"; tail -20 "$log"; exit 1; }

test_with=$(measure "test, gate" dotnet test "$solution" --no-build --collect "XPlat Code Coverage" -p:QualityGateIncremental=false "${common[@]}")
test_without=$(measure "test, no gate" dotnet test "$solution" --no-build --collect "XPlat Code Coverage" -p:QualityGateEnabled=false "${common[@]}")
test_incremental=$(measure "test, gate, unchanged inputs" dotnet test "$solution" --no-build --collect "XPlat Code Coverage" "${common[@]}")
build_with=$(measure "no-change build, gate" dotnet build "$solution" --no-restore "${common[@]}")
build_without=$(measure "no-change build, no gate" dotnet build "$solution" --no-restore -p:QualityGateEnabled=false "${common[@]}")

printf '\n%-44s %10s %10s %10s\n' "" "gate" "no gate" "added"
row() { printf '%-44s %10s %10s %10s\n' "$1" "$2" "$3" "$(awk -v a="$2" -v b="$3" 'BEGIN {printf "%+.3f", a - b}')"; }
row "dotnet test --collect (engine runs)" "$test_with" "$test_without"
row "dotnet test --collect (inputs unchanged)" "$test_incremental" "$test_without"
row "dotnet build, nothing changed" "$build_with" "$build_without"
added=$(awk -v a="$build_with" -v b="$build_without" 'BEGIN {printf "%.3f", a - b}')
verdict=$(awk -v d="$added" 'BEGIN {print (d < 0.5) ? "met" : "NOT met"}')
echo "no-change rebuild: ${added} s added (target < 0.5 s): ${verdict}"
