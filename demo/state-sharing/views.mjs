// The demo's live views: a state table per node, driven by handle.subscribe() (not by polling), and
// the log of network events. Both paint at most once per animation frame, so a burst stays smooth.
import { errText, fmt, typeOf } from './format.mjs';


// Live state table: re-rendered from the handle whenever subscribe() reports a change
// (coalesced to one paint per animation frame, so a 1000-packet burst stays smooth).
export function makeStateView(handle, tbody, changesEl, emptyText) {
  let changes = 0, scheduled = false;
  const changed = new Set();
  const render = () => {
    scheduled = false;
    changesEl.textContent = `${changes} change${changes === 1 ? '' : 's'} seen by subscribe()`;
    const keys = handle.keys();
    tbody.textContent = '';
    if (keys.length === 0) {
      const tr = tbody.insertRow(); const td = tr.insertCell(); td.colSpan = 3; td.className = 'empty'; td.textContent = emptyText;
    }
    for (const k of keys) {
      const v = handle.get(k);
      const tr = tbody.insertRow();
      if (changed.has(k)) tr.className = 'flash';
      tr.insertCell().textContent = k;
      tr.insertCell().textContent = fmt(v);
      const t = tr.insertCell(); t.className = 'type'; t.textContent = typeOf(v);
    }
    changed.clear();
  };
  const unsubscribe = handle.subscribe((key) => {
    changes++;
    changed.add(key);
    if (!scheduled) { scheduled = true; requestAnimationFrame(render); }
  });
  render();
  return { render, unsubscribe };
}

// Event log, newest first, capped.
export function makeLog(list, counters, cap = 120) {
  const entries = [];
  const counts = {};
  let scheduled = false;
  const t0 = performance.now();
  const summary = (ev) => {
    switch (ev.type) {
      case 'data': {
        const from = ev.from ? `${ev.from.node}.${ev.from.port}` : 'outside';
        return `${ev.node}.${ev.port} ← ${from}  ${fmt(ev.value, 80)}`;
      }
      case 'error': return `${ev.node ?? '?'}: ${ev.message ?? errText(ev.error)}`;
      default: {
        const rest = Object.keys(ev).filter(k => k !== 'type');
        return rest.length ? rest.map(k => `${k}=${fmt(ev[k], 60)}`).join(' ') : '';
      }
    }
  };
  const render = () => {
    scheduled = false;
    const ol = list;
    ol.textContent = '';
    for (const e of entries) {
      const li = document.createElement('li');
      if (e.type === 'error') li.className = 'error';
      li.innerHTML = '<span class="t"></span><span class="ty"></span><span class="what"></span>';
      li.children[0].textContent = e.t;
      li.children[1].textContent = e.type;
      li.children[1].classList.add(e.type);
      li.children[2].textContent = e.what;
      ol.appendChild(li);
    }
    const c = counters;
    c.textContent = '';
    for (const [type, n] of Object.entries(counts)) {
      const s = document.createElement('span'); s.className = 'chip'; s.textContent = `${type} ${n}`; c.appendChild(s);
    }
    const clear = document.createElement('button'); clear.textContent = 'Clear'; clear.style.marginLeft = 'auto';
    clear.onclick = () => { entries.length = 0; for (const k in counts) delete counts[k]; render(); };
    c.appendChild(clear);
  };
  const add = (ev) => {
    const type = ev && ev.type ? String(ev.type) : '?';
    counts[type] = (counts[type] || 0) + 1;
    let what;
    try { what = summary(ev); } catch (e) { what = '(could not describe: ' + errText(e) + ')'; }
    entries.unshift({ t: ((performance.now() - t0) / 1000).toFixed(2) + 's', type, what });
    if (entries.length > cap) entries.length = cap;
    if (!scheduled) { scheduled = true; requestAnimationFrame(render); }
  };
  return { add, render };
}
