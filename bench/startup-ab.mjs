// Start-up of two builds side by side: `node bench/startup-ab.mjs <distA> <distB> [js|wasm|both] [runs]`
// (e.g. a copy of dist/ from before a change, and dist/). Cold pages of bench/startup.html take
// turns, A then B, each loading its own build's teaflow.js, so a change in the shared machine's load
// lands on both alike; prints per backend the median init()-to-first-packet and script evaluation
// of each build and the median of the paired differences (B - A). Sizes are compared exactly by
// bench/size-report.mjs and S5; this is for the times, which on a loaded machine need pairs.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const [dirA, dirB, which = 'both', runsArg = '30'] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node bench/startup-ab.mjs <distA> <distB> [js|wasm|both] [runs]');
  process.exit(2);
}
const builds = { a: resolve(dirA), b: resolve(dirB) };
for (const dir of Object.values(builds)) {
  if (!existsSync(join(dir, 'teaflow.js'))) throw new Error(`${dir} has no teaflow.js`);
}
const runs = Number(runsArg);
const backends = which === 'both' ? ['js', 'wasm'] : [which];

// /a/dist/* and /b/dist/* are the two builds; /a/bench/* and /b/bench/* both this repository's bench/.
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.map': 'application/json' };
const server = createServer((request, response) => {
  const match = /^\/([ab])\/(dist|bench)\/(.*)$/.exec(decodeURIComponent(new URL(request.url, 'http://x').pathname));
  const base = match && (match[2] === 'dist' ? builds[match[1]] : join(root, 'bench'));
  const file = match && normalize(join(base, match[3]));
  if (!file || !file.startsWith(base + sep) || !existsSync(file)) return response.writeHead(404).end();
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise(ready => server.listen(0, '127.0.0.1', ready));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.TEAFLOW_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

async function coldStart(build, backend) {
  const context = await browser.newContext();   // cold: nothing cached, nothing compiled
  const page = await context.newPage();
  page.on('pageerror', error => console.error(`page error (${build}, ${backend}):`, error.message));
  const done = page.waitForEvent('console', { predicate: m => m.text() === 'teaflow-bench: startup done', timeout: 60_000 });
  await page.goto(`${origin}/${build}/bench/startup.html?backend=${backend}`, { waitUntil: 'commit' });
  await done;   // as bench/run.mjs: no page.evaluate before this, its injected script would land inside
  const result = await page.evaluate(() => window.__startup);
  await context.close();
  if (!result.ok || result.backend !== backend) throw new Error(`${build} ${backend}: ${JSON.stringify(result)}`);
  return result;
}

const median = values => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const ms = value => `${value.toFixed(1).padStart(6)} ms`;
try {
  console.log(`A = ${builds.a}\nB = ${builds.b}\n${runs} cold pages each, taking turns`);
  for (const backend of backends) {
    await coldStart('a', backend);   // one of each first: the browser's own first-page costs
    await coldStart('b', backend);
    const samples = { a: [], b: [] };
    for (let i = 0; i < runs; i++) {
      for (const build of i % 2 === 0 ? ['a', 'b'] : ['b', 'a']) samples[build].push(await coldStart(build, backend));
    }
    const first = build => samples[build].map(r => r.initToFirstPacketMs);
    const script = build => samples[build].map(r => r.scriptMs);
    const diffs = first('b').map((value, i) => value - first('a')[i]);
    console.log(`${backend.padEnd(5)} init→first packet  A ${ms(median(first('a')))}  B ${ms(median(first('b')))}`
      + `  median of B - A ${ms(median(diffs))};  script eval  A ${ms(median(script('a')))}  B ${ms(median(script('b')))}`);
  }
} finally {
  await browser.close();
  server.close();
}
