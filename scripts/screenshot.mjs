// Screenshots the demo page headless in Debian Chromium: node scripts/screenshot.mjs [backend] [out.png]
import { launchChromium, serveRepository } from './local-chromium.mjs';

const backend = process.argv[2] ?? 'auto';
const out = process.argv[3] ?? `target/demo-${backend}.png`;
const { url, server } = await serveRepository();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', e => console.error('page error:', e.message));
  await page.goto(`${url}?backend=${backend}`);
  await page.waitForFunction(() => window.__results && window.__results.done, null, { timeout: 30_000 });
  const results = await page.evaluate(() => window.__results);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`${results.backend}: ${results.passed} passed, ${results.failed} failed -> ${out}`);
} finally {
  await browser.close();
  server.kill();
}
