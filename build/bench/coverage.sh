#!/usr/bin/env bash
# Streams a ~100 MB Cobertura file through the gate's reader and reports wall time and peak memory, next to
# reading the same bytes with wc -c (and xmllint --stream when installed) in the same run.
# Usage: build/bench/coverage.sh [size-in-MB]   (not a timed test; figures go to docs/performance.md)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
size="${1:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$root/src/QualityGates.Cli" -c Release -nodeReuse:false -v q -o "$work/cli" >/dev/null
python3 "$root/build/bench/gen_cobertura.py" "$work/coverage.cobertura.xml" "$size"
mkdir -p "$work/repo"
# The generated <source> is /bench/repo/src/: map it onto the temp repository.
sed -i "s#<source>/bench/repo/src/</source>#<source>$work/repo/src/</source>#" "$work/coverage.cobertura.xml"
ls -l "$work/coverage.cobertura.xml" | awk '{printf "file: %.1f MB\n", $5/1048576}'

measure() { # label, command...
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  read -r secs kb <"$work/time"
  printf '%-28s %7.2f s  peak RSS %7.1f MB\n' "$label" "$secs" "$(echo "$kb / 1024" | bc -l)"
}

cat "$work/coverage.cobertura.xml" >/dev/null   # warm the page cache for every contender alike
measure "wc -l (read every byte)" wc -l "$work/coverage.cobertura.xml"
if command -v xmllint >/dev/null; then
  measure "xmllint --stream --noout" xmllint --stream --noout "$work/coverage.cobertura.xml"
fi
measure "qualitygate coverage" dotnet "$work/cli/qualitygate.dll" coverage --repo "$work/repo" --coverage "$work/coverage.cobertura.xml"
cat "$work/out"
measure "qualitygate (startup only)" dotnet "$work/cli/qualitygate.dll" coverage --repo "$work/repo" --coverage "$work/none-*.xml"
