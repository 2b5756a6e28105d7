// A CPU profile of one benchmark scenario, self time per function, mapped back to the Java (or
// JS) source through dist/teaflow-js-backend.js.map: how BENCHMARKS.md's "Why" section was made.
// Usage: node bench/profile.mjs [runtime] [scenario] [backend]   (defaults: teaflow-js S1 js)
// PROFILE_N packets per run (default 100000), 5 profiled runs after 3 warm-ups; PROFILE_INTERVAL_US
// the sampling interval (default 100 µs; a longer one disturbs the run less).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { frameLocator, printCpuProfile } from './cpu-profile-report.mjs';
import { launchChromium, serveRepository } from '../scripts/local-chromium.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const [runtime = 'teaflow-js', scenario = 'S1', backend = 'js'] = process.argv.slice(2);
const n = Number(process.env.PROFILE_N ?? 100_000);
const { url, server } = await serveRepository();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.on('pageerror', error => console.error('page error:', error.message));
  page.on('console', message => { if (message.type() === 'error') console.error('console:', message.text()); });
  // On wasm, the module with its name section, so the profile names Java methods.
  const debugWasm = backend === 'wasm' ? '&wasmUrl=../dist/teaflow.debug.wasm' : '';
  await page.goto(new URL(`/bench/teaflow.html?backend=${backend}${debugWasm}`, url).href);
  await page.waitForFunction(() => window.__ready, null, { timeout: 60_000 });
  for (let i = 0; i < 3; i++) await page.evaluate(([r, s, k]) => window.__bench(r, s, k), [runtime, scenario, n]);
  const cdp = await page.context().newCDPSession(page);
  if (process.env.PROFILE_KIND === 'alloc') {
    await allocations(cdp, page);
  } else {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.PROFILE_INTERVAL_US ?? 100) });
  // Starting the profiler makes V8 recompile with source positions: two runs absorb that first.
  await cdp.send('Profiler.start');
  for (let i = 0; i < 2; i++) await page.evaluate(([r, s, k]) => window.__bench(r, s, k), [runtime, scenario, n]);
  await cdp.send('Profiler.stop');
  await cdp.send('Profiler.start');
  const results = [];
  for (let i = 0; i < 5; i++) {
    results.push(await page.evaluate(([r, s, k]) => window.__bench(r, s, k), [runtime, scenario, n]));
  }
  const { profile } = await cdp.send('Profiler.stop');
  console.log(`${runtime} ${scenario} ${backend}: ns/hop ${results.map(r => r.nsPerHop.toFixed(1)).join(', ')}`);
  report(profile);
  }
} finally {
  await browser.close();
  server.kill();
}

/** PROFILE_KIND=alloc: bytes allocated per function (V8's sampling heap profiler), what makes the GC work. */
async function allocations(cdp, page) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true });
  await page.evaluate(([r, s, k]) => window.__bench(r, s, k), [runtime, scenario, n]);
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  const where = frameLocator(root);
  const bytes = new Map();
  let total = 0;
  const walk = (node, parent) => {
    const frame = node.callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url ? where(frame) : ''}`;
    const self = node.selfSize;
    total += self;
    const key = `${name}  <- ${parent}`;
    bytes.set(key, (bytes.get(key) ?? 0) + self);
    for (const child of node.children) walk(child, name);
  };
  walk(profile.head, '');
  const rows = [...bytes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`allocated ${(total / 1e6).toFixed(1)} MB sampled in one run of ${n} packets`);
  for (const [name, size] of rows) console.log(`${((100 * size) / total).toFixed(1).padStart(5)} %  ${name}`);
}

function report(profile) {
  printCpuProfile(profile, { root, title: `${runtime} ${scenario} ${backend}`, callersOf: process.env.PROFILE_CALLERS });
  // PROFILE_LINES=name: the self ticks of that function by line (of the generated file).
  const lines = process.env.PROFILE_LINES;
  if (lines) {
    const ticks = new Map();
    for (const node of profile.nodes) {
      if (node.callFrame.functionName !== lines) continue;
      for (const { line, ticks: count } of node.positionTicks ?? []) ticks.set(line, (ticks.get(line) ?? 0) + count);
    }
    console.log([...ticks.entries()].sort((a, b) => a[0] - b[0]).map(([line, count]) => `${line}: ${count}`).join('\n'));
  }
}
