// Screenshots the inspector demo headless in Debian Chromium, after it has run a while, with a
// node selected and the subgraph opened: node scripts/screenshot-inspector.mjs [backend] [out.png]
import { launchChromium, serveRepository } from './local-chromium.mjs';

const backend = process.argv[2] ?? 'auto';
const out = process.argv[3] ?? `target/inspector-${backend}.png`;
const { url, server } = await serveRepository();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', e => console.error('page error:', e.message));
  await page.goto(new URL(`inspector_demo.html?backend=${backend}`, url).href);
  await page.waitForFunction(() => window.__demo && (window.__demo.ready || window.__demo.error), null, { timeout: 30_000 });
  const error = await page.evaluate(() => window.__demo.error);
  if (error) throw new Error(error);
  await page.waitForSelector('[data-teaflow-node="smooth"]', { timeout: 30_000 });
  await page.click('#spike');
  await page.dblclick('[data-teaflow-node="smooth"] text.tfi-id');
  await page.waitForSelector('[data-teaflow-node="smooth/ema"]', { timeout: 30_000 });
  await page.waitForTimeout(1500);
  await page.click('[data-teaflow-node="sensor"] text.tfi-id');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: out });
  const backendShown = await page.evaluate(() => window.__demo.tf.backend);
  console.log(`${backendShown}: -> ${out}`);
} finally {
  await browser.close();
  server.kill();
}
