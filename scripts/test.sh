#!/usr/bin/env bash
# Runs the linters (ESLint; Checkstyle in Maven's validate phase), then every test: JVM unit tests,
# the TeaVM builds (JS and WebAssembly GC), the browser tests on both backends in Debian's Chromium,
# the packed npm package in Node and Chromium and in the apps of examples/bundlers (Vite, webpack,
# esbuild, Rollup; linted by attw and publint), the Java-components example (examples/java-components:
# its own Maven build, bundle and page tests), and the TypeScript check of dist/teaflow.d.ts.
# Installs Chromium from Debian when it is absent (Playwright must not download a browser).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium from Debian..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium
fi

# The npm dev tools (TypeScript; the bundlers and linters for the bundler apps; playwright-core):
# no browser download.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm ci --no-audit --no-fund

# The linters first, as NoFlo does: ESLint here, Checkstyle in Maven's validate phase (before compiling).
npm run lint
echo "lint: ESLint found nothing"

mvn -B install
# The Java-components example, a Maven project of its own built against what install just put in
# ~/.m2 (no download beyond the root build's): its JVM tests, its bundle by teaflow-maven-plugin, and
# its page tests in Chromium on both backends through teaflow-test-harness.
mvn -B -f examples/java-components/pom.xml verify
npm run typecheck
echo "typecheck: dist/teaflow.d.ts and test-harness/types/*.ts agree"
# The FBP network protocol: fbp-protocol's conformance suite (fbp-test) against the
# teaflow-runtime bin, the protocol tests (replies checked against fbp-protocol's schemas), fuzzing.
npm run test:fbp
