// Measures every runtime × scenario in headless Debian Chromium: node bench/competitors/measure.mjs [n] [runtime...]
// Per cell: WARMUP runs, then SAMPLES runs of n packets in a fresh page per runtime; prints the
// median ns per packet-hop (min-max) and writes target/bench-competitors.json.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, root } from './headless.mjs';

const n = Number(process.argv[2] || 100_000);
const only = process.argv.slice(3);
const WARMUP = Number(process.env.WARMUP || 3);
const SAMPLES = Number(process.env.SAMPLES || 7);
const runtimes = only.length ? only : ['baseline', 'apiBaseline', 'noflo', 'xstateMachine', 'xstateTransition'];
const { server, base } = await serve();
const browser = await launch(chromium);
const all = {};
try {
  for (const runtime of runtimes) {
    const page = await browser.newPage();
    page.on('pageerror', e => console.error('page error:', e.message));
    await page.goto(`${base}/bench/competitors/check.html?n=1`);
    await page.waitForFunction(() => window.__check);
    for (const scenario of ['S1', 'S2', 'S3']) {
      const cell = await page.evaluate(async ({ runtime, scenario, n, WARMUP, SAMPLES }) => {
        const C = window.TeaflowBenchCompetitors;
        for (let i = 0; i < WARMUP; i++) await C.run(runtime, scenario, n);
        const ns = [];
        let last;
        for (let i = 0; i < SAMPLES; i++) { last = await C.run(runtime, scenario, n); ns.push(last.nsPerHop); }
        ns.sort((a, b) => a - b);
        return { median: ns[ns.length >> 1], min: ns[0], max: ns[ns.length - 1], count: last.count, checksum: last.checksum, elapsedMs: last.elapsedMs };
      }, { runtime, scenario, n, WARMUP, SAMPLES });
      (all[runtime] ??= {})[scenario] = cell;
      console.log(`${runtime.padEnd(17)} ${scenario}  ${cell.median.toFixed(1).padStart(8)} ns/hop  (${cell.min.toFixed(1)}-${cell.max.toFixed(1)})  count ${cell.count}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
mkdirSync(join(root, 'target'), { recursive: true });
writeFileSync(join(root, 'target/bench-competitors.json'), JSON.stringify({ n, warmup: WARMUP, samples: SAMPLES, results: all }, null, 2));
