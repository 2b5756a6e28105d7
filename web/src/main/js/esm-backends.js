// How dist/teaflow.mjs finds its backends: written the way bundlers understand, so that Vite,
// webpack 5, Rollup and esbuild (with --splitting) emit each backend as its own file, fetched only
// when init() asks for it, and rewrite the teaflow.wasm URL to wherever they put that file:
// a literal relative import() for each script, and new URL('./teaflow.wasm', import.meta.url).

/** The TeaVM JavaScript build: its own module, so a page on the wasm backend never downloads it. */
function loadJsCore() {
  return import('./teaflow-js-backend.mjs').then(module => module.create());
}

/** What messages call the default loader (a bundler may have renamed and moved the file). */
function describeDefaultWasmLoader() {
  return "'./teaflow-wasm-runtime.mjs' (imported by teaflow.mjs)";
}

/** TeaVM's WebAssembly GC loader: the one beside this module, or the one at init({wasmLoaderUrl}). */
function importWasmLoader(url) {
  return url === undefined
    ? import('./teaflow-wasm-runtime.mjs')
    : import(/* webpackIgnore: true */ /* @vite-ignore */ url);
}

/** The teaflow.wasm beside this module (bundlers emit it and rewrite this expression). */
function defaultWasmUrl() {
  let url;
  try {
    url = new URL('./teaflow.wasm', import.meta.url);
  } catch (error) {
    throw new Error('Teaflow.init: cannot tell where teaflow.wasm is (this bundle has no import.meta.url, as in an IIFE'
      + ' or CommonJS bundle); pass init({ wasmUrl }) naming it', { cause: error });
  }
  return url.href;
}
