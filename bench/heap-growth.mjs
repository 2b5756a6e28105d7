// Objects per node of a built chain: heap snapshot (DevTools protocol) of a page holding a chain of
// n nodes, counted by V8 constructor name (TeaVM's minified class names: see BENCHMARKS.md), divided
// by n. Usage: flock /tmp/teaflow-browser.lock node bench/heap-growth.mjs js|wasm [n]
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const backend = process.argv[2] ?? 'js';
const n = Number(process.argv[3] ?? 5000);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer((request, response) => {
  const file = normalize(join(root, decodeURIComponent(new URL(request.url, 'http://x').pathname)));
  if (!file.startsWith(root + sep) || !existsSync(file)) return response.writeHead(404).end();
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise(ready => server.listen(0, '127.0.0.1', ready));
const browser = await chromium.launch({ executablePath: process.env.TEAFLOW_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'] });
async function snapshot(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks = [];
  const onChunk = e => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join(''));
  const f = snap.snapshot.meta.node_fields; const nf = f.length;
  const ti = f.indexOf('type'), ni = f.indexOf('name'), si = f.indexOf('self_size');
  const typeNames = snap.snapshot.meta.node_types[0];
  const counts = new Map();
  for (let i = 0; i < snap.nodes.length; i += nf) {
    const type = typeNames[snap.nodes[i + ti]];
    const key = `${type}:${type === 'object' || type === 'closure' || type === 'array' || type === 'hidden' ? snap.strings[snap.nodes[i + ni]] : ''}`;
    const c = counts.get(key) ?? [0, 0];
    c[0]++; c[1] += snap.nodes[i + si];
    counts.set(key, c);
  }
  return counts;
}
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/bench/teaflow.html?backend=${backend}`);
  await page.waitForFunction(() => window.__ready, null, { timeout: 60_000 });
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(() => window.__growth(100));
  const before = await snapshot(cdp);
  await page.evaluate(async ([count, backend]) => {
    class GrowthStage { inports = ['in']; outports = ['out']; run(context) { context.send({ out: context.input.in }); } }
    const net = new (await Teaflow.init({ backend })).Network().registerActor('GrowthStage', GrowthStage);
    for (let i = 0; i < count; i++) {
      net.addNode('n' + i, i % 2 === 0 ? 'GrowthStage' : 'core/Repeat');
      if (i > 0) net.addConnection('n' + (i - 1), 'out', 'n' + i, 'in');
    }
    window.__kept = net;
  }, [n, backend]);
  const after = await snapshot(cdp);
  const rows = [];
  let totalBytes = 0, totalCount = 0;
  for (const [key, [c, b]] of after) {
    const [c0, b0] = before.get(key) ?? [0, 0];
    if (c - c0 > n / 4) rows.push([key, (c - c0) / n, (b - b0) / n]);
    totalBytes += b - b0; totalCount += c - c0;
  }
  rows.sort((a, b) => b[2] - a[2]);
  console.log(`${backend}, chain of ${n}: ${(totalCount / n).toFixed(1)} heap objects and ${(totalBytes / n).toFixed(0)} bytes per node`);
  for (const [key, c, b] of rows.slice(0, 40)) console.log(`${c.toFixed(2).padStart(7)} objects ${b.toFixed(0).padStart(6)} B/node  ${key}`);
} finally {
  await browser.close();
  server.close();
}
