// How dist/teaflow.js (a classic script, also loadable with require()) finds its backends. The
// wrapper gives it `scriptUrl` and `scriptNonce`, of the script element that loaded it, and `requireJsBackend`, a
// function under CommonJS. In a page the JavaScript build is a second classic script,
// teaflow-js-backend.js, added on first use (it works from file:// too); under CommonJS it is
// require()d. Both wasm files are fetched from beside the script.

/** Where teaflow-js-backend.js leaves its factory when loaded by a script element. */
const JS_BACKEND_SLOT = Symbol.for('teaflow.jsBackend');
const JS_BACKEND_FILE = 'teaflow-js-backend.js';

function besideScript(file) {
  const base = scriptUrl || pageUrl();
  if (!base) {
    throw new Error(`cannot tell where ${file} is (no script URL and no page)`);
  }
  return new URL(file, base).href;
}

function runRegisteredJsBackend(url) {
  const create = globalThis[JS_BACKEND_SLOT];
  if (typeof create !== 'function') {
    throw new Error(`${url} loaded but did not register the backend (is it the file from the same Teaflow build?)`);
  }
  return create();
}

function loadJsCore() {
  if (requireJsBackend) {
    return Promise.resolve().then(() => requireJsBackend().create());
  }
  if (typeof globalThis[JS_BACKEND_SLOT] === 'function') {
    return Promise.resolve().then(() => globalThis[JS_BACKEND_SLOT]());
  }
  return new Promise((resolve, reject) => {
    const url = besideScript(JS_BACKEND_FILE);
    if (typeof document === 'undefined') {
      if (typeof importScripts !== 'function') {
        throw new Error(`cannot load ${url}: neither a document nor importScripts here`);
      }
      importScripts(url); // a classic worker
      resolve(runRegisteredJsBackend(url));
      return;
    }
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    if (scriptNonce) script.nonce = scriptNonce; // a CSP that trusted teaflow.js by nonce trusts this too
    script.onload = () => {
      try {
        resolve(runRegisteredJsBackend(url));
      } catch (error) {
        reject(error);
      }
    };
    script.onerror = () => reject(new Error(`${url} could not be loaded (serve it beside teaflow.js)`));
    (document.head || document.documentElement).appendChild(script);
  });
}

function describeDefaultWasmLoader() {
  try {
    return besideScript('teaflow-wasm-runtime.mjs');
  } catch {
    return 'teaflow-wasm-runtime.mjs beside teaflow.js';
  }
}

function importWasmLoader(url) {
  return import(/* webpackIgnore: true */ /* @vite-ignore */ url === undefined ? besideScript('teaflow-wasm-runtime.mjs') : url);
}

function defaultWasmUrl() {
  try {
    return besideScript('teaflow.wasm');
  } catch (error) {
    throw new Error(`Teaflow.init: ${error.message}; pass options.wasmUrl`, { cause: error });
  }
}
