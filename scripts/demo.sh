#!/usr/bin/env bash
# Builds dist/ and serves the demo page on 127.0.0.1, printing its URL.
# Needs JDK 17, Maven and Node 20; installs the npm dev tools (npm ci) if they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
# The build takes its tools from node_modules: Binaryen's wasm-opt and Terser for the backends,
# esbuild for the inspector and the FBP runtime.
if [ ! -x node_modules/binaryen/bin/wasm-opt ] || [ ! -x node_modules/.bin/terser ] || [ ! -d node_modules/esbuild ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
mvn -B -DskipTests -pl bundle -am install
exec node scripts/serve.mjs "${PORT:-8080}"
