// Screenshots the demo page headless in Debian Chromium: node scripts/screenshot.mjs [backend] [out.png]
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';

const backend = process.argv[2] ?? 'auto';
const out = process.argv[3] ?? `target/demo-${backend}.png`;
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
