#!/usr/bin/env bash
# Report benchmark (issue: report). Generates a result JSON of a big repository (5,000 hotspot files with methods,
# 20,000 commits' worth of review lists, 400 trend records), writes report.html + report.md with ReportCommand.Run,
# then loads the report and a reference page (a plain HTML table of the same 5,000 rows) in headless Chromium in the
# same run: file sizes, render time, time to the load event (after the report's script set data-ready) and the
# browser's wall time.
# Needs /usr/bin/chromium (build/install-chromium.sh). Usage: build/bench/report.sh [FILES] [COMMITS] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
files="${1:-5000}"
commits="${2:-20000}"
runs="${3:-3}"
work="$(mktemp -d /tmp/qg-bench-report.XXXXXX)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ -x /usr/bin/chromium ] || { echo "chromium missing: run build/install-chromium.sh" >&2; exit 1; }

python3 "$root/build/bench/gen_report_result.py" "$work" "$files" "$commits"
dotnet build "$root/src/QualityGates.Core/QualityGates.Core.csproj" -c Release -nodeReuse:false -v:q >/dev/null
render_out="$(dotnet run -c Release "$root/build/bench/report-render.cs" -- "$work/result.json" "$work/out" "$work/history.jsonl" 2>&1 | grep -v "warning" || true)"
[ -f "$work/out/report.html" ] || { echo "$render_out" >&2; exit 1; }
echo "$render_out" | grep -v '^render' || true

# The same timing probe in both pages: milliseconds from navigation start to the load event.
probe='<script>addEventListener("load",function(){document.body.setAttribute("data-load-ms",String(Math.round(performance.now())));});</script>'
for page in out/report.html reference.html; do
  sed -i "s#</body>#${probe}</body>#" "$work/$page"
done

load() { # prints "<load ms> <wall ms> <ready>"
  local ud; ud="$(mktemp -d "$work/ud.XXXXXX")"
  local t0 t1 dom
  t0=$(date +%s%N)
  dom="$(timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage \
    --user-data-dir="$ud" --window-size=1280,900 --dump-dom "file://$1" 2>/dev/null)"
  t1=$(date +%s%N)
  rm -rf "$ud"
  local ms ready
  ms="$(grep -o 'data-load-ms="[0-9]*"' <<<"$dom" | head -1 | grep -o '[0-9]*')"
  ready="$(grep -o 'data-ready="[0-9]*"' <<<"$dom" | head -1 | grep -o '[0-9]*' || true)"
  echo "${ms:-?} $(( (t1 - t0) / 1000000 )) ${ready:--}"
}

size() { stat -c %s "$1"; }
echo
echo "files=$files commits=$commits runs=$runs"
echo "result.json:    $(size "$work/result.json") bytes"
echo "report.html:    $(size "$work/out/report.html") bytes"
echo "report.md:      $(size "$work/out/report.md") bytes"
echo "reference.html: $(size "$work/reference.html") bytes (plain table, $files rows)"
echo "$render_out" | grep '^render'
printf '%-16s %-8s %-14s %-12s %s\n' page run load_event_ms browser_ms data-ready
for r in $(seq 1 "$runs"); do
  read -r ms wall ready < <(load "$work/out/report.html")
  printf '%-16s %-8s %-14s %-12s %s\n' report "$r" "$ms" "$wall" "$ready"
  read -r ms wall ready < <(load "$work/reference.html")
  printf '%-16s %-8s %-14s %-12s %s\n' reference "$r" "$ms" "$wall" "$ready"
done
