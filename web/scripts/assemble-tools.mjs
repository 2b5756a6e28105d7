// Builds the tools beside the runtime in dist/, from web/src/main/js with esbuild:
//   dist/teaflow-runtime.mjs          the `teaflow-runtime` bin (FBP protocol over WebSocket; `ws` bundled in)
//   dist/teaflow-fbp.mjs, .js, .d.ts, .d.mts   the FBP protocol handler and its postMessage transport
//   dist/teaflow-inspector.mjs, .js, .d.ts, .d.mts   the inspector (global TeaflowInspector in the .js)
//   (the .js files are classic scripts and CommonJS modules both)
//   dist/teaflow-inspector-layout.js  elkjs's layout worker, loaded by the inspector when it draws
// Each imports the runtime only through what a page passes it, so none is loaded unless asked for.
// Usage: node assemble-tools.mjs <dist-dir> <version>
import { copyFileSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const [distDir, version] = process.argv.slice(2);
if (!distDir || !version) {
  console.error('usage: node assemble-tools.mjs <dist-dir> <version>');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const require = createRequire(join(root, 'package.json'));
let esbuild;
try {
  esbuild = require('esbuild');
} catch {
  console.error('assemble-tools: esbuild is missing: run `npm ci` in the repository root first');
  process.exit(1);
}
const src = join(here, '../src/main/js');
const banner = `/*! Teaflow ${version} | Apache-2.0 */`;
const elkLicense = '/*! elkjs (Eclipse Layout Kernel) | EPL-2.0 | https://github.com/kieler/elkjs */';
const wsLicense = '/*! ws | MIT | https://github.com/websockets/ws */';

// `import … from 'teaflow'` in the bin means the package's own ES module, beside it in dist/.
const teaflowBeside = {
  name: 'teaflow-beside',
  setup(build) {
    build.onResolve({ filter: /^teaflow$/ }, () => ({ path: './teaflow.mjs', external: true }));
  },
};

/** The classic scripts are also CommonJS modules: `require('teaflow/inspector')` gets the same members. */
function commonJsFooter(globalName) {
  return `if (typeof module === 'object' && module && typeof module.exports === 'object') module.exports = ${globalName};`;
}

const common = { bundle: true, logLevel: 'warning', legalComments: 'none', target: 'es2020', charset: 'utf8' };
// What a page downloads is minified (the Node-only protocol runtime is not: its stack traces stay readable).
const forPages = { ...common, minify: true };

await esbuild.build({
  ...common,
  entryPoints: [join(src, 'fbp/teaflow-runtime-cli.mjs')],
  outfile: join(distDir, 'teaflow-runtime.mjs'),
  platform: 'node',
  format: 'esm',
  target: 'node18',
  // ws is CommonJS and requires Node's modules; its optional native helpers stay optional.
  external: ['bufferutil', 'utf-8-validate'],
  plugins: [teaflowBeside],
  banner: { js: `#!/usr/bin/env node\n${banner}\n${wsLicense}\nimport { createRequire as __teaflowRequire } from 'node:module';\nconst require = __teaflowRequire(import.meta.url);` },
});
chmodSync(join(distDir, 'teaflow-runtime.mjs'), 0o755);

for (const [format, extension, globalName] of [['esm', 'mjs', undefined], ['iife', 'js', 'TeaflowFbp']]) {
  await esbuild.build({
    ...forPages,
    entryPoints: [join(src, 'fbp/teaflow-fbp.mjs')],
    outfile: join(distDir, `teaflow-fbp.${extension}`),
    platform: 'browser',
    format,
    globalName,
    banner: { js: banner },
    footer: format === 'iife' ? { js: commonJsFooter(globalName) } : undefined,
  });
}

for (const [format, extension, globalName] of [['esm', 'mjs', undefined], ['iife', 'js', 'TeaflowInspector']]) {
  await esbuild.build({
    ...forPages,
    entryPoints: [join(src, 'inspector/teaflow-inspector.mjs')],
    outfile: join(distDir, `teaflow-inspector.${extension}`),
    platform: 'browser',
    format,
    globalName,
    // In the classic script, where it was loaded from (the layout worker sits beside it).
    define: format === 'iife' ? { 'import.meta.url': '__teaflowInspectorUrl' } : {},
    banner: { js: format === 'iife'
      ? `${banner}\n${elkLicense}\nvar __teaflowInspectorUrl = typeof document !== 'undefined' && document.currentScript ? document.currentScript.src : undefined;`
      : `${banner}\n${elkLicense}` },
    footer: format === 'iife' ? { js: commonJsFooter(globalName) } : undefined,
  });
}
const elkWorker = require.resolve('elkjs/lib/elk-worker.min.js');
copyFileSync(elkWorker, join(distDir, 'teaflow-inspector-layout.js'));
// One declaration file, twice: .d.ts beside the classic script (CommonJS), .d.mts beside the module.
for (const [folder, name] of [['inspector', 'teaflow-inspector'], ['fbp', 'teaflow-fbp']]) {
  const from = join(src, folder, `${name}.d.ts`);
  copyFileSync(from, join(distDir, `${name}.d.ts`));
  copyFileSync(from, join(distDir, `${name}.d.mts`));
}
console.log(`teaflow ${version}: wrote the inspector, the FBP protocol runtime and teaflow-runtime.mjs into ${distDir}`);
