// The benchmark suite (BENCHMARKS.md): runs every scenario in headless Debian Chromium, Teaflow on
// both backends side by side with a hand-written baseline, NoFlo and XState in the same page, and
// prints one table plus target/bench.json with every figure (median, min, max).
// Usage: npm run bench   (builds what it needs unless BENCH_NO_BUILD=1; BENCH_QUICK=1 for a short run)
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const quick = process.env.BENCH_QUICK === '1';
const RUNS = 5;
const WARMUP = quick ? 1 : 3;
const N = quick ? 20_000 : 100_000;
const SLOW_N = quick ? 5_000 : 20_000;   // NoFlo and XState machine actors: 50-150x slower per hop
const MEMORY_N = quick ? 100_000 : 1_000_000;
// Growth: chains of this many nodes; GROWTH_RUNS timed builds each (the median), after warm-up builds of 1,000.
const GROWTH_SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 20_000, 50_000];
const GROWTH_RUNS = quick ? 1 : 5;
// Start-up: cold pages per backend (a cold page's time varies far more than a warm loop's).
const STARTUP_RUNS = quick ? 5 : 15;
// For iterating on one part: BENCH_PARTS=hops,growth (of state,hops,growth,memory,startup), BENCH_BACKENDS=js.
const PARTS = new Set((process.env.BENCH_PARTS ?? 'state,hops,growth,memory,startup').split(','));
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'js,wasm').split(',');
const partial = PARTS.size < 5 || BACKENDS.length < 2;

function build() {
  const chromiumPath = process.env.TEAFLOW_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) {
    // Like scripts/test.sh: Chromium comes from Debian, never from a browser download.
    console.error(`${chromiumPath} is missing: installing Debian's chromium`);
    execFileSync('sh', ['-c', 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium'],
      { stdio: 'inherit' });
  }
  if (process.env.BENCH_NO_BUILD === '1') return;
  if (!existsSync(join(root, 'dist/teaflow.js'))) {
    execFileSync('mvn', ['-B', '-q', '-DskipTests', '-pl', 'bundle', '-am', 'install'], { cwd: root, stdio: 'inherit' });
  }
  execFileSync('npm', ['run', '--silent', 'bench:build'], { cwd: root, stdio: 'inherit' });
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

function serve() {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
    '.json': 'application/json', '.map': 'application/json' };
  const server = createServer((request, response) => {
    const file = normalize(join(root, decodeURIComponent(new URL(request.url, 'http://x').pathname)));
    if (!file.startsWith(root + sep) || !existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise(ready => server.listen(0, '127.0.0.1', () => ready(server)));
}

/**
 * One scenario on several runtimes of one page, interleaved: warm-up runs of each, then RUNS
 * rounds in which every runtime runs once, each run verified by the page. Interleaving keeps a
 * change in the machine's load (it is shared) from landing on one runtime's runs only.
 */
async function measureInterleaved(page, runtimes, scenario, nOf) {
  const samples = new Map(runtimes.map(runtime => [runtime, []]));
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const runtime of runtimes) {
      const result = await page.evaluate(([r, s, count]) => window.__bench(r, s, count), [runtime, scenario, nOf(runtime)]);
      if (i >= WARMUP) samples.get(runtime).push(result.nsPerHop);
    }
  }
  return new Map(runtimes.map(runtime => [runtime, { ...stats(samples.get(runtime)), n: nOf(runtime) }]));
}

async function openBench(browser, base, file, backend) {
  const page = await browser.newPage();
  page.on('pageerror', error => console.error(`page error (${file}, ${backend}):`, error.message));
  await page.goto(`${base}/bench/${file}?backend=${backend}`);
  await page.waitForFunction(() => window.__ready || window.__bench, null, { timeout: 60_000 });
  return page;
}

async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** S6: heap before, at peak (sampled), and after MEMORY_N packets through S1 drained. */
async function memory(page, runtime) {
  const cdp = await page.context().newCDPSession(page);
  const before = await heapUsed(cdp);
  let peak = before;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
      await new Promise(r => setTimeout(r, 20));
    }
  })();
  await page.evaluate(([r, count]) => window.__bench(r, 'S1', count), [runtime, MEMORY_N]);
  running = false;
  await sampler;
  const after = await heapUsed(cdp);
  return { before, peak, after, growth: (after - before) / before };
}

/**
 * Growth: build and fromGraph time of chains of GROWTH_SIZES nodes (median of GROWTH_RUNS, of three times
 * as many for 1,000 nodes, 50,000 once).
 * One full garbage collection (V8's gc(), exposed by --expose-gc) before each sample: what the
 * earlier samples left behind (two networks and a graph of up to 50,000 nodes) is not collected
 * inside the next one's timing. (Not the DevTools protocol's collectGarbage: after its repeated
 * memory-reducing collections the 1,000-node samples came out several times slower.)
 */
async function growth(page) {
  const sample = async n => {
    await page.evaluate(() => window.gc());
    return page.evaluate(count => window.__growth(count), n);
  };
  for (let i = 0; i < 3; i++) await sample(1000);
  const result = {};
  for (const n of GROWTH_SIZES) {
    const runs = [];
    // A 1,000-node sample lasts a few ms, where the shared machine's noise is largest: three times
    // the samples for its median, the one every ratio divides by.
    const count = n > 20_000 ? 1 : n <= 1_000 ? 3 * GROWTH_RUNS : GROWTH_RUNS;
    for (let i = 0; i < count; i++) runs.push(await sample(n));
    result[n] = {
      buildMs: stats(runs.map(r => r.buildMs)),
      toJsonMs: stats(runs.map(r => r.toJsonMs)),
      fromGraphMs: stats(runs.map(r => r.fromGraphMs)),
    };
    process.stderr.write('g');
  }
  return result;
}

async function startup(browser, base, backend, query = '') {
  const samples = [];
  const scripts = [];
  const totals = [];
  for (let i = 0; i < STARTUP_RUNS; i++) {
    const context = await browser.newContext();   // cold: nothing cached, nothing compiled
    const page = await context.newPage();
    const done = page.waitForEvent('console', { predicate: m => m.text() === 'teaflow-bench: startup done', timeout: 60_000 });
    await page.goto(`${base}/bench/startup.html?backend=${backend}${query}`, { waitUntil: 'commit' });
    await done;   // no page.evaluate before this: its injected script would run inside the start-up
    const result = await page.evaluate(() => window.__startup);
    await context.close();
    if (!result.ok || result.backend !== backend) throw new Error(`startup ${backend}: ${JSON.stringify(result)}`);
    samples.push(result.initToFirstPacketMs);
    scripts.push(result.scriptMs);
    totals.push(result.scriptMs + result.initToFirstPacketMs);
  }
  return { initToFirstPacketMs: stats(samples), scriptEvalMs: stats(scripts), totalMs: stats(totals) };
}

function sizes() {
  const result = {};
  for (const file of readdirSync(join(root, 'dist')).sort()) {
    const bytes = readFileSync(join(root, 'dist', file));
    result[file] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }
  return result;
}

build();
const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.TEAFLOW_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const report = { machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, chromium: browser.version() },
  date: new Date().toISOString(), quick, n: N, slowN: SLOW_N, state: {}, hops: {}, growth: {}, startup: {}, memory: {},
  sizes: sizes() };
try {
  for (const backend of BACKENDS) {
    // S0 state operations.
    if (PARTS.has('state')) {
      const statePage = await openBench(browser, base, 'state-ops.html', backend);
      report.state[backend] = await statePage.waitForFunction(() => window.__bench && window.__bench.backend, null,
        { timeout: 120_000 }).then(() => statePage.evaluate(() => window.__bench));
      await statePage.close();
    }
    // S1-S3, with the competitors in the same page (measured once, in the js page).
    const page = await openBench(browser, base, 'teaflow.html', backend);
    if (await page.evaluate(() => window.__backend) !== backend) throw new Error(`asked for ${backend}`);
    // The baselines and XState fromTransition actors run in both pages, so every Teaflow figure has
    // its references measured in the same page; NoFlo and XState machines (50-100x slower) in the js page.
    const runtimes = ['baseline', 'apiBaseline', 'xstateTransition', 'teaflow-js', 'teaflow-java'];
    if (backend === 'js') runtimes.push('noflo', 'xstateMachine');
    const only = process.env.BENCH_RUNTIMES?.split(',');   // for iterating: BENCH_RUNTIMES=baseline,teaflow-js
    const measured = PARTS.has('hops') ? runtimes.filter(r => !only || only.includes(r)) : [];
    const slow = runtime => runtime === 'noflo' || runtime === 'xstateMachine';
    const nOf = runtime => (slow(runtime) ? SLOW_N : N);
    // The slow runtimes take turns among themselves, after the others: 50-100x the work per hop
    // leaves that much more garbage and JIT state behind.
    for (const group of [measured.filter(r => !slow(r)), measured.filter(slow)]) {
      for (const scenario of group.length ? ['S1', 'S2', 'S3'] : []) {
        for (const [runtime, figure] of await measureInterleaved(page, group, scenario, nOf)) {
          (report.hops[`${runtime} (${backend})`] ??= {})[scenario] = figure;
        }
        process.stderr.write('.');
      }
    }
    if (PARTS.has('growth')) report.growth[backend] = await growth(page);
    if (PARTS.has('memory')) report.memory[backend] = await memory(page, 'teaflow-java');
    await page.close();
    if (PARTS.has('startup')) report.startup[backend] = await startup(browser, base, backend);
    // The same start-up with the JS backend loaded by the page's own script element: its fetch and
    // evaluation then count as script evaluation, which says what init() itself costs.
    if (PARTS.has('startup') && backend === 'js') {
      report.startup['js, backend by its own script tag'] = await startup(browser, base, backend, '&backendScript=1');
    }
  }
  report.competitorVersions = await (async () => {
    const page = await openBench(browser, base, 'teaflow.html', 'js');
    const versions = await page.evaluate(() => window.__competitors);
    await page.close();
    return versions;
  })();
} finally {
  await browser.close();
  server.close();
}
process.stderr.write('\n');

// ---- the table ----
const fmt = (x, digits = 1) => x.toFixed(digits);
const ratio = (a, b) => `${fmt(a / b, a / b < 10 ? 2 : 1)}×`;
const lines = [];
const print = line => lines.push(line);
print(`Teaflow benchmarks — ${report.date}, ${report.machine.cpus} cores (${report.machine.cpu}), ${report.machine.chromium}`);
print(`median of ${RUNS} runs after ${WARMUP} warm-ups; N = ${N} packets (${SLOW_N} for NoFlo and XState machines)`
  + `${quick ? ' — QUICK RUN' : ''}${partial ? ` — PARTIAL RUN (${[...PARTS].join(',')}; ${BACKENDS.join(',')})` : ''}`);
print('');
print('S0 state operations from a page script, ns per operation, vs a JS Map in the same page');
print('backend   Map.set  handle.set  ratio   Map.get  handle.get  ratio   Map upd  handle.update  ratio');
for (const [backend, r] of Object.entries(report.state)) {
  const m = key => r[key].median;
  print(`${backend.padEnd(8)} ${fmt(m('Map.set')).padStart(8)} ${fmt(m('handle.set')).padStart(11)} ${ratio(m('handle.set'), m('Map.set')).padStart(6)}`
    + ` ${fmt(m('Map.get')).padStart(9)} ${fmt(m('handle.get')).padStart(11)} ${ratio(m('handle.get'), m('Map.get')).padStart(6)}`
    + ` ${fmt(m('Map update (get+set)')).padStart(9)} ${fmt(m('handle.update')).padStart(14)} ${ratio(m('handle.update'), m('Map update (get+set)')).padStart(6)}`);
}
print('');
print('S1 pipeline (10 stages), S2 stateful stage (2 get + 2 set), S3 fan-out 4 / fan-in: ns per packet-hop');
print('(ratio to the baseline measured in the same page)');
for (const [key, r] of Object.entries(report.hops)) {
  const baseline = report.hops[`baseline (${key.endsWith('(wasm)') ? 'wasm' : 'js'})`];
  const cell = s => r[s] && baseline ? `${fmt(r[s].median).padStart(8)} (${ratio(r[s].median, baseline[s].median)})` : '—';
  print(`${key.padEnd(26)} S1 ${cell('S1').padEnd(18)} S2 ${cell('S2').padEnd(18)} S3 ${cell('S3')}`);
}
print('');
print('Throughput vs NoFlo (S1 ns/hop of NoFlo / of Teaflow)');
for (const backend of ['js', 'wasm']) {
  for (const kind of ['js', 'java']) {
    const key = `teaflow-${kind} (${backend})`;
    if (!report.hops['noflo (js)'] || !report.hops[key]) continue;
    print(`  ${key.padEnd(24)} ${fmt(report.hops['noflo (js)'].S1.median / report.hops[key].S1.median)}×`);
  }
}
print('');
print('Growth: a chain of N nodes (half JS actors, half core/Repeat): addNode + addConnection, toJSON,');
print('Network.fromGraph(net.toJSON()); ms, µs per node, ratio to 1,000 nodes');
for (const [backend, sizesOf] of Object.entries(report.growth)) {
  const first = sizesOf[GROWTH_SIZES[0]];
  for (const [n, r] of Object.entries(sizesOf)) {
    const part = (what, m) => `${what} ${fmt(m.median).padStart(8)} ms ${fmt((m.median * 1000) / n, 2).padStart(6)} µs/node`
      + ` ${ratio(m.median, first[what === 'build' ? 'buildMs' : 'fromGraphMs'].median).padStart(6)}`;
    print(`  ${backend.padEnd(5)} ${String(n).padStart(6)}  ${part('build', r.buildMs)}   ${part('fromGraph', r.fromGraphMs)}`
      + `   toJSON ${fmt(r.toJsonMs.median).padStart(7)} ms`);
  }
}
// The 1,000-node samples last a few ms, where a shared machine's load weighs most: the same ratios
// from each size's fastest sample say how the work itself grows.
for (const [backend, sizesOf] of Object.entries(report.growth)) {
  const first = sizesOf[GROWTH_SIZES[0]];
  const fastest = what => Object.entries(sizesOf).slice(1)
    .map(([n, r]) => `${n} ${ratio(r[what].min, first[what].min)}`).join(', ');
  print(`  ${backend.padEnd(5)} fastest samples, ratio to 1,000 nodes: build ${fastest('buildMs')}; fromGraph ${fastest('fromGraphMs')}`);
}
print('');
print('S4 start-up, cold page: init() until the first packet reaches a sink (script evaluation apart), ms');
for (const [backend, r] of Object.entries(report.startup)) {
  print(`  ${backend.padEnd(34)} ${fmt(r.initToFirstPacketMs.median)} ms (min ${fmt(r.initToFirstPacketMs.min)}, max ${fmt(r.initToFirstPacketMs.max)}); script eval ${fmt(r.scriptEvalMs.median)} ms;`
    + ` both ${fmt(r.totalMs.median)} ms (min ${fmt(r.totalMs.min)})`);
}
print('');
print(`S6 heap (after GC) before, at peak, after ${MEMORY_N} packets through S1 (Java stages) drained`);
for (const [backend, r] of Object.entries(report.memory)) {
  print(`  ${backend.padEnd(6)} before ${fmt(r.before / 1e6, 2)} MB, peak ${fmt(r.peak / 1e6, 2)} MB, after ${fmt(r.after / 1e6, 2)} MB: ${r.growth >= 0 ? '+' : ''}${fmt(r.growth * 100)} %`);
}
print('');
print('S5 sizes of dist/ (bytes)');
for (const [file, size] of Object.entries(report.sizes)) {
  print(`  ${file.padEnd(28)} ${String(size.raw).padStart(8)} raw ${String(size.gzip).padStart(8)} gzip`);
}
console.log(lines.join('\n'));
mkdirSync(join(root, 'target'), { recursive: true });
writeFileSync(join(root, 'target/bench.json'), JSON.stringify(report, null, 2));
writeFileSync(join(root, 'target/bench.txt'), lines.join('\n') + '\n');
console.log('\nall figures (median, min, max): target/bench.json; this table: target/bench.txt');
