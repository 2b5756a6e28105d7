// Builds dist/ from TeaVM's output and the hand-written entry:
//   dist/teaflow.js                 the entry as a classic script (global `Teaflow`), also loadable with require()
//   dist/teaflow.mjs                the entry as an ES module with the same members
//   dist/teaflow-js-backend.js      TeaVM's JavaScript build, loaded by teaflow.js on demand (script or require)
//   dist/teaflow-js-backend.mjs     the same as an ES module, imported by teaflow.mjs on demand
//   dist/teaflow.wasm               the WebAssembly GC build, without its name section (less than half the size)
//   dist/teaflow.debug.wasm         the same build with the name section: Java method names in stack traces
//   dist/teaflow-wasm-runtime.mjs   TeaVM's loader for it, imported on demand by init()
//   dist/teaflow.d.ts               the types of teaflow.js (CommonJS `export =`, and the global)
//   dist/teaflow.d.mts              the types of teaflow.mjs (named and default exports)
//   dist/teaflow-js-backend.*.map   source maps back to the Java sources (TeaVM's map, shifted by the
//                                   lines of wrapper before the TeaVM code, with the Java sources inlined)
// Usage: node assemble-dist.mjs <teavm-core.js> <teavm-wasm-dir> <dist-dir> <version>
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [coreFile, wasmDir, distDir, version] = process.argv.slice(2);
if (!coreFile || !wasmDir || !distDir || !version) {
  console.error('usage: node assemble-dist.mjs <teavm-core.js> <teavm-wasm-dir> <dist-dir> <version>');
  process.exit(2);
}

const here = dirname(fileURLToPath(import.meta.url));
const source = name => readFileSync(join(here, '../src/main/js', name), 'utf8');
// TeaVM ends its output with a sourceMappingURL comment for its own file name; ours replaces it.
const core = readFileSync(coreFile, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
const coreMap = existsSync(coreFile + '.map') ? JSON.parse(readFileSync(coreFile + '.map', 'utf8')) : null;
// The Java sources TeaVM compiled: the runtime (framework) and the bridge (this module).
const javaSources = [join(here, '../../framework/src/main/java'), join(here, '../src/main/java')];

const entry = source('teaflow-entry.js');
if (!entry.includes('@VERSION@')) {
  throw new Error('teaflow-entry.js lost its @VERSION@ marker');
}
// A function as replacement, so `$` sequences are not read as patterns.
// The bridge's scripts go in with the entry, which hands them to each backend it loads.
const entryBody = `${source('bridge-scripts.js')}\n${entry.replace('@VERSION@', () => version)}`;

const banner = `/*! Teaflow ${version} | Apache-2.0 */\n`;

// The entries: init() and how to find the backends; neither backend is inside.
const classic = `${banner}(function (root, factory) {
  if (typeof module === 'object' && module && typeof module.exports === 'object') {
    module.exports = factory(undefined, undefined, function () { return require('./teaflow-js-backend.js'); });
    // Never runs: names the exports for Node's CommonJS lexer, so \`import { init } from '.../teaflow.js'\` works.
    0 && (module.exports = { init, version });
  } else {
    // Where this script was loaded from: the backends are fetched from beside it.
    var script = typeof document !== 'undefined' ? document.currentScript : null;
    root.Teaflow = factory(script && script.src || undefined, script && script.nonce || undefined, undefined);
  }
}(typeof globalThis !== 'undefined' ? globalThis : this, function (scriptUrl, scriptNonce, requireJsBackend) {
'use strict';
${source('classic-backends.js')}
${entryBody}
return Object.freeze({ init, version });
}));
`;

const esm = `${banner}${source('esm-backends.js')}
${entryBody}
export { init, version };
export default Object.freeze({ init, version });
`;

// The JavaScript backend, TeaVM's output at column 0 of its own line (so its source map only
// shifts by lines), as an ES module for teaflow.mjs and as a classic script / CommonJS module for
// teaflow.js. create() evaluates it; init() calls it once.
const jsBackendModule = `${banner}// Teaflow's JavaScript backend (TeaVM's output), imported by teaflow.mjs when init() picks it.
export function create() {
  const exports = {};
  (function (exports) {
${core}
  })(exports);
  return exports;
}
`;

const jsBackendScript = `${banner}// Teaflow's JavaScript backend (TeaVM's output), loaded by teaflow.js when init() picks it:
// require()d under CommonJS, else added as a script element that leaves create() in a symbol slot.
(function (register) {
  register(function create() {
    'use strict';
    var exports = {};
    (function (exports) {
${core}
    })(exports);
    return exports;
  });
}(typeof module === 'object' && module && typeof module.exports === 'object'
  ? function (create) { module.exports = { create: create }; }
  : function (create) { globalThis[Symbol.for('teaflow.jsBackend')] = create; }));
`;

/**
 * The typings for CommonJS (dist/teaflow.d.ts, beside teaflow.js): `module.exports` is the object
 * {init, version}, so the ES-module typings (the source) become one namespace behind `export =`,
 * without the default export that only teaflow.mjs has. `export as namespace` gives script-tag
 * users the global `Teaflow`.
 */
function commonJsTypes(types) {
  const esmOnly = /\n\/\/ @esm-only-start\n[\s\S]*?\n\/\/ @esm-only-end\n/;
  if (!esmOnly.test(types) || !types.includes('\nexport as namespace Teaflow;\n')) {
    throw new Error('teaflow.d.ts lost its @esm-only markers or its `export as namespace Teaflow`');
  }
  const body = types.replace(esmOnly, '\n').replace('\nexport as namespace Teaflow;\n', '\n')
    .replace(/^export declare /gm, 'export ');
  const at = body.indexOf('\n\n');
  return `${body.slice(0, at)}\n//\n// This file types dist/teaflow.js, a CommonJS module (module.exports = { init, version }) and a\n// classic script (the global Teaflow); dist/teaflow.d.mts types the ES module.\n\ndeclare namespace Teaflow {\n${body.slice(at + 2)}}\n\nexport = Teaflow;\nexport as namespace Teaflow;\n`;
}

/**
 * TeaVM's WebAssembly loader, with its dynamic imports hidden from bundlers: the Node-only
 * `import("node:fs/promises")` (used only when told to read the file from disk) fails a webpack 5
 * web build and makes Vite warn, and the imports of computed URLs (modules a caller names) make
 * webpack warn "Critical dependency". A non-literal specifier with the bundlers' ignore comments is
 * left alone by all of them; the code is otherwise TeaVM's.
 */
function webWasmLoader(loader) {
  const nodeImport = 'import("node:fs/promises")';
  if (loader.split(nodeImport).length !== 2) {
    throw new Error(`teaflow-wasm-runtime.mjs: expected exactly one ${nodeImport} to hide from bundlers (TeaVM changed its loader?)`);
  }
  const patched = loader.replace(nodeImport, () => 'import(["node:fs", "promises"].join("/"))')
    .replace(/\bimport\((?=[A-Za-z_$[])/g, () => 'import(/* webpackIgnore: true */ /* @vite-ignore */ ');
  if (/\bimport\((?!\/\* webpackIgnore)/.test(patched)) {
    throw new Error('teaflow-wasm-runtime.mjs: a dynamic import() was left for bundlers to resolve (TeaVM changed its loader?)');
  }
  return patched;
}

/** The typings for the ES module (dist/teaflow.d.mts): the source, minus the script-tag global. */
function esModuleTypes(types) {
  return types.replace('\nexport as namespace Teaflow;\n', '\n').replace(/\n\/\/ @esm-only-(start|end)\n/g, '\n');
}

/**
 * TeaVM's source map, for a file that embeds its output after `text`'s prefix: the mappings move
 * down by the prefix's lines; our Java sources are inlined, TeaVM's class library is named only.
 */
function shiftedMap(text, fileName) {
  if (!coreMap) {
    return null;
  }
  const at = text.indexOf(core);
  if (at < 0 || (at > 0 && text[at - 1] !== '\n')) {
    throw new Error(`${fileName}: TeaVM's output must start a line for the source map to hold`);
  }
  const linesBefore = text.slice(0, at).split('\n').length - 1;
  const sources = coreMap.sources.map(source => (source.startsWith('io/teaflow/') ? 'teaflow:///' : 'teavm:///') + source);
  const sourcesContent = coreMap.sources.map(source => {
    const file = javaSources.map(dir => join(dir, source)).find(candidate => existsSync(candidate));
    return source.startsWith('io/teaflow/') && file ? readFileSync(file, 'utf8') : null;
  });
  return JSON.stringify({
    version: 3,
    file: fileName,
    sources,
    sourcesContent,
    names: coreMap.names,
    mappings: ';'.repeat(linesBefore) + coreMap.mappings,
  });
}

function withMap(text, fileName) {
  const map = shiftedMap(text, fileName);
  if (map) {
    writeFileSync(join(distDir, fileName + '.map'), map);
    return `${text}//# sourceMappingURL=${fileName}.map\n`;
  }
  return text;
}

mkdirSync(distDir, { recursive: true });
writeFileSync(join(distDir, 'teaflow.js'), classic);
writeFileSync(join(distDir, 'teaflow.mjs'), esm);
writeFileSync(join(distDir, 'teaflow-js-backend.js'), withMap(jsBackendScript, 'teaflow-js-backend.js'));
writeFileSync(join(distDir, 'teaflow-js-backend.mjs'), withMap(jsBackendModule, 'teaflow-js-backend.mjs'));
// Production users download the module without the custom 'name' section (function names for
// stack traces, nearly half the bytes); the debug file keeps it: init({ wasmUrl }) picks it.
const wasm = readFileSync(join(wasmDir, 'teaflow.wasm'));
writeFileSync(join(distDir, 'teaflow.wasm'), withoutCustomSection(wasm, 'name'));
copyFileSync(join(wasmDir, 'teaflow.wasm'), join(distDir, 'teaflow.debug.wasm'));
writeFileSync(join(distDir, 'teaflow-wasm-runtime.mjs'), webWasmLoader(readFileSync(join(wasmDir, 'teaflow-wasm-runtime.mjs'), 'utf8')));
const types = source('teaflow.d.ts');
writeFileSync(join(distDir, 'teaflow.d.ts'), commonJsTypes(types));
writeFileSync(join(distDir, 'teaflow.d.mts'), esModuleTypes(types));
for (const stale of ['teaflow.js.map', 'teaflow.mjs.map']) { // maps of the entries before the backends moved out
  rmSync(join(distDir, stale), { force: true });
}
console.log(`teaflow ${version}: wrote ${distDir}: teaflow.js (${classic.length} bytes), teaflow.mjs (${esm.length} bytes),`
  + ` teaflow-js-backend.js/.mjs (${jsBackendScript.length}/${jsBackendModule.length} bytes), teaflow.wasm, teaflow-wasm-runtime.mjs, typings`);

/** The module with every custom section called `name` left out (sections are id, LEB128 size, bytes). */
function withoutCustomSection(module, name) {
  const readLeb = at => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = module[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return { value, at };
    }
  };
  const kept = [module.subarray(0, 8)]; // magic and version
  let removed = 0;
  for (let at = 8; at < module.length;) {
    const id = module[at];
    const size = readLeb(at + 1);
    const end = size.at + size.value;
    let drop = false;
    if (id === 0) {
      const nameLength = readLeb(size.at);
      drop = module.subarray(nameLength.at, nameLength.at + nameLength.value).toString('utf8') === name;
    }
    if (drop) removed++;
    else kept.push(module.subarray(at, end));
    at = end;
  }
  if (removed !== 1) throw new Error(`teaflow.wasm: expected one custom section '${name}', found ${removed} (TeaVM changed?)`);
  return Buffer.concat(kept);
}
