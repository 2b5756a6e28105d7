// Teaflow's entry: the one public function, init(), and the Api it resolves to.
// The build (maven-plugin's EntryScripts) puts this file inside a classic-script wrapper
// (dist/teaflow.js) and an ES-module wrapper (dist/teaflow.mjs), each after its own way of finding
// the two backends (classic-backends.js, esm-backends.js): loadJsCore(), importWasmLoader(url),
// defaultWasmUrl() and describeDefaultWasmLoader(). Neither backend is part of the entry: a page
// downloads only the one init() picks.

const version = '@VERSION@';

const BACKENDS = ['auto', 'js', 'wasm'];

/** One Api per backend, kept as a promise: init() twice with a backend resolves to the same object. */
const apis = new Map();

/** Evaluates the TeaVM JavaScript build, fetched on first use (dist/teaflow-js-backend.*). */
async function loadJsBackend() {
  try {
    return await loadJsCore();
  } catch (error) {
    throw new Error(`Teaflow.init: could not load the JavaScript backend: ${error.message}`, { cause: error });
  }
}

/** Where the page is: user-given relative URLs resolve against it, as fetch() would. */
function pageUrl() {
  if (typeof document !== 'undefined' && document.baseURI) return document.baseURI;
  if (typeof location !== 'undefined') return location.href;
  return undefined;
}

function userUrl(value, option) {
  let text;
  try {
    text = String(value);
    return new URL(text, pageUrl()).href;
  } catch (error) {
    throw new Error(`Teaflow.init: options.${option} ${text === undefined ? '' : `'${text}' `}is not a URL`
      + ' (a relative URL needs a page to resolve against)', { cause: error });
  }
}

/**
 * Why loading the wasm file failed, from a second look at the URL (made only after a failure): the
 * HTTP status and Content-Type, which the engine's own message leaves out. '' when it looks right.
 */
async function wasmResponseProblem(url) {
  if (typeof fetch !== 'function') return '';
  try {
    const response = await fetch(url, { cache: 'no-store' });
    const type = response.headers.get('content-type') || 'no Content-Type';
    if (!response.ok) return `the server answered ${response.status} (${type})`;
    if (!/^application\/wasm\b/i.test(type)) return `the server answered ${response.status} with ${type}, not application/wasm`;
    return '';
  } catch (error) {
    return `fetching it failed (${error.message})`;
  }
}

/**
 * Starts downloading and compiling teaflow.wasm at once, while the loader is still being fetched,
 * the way TeaVM's loader would (the same compile options); undefined where the loader would not
 * fetch (it reads files under Node) or the engine cannot stream. Its failure is reported by the
 * caller, like the loader's own.
 */
function compileWasmEarly(wasmUrl) {
  if (typeof process !== 'undefined' || typeof fetch !== 'function' || typeof WebAssembly.compileStreaming !== 'function') {
    return undefined;
  }
  const compiled = WebAssembly.compileStreaming(fetch(wasmUrl), { builtins: ['js-string'] });
  compiled.catch(() => {}); // awaited below; not an unhandled rejection if the loader fails first
  return compiled;
}

/** Fetches, compiles and instantiates the TeaVM WebAssembly GC build with TeaVM's loader. */
async function loadWasmBackend(options) {
  const wasmUrl = options.wasmUrl !== undefined ? userUrl(options.wasmUrl, 'wasmUrl') : defaultWasmUrl();
  const loaderUrl = options.wasmLoaderUrl !== undefined ? userUrl(options.wasmLoaderUrl, 'wasmLoaderUrl') : undefined;
  // Only Teaflow's own loader takes a compiled module; a loader of the page's own gets the URL.
  const early = loaderUrl === undefined ? compileWasmEarly(wasmUrl) : undefined;
  let loader;
  try {
    loader = await importWasmLoader(loaderUrl);
  } catch (error) {
    throw new Error(`Teaflow.init: could not load the WebAssembly loader ${loaderUrl || describeDefaultWasmLoader()}: ${error.message}`, { cause: error });
  }
  if (!loader || typeof loader.load !== 'function') {
    throw new Error(`Teaflow.init: ${loaderUrl || describeDefaultWasmLoader()} is not TeaVM's WebAssembly loader (it exports no load function)`);
  }
  try {
    const source = early !== undefined && loader.teaflowAcceptsCompiledModule === true ? await early : wasmUrl;
    return (await loader.load(source)).exports;
  } catch (error) {
    const problem = await wasmResponseProblem(wasmUrl);
    throw new Error(problem
      ? `Teaflow.init: could not load ${wasmUrl}: ${problem} (${error.message})`
      : `Teaflow.init: could not load ${wasmUrl}: ${error.message} (is it Teaflow's teaflow.wasm? Under a`
        + " Content-Security-Policy the wasm backend needs 'wasm-unsafe-eval' and 'unsafe-eval')", { cause: error });
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
 * target[symbol] when it is target's own bookkeeping (its owner field is target): an object whose
 * prototype is a handle or network must not use that one's. Undefined otherwise, and for a target
 * that cannot be read at all (undefined, a revoked Proxy).
 */
function ownSlot(target, symbol) {
  let slot;
  try {
    slot = target[symbol];
  } catch {
    return undefined;
  }
  return slot !== undefined && slot.owner === target ? slot : undefined;
}

/**
 * TeaVM exports instance methods through a generic wrapper (arguments copied into an array, then
 * apply), about 120 ns a call; static exports are plain functions. The hot state operations and
 * net.send are pointed at static exports that run the very same Java methods, so a page pays
 * about what a JS Map costs. Better still, get, has, update and set (while nobody subscribes to
 * the node's state, so nobody needs telling) use the state's Map itself: the same Map Java reads
 * and writes (JsMapStorage), reached through the handle's {map, observed, owner}, which Java keeps
 * current. A key that is not a string, and every write somebody observes, go through Java.
 */
function installStateFastPaths(core, checkHandle) {
  const proto = core.LiveMemoryStateHandle.prototype;
  const { stateGet, stateSet, stateHas, stateSize, stateUpdateStart, statePageAccess } = core;
  const PAGE_ACCESS = Symbol('teaflow.statePageAccess');
  // For an object whose prototype is a handle: every operation goes through Java.
  const NO_ACCESS = Object.freeze({ map: null, observed: true, owner: null });
  // No access of its own (no handle at all, or an object whose prototype is one): bindAccess says which.
  const accessOf = (handle, name) => ownSlot(handle, PAGE_ACCESS) || bindAccess(handle, name);
  function bindAccess(handle, name) {
    checkHandle(handle, name);
    const access = statePageAccess(handle);
    if (access.owner !== handle) return NO_ACCESS;
    try {
      Object.defineProperty(handle, PAGE_ACCESS, { value: access });
    } catch {
      // A frozen handle: the access is fetched again next time.
    }
    return access;
  }
  function setValue(handle, key, value, name) {
    const access = accessOf(handle, name);
    if (access.observed === false && typeof key === 'string') access.map.set(key, value);
    else stateSet(handle, key, value);
  }
  Object.defineProperties(proto, {
    get: {
      value: function get(key) {
        const { map } = accessOf(this, 'get');
        return map !== null && typeof key === 'string' ? map.get(key) : stateGet(this, key);
      },
      writable: true, configurable: true,
    },
    set: {
      value: function set(key, value) {
        setValue(this, key, value, 'set');
        return this;
      },
      writable: true, configurable: true,
    },
    has: {
      value: function has(key) {
        const { map } = accessOf(this, 'has');
        return map !== null && typeof key === 'string' ? map.has(key) : stateHas(this, key);
      },
      writable: true, configurable: true,
    },
    size: {
      get: function size() {
        checkHandle(this, 'size');
        return stateSize(this);
      },
      configurable: true,
    },
    update: {
      value: function update(key, fn) {
        const { map } = accessOf(this, 'update');
        // fn is the page's: called here, in JS, so what it throws never passes through TeaVM's glue.
        const next = fn(map !== null && typeof key === 'string' && typeof fn === 'function'
          ? map.get(key) : stateUpdateStart(this, key, fn));
        // set checks again: fn may have subscribed.
        setValue(this, key, next, 'update');
        return next;
      },
      writable: true, configurable: true,
    },
  });
}

/**
 * net.send(node, port, value): a number crosses as a number (on wasm, no call back into JS to read
 * it). The node and inport of a network's last accepted send are kept on it and compared here, so a
 * page sending to one inport again and again crosses into Java with the value alone (on wasm each
 * page value Java compares would cost a call back into JS). Java keeps the same pair (JsNetwork)
 * with a token naming that send; a send again carries the token, and Java refuses it (0) when its
 * pair has changed since (a send through an object whose prototype is this network, say), so the
 * full send runs instead.
 */
function installSendFastPath(core, checkNetwork) {
  const { networkSend, networkSendNumber, networkSendAgain, networkSendNumberAgain } = core;
  const LAST_SEND = Symbol('teaflow.lastSend');
  Object.defineProperty(core.Network.prototype, 'send', {
    value: function send(node, port, value) {
      // None for no network (checkNetwork below says so) or an object whose prototype is a network.
      const last = ownSlot(this, LAST_SEND);
      const mine = last !== undefined;
      if (mine && last.node === node && last.port === port && (typeof value === 'number'
        ? networkSendNumberAgain(this, last.token, value) : networkSendAgain(this, last.token, value)) === 1) {
        return;
      }
      checkNetwork(this, 'send');
      const token = typeof value === 'number'
        ? networkSendNumber(this, node, port, value) : networkSend(this, node, port, value);
      if (mine) {
        last.node = node;
        last.port = port;
        last.token = token;
        return;
      }
      try {
        Object.defineProperty(this, LAST_SEND, { value: { owner: this, node, port, token } });
      } catch {
        // A frozen network: every send names its node and port to Java.
      }
    },
    writable: true, configurable: true,
  });
}

/** addNode and addConnection through static exports too (see installStateFastPaths): a page may build thousands of nodes. */
function installBuildFastPaths(core, checkNetwork) {
  const { networkAddNode, networkAddConnection } = core;
  Object.defineProperties(core.Network.prototype, {
    addNode: {
      value: function addNode(id, component, config) {
        checkNetwork(this, 'addNode');
        networkAddNode(this, id, component, config);
        return this;
      },
      writable: true, configurable: true,
    },
    addConnection: {
      value: function addConnection(from, fromPort, to, toPort) {
        checkNetwork(this, 'addConnection');
        networkAddConnection(this, from, fromPort, to, toPort);
        return this;
      },
      writable: true, configurable: true,
    },
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

/**
 * A check of a method's this: check(value, name) throws unless value is an instance of Class (an
 * object whose prototype is one counts, as it always has). Without it, a method called on
 * something else (as a method taken off its object is: const { send } = net) failed deep in the
 * backend, naming TeaVM's minified fields (js) or a "type incompatibility" (wasm).
 */
function receiverCheck(Class, className, noun, holder, describe) {
  return function check(value, name) {
    let isInstance;
    try {
      isInstance = value instanceof Class;
    } catch {
      isInstance = false; // a revoked Proxy
    }
    if (!isInstance) {
      throw new TypeError(`${className}.${name}: called on ${describe(value)}, not on a ${noun}; call it as`
        + ` ${holder}.${name}(...) (a method taken off its ${noun}, as by const { ${name} } = ${holder}, has no`
        + ` ${noun} to act on)`);
    }
  };
}

/** Every other method of Class.prototype checks its this first; those named in checksItself do it themselves. */
function installReceiverChecks(Class, check, checksItself) {
  const proto = Class.prototype;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (name === 'constructor' || checksItself.includes(name) || typeof descriptor.value !== 'function') continue;
    const method = descriptor.value;
    const checked = {
      [name](...args) {
        check(this, name);
        return method.apply(this, args);
      },
    }[name];
    Object.defineProperty(proto, name, { ...descriptor, value: checked });
  }
}

function makeApi(core, backend) {
  // First: every call into the bridge may use its scripts (web/src/main/js/bridge-scripts.js).
  const scripts = bridgeScripts(core);
  core.installBridgeScripts(scripts);
  const checkNetwork = receiverCheck(core.Network, 'Network', 'network', 'net', scripts.describe);
  const checkHandle = receiverCheck(core.LiveMemoryStateHandle, 'LiveMemoryStateHandle', 'state handle', 'handle',
    scripts.describe);
  installStateFastPaths(core, checkHandle);
  installSendFastPath(core, checkNetwork);
  installBuildFastPaths(core, checkNetwork);
  installPersistence(core.Network);
  installReceiverChecks(core.Network, checkNetwork, ['send', 'addNode', 'addConnection']);
  installReceiverChecks(core.LiveMemoryStateHandle, checkHandle, ['get', 'set', 'has', 'update']);
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

/** A URL option as given: undefined, a string or a URL; anything else is a TypeError naming it. */
function checkUrlOption(value, name) {
  let isUrl = false;
  try {
    isUrl = typeof URL !== 'undefined' && value instanceof URL;
  } catch {
    // A Proxy whose getPrototypeOf trap throws is no URL.
  }
  if (value !== undefined && typeof value !== 'string' && !isUrl) {
    throw new TypeError(`Teaflow.init: options.${name} must be a string or URL, got ${value === null ? 'null' : typeof value}`);
  }
  return value;
}

function readOptions(options) {
  if (options === undefined || options === null) {
    return { backend: 'auto', wasmUrl: undefined, wasmLoaderUrl: undefined };
  }
  if (typeof options !== 'object') {
    throw new TypeError(`Teaflow.init(options): options must be an object, got ${typeof options}`);
  }
  let backend;
  let wasmUrl;
  let wasmLoaderUrl;
  try {
    backend = options.backend === undefined ? 'auto' : options.backend;
    wasmUrl = options.wasmUrl;
    wasmLoaderUrl = options.wasmLoaderUrl;
  } catch (error) {
    // A revoked Proxy, or a getter that throws: say so without touching what it threw.
    throw new TypeError('Teaflow.init(options): the options object cannot be read (a revoked Proxy, or a getter'
      + ' that throws)', { cause: error });
  }
  if (!BACKENDS.includes(backend)) {
    throw new Error(`Teaflow.init: unknown backend ${typeof backend === 'string' ? `'${backend}'` : `of type ${typeof backend}`}`
      + " (expected 'auto', 'js' or 'wasm')");
  }
  return { backend, wasmUrl: checkUrlOption(wasmUrl, 'wasmUrl'), wasmLoaderUrl: checkUrlOption(wasmLoaderUrl, 'wasmLoaderUrl') };
}

function apiFor(backend, request) {
  let api = apis.get(backend);
  if (!api) {
    api = backend === 'wasm'
      ? loadWasmBackend(request).then(core => makeApi(core, 'wasm'))
      : loadJsBackend().then(core => makeApi(core, 'js'));
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
 * @param {{backend?: 'auto'|'js'|'wasm', wasmUrl?: string|URL, wasmLoaderUrl?: string|URL}} [options]
 * @returns {Promise<object>}
 */
function init(options) {
  let request;
  try {
    request = readOptions(options);
  } catch (error) {
    return Promise.reject(error);
  }
  const { backend } = request;
  if (backend !== 'auto') {
    if (backend === 'wasm' && !supportsWasmGc()) {
      return Promise.reject(new Error("Teaflow.init: backend 'wasm' needs WebAssembly GC, which this engine lacks;"
        + " use backend 'auto' or 'js'"));
    }
    return apiFor(backend, request);
  }
  if (!supportsWasmGc()) {
    return apiFor('js', request);
  }
  // What 'auto' settled on is kept, so a page that calls init() often warns (and fetches) once.
  let auto = apis.get('auto');
  if (!auto) {
    auto = apiFor('wasm', request).catch(error => {
      console.warn(`${error.message}\n${FALLBACK_ADVICE}`);
      return apiFor('js', request);
    });
    auto.catch(() => apis.delete('auto'));
    apis.set('auto', auto);
  }
  return auto;
}

/** What 'auto' tells the page when the wasm build could not be loaded: the usual fixes. */
const FALLBACK_ADVICE = "Teaflow: init() fell back to the JavaScript backend (api.backend is 'js')."
  + ' To run the WebAssembly build, serve teaflow.wasm (as application/wasm) and teaflow-wasm-runtime.mjs'
  + " from the package's dist/ where the page can fetch them: Vite and webpack 5 do that with no configuration;"
  + ' with esbuild or Rollup, copy node_modules/teaflow/dist/teaflow.wasm beside the bundle;'
  + ' or pass init({ wasmUrl, wasmLoaderUrl }) naming both files.'
  + " init({ backend: 'js' }) asks for the JavaScript backend without this warning.";
