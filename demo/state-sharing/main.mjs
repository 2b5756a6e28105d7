// The state-sharing demo page: loads dist/teaflow.js (the only Teaflow file it needs), starts the
// demo network, then runs the self-check. ?backend=auto|js|wasm picks the backend (default auto).
import { selfChecks } from './checks.mjs';
import { startDemo } from './demo-network.mjs';
import { $ } from './dom.mjs';
import { errText } from './format.mjs';
import { publishResults, renderChecks, runSelfCheck } from './self-check.mjs';

const requestedBackend = new URLSearchParams(location.search).get('backend') || 'auto';
const SCRIPT_URL = 'dist/teaflow.js';

window.__results = { done: false, backend: null, passed: 0, failed: 0, checks: [] };

for (const a of document.querySelectorAll('#switch a')) {
  if (a.dataset.b === requestedBackend) a.classList.add('current');
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const el = document.createElement('script');
    el.src = src;
    el.onload = () => resolve();
    el.onerror = () => reject(new Error(`Could not load ${src} (HTTP error or file missing). ` +
      'Build the project so that dist/teaflow.js exists, and serve this page over http:// from the repository root.'));
    document.head.appendChild(el);
  });
}

function showFatal(title, e) {
  $('banner').classList.add('show');
  $('banner-title').textContent = title;
  $('banner-text').textContent = errText(e) + (e && e.stack && !String(e.stack).includes(errText(e)) ? '\n' + e.stack : '');
  const b = $('badge-status');
  b.className = 'badge bad';
  b.textContent = 'not running';
  for (const id of ['tbody-ticker', 'tbody-counter']) {
    if ($(id).querySelector('td.empty')) $(id).querySelector('td.empty').textContent = 'not available (' + title + ')';
  }
}

let api = null;
try {
  await loadScript(SCRIPT_URL);
  if (typeof window.Teaflow === 'undefined' || typeof window.Teaflow.init !== 'function') {
    throw new Error(`${SCRIPT_URL} loaded but did not define a global Teaflow with an init() function.`);
  }
  api = await window.Teaflow.init({ backend: requestedBackend });
  if (!api) throw new Error('Teaflow.init() resolved to ' + String(api));
  $('backend').textContent = String(api.backend);
  $('version').textContent = String(api.version);
  const b = $('badge-status');
  b.className = 'badge ok';
  b.textContent = 'Teaflow running';
} catch (e) {
  console.error(e);
  showFatal('Teaflow failed to start', e);
  publishResults({
    done: true, backend: api ? api.backend : null, passed: 0, failed: 1,
    checks: [{ name: 'init: load dist/teaflow.js and Teaflow.init({backend: ' + JSON.stringify(requestedBackend) + '})', ok: false, detail: errText(e) }],
  });
  renderChecks(window.__results.checks, true);
}

if (api) {
  try {
    await startDemo(api);
  } catch (e) {
    console.error(e);
    showFatal('The demo network failed to start', e);
  }
  const checks = selfChecks(api, requestedBackend);
  $('btn-rerun').onclick = () => runSelfCheck(checks, api.backend);
  await runSelfCheck(checks, api.backend);
}
