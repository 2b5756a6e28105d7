// What the inspector costs the network it watches, in headless Debian Chromium, on both
// backends: pipeline throughput without the inspector, attached and after close() (same page,
// alternating rounds, medians), and animation-frame gaps on a 500-node network with traffic.
// Usage: node bench/inspector-cost.mjs   (build first: dist/ must hold the inspector)
import { launchChromium, serveRepository } from '../scripts/local-chromium.mjs';

const quick = process.env.BENCH_QUICK === '1';
const N = quick ? 20_000 : 50_000;
const ROUNDS = quick ? 3 : 5;
const { url, server } = await serveRepository();
const browser = await launchChromium();
try {
  const rows = [];
  for (const backend of ['js', 'wasm']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', e => console.error('page error:', e.message));
    await page.goto(new URL('bench/inspector-cost.html', url).href);
    await page.waitForFunction(() => window.__ready);
    const throughput = await page.evaluate(([b, n, r]) => window.measureThroughput(b, n, r), [backend, N, ROUNDS]);
    const without = await page.evaluate(([b, s]) => window.measureFrames(b, s, false), [backend, 3]);
    const frames = await page.evaluate(([b, s]) => window.measureFrames(b, s, true), [backend, 3]);
    rows.push({ throughput, frames: [without, frames] });
    await page.close();
  }
  const fmt = n => n.toLocaleString('en-US');
  console.log(`Inspector cost (Chromium headless, ${N} packets x 10 deliveries, median of ${ROUNDS} alternating rounds)`);
  console.log('| backend | deliveries/s, not attached | attached | after close() | attached / not attached |');
  console.log('|---|---|---|---|---|');
  for (const { throughput: t } of rows) {
    console.log(`| ${t.backend} | ${fmt(t.detached)} | ${fmt(t.attached)} | ${fmt(t.closed)} | ${(t.attached / t.detached).toFixed(2)} |`);
  }
  console.log('\n500-node network (20 chains of 25), 40 packets a frame into the chains, 3 s, without and with the inspector:');
  console.log('| backend | inspector | drawn after | frames | median gap | p99 gap | max gap | gaps > 50 ms | packets through a chain |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const { frames } of rows) {
    for (const f of frames) {
      console.log(`| ${f.backend} | ${f.attach ? 'attached' : 'none'} | ${f.attach ? fmt(f.drawnMs) + ' ms' : '—'} | ${f.frames} | ${f.medianGapMs} ms | ${f.p99GapMs} ms | ${f.maxGapMs} ms | ${f.over50ms} | ${fmt(f.delivered)} |`);
    }
  }
} finally {
  await browser.close();
  server.kill();
}
