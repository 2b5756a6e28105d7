#!/usr/bin/env bash
# Runs every test: JVM unit tests, the TeaVM build, and the browser tests in Debian's Chromium.
# Installs Chromium from Debian when it is absent (Playwright must not download a browser).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium from Debian..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
mvn -B install
