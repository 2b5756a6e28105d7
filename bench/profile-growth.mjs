// A CPU profile of the growth scenario (BENCHMARKS.md): build + toJSON + fromGraph of a chain of
// PROFILE_N nodes, RUNS times after warm-ups, in headless Chromium through the DevTools protocol.
// Prints self time per function, JS backend mapped back to Java through dist/teaflow-js-backend.js.map,
// wasm backend with dist/teaflow.debug.wasm served in place of teaflow.wasm (it keeps the names).
// PROFILE_KIND=alloc prints bytes allocated per node by function instead (V8's sampling heap
// profiler over the phases PROFILE_PHASE picks): what the collector has to deal with.
// Usage: flock /tmp/teaflow-browser.lock node bench/profile-growth.mjs js|wasm [n] [runs]
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { frameLocator, printCpuProfile } from './cpu-profile-report.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const backend = process.argv[2] ?? 'js';
const n = Number(process.argv[3] ?? 20_000);
const runs = Number(process.argv[4] ?? 3);
const TOP = Number(process.env.PROFILE_TOP ?? 40);
const allocations = process.env.PROFILE_KIND === 'alloc';

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.map': 'application/json' };
const server = createServer((request, response) => {
  let path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  if (path === '/dist/teaflow.wasm') path = '/dist/teaflow.debug.wasm';
  const file = normalize(join(root, path));
  if (!file.startsWith(root + sep) || !existsSync(file)) return response.writeHead(404).end();
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise(ready => server.listen(0, '127.0.0.1', ready));
const browser = await chromium.launch({ executablePath: process.env.TEAFLOW_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'] });
let profile;
// The profiles of the sampled phases, as one (their nodes renumbered apart).
const merged = { nodes: [], samples: [], timeDeltas: [] };
function merge(part) {
  const offset = merged.nodes.reduce((max, node) => Math.max(max, node.id), 0);
  for (const node of part.nodes) merged.nodes.push({ ...node, id: node.id + offset });
  for (let i = 0; i < part.samples.length; i++) {
    merged.samples.push(part.samples[i] + offset);
    merged.timeDeltas.push(part.timeDeltas[i]);
  }
}
/** PROFILE_KIND=alloc: bytes allocated per node by function in the sampled phases, over all runs. */
async function printAllocations(page, cdp, phases, only) {
  await cdp.send('HeapProfiler.enable');
  const where = frameLocator(root);
  const bytes = new Map();
  let total = 0;
  const walk = node => {
    const frame = node.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url ? where(frame) : ''}`;
    bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
    total += node.selfSize;
    node.children.forEach(walk);
  };
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => { window.__net = window.__graph = window.__loaded = null; });
    await cdp.send('HeapProfiler.collectGarbage');
    for (const [name, phase] of Object.entries(phases)) {
      const sampled = !only || only === name;
      if (sampled) {
        await cdp.send('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true });
      }
      await page.evaluate(phase, n);
      if (sampled) walk((await cdp.send('HeapProfiler.stopSampling')).profile.head);
    }
  }
  const perNode = size => (size / (n * runs)).toFixed(0).padStart(6);
  console.log(`${backend}, ${only ?? 'all phases'}, ${n} nodes × ${runs}: ${perNode(total)} bytes allocated per node`);
  for (const [key, size] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${perNode(size)} B/node  ${key}`);
}

try {
  const page = await browser.newPage();
  page.on('pageerror', error => console.error('page error:', error.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/bench/teaflow.html?backend=${backend}`);
  await page.waitForFunction(() => window.__ready, null, { timeout: 60_000 });
  for (let i = 0; i < 3; i++) await page.evaluate(() => window.__growth(1000));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  // The three phases as bench/teaflow.html's __growth runs them, each its own evaluate, so that
  // PROFILE_PHASE (build, toJSON, fromGraph; all by default) picks what is sampled.
  const phases = {
    build: count => {
      class GrowthStage { inports = ['in']; outports = ['out']; run(context) { context.send({ out: context.input.in }); } }
      window.GrowthStage = GrowthStage;
      const t0 = performance.now();
      const net = new window.__tf.Network().registerActor('GrowthStage', GrowthStage);
      for (let i = 0; i < count; i++) {
        net.addNode('n' + i, i % 2 === 0 ? 'GrowthStage' : 'core/Repeat');
        if (i > 0) net.addConnection('n' + (i - 1), 'out', 'n' + i, 'in');
      }
      window.__net = net;
      return performance.now() - t0;
    },
    toJSON: () => {
      const t0 = performance.now();
      window.__graph = window.__net.toJSON();
      return performance.now() - t0;
    },
    fromGraph: () => {
      const t0 = performance.now();
      window.__loaded = window.__tf.Network.fromGraph(window.__graph, { actors: { GrowthStage: window.GrowthStage } });
      return performance.now() - t0;
    },
  };
  const only = process.env.PROFILE_PHASE;
  await page.evaluate(async b => { window.__tf = await Teaflow.init({ backend: b }); }, backend);
  if (allocations) {
    await printAllocations(page, cdp, phases, only);
  } else {
    let started = false;
    for (let i = 0; i < runs; i++) {
      await page.evaluate(() => { window.__net = window.__graph = window.__loaded = null; });
      await cdp.send('HeapProfiler.collectGarbage');
      const times = [];
      for (const [name, phase] of Object.entries(phases)) {
        const sampled = !only || only === name;
        if (sampled && !started) { await cdp.send('Profiler.start'); started = true; }
        if (!sampled && started && only) { ({ profile } = await cdp.send('Profiler.stop')); started = false; merge(profile); }
        times.push(`${name} ${(await page.evaluate(phase, n)).toFixed(1)} ms`);
      }
      if (started && only) { ({ profile } = await cdp.send('Profiler.stop')); started = false; merge(profile); }
      console.log(`n=${n}: ${times.join(', ')}`);
    }
    if (started) { ({ profile } = await cdp.send('Profiler.stop')); merge(profile); }
    profile = merged;
  }
} finally {
  await browser.close();
  server.close();
}

if (!allocations) printCpuProfile(profile, { root, title: backend, top: TOP, callersOf: process.env.PROFILE_CALLERS });
