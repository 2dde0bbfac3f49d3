#!/usr/bin/env bash
# Runs every test of the repository: restore, build with warnings as errors, then all test projects.
# Usage: build/test.sh [extra dotnet test arguments]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet tool restore >/dev/null
# The report's browser test renders in Debian's Chromium; the script installs it only when missing.
"$root/build/install-chromium.sh"
dotnet restore QualityGates.sln
dotnet build QualityGates.sln --no-restore -c Release -warnaserror -warnnotaserror:NU1603 -nodeReuse:false

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
# With coverage: the repository's own quality gate (dogfooding, Directory.Build.targets) judges this run.
dotnet test QualityGates.sln --no-build -c Release --collect "XPlat Code Coverage" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line over all test projects.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
