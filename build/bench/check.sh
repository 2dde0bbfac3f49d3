#!/usr/bin/env bash
# `qualitygate check` on a generated repository (default 20,000 commits, 2,000 files), cold (empty history cache)
# and warm (nothing new since the last run), next to `git log --numstat` on the same repository, in one run.
# Targets (issue: engine): cold within 3x of git log --numstat; warm under 1 s.
# Usage: build/bench/check.sh [COMMITS] [FILES] [WORKDIR]
set -euo pipefail
commits="${1:-20000}"
files="${2:-2000}"
work="${3:-/tmp/qualitygates-bench}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$root/build/bench/HistoryBench/HistoryBench.csproj" -c Release -nodeReuse:false -v q -o "$work/bin" >/dev/null
dotnet build "$root/src/QualityGates.Cli/QualityGates.Cli.csproj" -c Release -nodeReuse:false -v q -o "$work/cli" >/dev/null
repo="$work/repo-$commits-$files"
if [ ! -d "$repo/.git" ]; then
  rm -rf "$repo" && git init -q -b main "$repo"
  dotnet "$work/bin/HistoryBench.dll" generate "$commits" "$files" | git -C "$repo" fast-import --quiet
  git -C "$repo" checkout -q main
fi
echo "repository: $repo ($(git -C "$repo" rev-list --count HEAD) commits, $(git -C "$repo" ls-files | wc -l) files)"

TIMEFORMAT='%R %U %S'
measure() { { time "$@" >"$work/out.txt" 2>&1 || true; } 2>&1 | tail -1 | awk '{ printf "%.2f %.2f", $1, $2 + $3 }'; }
git -C "$repo" log --numstat >/dev/null # warm the OS file cache for everyone alike
gitlog=$(measure git -C "$repo" log --numstat)
export QUALITYGATE_CACHE_DIR="$work/check-cache"
rm -rf "$QUALITYGATE_CACHE_DIR"
cold=$(measure dotnet "$work/cli/qualitygate.dll" check --repo "$repo")
warm=$(measure dotnet "$work/cli/qualitygate.dll" check --repo "$repo")
tail -3 "$work/out.txt"

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
printf '%-44s %10s %10s\n' "measure (whole process)" "wall s" "cpu s"
printf '%-44s %10s %10s\n' "git log --numstat" ${gitlog}
printf '%-44s %10s %10s\n' "qualitygate check, cold (empty cache)" ${cold}
printf '%-44s %10s %10s\n' "qualitygate check, warm (nothing new)" ${warm}
echo "cold / git log (wall): $(awk -v c="${cold%% *}" -v g="${gitlog%% *}" 'BEGIN { printf "%.1f", c / g }')x (target <= 3x); warm target < 1 s"
