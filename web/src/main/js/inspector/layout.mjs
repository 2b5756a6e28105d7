// Automatic layout with elkjs (the Eclipse Layout Kernel's layered algorithm, which knows
// ports and nested graphs), run in a Web Worker so a large network never stalls the page. Where
// a worker cannot start (a file: page, a worker-src policy), a plain layered layout stands in.
import ELK from 'elkjs/lib/elk-api.js';

export const NODE_WIDTH = 190;
const HEADER = 56;
const PORT_ROW = 15;

/** The size of a node box for its ports. */
export function nodeSize(node) {
  const rows = Math.max(node.inports.length, node.outports.length, 1);
  return { width: NODE_WIDTH, height: HEADER + rows * PORT_ROW + 8 };
}

export function portY(index) {
  return HEADER + index * PORT_ROW + 6;
}

export class Layout {
  constructor(workerUrl) {
    this.elk = null;
    this.problem = null;
    try {
      const worker = new Worker(workerUrl);
      this.elk = new ELK({ workerFactory: () => worker });
      this.worker = worker;
      worker.addEventListener('error', event => {
        this.problem = `layout worker failed (${event.message || 'could not load ' + workerUrl}); using a simple layout`;
        this.elk = null;
      });
    } catch (error) {
      this.problem = `layout worker unavailable (${error && error.message}); using a simple layout`;
    }
  }

  /**
   * Positions: resolves to { nodes: Map id → {x, y, width, height} (absolute), edges: Map key → points[] }.
   * `expanded`: the subgraph nodes drawn open, with their processes inside.
   */
  async run(model, expanded) {
    const visible = visibleNodes(model, expanded);
    if (this.elk) {
      try {
        return await withTimeout(this.elkLayout(model, visible, expanded), 20000);
      } catch (error) {
        this.problem = `layout failed (${error && error.message}); using a simple layout`;
      }
    }
    return simpleLayout(model, visible, expanded);
  }

  async elkLayout(model, visible, expanded) {
    const elkNodes = new Map();
    const make = node => {
      const size = nodeSize(node);
      const open = node.kind === 'graph' && expanded.has(node.id);
      const elkNode = {
        id: node.id,
        width: size.width,
        height: size.height,
        layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
        ports: [
          ...node.inports.map((port, i) => ({ id: portId(node.id, 'in', port), width: 6, height: 6,
            layoutOptions: { 'elk.port.side': 'WEST', 'elk.port.index': String(node.inports.length - i) } })),
          ...node.outports.map((port, i) => ({ id: portId(node.id, 'out', port), width: 6, height: 6,
            layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(i) } })),
        ],
        children: [],
        edges: [],
      };
      if (open) {
        delete elkNode.width;
        delete elkNode.height;
        elkNode.layoutOptions = { ...elkNode.layoutOptions, 'elk.padding': '[top=64,left=24,bottom=20,right=24]',
          'elk.nodeSize.constraints': 'MINIMUM_SIZE', 'elk.nodeSize.minimum': `(${size.width}, ${size.height})`,
          'elk.portConstraints': 'FREE', 'elk.layered.spacing.nodeNodeBetweenLayers': '70', 'elk.spacing.nodeNode': '28' };
      }
      elkNodes.set(node.id, elkNode);
      return elkNode;
    };
    const root = {
      id: '\u0000root',
      layoutOptions: {
        'elk.algorithm': 'layered',
        'elk.direction': 'RIGHT',
        'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
        'elk.edgeRouting': 'ORTHOGONAL',
        'elk.layered.spacing.nodeNodeBetweenLayers': '70',
        'elk.spacing.nodeNode': '28',
        'elk.spacing.componentComponent': '48',
        'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      },
      children: [],
      edges: [],
    };
    for (const node of visible) {
      const elkNode = make(node);
      const parent = node.parent === null ? root : elkNodes.get(node.parent);
      parent.children.push(elkNode);
    }
    for (const edge of model.edges.values()) {
      if (!elkNodes.has(edge.from) || !elkNodes.has(edge.to)) continue;
      const container = edge.container === null ? root : elkNodes.get(edge.container);
      if (!container) continue;
      container.edges.push({ id: edge.key, sources: [portId(edge.from, 'out', edge.fromPort)],
        targets: [portId(edge.to, 'in', edge.toPort)] });
    }
    const result = await this.elk.layout(root);
    const nodes = new Map();
    const edges = new Map();
    const walk = (elkNode, dx, dy) => {
      for (const child of elkNode.children || []) {
        const x = dx + child.x;
        const y = dy + child.y;
        nodes.set(child.id, { x, y, width: child.width, height: child.height });
        walk(child, x, y);
      }
      for (const edge of elkNode.edges || []) {
        const points = [];
        for (const section of edge.sections || []) {
          points.push(section.startPoint, ...(section.bendPoints || []), section.endPoint);
        }
        // Edge coordinates are relative to the edge's container node.
        edges.set(edge.id, points.map(point => ({ x: point.x + dx, y: point.y + dy })));
      }
    };
    walk(result, 0, 0);
    return { nodes, edges };
  }

  close() {
    if (this.worker) this.worker.terminate();
    this.elk = null;
  }
}

function portId(node, side, port) {
  return `${node}\u0000${side}\u0000${port}`;
}

function visibleNodes(model, expanded) {
  const result = [];
  const isVisible = node => node.parent === null || (expanded.has(node.parent) && isVisible(model.nodes.get(node.parent) || { parent: null }));
  for (const node of model.nodes.values()) {
    if (isVisible(node)) result.push(node);
  }
  return result;
}

/** Longest-path layers left to right; nodes of a subgraph in a row under it when it is open. */
function simpleLayout(model, visible, expanded) {
  const nodes = new Map();
  const top = visible.filter(node => node.parent === null);
  const layer = new Map(top.map(node => [node.id, 0]));
  for (let pass = 0; pass < top.length; pass++) {
    let moved = false;
    for (const edge of model.edges.values()) {
      if (layer.has(edge.from) && layer.has(edge.to) && layer.get(edge.to) <= layer.get(edge.from) && edge.from !== edge.to) {
        layer.set(edge.to, layer.get(edge.from) + 1);
        moved = true;
      }
    }
    if (!moved) break;
  }
  const rows = new Map();
  for (const node of top) {
    const column = Math.min(layer.get(node.id), 50);
    const row = rows.get(column) || 0;
    const size = nodeSize(node);
    let height = size.height;
    let width = size.width;
    if (node.kind === 'graph' && expanded.has(node.id)) {
      const children = visible.filter(child => child.parent === node.id);
      children.forEach((child, i) => {
        const childSize = nodeSize(child);
        nodes.set(child.id, { x: 0, y: 0, width: childSize.width, height: childSize.height, offset: i });
      });
      width = Math.max(width, children.length * (NODE_WIDTH + 20) + 40);
      height = 64 + Math.max(0, ...children.map(child => nodeSize(child).height)) + 20;
    }
    nodes.set(node.id, { x: column * (NODE_WIDTH + 90), y: row, width, height });
    rows.set(column, row + height + 30);
  }
  for (const [id, box] of nodes) {
    if (box.offset !== undefined) {
      const parent = nodes.get(model.nodes.get(id).parent);
      box.x = parent.x + 20 + box.offset * (NODE_WIDTH + 20);
      box.y = parent.y + 64;
    }
  }
  return { nodes, edges: new Map() };
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no layout after ${ms / 1000} s`)), ms);
    promise.then(value => { clearTimeout(timer); resolve(value); }, error => { clearTimeout(timer); reject(error); });
  });
}
