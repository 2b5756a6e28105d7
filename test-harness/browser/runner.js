// The in-page test registry. Test files call test(name, fn, options); ContractTest.java lists the
// cases with window.__listTests() and runs each one in a fresh page with window.__runTest(name).
'use strict';

/** The backend this page tests, from its URL: contract.html?backend=js. */
const BACKEND = new URLSearchParams(location.search).get('backend') || 'js';

const TEST_CASES = new Map();

/**
 * Registers a case. fn(tf) receives the Api of Teaflow.init({backend: BACKEND}).
 * options.timeoutMs: how long the case may take (default 10 s) before it fails.
 * options.allowErrorLogs: the case provokes errors on purpose, so console errors and uncaught
 * errors the runtime reports about them do not fail it.
 */
function test(name, fn, options = {}) {
  if (TEST_CASES.has(name)) throw new Error('two test cases are named ' + JSON.stringify(name));
  TEST_CASES.set(name, {
    fn,
    file: registeringFile(),
    timeoutMs: options.timeoutMs || 10000,
    allowErrorLogs: Boolean(options.allowErrorLogs),
  });
}

window.__listTests = () => [...TEST_CASES.keys()];

/** Runs one case; resolves to {ok, message, allowErrorLogs}, never rejects. */
window.__runTest = async (name) => {
  const testCase = TEST_CASES.get(name);
  if (!testCase) return { ok: false, message: 'no test case is named ' + JSON.stringify(name), allowErrorLogs: false };
  try {
    const tf = await initTeaflow();
    await withTimeout(Promise.resolve().then(() => testCase.fn(tf)), testCase.timeoutMs);
    return { ok: true, message: '', allowErrorLogs: testCase.allowErrorLogs };
  } catch (error) {
    const where = testCase.file ? '\n(case in ' + testCase.file + ')' : '';
    return { ok: false, message: errorReport(error) + where, allowErrorLogs: testCase.allowErrorLogs };
  }
};

/** The file of the script calling test(), relative to this page, to say where a failing case lives. */
function registeringFile() {
  const script = document.currentScript;
  if (!script || !script.src) return null;
  const here = new URL('.', location.href).href;
  return script.src.startsWith(here) ? script.src.slice(here.length) : script.src;
}

async function initTeaflow() {
  if (typeof Teaflow === 'undefined') throw new Error('the global Teaflow is missing: did /dist/teaflow.js load?');
  try {
    return await Teaflow.init({ backend: BACKEND });
  } catch (error) {
    throw new Error('Teaflow.init({backend: ' + JSON.stringify(BACKEND) + '}) failed: ' + errorReport(error));
  }
}

// A case that never settles (an idle() that never resolves, say) must fail, not hang the build.
function withTimeout(promise, timeoutMs) {
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new AssertionError('timed out after ' + timeoutMs + ' ms')), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function errorReport(error) {
  if (error instanceof Error) {
    const stack = typeof error.stack === 'string' ? error.stack : '';
    const head = error.name + ': ' + error.message;
    return stack.startsWith(head) ? stack : head + (stack ? '\n' + stack : '');
  }
  return 'a non-Error was thrown: ' + describe(error);
}
