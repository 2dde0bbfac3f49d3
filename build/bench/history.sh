#!/usr/bin/env bash
# Times the history read next to `git log --numstat` on a generated repository (not a timed test).
# Usage: build/bench/history.sh [COMMITS=20000] [FILES=2000] [WORKDIR=/tmp/qualitygates-bench]
# Generates the repository once with git fast-import (seconds), then, in the same run: git log --numstat,
# the engine's history read cold (no cache) and warm (cache present, nothing new).
set -euo pipefail
commits="${1:-20000}"
files="${2:-2000}"
work="${3:-/tmp/qualitygates-bench}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$root/build/bench/HistoryBench/HistoryBench.csproj" -c Release -nodeReuse:false -v q -o "$work/bin" >/dev/null
bench="$work/bin/HistoryBench.dll"
repo="$work/repo-$commits-$files"
if [ ! -d "$repo/.git" ]; then
  rm -rf "$repo" && git init -q -b main "$repo"
  dotnet "$bench" generate "$commits" "$files" | git -C "$repo" fast-import --quiet
  git -C "$repo" checkout -q main
fi
echo "repository: $repo ($(git -C "$repo" rev-list --count HEAD) commits, $(git -C "$repo" ls-files | wc -l) files)"

# Wall-clock and CPU (user + sys) seconds of a whole process: on a busy machine CPU time is the steadier figure.
TIMEFORMAT='%R %U %S'
measure() { { time "$@" >"$work/out.txt"; } 2>&1 | awk '{ printf "%.2f %.2f", $1, $2 + $3 }'; }
git -C "$repo" log --numstat >/dev/null # warm the OS file cache for everyone alike
gitlog=$(measure git -C "$repo" log --numstat)
cache="$work/cache"
rm -rf "$cache"
cold=$(measure dotnet "$bench" read "$repo" "$cache"); coldout=$(cat "$work/out.txt")
warm=$(measure dotnet "$bench" read "$repo" "$cache"); warmout=$(cat "$work/out.txt")

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
printf '%-36s %10s %10s %14s\n' "measure (whole process)" "wall s" "cpu s" "in-process s"
printf '%-36s %10s %10s %14s\n' "git log --numstat" ${gitlog} "-"
printf '%-36s %10s %10s %14s\n' "history read, cold (no cache)" ${cold} "${coldout%% *}"
printf '%-36s %10s %10s %14s\n' "history read, warm (cache)" ${warm} "${warmout%% *}"
echo "cold: ${coldout#* }"
echo "warm: ${warmout#* }"
echo "cold / git log (wall): $(awk -v c="${cold%% *}" -v g="${gitlog%% *}" 'BEGIN { printf "%.1f", c / g }')x (target <= 3x); warm target < 1 s"
