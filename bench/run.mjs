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
const WARMUP = quick ? 1 : 2;
const N = quick ? 20_000 : 100_000;
const SLOW_N = quick ? 5_000 : 20_000;   // NoFlo and XState machine actors: 50-150x slower per hop
const MEMORY_N = quick ? 100_000 : 1_000_000;

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
    execFileSync('mvn', ['-B', '-q', '-DskipTests', '-pl', 'web', '-am', 'install'], { cwd: root, stdio: 'inherit' });
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

/** One scenario: warm-up runs, then RUNS measured ones, each verified by the page. */
async function measure(page, runtime, scenario, n) {
  const samples = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const result = await page.evaluate(([r, s, count]) => window.__bench(r, s, count), [runtime, scenario, n]);
    if (i >= WARMUP) samples.push(result.nsPerHop);
  }
  return { ...stats(samples), n };
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

async function startup(browser, base, backend) {
  const samples = [];
  const scripts = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();   // cold: nothing cached, nothing compiled
    const page = await context.newPage();
    await page.goto(`${base}/bench/startup.html?backend=${backend}`);
    const result = await page.waitForFunction(() => window.__startup, null, { timeout: 60_000 }).then(h => h.jsonValue());
    await context.close();
    if (!result.ok || result.backend !== backend) throw new Error(`startup ${backend}: ${JSON.stringify(result)}`);
    samples.push(result.initToFirstPacketMs);
    scripts.push(result.scriptMs);
  }
  return { initToFirstPacketMs: stats(samples), scriptEvalMs: stats(scripts) };
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
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
});
const report = { machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, chromium: browser.version() },
  date: new Date().toISOString(), quick, n: N, slowN: SLOW_N, state: {}, hops: {}, startup: {}, memory: {}, sizes: sizes() };
try {
  for (const backend of ['js', 'wasm']) {
    // S0 state operations.
    const statePage = await openBench(browser, base, 'state-ops.html', backend);
    report.state[backend] = await statePage.waitForFunction(() => window.__bench && window.__bench.backend, null,
      { timeout: 120_000 }).then(() => statePage.evaluate(() => window.__bench));
    await statePage.close();
    // S1-S3, with the competitors in the same page (measured once, in the js page).
    const page = await openBench(browser, base, 'teaflow.html', backend);
    if (await page.evaluate(() => window.__backend) !== backend) throw new Error(`asked for ${backend}`);
    const runtimes = ['teaflow-java', 'teaflow-js'];
    if (backend === 'js') runtimes.unshift('baseline', 'xstateTransition', 'noflo', 'xstateMachine');
    for (const runtime of runtimes) {
      for (const scenario of ['S1', 'S2', 'S3']) {
        const n = runtime === 'noflo' || runtime === 'xstateMachine' ? SLOW_N : N;
        const key = runtime.startsWith('teaflow') ? `${runtime} (${backend})` : runtime;
        (report.hops[key] ??= {})[scenario] = await measure(page, runtime, scenario, n);
        process.stderr.write('.');
      }
    }
    report.memory[backend] = await memory(page, 'teaflow-java');
    await page.close();
    report.startup[backend] = await startup(browser, base, backend);
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
print(`median of ${RUNS} runs after ${WARMUP} warm-up; N = ${N} packets (${SLOW_N} for NoFlo and XState machines)${quick ? ' — QUICK RUN' : ''}`);
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
print('S1 pipeline (10 stages), S2 stateful stage, S3 fan-out/fan-in (4 paths): ns per packet-hop (ratio to baseline)');
const baseline = report.hops.baseline;
for (const [runtime, r] of Object.entries(report.hops)) {
  const cell = s => r[s] ? `${fmt(r[s].median).padStart(8)} (${ratio(r[s].median, baseline[s].median)})` : '—';
  print(`${runtime.padEnd(24)} S1 ${cell('S1').padEnd(18)} S2 ${cell('S2').padEnd(18)} S3 ${cell('S3')}`);
}
print('');
print('Throughput vs NoFlo (S1 ns/hop of NoFlo / of Teaflow)');
for (const backend of ['js', 'wasm']) {
  for (const kind of ['java', 'js']) {
    const key = `teaflow-${kind} (${backend})`;
    print(`  ${key.padEnd(24)} ${fmt(report.hops.noflo.S1.median / report.hops[key].S1.median)}×`);
  }
}
print('');
print('S4 start-up, cold page: init() until the first packet reaches a sink (script evaluation apart), ms');
for (const [backend, r] of Object.entries(report.startup)) {
  print(`  ${backend.padEnd(6)} ${fmt(r.initToFirstPacketMs.median)} ms (min ${fmt(r.initToFirstPacketMs.min)}, max ${fmt(r.initToFirstPacketMs.max)}); script eval ${fmt(r.scriptEvalMs.median)} ms`);
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
