#!/usr/bin/env bash
# Installs Debian's chromium for the report's browser test (tests/QualityGates.Core.Tests/Reports/ReportBrowserTests).
# Idempotent: does nothing when /usr/bin/chromium exists. Runs as root without prompts (CI), or through sudo.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
    echo "install-chromium.sh: run as root (or with sudo) to install the 'chromium' package" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
# Update the package lists only when the candidate is unknown (fresh containers have empty lists).
if ! apt-cache policy chromium 2>/dev/null | grep -q 'Candidate: [0-9]'; then
  $sudo apt-get update
fi
$sudo apt-get install -y --no-install-recommends chromium
echo "chromium installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
