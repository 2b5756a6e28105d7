// Screenshots the inspector demo headless in Debian Chromium, after it has run a while, with a
// node selected and the subgraph opened: node scripts/screenshot-inspector.mjs [backend] [out.png]
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';

const backend = process.argv[2] ?? 'auto';
const out = process.argv[3] ?? `target/inspector-${backend}.png`;
const server = spawn(process.execPath, ['scripts/serve.mjs', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  server.stdout.on('data', chunk => {
    const match = /http:\/\/\S+/.exec(String(chunk));
    if (match) resolve(match[0]);
  });
  server.on('exit', code => reject(new Error(`server exited ${code}`)));
});
const browser = await chromium.launch({
  executablePath: process.env.TEAFLOW_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
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
