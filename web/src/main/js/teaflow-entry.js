// Teaflow's entry: the one public function, init(), and the Api it resolves to.
// The build (web/scripts/assemble-dist.mjs) puts TeaVM's output where the marker below is and
// wraps this file as a classic script (dist/teaflow.js) and as an ES module (dist/teaflow.mjs).

const version = '@VERSION@';

const BACKENDS = ['auto', 'js', 'wasm'];

/** One Api per backend: init() twice with the same backend resolves to the same object. */
const apis = new Map();

/** Evaluates the TeaVM JavaScript build on first use, so loading the script costs nothing. */
function loadJsBackend() {
  const exports = {};
  (function (exports) {
    /*@TEAVM_JS@*/
  })(exports);
  return exports;
}

/**
 * TeaVM exports instance methods through a generic wrapper (arguments copied into an array, then
 * apply), about 120 ns a call; static exports are plain functions. The hot state operations are
 * pointed at static exports that run the very same Java methods, so a page pays about what a JS
 * Map costs.
 */
function installStateFastPaths(core) {
  const proto = core.LiveMemoryStateHandle.prototype;
  const { stateGet, stateSet, stateHas, stateUpdate } = core;
  Object.defineProperties(proto, {
    get: { value: function get(key) { return stateGet(this, key); }, writable: true, configurable: true },
    set: { value: function set(key, value) { return stateSet(this, key, value); }, writable: true, configurable: true },
    has: { value: function has(key) { return stateHas(this, key); }, writable: true, configurable: true },
    update: { value: function update(key, fn) { return stateUpdate(this, key, fn); }, writable: true, configurable: true },
  });
}

function makeApi(core, backend) {
  installStateFastPaths(core);
  const builtIns = Object.freeze(Array.from(core.components()));
  return Object.freeze({
    /** new Network(): a network of actors (contract §2). */
    Network: core.Network,
    /** The class of every node's live state handle, for instanceof (contract §3). */
    LiveMemoryStateHandle: core.LiveMemoryStateHandle,
    /** The backend actually loaded: 'js' or 'wasm'. */
    backend,
    version,
    /** The names of the built-in components written in Java. */
    components: () => builtIns.slice(),
  });
}

function chooseBackend(options) {
  if (options === undefined || options === null) {
    return 'js';
  }
  if (typeof options !== 'object') {
    throw new TypeError(`Teaflow.init(options): options must be an object, got ${typeof options}`);
  }
  const backend = options.backend === undefined ? 'auto' : options.backend;
  if (!BACKENDS.includes(backend)) {
    throw new Error(`Teaflow.init: unknown backend '${String(backend)}' (expected 'auto', 'js' or 'wasm')`);
  }
  if (backend === 'wasm') {
    throw new Error("Teaflow.init: the 'wasm' backend is not part of this build yet; use backend 'js' or 'auto'");
  }
  // 'auto' picks WebAssembly GC where the browser has it once that backend ships; today it is 'js'.
  return 'js';
}

/**
 * Loads the runtime and resolves to its Api.
 * @param {{backend?: 'auto'|'js'|'wasm', wasmUrl?: string}} [options]
 * @returns {Promise<object>}
 */
function init(options) {
  let backend;
  try {
    backend = chooseBackend(options);
  } catch (error) {
    return Promise.reject(error);
  }
  let api = apis.get(backend);
  if (!api) {
    try {
      api = makeApi(loadJsBackend(), backend);
    } catch (error) {
      return Promise.reject(error);
    }
    apis.set(backend, api);
  }
  return Promise.resolve(api);
}
