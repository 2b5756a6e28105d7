// Runs the self-check one check at a time, shows each result as it comes, and publishes them for
// automated tests as window.__results = { done, backend, passed, failed, checks: [{name, ok, detail}] }
// (and as JSON in #results-json). AssertionError comes from test-harness/browser/assert.js.
import { $ } from './dom.mjs';
import { errText } from './format.mjs';

const CHECK_TIMEOUT_MS = 10000;

let running = false;

/** Runs `checks` (from selfChecks()) on `backend`; a second call while one runs does nothing. */
export async function runSelfCheck(checks, backend) {
  if (running) return;
  running = true;
  $('btn-rerun').disabled = true;
  const results = checks.map(c => ({ name: c.name, ok: false, detail: 'pending' }));
  publishResults({ done: false, backend, passed: 0, failed: 0, checks: results });
  renderChecks(results, false, { backend });
  $('summary-line').className = 'line';
  $('summary-line').textContent = 'running…';
  for (const [i, c] of checks.entries()) {
    const t = timeout(CHECK_TIMEOUT_MS, 'check');
    try {
      const detail = await Promise.race([Promise.resolve().then(() => c.run()), t]);
      results[i] = { name: c.name, ok: true, detail: String(detail ?? '') };
    } catch (e) {
      console.error(`[self-check] ${c.name}`, e);
      results[i] = { name: c.name, ok: false, detail: e instanceof AssertionError ? e.message : 'threw ' + errText(e) };
    } finally {
      t.cancel();
    }
    renderChecks(results, false, { backend, finished: i + 1 });
  }
  const passed = results.filter(r => r.ok).length;
  const failed = results.length - passed;
  publishResults({ done: true, backend, passed, failed, checks: results });
  renderChecks(results, true, { backend });
  running = false;
  $('btn-rerun').disabled = false;
}

/** A promise that fails after `ms`, unless cancel() is called first. */
function timeout(ms, label) {
  let id;
  const p = new Promise((_, reject) => { id = setTimeout(() => reject(new AssertionError(`${label} timed out after ${ms} ms`)), ms); });
  p.cancel = () => clearTimeout(id);
  return p;
}

export function publishResults(r) {
  window.__results = r;
  $('results-json').textContent = JSON.stringify(r);
  document.body.dataset.selfcheck = r.done ? (r.failed ? 'failed' : 'passed') : 'running';
}

/** Shows `results`, of which the first `finished` are known; `backend` (or null) goes in the summary. */
export function renderChecks(results, done, { backend = null, finished = results.length } = {}) {
  const ul = $('checks');
  ul.textContent = '';
  results.forEach((r, i) => {
    const state = i >= finished ? 'pending' : r.ok ? 'ok' : 'bad';
    const li = document.createElement('li');
    li.className = state;
    li.innerHTML = '<span class="mark"></span><div><div class="name"></div><div class="detail"></div></div>';
    li.querySelector('.mark').textContent = state === 'ok' ? '✓' : state === 'bad' ? '✗' : '…';
    li.querySelector('.name').textContent = r.name;
    li.querySelector('.detail').textContent = state === 'pending' ? '' : r.detail;
    ul.appendChild(li);
  });
  const passed = results.slice(0, finished).filter(r => r.ok).length;
  const failed = finished - passed;
  const line = $('summary-line');
  const badge = $('badge-checks');
  if (done) {
    line.className = 'line ' + (failed ? 'bad' : 'ok');
    line.textContent = failed
      ? `${failed} of ${results.length} checks failed, ${passed} passed` + (backend ? ` (backend ${backend})` : '')
      : `All ${results.length} checks passed (backend ${backend})`;
    badge.className = 'badge ' + (failed ? 'bad' : 'ok');
    badge.textContent = failed ? `self-check: ${failed} failed` : `self-check: ${passed}/${results.length} passed`;
  } else {
    line.className = 'line';
    line.textContent = `running… ${finished}/${results.length}`;
    badge.className = 'badge';
    badge.textContent = `self-check ${finished}/${results.length}`;
  }
}
