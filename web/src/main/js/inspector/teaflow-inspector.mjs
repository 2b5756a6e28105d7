// The Teaflow inspector (contract §10): inspect(network, element) draws the running network
// inside element and keeps it live until close(). A separate file, loaded only by pages that
// ask for it; while it is not attached it costs the network nothing.
//
// Work is split so the network pays little: its event listeners only count and store; four times
// a second a tick reads net.stats(), updates the numbers that changed and redraws the log; once a
// second the structure is compared (toJSON + stats) and, if it changed, laid out again by ELK in
// a worker.
import { CSS } from './styles.mjs';
import { NetworkModel } from './network-model.mjs';
import { Layout } from './layout.mjs';
import { GraphView, formatCount, formatRate } from './graph-view.mjs';
import { StatePanel } from './state-panel.mjs';
import { EventLog } from './event-log.mjs';

const TICK_MS = 250;
const LOG_SAMPLE = 40;  // packets logged per tick at most
const STRUCTURE_EVERY = 4;  // ticks

function element(tag, className, content) {
  const result = document.createElement(tag);
  if (className) result.className = className;
  if (content !== undefined) result.textContent = content;
  return result;
}

function defaultWorkerUrl() {
  try {
    return new URL('./teaflow-inspector-layout.js', import.meta.url).href;
  } catch {
    return 'teaflow-inspector-layout.js';
  }
}

/**
 * Draws `network` inside `element` and keeps it live. options.layoutWorkerUrl: where elkjs's
 * worker (dist/teaflow-inspector-layout.js) is, if not beside this file.
 */
export function inspect(network, element_, options = {}) {
  if (!network || typeof network.stats !== 'function' || typeof network.on !== 'function') {
    throw new TypeError('inspect(network, element): network must be a Teaflow Network');
  }
  if (!element_ || typeof element_.appendChild !== 'function') {
    throw new TypeError('inspect(network, element): element must be a DOM element');
  }
  return new Inspector(network, element_, options).handle();
}

class Inspector {
  constructor(net, host, options) {
    this.net = net;
    this.host = host;
    this.closed = false;
    this.expanded = new Set();
    this.model = new NetworkModel(net);
    this.layout = new Layout(options.layoutWorkerUrl || defaultWorkerUrl());
    this.layoutRun = 0;
    this.status = 'idle';

    this.root = element('div', 'tfi');
    this.root.setAttribute('data-teaflow-inspector', '');
    const style = element('style');
    style.textContent = CSS;
    const bar = element('div', 'tfi-bar');
    const title = element('span', 'tfi-title', 'Teaflow inspector');
    this.statusPill = element('span', 'tfi-pill', 'idle');
    this.statusPill.setAttribute('data-teaflow-status', '');
    this.totals = element('span', 'tfi-pill', '');
    const legend = element('span', 'tfi-legend');
    for (const [color, label] of [['var(--js)', 'JS actor'], ['var(--java)', 'Java'], ['var(--graph)', 'subgraph'], ['var(--flow)', 'packets']]) {
      const item = element('span', '', label);
      const swatch = element('i');
      swatch.style.background = color;
      item.prepend(swatch);
      legend.appendChild(item);
    }
    const fit = element('button', '', 'Fit');
    fit.type = 'button';
    fit.addEventListener('click', () => this.graph.fit());
    bar.append(title, this.statusPill, this.totals, element('span', 'tfi-spacer'), legend, fit);
    this.canvas = element('div', 'tfi-canvas');
    this.note = element('div', 'tfi-note', 'laying out…');
    const side = element('aside', 'tfi-side');
    const log = element('section', 'tfi-log');
    this.root.append(style, bar, this.canvas, side, log);
    this.canvas.appendChild(this.note);
    host.appendChild(this.root);

    this.graph = new GraphView(this.canvas, {
      onSelect: id => this.select(id),
      onToggle: id => this.toggle(id),
    });
    this.panel = new StatePanel(side, net);
    this.log = new EventLog(log);

    // Numbers come from net.stats() on the tick, not from per-packet listeners. The log samples
    // packets: it listens to 'data' until it has LOG_SAMPLE of them in a tick, then stops until
    // the next one, so a busy network pays for a few hundred events a second at most.
    const model = this.model;
    const eventLog = this.log;
    this.off = [
      net.on('error', event => { model.onError(event); eventLog.add(event); }),
      net.on('start', event => { this.status = 'running'; eventLog.add(event); }),
      net.on('stop', event => { this.status = 'stopped'; eventLog.add(event); }),
      net.on('idle', event => { if (this.status !== 'stopped') this.status = 'idle'; eventLog.add(event); }),
    ];
    this.sampled = 0;
    this.offData = null;
    this.listenForData();
    this.ticks = 0;
    this.refresh(true);
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  listenForData() {
    if (this.offData || this.closed || this.log.paused || !this.log.types.data) return;
    this.sampled = 0;
    this.offData = this.net.on('data', event => {
      this.log.add(event);
      if (++this.sampled >= LOG_SAMPLE && this.offData) {
        const off = this.offData;
        this.offData = null;
        off();
      }
    });
  }

  handle() {
    return Object.freeze({ close: () => this.close() });
  }

  tick() {
    if (this.closed) return;
    this.ticks++;
    try {
      if (this.ticks % STRUCTURE_EVERY === 0 || this.model.stale) {
        this.refresh(false);
      } else {
        this.model.applyStats(this.net.stats());
      }
      if (this.offData && (this.log.paused || !this.log.types.data)) {
        this.offData();
        this.offData = null;
      }
      this.listenForData();
    } catch (error) {
      this.note.textContent = `cannot read the network: ${error && error.message}`;
      return;
    }
    this.model.updateRates(performance.now());
    this.graph.update(this.model);
    this.panel.update(this.model);
    this.log.render();
    const busy = [...this.model.nodes.values()].some(node => node.running || node.queued > 0);
    const state = this.status === 'stopped' ? 'stopped' : busy || this.model.totalRate > 0.5 ? 'running' : 'idle';
    if (state !== this.statusPill.dataset.state) {
      this.statusPill.dataset.state = state;
      this.statusPill.textContent = state;
    }
    const errors = this.model.totalErrors ? ` · ${formatCount(this.model.totalErrors)} errors` : '';
    this.totals.textContent = `${this.model.nodes.size} nodes · ${formatCount(this.model.totalPackets)} packets`
      + ` · ${formatRate(this.model.totalRate || 0)}/s${errors}`;
  }

  /** Reads the structure; lays out and redraws if it changed. */
  refresh(first) {
    const changed = this.model.refreshStructure();
    if (changed || first) {
      for (const id of [...this.expanded]) {
        if (!this.model.nodes.has(id)) this.expanded.delete(id);
      }
      this.relayout(first);
    }
  }

  async relayout(fit) {
    const run = ++this.layoutRun;
    if (!this.graph.bounds) this.note.textContent = `laying out ${this.model.nodes.size} nodes…`;
    const positions = await this.layout.run(this.model, this.expanded);
    if (this.closed || run !== this.layoutRun) return;
    this.graph.render(this.model, positions, this.expanded);
    this.graph.update(this.model);
    this.note.textContent = this.layout.problem || '';
    if (fit || !this.graph.userMoved) {
      this.graph.fit();
    }
    this.panel.update(this.model, true);
  }

  select(id) {
    this.graph.select(id);
    this.panel.select(this.model, id);
  }

  toggle(id) {
    if (this.expanded.has(id)) this.expanded.delete(id); else this.expanded.add(id);
    this.relayout(false);
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    if (this.offData) this.off.push(this.offData);
    for (const off of this.off) {
      try { off(); } catch { /* a network that is gone has no listeners to remove */ }
    }
    this.panel.release();
    this.layout.close();
    this.root.remove();
  }
}
