#!/usr/bin/env bash
# Builds dist/ and serves the demo page on 127.0.0.1, printing its URL.
# Needs JDK 17, Maven and Node 20 (all on the project's machines); installs nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -DskipTests -pl web -am install
exec node scripts/serve.mjs "${PORT:-8080}"
