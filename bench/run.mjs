// Runs the browser benchmarks in headless Debian Chromium and prints a table plus a JSON file.
// Usage: node bench/run.mjs   (after the build: ./scripts/demo.sh or mvn -pl web -am install)
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
if (!existsSync(join(root, 'dist/teaflow.js'))) {
  console.error('dist/teaflow.js is missing: build first (mvn -B -DskipTests -pl web -am install)');
  process.exit(1);
}
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  const file = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  if (!file.startsWith(root + sep) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise(r => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.TEAFLOW_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const all = {};
const hops = {};
async function measure(path, backend) {
  const page = await browser.newPage();
  await page.goto(`${base}/bench/${path}?backend=${backend}`);
  const result = await page.waitForFunction(() => window.__bench, null, { timeout: 300_000 }).then(h => h.jsonValue());
  await page.close();
  if (result.error) throw new Error(`${path} ${backend}: ${result.error}`);
  if (result.backend !== backend) throw new Error(`${path}: asked for ${backend}, got ${result.backend}`);
  return result;
}
try {
  for (const backend of ['js', 'wasm']) {
    all[backend] = await measure('state-ops.html', backend);
    hops[backend] = await measure('hops.html', backend);
  }
} finally {
  await browser.close();
  server.close();
}

const rows = [];
for (const [backend, r] of Object.entries(all)) {
  const ratio = (a, b) => (r[a].median / r[b].median).toFixed(2) + '×';
  rows.push([backend, 'set', r['Map.set'].median, r['handle.set'].median, ratio('handle.set', 'Map.set')]);
  rows.push([backend, 'get', r['Map.get'].median, r['handle.get'].median, ratio('handle.get', 'Map.get')]);
  rows.push([backend, 'update', r['Map update (get+set)'].median, r['handle.update'].median,
    ratio('handle.update', 'Map update (get+set)')]);
}
console.log('S0 state operations from a page script, ns per operation (median of 7 after warm-up)');
console.log('backend  op       Map ns   handle ns   handle/Map');
for (const [b, op, m, h, x] of rows) {
  console.log(`${b.padEnd(8)} ${op.padEnd(8)} ${m.toFixed(2).padStart(6)}   ${h.toFixed(2).padStart(9)}   ${x.padStart(10)}`);
}
console.log('');
console.log('Packet hops: 10 stages + sink, 100,000 packets, ns per packet-hop (median of 5 after warm-up)');
console.log('backend  baseline   JS actor (ratio)      Java core/Repeat (ratio)');
for (const [b, r] of Object.entries(hops)) {
  const base = r['baseline hop'].median;
  const cell = key => `${r[key].median.toFixed(1).padStart(7)} (${(r[key].median / base).toFixed(1)}×)`;
  console.log(`${b.padEnd(8)} ${base.toFixed(1).padStart(8)}   ${cell('JS actor hop').padEnd(20)}  ${cell('Java core/Repeat hop')}`);
}
mkdirSync(join(root, 'target'), { recursive: true });
writeFileSync(join(root, 'target/bench.json'), JSON.stringify({ state: all, hops }, null, 2));
console.log('all figures (median, min, max): target/bench.json');
