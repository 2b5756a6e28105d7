// Builds dist/ from TeaVM's output and the hand-written entry:
//   dist/teaflow.js   a classic script (global `Teaflow`), also loadable with require()
//   dist/teaflow.mjs  an ES module with the same members
// Usage: node assemble-dist.mjs <teavm-core.js> <dist-dir> <version>
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [coreFile, distDir, version] = process.argv.slice(2);
if (!coreFile || !distDir || !version) {
  console.error('usage: node assemble-dist.mjs <teavm-core.js> <dist-dir> <version>');
  process.exit(2);
}

const here = dirname(fileURLToPath(import.meta.url));
const entry = readFileSync(join(here, '../src/main/js/teaflow-entry.js'), 'utf8');
const core = readFileSync(coreFile, 'utf8');

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
${body}
return Object.freeze({ init, version });
}));
`;

const esm = `${banner}${body}
export { init, version };
export default Object.freeze({ init, version });
`;

mkdirSync(distDir, { recursive: true });
writeFileSync(join(distDir, 'teaflow.js'), classic);
writeFileSync(join(distDir, 'teaflow.mjs'), esm);
console.log(`teaflow ${version}: wrote ${join(distDir, 'teaflow.js')} (${classic.length} bytes)`
  + ` and teaflow.mjs (${esm.length} bytes)`);
