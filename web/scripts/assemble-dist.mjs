// Builds dist/ from TeaVM's output and the hand-written entry:
//   dist/teaflow.js                a classic script (global `Teaflow`), also loadable with require()
//   dist/teaflow.mjs               an ES module with the same members
//   dist/teaflow.wasm              the WebAssembly GC build
//   dist/teaflow-wasm-runtime.mjs  TeaVM's loader for it, imported on demand by init()
//   dist/teaflow.d.ts, .d.mts      the TypeScript types (one file; .d.mts for ES-module resolution)
//   dist/teaflow.js.map, .mjs.map  source maps back to the Java sources (TeaVM's map, shifted by the
//                                  lines of wrapper before the TeaVM code, with the Java sources inlined)
// Usage: node assemble-dist.mjs <teavm-core.js> <teavm-wasm-dir> <dist-dir> <version>
import { copyFileSync, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [coreFile, wasmDir, distDir, version] = process.argv.slice(2);
if (!coreFile || !wasmDir || !distDir || !version) {
  console.error('usage: node assemble-dist.mjs <teavm-core.js> <teavm-wasm-dir> <dist-dir> <version>');
  process.exit(2);
}

const here = dirname(fileURLToPath(import.meta.url));
const entry = readFileSync(join(here, '../src/main/js/teaflow-entry.js'), 'utf8');
// TeaVM ends its output with a sourceMappingURL comment for its own file name; ours replaces it.
const core = readFileSync(coreFile, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
const coreMap = existsSync(coreFile + '.map') ? JSON.parse(readFileSync(coreFile + '.map', 'utf8')) : null;
const javaSources = join(here, '../../framework/src/main/java');

const MARKER = '/*@TEAVM_JS@*/';
if (!entry.includes(MARKER) || !entry.includes('@VERSION@')) {
  throw new Error(`teaflow-entry.js lost its ${MARKER} or @VERSION@ marker`);
}
// A function as replacement, so `$` sequences in TeaVM's output are not read as patterns.
const body = entry.replace('@VERSION@', () => version).replace(MARKER, () => core);

const banner = `/*! Teaflow ${version} | Apache-2.0 */\n`;

const classic = `${banner}(function (root, factory) {
  if (typeof module === 'object' && module && typeof module.exports === 'object') {
    module.exports = factory();
  } else {
    root.Teaflow = factory();
  }
}(typeof globalThis !== 'undefined' ? globalThis : this, function () {
'use strict';
// Where this script was loaded from: teaflow.wasm and its loader are fetched from beside it.
const scriptUrl = typeof document !== 'undefined' && document.currentScript && document.currentScript.src
  ? document.currentScript.src : undefined;
${body}
return Object.freeze({ init, version });
}));
`;

const esm = `${banner}// Where this module was loaded from: teaflow.wasm and its loader are fetched from beside it.
const scriptUrl = import.meta.url;
${body}
export { init, version };
export default Object.freeze({ init, version });
`;

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
    const file = join(javaSources, source);
    return source.startsWith('io/teaflow/') && existsSync(file) ? readFileSync(file, 'utf8') : null;
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
writeFileSync(join(distDir, 'teaflow.js'), withMap(classic, 'teaflow.js'));
writeFileSync(join(distDir, 'teaflow.mjs'), withMap(esm, 'teaflow.mjs'));
copyFileSync(join(wasmDir, 'teaflow.wasm'), join(distDir, 'teaflow.wasm'));
const types = join(here, '../src/main/js/teaflow.d.ts');
copyFileSync(types, join(distDir, 'teaflow.d.ts'));
copyFileSync(types, join(distDir, 'teaflow.d.mts'));
copyFileSync(join(wasmDir, 'teaflow-wasm-runtime.mjs'), join(distDir, 'teaflow-wasm-runtime.mjs'));
console.log(`teaflow ${version}: wrote ${join(distDir, 'teaflow.js')} (${classic.length} bytes)`
  + ` and teaflow.mjs (${esm.length} bytes)`);
