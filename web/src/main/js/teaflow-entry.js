// Teaflow's entry: the one public function, init(), and the Api it resolves to.
// The build (web/scripts/assemble-dist.mjs) puts TeaVM's output where the marker below is and
// wraps this file as a classic script (dist/teaflow.js) and as an ES module (dist/teaflow.mjs).

const version = '@VERSION@';

const BACKENDS = ['auto', 'js', 'wasm'];

/** The TeaVM WebAssembly GC build and its loader, fetched from beside this script unless told otherwise. */
const WASM_FILE = 'teaflow.wasm';
const WASM_LOADER_FILE = 'teaflow-wasm-runtime.mjs';

/** One Api per backend, kept as a promise: init() twice with a backend resolves to the same object. */
const apis = new Map();

/** Evaluates the TeaVM JavaScript build on first use, so loading the script costs nothing. */
function loadJsBackend() {
  const exports = {};
  (function (exports) {
// TeaVM's output goes on the next line, at column 0, so its source map only shifts by lines.
/*@TEAVM_JS@*/
  })(exports);
  return exports;
}

/** Fetches, compiles and instantiates the TeaVM WebAssembly GC build. */
async function loadWasmBackend(wasmUrl) {
  const base = scriptUrl || (typeof location !== 'undefined' ? location.href : undefined);
  if (!base && !wasmUrl) {
    throw new Error("Teaflow.init: cannot tell where teaflow.wasm is; pass options.wasmUrl");
  }
  const loaderUrl = new URL(WASM_LOADER_FILE, base).href;
  const url = wasmUrl ? new URL(String(wasmUrl), base).href : new URL(WASM_FILE, base).href;
  let loader;
  try {
    loader = await import(/* webpackIgnore: true */ loaderUrl);
  } catch (error) {
    throw new Error(`Teaflow.init: could not load the WebAssembly loader ${loaderUrl}: ${error.message}`, { cause: error });
  }
  try {
    return (await loader.load(url)).exports;
  } catch (error) {
    throw new Error(`Teaflow.init: could not load ${url} (served as application/wasm? a Content-Security-Policy`
      + ` needs 'wasm-unsafe-eval' and 'unsafe-eval' for it): ${error.message}`, { cause: error });
  }
}

/** Whether this engine runs WebAssembly GC: validates a one-struct-type module, no user-agent guessing. */
function supportsWasmGc() {
  try {
    return typeof WebAssembly === 'object'
      && WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 95, 1, 120, 0]));
  } catch {
    return false;
  }
}

/**
 * TeaVM exports instance methods through a generic wrapper (arguments copied into an array, then
 * apply), about 120 ns a call; static exports are plain functions. The hot state operations and
 * net.send are pointed at static exports that run the very same Java methods, so a page pays
 * about what a JS Map costs.
 */
function installStateFastPaths(core) {
  const proto = core.LiveMemoryStateHandle.prototype;
  const { stateGet, stateSet, stateHas, stateUpdate } = core;
  // update's fn is the page's: if it throws, Java hands back this holder and the throw happens
  // here, so the page's value never passes through TeaVM's glue (which would inspect it).
  const thrown = core.thrownByPage();
  const rethrow = () => {
    const error = thrown.error;
    thrown.error = undefined;
    throw error;
  };
  Object.defineProperties(proto, {
    get: { value: function get(key) { return stateGet(this, key); }, writable: true, configurable: true },
    set: { value: function set(key, value) { stateSet(this, key, value); return this; }, writable: true, configurable: true },
    has: { value: function has(key) { return stateHas(this, key); }, writable: true, configurable: true },
    update: {
      value: function update(key, fn) {
        const next = stateUpdate(this, key, fn);
        return next === thrown ? rethrow() : next;
      },
      writable: true, configurable: true,
    },
  });
  const { networkSend } = core;
  Object.defineProperty(core.Network.prototype, 'send', {
    value: function send(node, port, value) { networkSend(this, node, port, value); },
    writable: true, configurable: true,
  });
}

/** Where snapshots are kept: 'localStorage' (the default) or 'indexedDB'. */
const SNAPSHOT_STORES = ['localStorage', 'indexedDB'];
const IDB_DATABASE = 'teaflow';
const IDB_STORE = 'snapshots';

function snapshotStore(options, call) {
  const store = options && options.store !== undefined ? options.store : 'localStorage';
  if (!SNAPSHOT_STORES.includes(store)) {
    throw new Error(`${call}: unknown store '${String(store)}' (expected 'localStorage' or 'indexedDB')`);
  }
  if (store === 'localStorage' && typeof localStorage === 'undefined') {
    throw new Error(`${call}: localStorage is not available here`);
  }
  if (store === 'indexedDB' && typeof indexedDB === 'undefined') {
    throw new Error(`${call}: indexedDB is not available here`);
  }
  return store;
}

function openSnapshotDatabase() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(IDB_DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(IDB_STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function idbRequest(mode, operation) {
  return openSnapshotDatabase().then(database => new Promise((resolve, reject) => {
    const transaction = database.transaction(IDB_STORE, mode);
    const request = operation(transaction.objectStore(IDB_STORE));
    transaction.oncomplete = () => { database.close(); resolve(request.result); };
    transaction.onerror = transaction.onabort = () => { database.close(); reject(transaction.error || request.error); };
  }));
}

/**
 * net.saveSnapshot(key, {store, skipUnserializable}) and net.loadSnapshot(key, {store}): snapshot()
 * and restore() through localStorage (as JSON) or IndexedDB. Both return Promises; loading a key
 * that was never saved rejects naming it.
 */
function installPersistence(Network) {
  Object.defineProperties(Network.prototype, {
    saveSnapshot: {
      value: async function saveSnapshot(key, options = {}) {
        const call = `saveSnapshot(${JSON.stringify(key)})`;
        if (typeof key !== 'string' || key === '') throw new TypeError(`${call}: the key must be a non-empty string`);
        const store = snapshotStore(options, call);
        const snapshot = this.snapshot({ skipUnserializable: options.skipUnserializable === true });
        if (store === 'localStorage') {
          localStorage.setItem(key, JSON.stringify(snapshot));
        } else {
          await idbRequest('readwrite', objects => objects.put(snapshot, key));
        }
        return snapshot;
      },
      writable: true, configurable: true,
    },
    loadSnapshot: {
      value: async function loadSnapshot(key, options = {}) {
        const call = `loadSnapshot(${JSON.stringify(key)})`;
        if (typeof key !== 'string' || key === '') throw new TypeError(`${call}: the key must be a non-empty string`);
        const store = snapshotStore(options, call);
        const snapshot = store === 'localStorage'
          ? (text => (text === null ? undefined : JSON.parse(text)))(localStorage.getItem(key))
          : await idbRequest('readonly', objects => objects.get(key));
        if (snapshot === undefined) throw new Error(`${call}: no snapshot saved under '${key}' in ${store}`);
        this.restore(snapshot);
        return snapshot;
      },
      writable: true, configurable: true,
    },
  });
}

function makeApi(core, backend) {
  installStateFastPaths(core);
  installPersistence(core.Network);
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

function readOptions(options) {
  if (options === undefined || options === null) {
    return { backend: 'auto', wasmUrl: undefined };
  }
  if (typeof options !== 'object') {
    throw new TypeError(`Teaflow.init(options): options must be an object, got ${typeof options}`);
  }
  let backend;
  let wasmUrl;
  try {
    backend = options.backend === undefined ? 'auto' : options.backend;
    wasmUrl = options.wasmUrl;
  } catch (error) {
    // A revoked Proxy, or a getter that throws: say so without touching what it threw.
    throw new TypeError('Teaflow.init(options): the options object cannot be read (a revoked Proxy, or a getter'
      + ' that throws)', { cause: error });
  }
  if (!BACKENDS.includes(backend)) {
    throw new Error(`Teaflow.init: unknown backend ${typeof backend === 'string' ? `'${backend}'` : `of type ${typeof backend}`}`
      + " (expected 'auto', 'js' or 'wasm')");
  }
  if (wasmUrl !== undefined && typeof wasmUrl !== 'string' && !(typeof URL !== 'undefined' && wasmUrl instanceof URL)) {
    throw new TypeError(`Teaflow.init: options.wasmUrl must be a string or URL, got ${typeof wasmUrl}`);
  }
  return { backend, wasmUrl };
}

function apiFor(backend, wasmUrl) {
  let api = apis.get(backend);
  if (!api) {
    api = backend === 'wasm'
      ? loadWasmBackend(wasmUrl).then(core => makeApi(core, 'wasm'))
      : new Promise(resolve => resolve(makeApi(loadJsBackend(), 'js')));
    // A failed load is not cached: a later init() may try again (say, once the file is served).
    api.catch(() => apis.delete(backend));
    apis.set(backend, api);
  }
  return api;
}

/**
 * Loads the runtime and resolves to its Api.
 * backend 'js' is TeaVM's JavaScript build, 'wasm' its WebAssembly GC build, and 'auto' (the
 * default) picks 'wasm' where the engine supports WebAssembly GC, falling back to 'js' (with a
 * console warning) if the wasm build cannot be loaded.
 * @param {{backend?: 'auto'|'js'|'wasm', wasmUrl?: string|URL}} [options]
 * @returns {Promise<object>}
 */
function init(options) {
  let request;
  try {
    request = readOptions(options);
  } catch (error) {
    return Promise.reject(error);
  }
  const { backend, wasmUrl } = request;
  if (backend !== 'auto') {
    if (backend === 'wasm' && !supportsWasmGc()) {
      return Promise.reject(new Error("Teaflow.init: backend 'wasm' needs WebAssembly GC, which this engine lacks;"
        + " use backend 'auto' or 'js'"));
    }
    return apiFor(backend, wasmUrl);
  }
  if (!supportsWasmGc()) {
    return apiFor('js');
  }
  return apiFor('wasm', wasmUrl).catch(error => {
    console.warn('Teaflow: falling back to the JavaScript backend:', error.message);
    return apiFor('js');
  });
}
