#!/usr/bin/env bash
# Builds dist/ and serves the demo page on 127.0.0.1, printing its URL.
# Needs JDK 17, Maven and Node 20; installs the npm dev tools (npm ci) if they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
# The build bundles the inspector and the FBP runtime with esbuild, from node_modules.
[ -d node_modules/esbuild ] || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
mvn -B -DskipTests -pl bundle -am install
exec node scripts/serve.mjs "${PORT:-8080}"
