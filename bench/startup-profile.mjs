// Where a cold start-up's time goes (S4 of BENCHMARKS.md): bench/startup.html in a fresh browser
// context, with the page's resource timings, and either
// - a CPU profile (default; 100 µs sampling): self time per function, the JS backend's functions
//   mapped back to Java through dist/teaflow-js-backend.js.map, or
// - TRACE=1: a DevTools trace, the renderer's main-thread tasks after teaflow.js starts and V8's
//   compile work on other threads (where a script's parse and compile run while it streams in), or
// - PROFILE=0: the timings alone, without a profiler's overhead.
// Usage: node bench/startup-profile.mjs [js|wasm] [runs]   (under flock /tmp/teaflow-browser.lock)
import { fileURLToPath } from 'node:url';
import { frameLocator } from './cpu-profile-report.mjs';
import { serveRepository, launchChromium } from '../scripts/local-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const backend = process.argv[2] ?? 'js';
const runs = Number(process.argv[3] ?? 3);
const mode = process.env.TRACE === '1' ? 'trace' : process.env.PROFILE === '0' ? 'timings' : 'profile';
const locate = frameLocator(root);
const TRACE_CATEGORIES = ['devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.compile', 'blink', 'loading',
  'toplevel'];

/** A profile frame as file:function, a backend frame as its Java source file and line, and name. */
function where(frame) {
  const file = frame.url.split('/').pop() || '(vm)';
  if (file === 'teaflow-js-backend.js') return `${locate(frame)} ${frame.functionName}`;
  return `${file}:${frame.functionName || '(anonymous)'}${frame.url ? `@${frame.lineNumber + 1}` : ''}`;
}

/** The page's main-thread tasks (≥ 0.5 ms) from teaflow.js on, and V8's compile work elsewhere. */
function printTrace(events) {
  const start = events.find(e => e.name === 'EvaluateScript' && /\/teaflow\.js$/.test(e.args?.data?.url ?? ''));
  if (!start) throw new Error('the trace holds no evaluation of teaflow.js');
  const mainThread = e => e.pid === start.pid && e.tid === start.tid;
  const shown = events.filter(e => e.ph === 'X' && e.pid === start.pid && e.ts >= start.ts && (mainThread(e)
    ? e.dur >= 500 && !/^(ThreadControllerImpl|Receive mojo|RunTask)/.test(e.name)
    : e.dur >= 1000 && /Compile|Stream|Parse|wasm/.test(e.name)));
  for (const e of shown.sort((a, b) => a.ts - b.ts)) {
    const detail = e.args?.data?.url ?? e.args?.data?.functionName ?? '';
    console.log(`  ${((e.ts - start.ts) / 1000).toFixed(1).padStart(7)} ms ${(e.dur / 1000).toFixed(1).padStart(6)} ms`
      + `  ${mainThread(e) ? '' : '[other thread] '}${e.name} ${detail.split('/').pop()}`);
  }
}

const { url, server } = await serveRepository();
const browser = await launchChromium();
const totals = new Map();
let sampledMs = 0;
const samples = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', e => console.error('page error:', e.message));
    const cdp = await context.newCDPSession(page);
    const traceEvents = [];
    if (mode === 'profile') {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    } else if (mode === 'trace') {
      cdp.on('Tracing.dataCollected', data => traceEvents.push(...data.value));
      await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: TRACE_CATEGORIES } });
    }
    // Waits for the page's console message, never polls: Playwright's polling injects a script of its own.
    const done = page.waitForEvent('console', { predicate: m => m.text() === 'teaflow-bench: startup done', timeout: 60_000 });
    await page.goto(new URL(`/bench/startup.html?backend=${backend}`, url).href);
    await done;
    const result = await page.evaluate(() => window.__startup);
    const profile = mode === 'profile' ? (await cdp.send('Profiler.stop')).profile : null;
    if (mode === 'trace') {
      const complete = new Promise(resolve => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
    }
    const timings = await page.evaluate(() => performance.getEntriesByType('resource')
      .map(e => ({ name: e.name.split('/').pop(), start: e.startTime, end: e.responseEnd }))
      .concat([{ name: '(script start)', start: window.__scriptStart },
        { name: '(init called)', start: window.__scriptStart + window.__startup.scriptMs }]));
    await context.close();
    samples.push(result.initToFirstPacketMs);
    console.log(`run ${run + 1}: init→first packet ${result.initToFirstPacketMs.toFixed(1)} ms, script eval ${result.scriptMs.toFixed(1)} ms`);
    for (const t of timings.sort((a, b) => a.start - b.start)) {
      console.log(`  ${t.name.padEnd(28)} ${t.start.toFixed(1)}${t.end ? ` → ${t.end.toFixed(1)}` : ''} ms`);
    }
    if (mode === 'trace') printTrace(traceEvents);
    if (!profile) continue;
    const byId = new Map(profile.nodes.map(n => [n.id, n]));
    for (let i = 0; i < profile.samples.length; i++) {
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const key = where(byId.get(profile.samples[i]).callFrame);
      totals.set(key, (totals.get(key) ?? 0) + ms);
      sampledMs += ms;
    }
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(`median init→first packet ${samples.sort((a, b) => a - b)[runs >> 1].toFixed(1)} ms over ${runs} runs`);
if (mode === 'profile') {
  console.log(`self time (ms per run), top 30 of ${(sampledMs / runs).toFixed(0)} ms sampled:`);
  for (const [key, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`  ${(ms / runs).toFixed(2).padStart(7)}  ${key}`);
  }
}
