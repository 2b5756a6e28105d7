// The npm package as users get it, in real apps: packs the repository (npm pack), lints the
// tarball (@arethetypeswrong/cli, publint), type-checks it from CommonJS and ES modules, installs it
// into a copy of each app under examples/bundlers/ (offline, from the tarball), builds each app
// with the script its package.json names, and loads each built app, and the Vite dev server, in
// Chromium on every backend. Prints one JSON line per check ({check, ok, detail}) and, per page,
// what it downloaded; exits 1 if any check failed.
// Usage: node test-harness/node/bundler-apps.mjs <empty work dir under the repository>
// The bundlers are the repository's devDependencies, found by walking up from the work dir.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { delimiter, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const work = resolve(process.argv[2] ?? '');
if (!process.argv[2] || !(work + sep).startsWith(repo + sep)) {
  console.error('usage: node bundler-apps.mjs <work dir inside the repository> (the bundlers resolve from its node_modules)');
  process.exit(2);
}
const requireFromRepo = createRequire(join(repo, 'package.json'));
const { chromium } = requireFromRepo('playwright-core');
const bin = join(repo, 'node_modules', '.bin');
const BACKENDS = ['js', 'wasm', 'auto'];
/** What each app's page computes: 21 and 4 doubled by a JS actor and summed by core/Accumulate. */
const TOTAL = 50;

let failed = 0;
function report(check, ok, detail = '') {
  if (!ok) failed++;
  console.log(JSON.stringify({ check, ok, detail }));
}

function run(command, args, cwd, limitMs = 120_000) {
  const env = { ...process.env, PATH: bin + delimiter + process.env.PATH, npm_config_update_notifier: 'false',
    npm_config_fund: 'false', npm_config_audit: 'false' };
  delete env.NODE_OPTIONS;
  const started = Date.now();
  const ran = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: limitMs, maxBuffer: 64 << 20 });
  const output = `$ (cd ${cwd} && ${command} ${args.join(' ')}) -> ${ran.error ? ran.error.message : 'exit ' + ran.status}`
    + ` after ${Date.now() - started} ms\n${ran.stdout}${ran.stderr}`;
  return { ok: !ran.error && ran.status === 0, output, stdout: ran.stdout };
}

// ---- pack, lint, types ----

rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'screenshots'), { recursive: true });
const packed = run('npm', ['pack', '--pack-destination', work], repo);
const tarball = readdirSync(work).find(name => name.endsWith('.tgz'));
if (!packed.ok || !tarball) {
  report('npm pack', false, packed.output);
  process.exit(1);
}
const tarballPath = join(work, tarball);

// Every resolution mode (node10, node16 from CJS and ESM, bundler) for '.'; the other subpaths are
// files to reference by URL (teaflow.wasm, the wasm loader), not modules with an API.
const attw = run('attw', [tarballPath, '--format', 'table-flipped', '--profile', 'strict',
  '--exclude-entrypoints', './teaflow.wasm', './teaflow.debug.wasm', './teaflow-wasm-runtime.mjs', './package.json'], repo);
report('attw: the types of teaflow resolve right in every resolution mode', attw.ok, attw.output);

/** Installs the tarball (offline: the package has no dependencies) into dir, with the app's scripts. */
function installInto(dir, scripts = {}) {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true, scripts }, null, 2));
  return run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarballPath], dir);
}

const typesDir = join(work, 'types');
mkdirSync(typesDir);
const typesInstall = installInto(typesDir);
if (!typesInstall.ok) report('install the tarball for the type checks', false, typesInstall.output);
const publint = run('publint', ['run', tarballPath, '--strict'], repo);
report('publint: package.json and the packed files agree, not even a suggestion', publint.ok && /All good!/.test(publint.stdout), publint.output);

// Each resolution mode with the README's TypeScript quickstart; CommonJS also the mistake the
// old typings allowed (tf.default.init() compiled and threw).
const quickstart = readFileSync(join(repo, 'test-harness/types/readme-example.ts'), 'utf8');
const readmeTs = /```ts\n([\s\S]*?)```/.exec(readFileSync(join(repo, 'README.md'), 'utf8'));
report('README: its TypeScript quickstart is test-harness/types/readme-example.ts word for word',
  readmeTs !== null && readmeTs[1] === quickstart.slice(quickstart.indexOf('import {')),
  `README's first ts block:\n${readmeTs && readmeTs[1]}`);
writeFileSync(join(typesDir, 'readme.mts'), quickstart);
writeFileSync(join(typesDir, 'bundler.ts'), quickstart);
writeFileSync(join(typesDir, 'commonjs.cts'), `import tf = require('teaflow');
const { init } = tf;
export async function main(): Promise<string> {
  // @ts-expect-error module.exports has no default member: teaflow.js sets module.exports = { init, version }
  void tf.default;
  const api: tf.Api = await init({ backend: 'js' });
  const net: tf.Network = new api.Network();
  return api.backend + net.state.length + tf.version;
}
`);
const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
for (const [mode, files, module] of [
  ['node16', ['readme.mts', 'commonjs.cts'], 'node16'],
  ['bundler', ['bundler.ts'], 'esnext'],
]) {
  const compilerOptions = { strict: true, exactOptionalPropertyTypes: true, noEmit: true, target: 'es2022',
    module, moduleResolution: mode, lib: ['es2022', 'dom'], types: [] };
  writeFileSync(join(typesDir, `tsconfig.${mode}.json`), JSON.stringify({ compilerOptions, files }, null, 2));
  const checked = run('node', [tsc, '-p', `tsconfig.${mode}.json`], typesDir);
  report(`tsc --strict, moduleResolution ${mode}: ${files.join(', ')} against the installed types`, checked.ok, checked.output);
}

// ---- the apps ----

/** Each app: where its built page is served from, relative to the app. */
const APPS = [
  { name: 'vite', root: 'dist' },
  { name: 'webpack', root: '.' },
  { name: 'esbuild', root: '.' },
  { name: 'rollup', root: '.' },
  { name: 'script-tag', root: '.' },
];

const served = [];
for (const app of APPS) {
  const source = join(repo, 'examples', 'bundlers', app.name);
  const dir = join(work, app.name);
  cpSync(source, dir, { recursive: true, filter: path => !/[\\/](node_modules|dist)$/.test(path) });
  const { scripts } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  const install = installInto(dir, scripts);
  if (!install.ok) {
    report(`${app.name}: npm install of the tarball`, false, install.output);
    continue;
  }
  const build = run('npm', ['run', 'build'], dir);
  report(`${app.name}: npm run build (${scripts.build})`, build.ok, build.output);
  // A bundler's warnings are the user's problem too (webpack prints them, Vite and Rollup too).
  const warnings = build.output.split('\n').filter(line => /\bwarn(ing)?\b/i.test(line) && !/webpackIgnore/.test(line));
  report(`${app.name}: the build prints no warning`, build.ok && warnings.length === 0, warnings.join('\n') || build.output);
  if (build.ok) served.push({ ...app, dir });
}

// ---- Chromium ----

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.map': 'application/json', '.css': 'text/css' };

/** A page allowed only the scripts that carry its nonce: teaflow.js must pass it on to the backend it adds. */
const NONCE_PAGE = '/csp-nonce.html';
const NONCE = 'teaflow-test-nonce';

function serve(root) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (!(file + sep).startsWith(root + sep) || !existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      return;
    }
    const csp = path === NONCE_PAGE ? { 'content-security-policy': `script-src 'nonce-${NONCE}'` } : {};
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...csp });
    response.end(readFileSync(file));
  });
  return new Promise(done => server.listen(0, '127.0.0.1', () => done(server)));
}

const browser = await chromium.launch({
  executablePath: process.env.TEAFLOW_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

/**
 * Loads a page in a fresh context, waits for window.__teaflowResult, then runs `then` (a function
 * evaluated in the page) if given. Collects console warnings and errors (with where they came from),
 * page errors, failed requests and HTTP errors, and what the page downloaded (raw and gzip bytes);
 * screenshots the page into <work>/screenshots if given a name.
 */
async function visit(url, then, screenshot) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  const downloads = [];
  page.on('console', message => {
    if (message.type() === 'warning' || message.type() === 'error') {
      problems.push(`console.${message.type()}: ${message.text()} @ ${message.location().url}`);
    }
  });
  page.on('pageerror', error => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', request => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', async response => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
    try {
      const body = await response.body();
      downloads.push({ url: response.url(), raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    } catch { /* a redirect or a response without a body */ }
  });
  let result;
  let evaluated;
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__teaflowResult !== undefined, null, { timeout: 20_000 });
    result = await page.evaluate(() => window.__teaflowResult);
    if (then) evaluated = await page.evaluate(then);
    await page.waitForLoadState('networkidle');
    if (screenshot) await page.screenshot({ path: join(work, 'screenshots', `${screenshot.replace(/[^\w.-]+/g, '_')}.png`) });
  } catch (error) {
    problems.push(`no result: ${error.message}`);
  }
  await context.close();
  return { result, evaluated, problems, downloads };
}

/** Judges a page of an app: the result, api.backend, no console warning or error, no failed request. */
async function check(label, url, expected) {
  const { result, problems, downloads } = await visit(url, undefined, label);
  const ok = result !== undefined && !result.error && result.backend === expected && result.total === TOTAL;
  const jsBytes = downloads.filter(d => /\.m?js(\?|$)/.test(d.url)).reduce((sum, d) => sum + d.raw, 0);
  report(`${label}: api.backend '${expected}', total ${TOTAL}, no console warning or error`, ok && problems.length === 0,
    `result: ${JSON.stringify(result)}\n${problems.join('\n')}`);
  return { label, downloads, jsBytes, wasm: downloads.some(d => /\.wasm(\?|$)/.test(d.url)) };
}

/**
 * 'auto' where teaflow.wasm was not deployed: the JS backend runs, and one console warning names
 * the URL, what the server answered, and the fix. `then` (evaluated in the page afterwards) may
 * call init() again: that must resolve to the same Api without a second warning.
 */
async function checkFallbackWarning(label, dir, wasmPath, then) {
  rmSync(join(dir, wasmPath));
  const server = await serve(dir);
  try {
    const origin = `http://127.0.0.1:${server.address().port}`;
    const { result, evaluated, problems } = await visit(`${origin}/index.html?backend=auto`, then);
    const wasmUrl = `${origin}/${wasmPath}`;
    const warnings = problems.filter(line => line.startsWith('console.warning: '));
    const unrelated = problems.filter(line => !warnings.includes(line) && !line.includes(wasmUrl));
    const warning = warnings[0] ?? '';
    report(`${label} [auto]: api.backend 'js', one warning naming /${wasmPath}, the 404 and the fix`,
      result?.backend === 'js' && result?.total === TOTAL && warnings.length === 1 && unrelated.length === 0
        && warning.includes(wasmUrl) && warning.includes('404') && warning.includes("api.backend is 'js'")
        && warning.includes('copy node_modules/teaflow/dist/teaflow.wasm beside the bundle')
        && (then === undefined || evaluated === true),
      `result: ${JSON.stringify(result)}, then: ${JSON.stringify(evaluated)}\n${problems.join('\n')}`);
  } finally {
    server.close();
  }
}

/**
 * The README's IIFE recipe: an esbuild --format=iife bundle has no import.meta.url, so init()
 * without wasmUrl rejects saying to pass it, and with init({ wasmUrl }) the wasm backend runs.
 */
async function checkIife(app) {
  writeFileSync(join(app.dir, 'iife-entry.js'),
    "import { init } from 'teaflow';\nwindow.__teaflowInit = init;\nwindow.__teaflowResult = {};\n");
  writeFileSync(join(app.dir, 'iife.html'), '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>IIFE</title>'
    + '<link rel="icon" href="data:,"><script src="dist-iife/main.js"></script></head><body></body></html>\n');
  const build = run('esbuild', ['iife-entry.js', '--bundle', '--format=iife', '--minify', '--log-level=error',
    '--outfile=dist-iife/main.js'], app.dir);
  cpSync(join(app.dir, 'node_modules', 'teaflow', 'dist', 'teaflow.wasm'), join(app.dir, 'dist-iife', 'teaflow.wasm'));
  const server = await serve(app.dir);
  try {
    const { evaluated, problems } = await visit(`http://127.0.0.1:${server.address().port}/iife.html`, async () => {
      let without;
      try {
        without = `resolved to ${(await window.__teaflowInit({ backend: 'wasm' })).backend}`;
      } catch (error) {
        without = error.message;
      }
      const tf = await window.__teaflowInit({ backend: 'wasm', wasmUrl: '/dist-iife/teaflow.wasm' });
      return { without, backend: tf.backend };
    });
    report(`${app.name} --format=iife: init() asks for wasmUrl, init({ wasmUrl }) runs the wasm backend`,
      build.ok && evaluated?.backend === 'wasm' && problems.length === 0
        && /cannot tell where teaflow\.wasm is .*pass init\(\{ wasmUrl \}\)/.test(evaluated.without),
      `${build.output}\nevaluated: ${JSON.stringify(evaluated)}\n${problems.join('\n')}`);
  } finally {
    server.close();
  }
}

/**
 * init({wasmUrl, wasmLoaderUrl}) for files hosted elsewhere (here: a folder of their own), and
 * its mistakes: a wasmLoaderUrl of the wrong type, or naming a module that is not the loader.
 */
async function checkHostedElsewhere(app) {
  const elsewhere = join(app.dir, 'elsewhere');
  mkdirSync(elsewhere, { recursive: true });
  for (const file of ['teaflow.wasm', 'teaflow-wasm-runtime.mjs']) {
    cpSync(join(app.dir, 'node_modules', 'teaflow', 'dist', file), join(elsewhere, file));
  }
  writeFileSync(join(elsewhere, 'not-a-loader.mjs'), 'export const answer = 42;\n');
  const server = await serve(app.dir);
  try {
    const { evaluated, problems, downloads } = await visit(`http://127.0.0.1:${server.address().port}/index.html?backend=js`, async () => {
      const outcome = {};
      const rejection = async options => {
        try {
          await Teaflow.init(options);
          return 'resolved';
        } catch (error) {
          return `${error.name}: ${error.message}`;
        }
      };
      outcome.wrongType = await rejection({ backend: 'wasm', wasmLoaderUrl: 42 });
      outcome.notLoader = await rejection({ backend: 'wasm', wasmLoaderUrl: 'elsewhere/not-a-loader.mjs' });
      const tf = await Teaflow.init({ backend: 'wasm', wasmUrl: 'elsewhere/teaflow.wasm',
        wasmLoaderUrl: new URL('elsewhere/teaflow-wasm-runtime.mjs', location.href) });
      const net = new tf.Network().addNode('c', 'core/Counter');
      await net.start();
      net.send('c', 'in', 1);
      await net.idle();
      outcome.backend = tf.backend;
      outcome.count = net.state('c').get('count');
      return outcome;
    });
    const fetched = downloads.map(d => new URL(d.url).pathname);
    report(`${app.name}: init({wasmUrl, wasmLoaderUrl}) loads both from elsewhere; a wrong wasmLoaderUrl rejects naming it`,
      evaluated?.backend === 'wasm' && evaluated?.count === 1 && problems.length === 0
        && evaluated.wrongType === 'TypeError: Teaflow.init: options.wasmLoaderUrl must be a string or URL, got number'
        && /^Error: .*elsewhere\/not-a-loader\.mjs is not TeaVM's WebAssembly loader/.test(evaluated.notLoader)
        && fetched.includes('/elsewhere/teaflow.wasm') && fetched.includes('/elsewhere/teaflow-wasm-runtime.mjs')
        && !fetched.some(path => path.startsWith('/node_modules/teaflow/dist/teaflow.wasm')),
      `evaluated: ${JSON.stringify(evaluated)}\nfetched: ${fetched.join(' ')}\n${problems.join('\n')}`);
  } finally {
    server.close();
  }
}

const jsBackendBytes = readFileSync(join(work, 'types', 'node_modules', 'teaflow', 'dist', 'teaflow-js-backend.mjs')).length;
const pages = [];
try {
  for (const app of served) {
    const root = resolve(app.dir, app.root);
    const server = await serve(root);
    try {
      const base = `http://127.0.0.1:${server.address().port}/index.html`;
      for (const backend of BACKENDS) {
        const seen = await check(`${app.name} [${backend}]`, `${base}?backend=${backend}`, backend === 'auto' ? 'wasm' : backend);
        pages.push(seen);
        const wantsWasm = backend !== 'js';
        report(`${app.name} [${backend}]: ${wantsWasm ? 'fetches the .wasm and not the JS backend' : 'fetches no .wasm'}`,
          wantsWasm ? seen.wasm && seen.jsBytes < jsBackendBytes / 2 : !seen.wasm,
          `JS bytes ${seen.jsBytes} (the JS backend alone is ${jsBackendBytes}); requests: ${seen.downloads.map(d => d.url).join(' ')}`);
      }
    } finally {
      server.close();
    }
  }

  const esbuild = served.find(app => app.name === 'esbuild');
  if (esbuild) {
    await checkIife(esbuild);
    await checkFallbackWarning('esbuild without teaflow.wasm', esbuild.dir, 'dist/teaflow.wasm');
  }
  const hosting = served.find(app => app.name === 'script-tag');
  if (hosting) {
    await checkHostedElsewhere(hosting);
    const copy = join(work, 'script-tag-without-wasm');
    cpSync(hosting.dir, copy, { recursive: true });
    await checkFallbackWarning('script-tag without teaflow.wasm, init() twice', copy, 'node_modules/teaflow/dist/teaflow.wasm',
      async () => {
        const first = await Teaflow.init();
        return first === await Teaflow.init({ backend: 'auto' }) && first === await Teaflow.init({ backend: 'js' });
      });
  }

  // A nonce-only Content-Security-Policy: the JavaScript backend's script element gets the nonce.
  const scriptTag = served.find(app => app.name === 'script-tag');
  if (scriptTag) {
    const page = readFileSync(join(scriptTag.dir, 'index.html'), 'utf8').replace(/<script /g, `<script nonce="${NONCE}" `);
    writeFileSync(join(scriptTag.dir, NONCE_PAGE.slice(1)), page);
    const server = await serve(scriptTag.dir);
    try {
      pages.push(await check(`script-tag, CSP script-src 'nonce-…'`, `http://127.0.0.1:${server.address().port}${NONCE_PAGE}?backend=js`, 'js'));
    } finally {
      server.close();
    }
  }

  // file://: only the JavaScript backend can load (no fetch of wasm, no modules from file:).
  if (served.some(app => app.name === 'script-tag')) {
    const file = pathToFileURL(join(work, 'script-tag', 'index.html')).href;
    pages.push(await check('script-tag over file://', file, 'js'));
  }

  // The Vite dev server, with no configuration.
  if (served.some(app => app.name === 'vite')) {
    const { createServer: createViteServer } = await import(pathToFileURL(requireFromRepo.resolve('vite')).href);
    const vite = await createViteServer({ root: join(work, 'vite'), logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
    await vite.listen();
    try {
      const base = vite.resolvedUrls.local[0];
      for (const backend of BACKENDS) {
        await check(`vite dev server [${backend}]`, `${base}?backend=${backend}`, backend === 'auto' ? 'wasm' : backend);
      }
    } finally {
      await vite.close();
    }
  }
} finally {
  await browser.close();
}

for (const { label, downloads } of pages) {
  const sum = key => downloads.reduce((total, d) => total + d[key], 0);
  console.log(`SIZE ${label.padEnd(28)} ${String(sum('raw')).padStart(8)} raw ${String(sum('gzip')).padStart(8)} gzip`
    + `  (${downloads.length} responses)`);
}
process.exit(failed === 0 ? 0 : 1);
