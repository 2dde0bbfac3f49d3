#!/usr/bin/env bash
# The main job, end to end, on the bundled sample, exactly as a team runs it:
#   1. pack the QualityGates package into a local feed;
#   2. lay the sample out as a consumer solution of its own (a copy of samples/ with a realistic git history), the
#      package referenced ONCE as a GlobalPackageReference in Directory.Packages.props;
#   3. dotnet build: the analyzer warnings;
#   4. dotnet test --collect "XPlat Code Coverage": tests with coverage, then the gate runs once for the solution
#      and prints its verdict (each failed condition an error with its QGB code, actual value and threshold);
#   5. the reports (HTML, Markdown, JSON, coverage HTML) are copied to artifacts/sample/ and their paths printed.
# Exit code: 0 when the job ran (the sample's gate is expected to FAIL: it ships under-covered pricing code and a
# direct push, to show what a violation looks like); non-zero when a step could not run.
# Usage: build/run-sample.sh [--keep]   (--keep leaves the consumer solution in place for a look)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
keep=false
[ "${1:-}" = "--keep" ] && keep=true

out="$root/artifacts/sample"
work="$(mktemp -d "${TMPDIR:-/tmp}/qualitygates-sample.XXXXXX")"
$keep || trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out"

# A version of its own per run, so a stale copy in the NuGet cache is never used.
version="0.1.0-sample.$(date -u +%Y%m%d%H%M%S)"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "1/5 Pack QualityGates $version into a local feed"
cd "$root"
dotnet tool restore >/dev/null
dotnet pack src/QualityGates.Package/QualityGates.Package.csproj -c Release -o "$work/feed" -p:PackageVersion="$version" -nodeReuse:false -v:q -nologo

step "2/5 Lay out the sample as a consumer solution with its own git history"
consumer="$work/Contoso.Motor"
mkdir -p "$consumer"
cp -R "$root/samples/." "$consumer/"
rm -rf "$consumer"/*/bin "$consumer"/*/obj "$consumer"/*/TestResults
# The sample builds against the repository's projects; a consumer takes the package instead.
sed -i '/QualityGates.Analyzers.csproj/d; /QualityGates.Annotations.csproj/d; /The analyzers straight from the repository/d' "$consumer/Contoso.Motor/Contoso.Motor.csproj"
cat > "$consumer/Directory.Build.props" <<'XML'
<Project>
  <PropertyGroup>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
    <!-- The sample triggers every QG rule on purpose: its warnings must not fail its build. -->
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <IsPackable>false</IsPackable>
  </PropertyGroup>
</Project>
XML
cat > "$consumer/Directory.Packages.props" <<XML
<Project>
  <ItemGroup>
    <!-- The one line of set-up: analyzers for every project, the gate for the test run. -->
    <GlobalPackageReference Include="QualityGates" Version="$version" />
  </ItemGroup>
  <ItemGroup>
    <PackageVersion Include="Microsoft.NET.Test.Sdk" Version="18.11.0" />
    <PackageVersion Include="xunit" Version="2.9.3" />
    <PackageVersion Include="xunit.runner.visualstudio" Version="3.1.5" />
    <PackageVersion Include="coverlet.collector" Version="10.0.1" />
  </ItemGroup>
</Project>
XML
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<configuration><packageSources><clear />'
  echo "  <add key=\"local-feed\" value=\"$work/feed\" />"
  i=0
  # This machine's own sources: no host is written into the repository.
  while read -r src; do
    [ -n "$src" ] && echo "  <add key=\"machine$i\" value=\"$src\" />" && i=$((i + 1))
  done < <(dotnet nuget list source --format short 2>/dev/null | awk '$1 ~ /^E/ {print $2}')
  echo '</packageSources></configuration>'
} > "$consumer/nuget.config"
"$root/build/sample-history.sh" "$consumer"

cd "$consumer"
step "3/5 dotnet build: the analyzer warnings"
set +e
dotnet build Contoso.Motor.sln -nodeReuse:false -nologo -clp:NoSummary > "$out/build.log" 2>&1
build_status=$?
set -e
grep -E 'warning QG[0-9]{4}' "$out/build.log" | sed -E "s#$consumer/##; s# \[.*##" | sort -u | tee "$out/analyzer-warnings.txt"
printf '%s QualityGates analyzer warnings (%s distinct rules); full log: artifacts/sample/build.log\n' \
  "$(wc -l < "$out/analyzer-warnings.txt")" "$(grep -oE 'QG[0-9]{4}' "$out/analyzer-warnings.txt" | sort -u | wc -l)"
[ "$build_status" -eq 0 ] || { echo "dotnet build failed (exit $build_status): see artifacts/sample/build.log"; exit "$build_status"; }

step "4/5 dotnet test with coverage, then the quality gate"
set +e
dotnet test Contoso.Motor.sln --no-build -nodeReuse:false -nologo --collect "XPlat Code Coverage" > "$out/test.log" 2>&1
test_status=$?
set -e
grep -E 'Passed!|Failed!|error QGB|warning QGB|QualityGate' "$out/test.log" | sed -E "s#$consumer/##; s# \[.*##" | sort -u || true

step "5/5 Reports"
reports="$consumer/TestResults/qualitygate"
if [ -d "$reports" ]; then
  cp -R "$reports/." "$out/"
fi
find "$consumer" -path '*/obj/qualitygate/result.json' -exec cp {} "$out/result.json" \; -quit
for f in report.html report.md qualitygate.md result.json coverage/index.html; do
  [ -f "$out/$f" ] && echo "  artifacts/sample/$f"
done
if [ "$test_status" -eq 0 ]; then
  echo "Verdict: the quality gate PASSED."
else
  echo "Verdict: the quality gate FAILED (dotnet test exit $test_status) - the errors above say which condition, the actual value and the threshold."
fi
$keep && echo "Consumer solution kept at $consumer"
exit 0
