// The network drawn in SVG: a box per node (id, component, JS / Java / subgraph, runs, queued,
// errors, a dot lit while a run is pending), a path per connection (packets so far and their
// rate), pan and zoom. Every user string goes in through textContent or setAttribute.
import { nodeSize, portY } from './layout.mjs';

const SVG = 'http://www.w3.org/2000/svg';
const KIND_LABEL = { js: 'JS', java: 'JAVA', graph: 'SUBGRAPH' };
const FAR_SCALE = 0.4;

function svg(tag, attributes = {}, parent) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (parent) parent.appendChild(element);
  return element;
}

function text(parent, className, x, y, content) {
  const element = svg('text', { class: className, x, y }, parent);
  element.textContent = content;
  return element;
}

function clip(value, max) {
  return value.length > max ? value.slice(0, max - 1) + '…' : value;
}

export class GraphView {
  constructor(container, { onSelect, onToggle }) {
    this.container = container;
    this.onSelect = onSelect;
    this.onToggle = onToggle;
    this.svg = svg('svg', { role: 'img', 'aria-label': 'network graph' }, container);
    const defs = svg('defs', {}, this.svg);
    const marker = svg('marker', { id: `tfi-arrow-${Math.random().toString(36).slice(2)}`, viewBox: '0 0 10 10', refX: '9', refY: '5',
      markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' }, defs);
    svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#5b647a' }, marker);
    this.markerId = marker.getAttribute('id');
    this.viewport = svg('g', {}, this.svg);
    this.edgeLayer = svg('g', {}, this.viewport);
    this.nodeLayer = svg('g', {}, this.viewport);
    this.nodeElements = new Map();
    this.edgeElements = new Map();
    this.view = { x: 20, y: 20, scale: 1 };
    this.selected = null;
    this.installPanZoom();
  }

  installPanZoom() {
    let drag = null;
    this.container.addEventListener('pointerdown', event => {
      if (event.target.closest && event.target.closest('.tfi-node')) return;
      drag = { x: event.clientX, y: event.clientY, view: { ...this.view } };
      this.userMoved = true;
      this.container.classList.add('tfi-dragging');
      this.container.setPointerCapture?.(event.pointerId);
    });
    this.container.addEventListener('pointermove', event => {
      if (!drag) return;
      this.view.x = drag.view.x + event.clientX - drag.x;
      this.view.y = drag.view.y + event.clientY - drag.y;
      this.applyView();
    });
    const end = () => { drag = null; this.container.classList.remove('tfi-dragging'); };
    this.container.addEventListener('pointerup', end);
    this.container.addEventListener('pointercancel', end);
    this.container.addEventListener('wheel', event => {
      event.preventDefault();
      const rect = this.container.getBoundingClientRect();
      const px = event.clientX - rect.left;
      const py = event.clientY - rect.top;
      const factor = Math.exp(-event.deltaY * 0.0015);
      const scale = Math.min(3, Math.max(0.05, this.view.scale * factor));
      this.view.x = px - ((px - this.view.x) * scale) / this.view.scale;
      this.view.y = py - ((py - this.view.y) * scale) / this.view.scale;
      this.view.scale = scale;
      this.userMoved = true;
      this.applyView();
    }, { passive: false });
  }

  applyView() {
    this.viewport.setAttribute('transform', `translate(${this.view.x},${this.view.y}) scale(${this.view.scale})`);
    // Level of detail: zoomed far out, text is unreadable and costly to repaint; boxes and lit
    // connections remain, numbers come back when zoomed in.
    const far = this.view.scale < FAR_SCALE;
    if (far !== this.far) {
      this.far = far;
      this.svg.classList.toggle('tfi-far', far);
      for (const element of this.nodeElements.values()) element.shown = null;
      for (const element of this.edgeElements.values()) element.labelShown = null;
    }
  }

  /** Fits the drawing into the visible area. */
  fit() {
    const rect = this.container.getBoundingClientRect();
    if (!this.bounds || rect.width === 0) return;
    const { width, height } = this.bounds;
    const scale = Math.min(1.1, (rect.width - 40) / Math.max(width, 1), (rect.height - 40) / Math.max(height, 1));
    this.view.scale = Math.max(0.05, scale);
    this.view.x = (rect.width - width * this.view.scale) / 2;
    this.view.y = Math.max(16, (rect.height - height * this.view.scale) / 2);
    this.applyView();
  }

  /** Draws the nodes and connections of `model` at `positions` (from Layout.run). */
  render(model, positions, expanded) {
    this.nodeLayer.replaceChildren();
    this.edgeLayer.replaceChildren();
    this.nodeElements.clear();
    this.edgeElements.clear();
    let maxX = 0;
    let maxY = 0;
    // Open subgraphs first, so their processes are drawn on top of them.
    const order = [...positions.nodes.keys()].sort((a, b) => depth(model, a) - depth(model, b));
    for (const id of order) {
      const node = model.nodes.get(id);
      const box = positions.nodes.get(id);
      if (!node || !box) continue;
      this.nodeElements.set(id, this.drawNode(node, box, expanded.has(id)));
      maxX = Math.max(maxX, box.x + box.width);
      maxY = Math.max(maxY, box.y + box.height);
    }
    for (const edge of model.edges.values()) {
      const from = positions.nodes.get(edge.from);
      const to = positions.nodes.get(edge.to);
      if (!from || !to) continue;
      const points = positions.edges.get(edge.key) || straight(model, edge, from, to);
      this.edgeElements.set(edge.key, this.drawEdge(edge, points));
      edge.shown = -1;
    }
    this.bounds = { width: maxX, height: maxY };
    this.select(this.selected);
  }

  drawNode(node, box, open) {
    const group = svg('g', { class: `tfi-node tfi-kind-${node.kind}`, transform: `translate(${box.x},${box.y})`,
      'data-teaflow-node': node.id, 'data-kind': node.kind, tabindex: '0' }, this.nodeLayer);
    const title = svg('title', {}, group);
    title.textContent = `${node.id} (${node.component})`;
    svg('rect', { class: 'tfi-box', width: box.width, height: box.height, rx: 8 }, group);
    svg('rect', { class: 'tfi-stripe', width: 4, height: Math.min(box.height, 56) - 16, x: 0, y: 8, rx: 2 }, group);
    const kind = node.kind === 'graph' ? `${open ? '▾' : '▸'} ${KIND_LABEL.graph}` : KIND_LABEL[node.kind] || node.kind;
    text(group, 'tfi-kind', box.width - 10, 16, kind).setAttribute('text-anchor', 'end');
    const shortId = node.parent !== null && node.id.startsWith(node.parent + '/') ? node.id.slice(node.parent.length + 1) : node.id;
    text(group, 'tfi-id', 12, 19, clip(shortId, node.kind === 'graph' ? 14 : 17));
    text(group, 'tfi-component', 12, 33, clip(node.component, 27));
    const stats = text(group, 'tfi-stats', 12, 48, '');
    const pending = svg('circle', { class: 'tfi-pending', cx: box.width - 13, cy: 31, r: 4 }, group);
    svg('title', {}, pending).textContent = 'lit while a run is in progress or pending; amber while packets wait';
    if (!open) {
      node.inports.forEach((port, i) => {
        svg('circle', { class: 'tfi-port-dot', cx: 0, cy: portY(i), r: 3.5 }, group);
        text(group, 'tfi-port', 8, portY(i) + 3.5, clip(port, 12));
      });
      node.outports.forEach((port, i) => {
        svg('circle', { class: 'tfi-port-dot', cx: box.width, cy: portY(i), r: 3.5 }, group);
        text(group, 'tfi-port', box.width - 8, portY(i) + 3.5, clip(port, 12)).setAttribute('text-anchor', 'end');
      });
    }
    group.addEventListener('click', event => {
      event.stopPropagation();
      if (node.kind === 'graph' && event.target.classList && event.target.classList.contains('tfi-kind')) {
        this.onToggle(node.id);
      } else {
        this.onSelect(node.id);
      }
    });
    group.addEventListener('dblclick', event => {
      event.stopPropagation();
      if (node.kind === 'graph') this.onToggle(node.id);
    });
    group.addEventListener('keydown', event => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        this.onSelect(node.id);
      }
    });
    return { group, stats, shown: null, classes: '', numbers: '' };
  }

  drawEdge(edge, points) {
    const group = svg('g', { class: 'tfi-edge', 'data-teaflow-edge': edge.key,
      'data-packets': String(edge.packets) }, this.edgeLayer);
    const d = pathOf(points);
    svg('path', { d, 'marker-end': `url(#${this.markerId})` }, group);
    const middle = midpoint(points);
    const label = text(group, '', middle.x, middle.y - 5, '');
    label.setAttribute('text-anchor', 'middle');
    svg('title', {}, group).textContent = edge.key;
    return { group, label, active: false, labelShown: null };
  }

  /** Updates the numbers; touches only what changed, and no text while zoomed far out. */
  update(model) {
    const far = this.far;
    for (const [id, element] of this.nodeElements) {
      const node = model.nodes.get(id);
      if (!node) continue;
      if (!far) {
        const errors = node.errors ? ` · ${node.errors} err` : '';
        const shown = node.kind === 'graph'
          ? `${formatCount(node.inbound || 0)} in · ${formatCount(node.outbound || 0)} out${errors}`
          : `runs ${formatCount(node.runs)} · queued ${formatCount(node.queued)}${errors}`;
        if (shown !== element.shown) {
          element.shown = shown;
          element.stats.textContent = shown;
          element.stats.classList.toggle('tfi-errors', node.errors > 0);
        }
      }
      const numbers = `${node.runs} ${node.queued} ${node.errors} ${node.running}`;
      if (numbers !== element.numbers) {
        element.numbers = numbers;
        element.group.setAttribute('data-runs', String(node.runs));
        element.group.setAttribute('data-queued', String(node.queued));
        element.group.setAttribute('data-errors', String(node.errors));
        element.group.setAttribute('data-running', String(node.running));
        const classes = `${node.running ? 'r' : ''}${node.queued > 0 ? 'q' : ''}${node.errors > 0 ? 'e' : ''}`;
        if (classes !== element.classes) {
          element.classes = classes;
          element.group.classList.toggle('tfi-running', node.running);
          element.group.classList.toggle('tfi-queued', node.queued > 0 && !node.running);
          element.group.classList.toggle('tfi-has-errors', node.errors > 0);
        }
      }
    }
    for (const [key, element] of this.edgeElements) {
      const edge = model.edges.get(key);
      if (!edge) continue;
      if (edge.shown !== edge.packets) {
        edge.shown = edge.packets;
        element.group.setAttribute('data-packets', String(edge.packets));
      }
      const active = edge.rate > 0.5;
      if (active !== element.active) {
        element.active = active;
        element.group.classList.toggle('tfi-active', active);
      }
      if (!far) {
        const label = edge.packets ? `${formatCount(edge.packets)}${active ? ` · ${formatRate(edge.rate)}/s` : ''}` : '';
        if (label !== element.labelShown) {
          element.labelShown = label;
          element.label.textContent = label;
        }
      }
    }
  }

  select(id) {
    if (this.selected && this.nodeElements.has(this.selected)) {
      this.nodeElements.get(this.selected).group.classList.remove('tfi-selected');
    }
    this.selected = id;
    if (id && this.nodeElements.has(id)) this.nodeElements.get(id).group.classList.add('tfi-selected');
  }
}

function depth(model, id) {
  let count = 0;
  let node = model.nodes.get(id);
  while (node && node.parent !== null) {
    count++;
    node = model.nodes.get(node.parent);
  }
  return count;
}

/** Without a routed path (the simple layout): from the outport's dot to the inport's. */
function straight(model, edge, from, to) {
  const source = model.nodes.get(edge.from);
  const target = model.nodes.get(edge.to);
  const outIndex = Math.max(0, source.outports.indexOf(edge.fromPort));
  const inIndex = Math.max(0, target.inports.indexOf(edge.toPort));
  const start = { x: from.x + from.width, y: from.y + Math.min(portY(outIndex), from.height - 8) };
  const end = { x: to.x, y: to.y + Math.min(portY(inIndex), to.height - 8) };
  const bend = Math.max(30, (end.x - start.x) / 2);
  return [start, { x: start.x + bend, y: start.y }, { x: end.x - bend, y: end.y }, end];
}

function pathOf(points) {
  if (points.length === 0) return '';
  return points.map((point, i) => `${i ? 'L' : 'M'}${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ');
}

function midpoint(points) {
  if (points.length === 0) return { x: 0, y: 0 };
  let best = { x: points[0].x, y: points[0].y, length: -1 };
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    const length = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
    if (length > best.length) best = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, length };
  }
  return best;
}

export function formatCount(n) {
  if (n < 10000) return String(n);
  if (n < 1e6) return `${(n / 1000).toFixed(n < 1e5 ? 1 : 0)}k`;
  return `${(n / 1e6).toFixed(n < 1e7 ? 2 : 1)}M`;
}

export function formatRate(rate) {
  return rate < 10 ? rate.toFixed(1) : formatCount(Math.round(rate));
}

export { nodeSize };
