// ESLint for every hand-written JavaScript file (npm run lint; scripts/test.sh runs it before the
// tests). The recommended rules, with each folder's environment: Node for build scripts and tools,
// the browser for pages, test cases and the runtime's own entry. Generated and vendored code
// (dist/, target/, node_modules/, the bundled competitors) is not ours to lint.
const js = require('@eslint/js');
const globals = require('globals');

const readonly = names => Object.fromEntries(names.map(name => [name, 'readonly']));

// The browser test pages load these classic scripts first; their top-level names are globals of
// every script after them (and of the demo's self-check, which loads assert.js too).
const ASSERT_JS = [
  'AssertionError', 'describe', 'fail', 'assert', 'assertSame', 'assertNotSame', 'assertEquals',
  'assertType', 'assertInstanceOf', 'assertMentions', 'assertThrows', 'assertRejects',
  'assertDoesNotThrow', 'assertPrototypesUntouched',
];
const RUNNER_JS = ['BACKEND', 'test'];
const HELPERS_JS = [
  'macrotask', 'waitUntil', 'deferred', 'record', 'assertNoErrorEvents', 'network', 'freshHandle',
  'range', 'Sink', 'Pass', 'CountUp', 'idleOrFirstError', 'addSink', 'addSinkAfter', 'nodeIntoSink',
  'fbpGraph',
];
// What dist/teaflow.js, loaded by a script tag, defines.
const TEAFLOW_GLOBAL = ['Teaflow'];

/** A shared script's own globals are used by other files, not unused. */
const definesGlobals = names => ({
  'no-unused-vars': ['error', { varsIgnorePattern: `^(${names.join('|')})$` }],
});

// web/src/main/js: fragments that teaflow-maven-plugin (EntryScripts.java) joins into one scope inside each
// wrapper of dist/. The backend files define the functions the entry calls, and bridge-scripts.js
// the scripts it hands the compiled Java; the entry defines init and version, which the wrapper
// exports; the classic wrapper's parameters are scriptUrl, scriptNonce and requireJsBackend.
const BACKEND_FUNCTIONS = ['loadJsCore', 'importWasmLoader', 'defaultWasmUrl', 'describeDefaultWasmLoader'];
const BRIDGE_SCRIPTS = ['bridgeScripts'];
const ENTRY_DEFINES = ['init', 'version', 'pageUrl'];
const CLASSIC_WRAPPER = ['scriptUrl', 'scriptNonce', 'requireJsBackend'];

module.exports = [
  {
    ignores: ['**/node_modules/', '**/target/', '**/dist/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
  },

  // Node: this file, build scripts, tools, the bench drivers and the Node tests.
  {
    files: ['eslint.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    files: ['scripts/**', 'web/scripts/**', 'bench/*.mjs', 'bench/competitors/*.mjs', 'test-harness/node/**',
      'test-harness/fbp/**', 'examples/bundlers/*/*.config.mjs', 'maven-plugin/src/test/resources/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // Node scripts that drive Chromium with Playwright: their page.evaluate() callbacks run in the
    // page, where these names are defined (bundler-apps' pages have loaded dist/teaflow.js).
    files: ['bench/run.mjs', 'bench/profile.mjs', 'bench/startup-profile.mjs', 'bench/competitors/check.mjs',
      'bench/competitors/measure.mjs', 'bench/ab.mjs', 'bench/startup-ab.mjs', 'scripts/screenshot.mjs',
      'test-harness/node/bundler-apps.mjs', 'bench/inspector-cost.mjs', 'scripts/screenshot-inspector.mjs',
      'bench/profile-growth.mjs', 'bench/heap-growth.mjs', 'bench/cpu-profile-report.mjs'],
    languageOptions: { globals: readonly(['window', 'location']) },
  },
  {
    files: ['test-harness/node/bundler-apps.mjs', 'bench/profile-growth.mjs', 'bench/heap-growth.mjs', 'bench/cpu-profile-report.mjs'],
    languageOptions: { globals: readonly(TEAFLOW_GLOBAL) },
  },

  // The runtime's entry, backends and bridge scripts: they also run in workers and under Node's
  // require(), and look for the worker's importScripts and Node's setImmediate before using them.
  {
    files: ['web/src/main/js/**'],
    languageOptions: { globals: { ...globals.browser, ...readonly(['importScripts', 'setImmediate']) } },
  },
  {
    // teaflow-runtime: the FBP protocol runtime's Node bin and its WebSocket transport.
    files: ['web/src/main/js/fbp/teaflow-runtime-cli.mjs', 'web/src/main/js/fbp/fbp-websocket.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['web/src/main/js/teaflow-entry.js'],
    languageOptions: { sourceType: 'script', globals: readonly([...BACKEND_FUNCTIONS, ...BRIDGE_SCRIPTS]) },
    rules: definesGlobals(ENTRY_DEFINES),
  },
  {
    files: ['web/src/main/js/bridge-scripts.js'],
    languageOptions: { sourceType: 'script' },
    rules: definesGlobals(BRIDGE_SCRIPTS),
  },
  {
    files: ['web/src/main/js/classic-backends.js'],
    languageOptions: { sourceType: 'script', globals: readonly([...CLASSIC_WRAPPER, 'pageUrl']) },
    rules: definesGlobals(BACKEND_FUNCTIONS),
  },
  {
    files: ['web/src/main/js/esm-backends.js'],
    rules: definesGlobals(BACKEND_FUNCTIONS),
  },

  // Pages: the demo, the bench's competitor bundle, the examples, the browser test cases.
  {
    files: ['demo/**', 'bench/competitors/src/**', 'examples/**/src/**', 'examples/bundlers/script-tag/**',
      'test-harness/browser/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Replaced at bundle time by bench/competitors/build.mjs (esbuild's define).
    files: ['bench/competitors/src/**'],
    languageOptions: { globals: readonly(['__NOFLO_VERSION__', '__XSTATE_VERSION__']) },
  },
  {
    files: ['examples/bundlers/script-tag/**'],
    languageOptions: { sourceType: 'script', globals: readonly(TEAFLOW_GLOBAL) },
  },
  {
    // The Java-components example's page: a classic script after the project's own dist/teaflow.js.
    files: ['examples/java-components/src/main/webapp/**'],
    languageOptions: { sourceType: 'script', globals: readonly(TEAFLOW_GLOBAL) },
  },
  {
    files: ['demo/state-sharing/**'],
    languageOptions: { globals: readonly(ASSERT_JS) },
  },
  {
    // Classic scripts, except model-tests.js (a module). Each sees the globals of the scripts its
    // page (test-harness/browser/*.html) loads before it.
    files: ['test-harness/browser/**'],
    ignores: ['test-harness/browser/model-tests.js'],
    languageOptions: { sourceType: 'script' },
  },
  {
    files: ['test-harness/browser/assert.js'],
    rules: definesGlobals(ASSERT_JS),
  },
  {
    files: ['test-harness/browser/runner.js'],
    languageOptions: { globals: readonly([...TEAFLOW_GLOBAL, ...ASSERT_JS]) },
    rules: definesGlobals(RUNNER_JS),
  },
  {
    files: ['test-harness/browser/helpers.js'],
    languageOptions: { globals: readonly([...TEAFLOW_GLOBAL, ...ASSERT_JS, ...RUNNER_JS]) },
    rules: definesGlobals(HELPERS_JS),
  },
  {
    // contract.html, adversarial.html and java-values.html
    files: ['test-harness/browser/contract/**', 'test-harness/browser/adversarial-tests.js',
      'test-harness/browser/java-values-tests.js'],
    languageOptions: { globals: readonly([...TEAFLOW_GLOBAL, ...ASSERT_JS, ...RUNNER_JS, ...HELPERS_JS]) },
  },
  {
    // hostile.html and model.html (no helpers.js)
    files: ['test-harness/browser/hostile-tests.js', 'test-harness/browser/model-tests.js'],
    languageOptions: { globals: readonly([...TEAFLOW_GLOBAL, ...ASSERT_JS, ...RUNNER_JS]) },
  },
  {
    // inspector.html: dist/teaflow.js, the inspector and the FBP postMessage transport.
    files: ['test-harness/browser/inspector-tests.js'],
    languageOptions: { globals: readonly([...TEAFLOW_GLOBAL, ...ASSERT_JS, ...RUNNER_JS, 'TeaflowInspector', 'TeaflowFbp']) },
  },
  {
    // fbp-frame.html: a page noflo-ui would open in its iframe.
    files: ['test-harness/browser/fbp-frame.js'],
    languageOptions: { globals: readonly([...TEAFLOW_GLOBAL, 'TeaflowFbp']) },
  },
  {
    // csp.html and members.html load only dist/teaflow.js.
    files: ['test-harness/browser/csp.js', 'test-harness/browser/runtime-members.js'],
    languageOptions: { globals: readonly(TEAFLOW_GLOBAL) },
  },
];
