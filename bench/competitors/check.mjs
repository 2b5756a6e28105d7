// Headless check of the competitor bundle: node bench/competitors/check.mjs
// Serves the repository on 127.0.0.1, opens bench/competitors/check.html in Debian Chromium and
// exits non-zero unless every runtime × scenario ran and verified (and every injected fault threw).
import { chromium } from 'playwright-core';
import { serve, launch } from './headless.mjs';

const { server, base } = await serve();
const browser = await launch(chromium);
let check;
const consoleLines = new Set();
try {
  const page = await browser.newPage();
  page.on('pageerror', e => console.error('page error:', e.message));
  page.on('console', m => { if (m.type() === 'warning' || m.type() === 'error') consoleLines.add(`console.${m.type()}: ${m.text()}`); });
  await page.goto(`${base}/bench/competitors/check.html`);
  check = await page.waitForFunction(() => window.__check, null, { timeout: 300_000 }).then(h => h.jsonValue());
} finally {
  await browser.close();
  server.close();
}
for (const line of consoleLines) console.log(line);
console.log(`NoFlo ${check.version?.noflo}, XState ${check.version?.xstate}, n = ${check.n}`);
for (const r of check.results) {
  console.log(`${r.runtime.padEnd(17)} ${r.scenario}  ${r.ok ? `ok  ${r.nsPerHop.toFixed(1).padStart(8)} ns/hop  count ${r.count}  checksum ${r.checksum}` : `FAILED ${r.error}`}`);
}
const caught = check.faults.filter(f => f.caught).length;
console.log(`injected faults caught: ${caught} of ${check.faults.length}`);
if (!check.ok) {
  console.error(check.error);
  process.exit(1);
}
console.log(`${check.results.length} passed, 0 failed`);
