// What the inspector knows about a network: its structure (from net.toJSON() and net.stats()),
// and what happened (from its events): packets per connection, per node packets received and
// errors. Event handlers only count; everything else happens on the inspector's tick.

/** The §10 key of a connection: `<from>.<fromPort>><to>.<toPort>`. */
export function edgeKey(from, fromPort, to, toPort) {
  return `${from}.${fromPort}>${to}.${toPort}`;
}

export class NetworkModel {
  constructor(net) {
    this.net = net;
    /** id → { id, component, kind, parent, inports, outports, runs, queued, running, received, errors } */
    this.nodes = new Map();
    /** key → { key, from, fromPort, to, toPort, container, discovered, packets, shown, rate } */
    this.edges = new Map();
    /** Packets delivered to each node from outside the network (send, initial packets). */
    this.signature = '';
    this.totalPackets = 0;
    this.totalErrors = 0;
    /** `${fromNode}\0${fromPort}\0${node}\0${port}` → the edges a delivery counts for */
    this.routes = new Map();
    this.lastTick = 0;
  }

  /** Reads the structure again; returns true if it changed (nodes, kinds or connections). */
  refreshStructure() {
    const stats = this.net.stats();
    const graph = this.net.toJSON();
    const connections = [];
    for (const connection of graph.connections || []) {
      if (connection.src && connection.tgt) {
        connections.push(edgeKey(connection.src.process, connection.src.port, connection.tgt.process, connection.tgt.port));
      }
    }
    const signature = JSON.stringify([stats.map(node => [node.id, node.component, node.kind, node.parent,
      node.inports, node.outports]), connections]);
    const changed = signature !== this.signature;
    if (changed) {
      this.signature = signature;
      const nodes = new Map();
      for (const node of stats) {
        const old = this.nodes.get(node.id);
        nodes.set(node.id, { ...node, received: old ? old.received : 0, errors: old ? old.errors : 0 });
      }
      this.nodes = nodes;
      const edges = new Map();
      for (const connection of graph.connections || []) {
        if (!connection.src || !connection.tgt) continue;
        const key = edgeKey(connection.src.process, connection.src.port, connection.tgt.process, connection.tgt.port);
        const old = this.edges.get(key);
        edges.set(key, old && !old.discovered ? old : {
          key, from: connection.src.process, fromPort: connection.src.port, to: connection.tgt.process,
          toPort: connection.tgt.port, container: null, discovered: false, packets: old ? old.packets : 0, shown: -1, rate: 0,
        });
      }
      // Connections inside subgraphs are not in toJSON(): they are learnt from the packets they carry.
      for (const [key, edge] of this.edges) {
        if (edge.discovered && nodes.has(edge.from) && nodes.has(edge.to)) edges.set(key, edge);
      }
      this.edges = edges;
      this.routes.clear();
    }
    this.applyStats(stats);
    return changed;
  }

  applyStats(stats) {
    for (const node of stats) {
      const known = this.nodes.get(node.id);
      if (known) {
        known.runs = node.runs;
        known.queued = node.queued;
        known.running = node.running;
      }
    }
  }

  /** A 'data' event: counts the packet on every connection it travelled. */
  onData(event) {
    this.totalPackets++;
    const node = this.nodes.get(event.node);
    if (node) node.received++;
    const from = event.from;
    if (!from) return;
    const route = `${from.node}\u0000${from.port}\u0000${event.node}\u0000${event.port}`;
    let edges = this.routes.get(route);
    if (edges === undefined) {
      edges = this.resolve(from.node, from.port, event.node, event.port);
      this.routes.set(route, edges);
    }
    for (let i = 0; i < edges.length; i++) edges[i].packets++;
  }

  onError(event) {
    this.totalErrors++;
    let id = typeof event.node === 'string' ? event.node : null;
    // An error inside a subgraph also shows on every enclosing subgraph node.
    while (id !== null) {
      const node = this.nodes.get(id);
      if (!node) break;
      node.errors++;
      id = node.parent;
    }
  }

  /** The connections a packet from fromNode.fromPort to toNode.toPort went through. */
  resolve(fromNode, fromPort, toNode, toPort) {
    const within = (id, outer) => id === outer || id.startsWith(outer + '/');
    const result = [];
    for (const edge of this.edges.values()) {
      if (edge.discovered) continue;
      const fromOk = fromNode === edge.from ? fromPort === edge.fromPort : within(fromNode, edge.from) && this.isGraph(edge.from);
      const toOk = toNode === edge.to ? toPort === edge.toPort : within(toNode, edge.to) && this.isGraph(edge.to);
      if (fromOk && toOk) result.push(edge);
    }
    if (result.length === 0) {
      const source = this.nodes.get(fromNode);
      const target = this.nodes.get(toNode);
      if (source && target && source.parent !== null && source.parent === target.parent) {
        const key = edgeKey(fromNode, fromPort, toNode, toPort);
        let edge = this.edges.get(key);
        if (!edge) {
          edge = { key, from: fromNode, fromPort, to: toNode, toPort, container: source.parent, discovered: true,
            packets: 0, shown: -1, rate: 0 };
          this.edges.set(key, edge);
          this.discoveredSince = true;
        }
        result.push(edge);
      }
    }
    return result;
  }

  isGraph(id) {
    const node = this.nodes.get(id);
    return Boolean(node && node.kind === 'graph');
  }

  /** Per-second rates, smoothed, from the packets counted since the last tick. */
  updateRates(now) {
    const seconds = this.lastTick ? (now - this.lastTick) / 1000 : 0;
    // A subgraph node receives nothing itself: what crossed its boundary is what it shows.
    for (const node of this.nodes.values()) {
      if (node.kind === 'graph') {
        node.inbound = 0;
        node.outbound = 0;
      }
    }
    for (const edge of this.edges.values()) {
      const to = this.nodes.get(edge.to);
      const from = this.nodes.get(edge.from);
      if (to && to.kind === 'graph') to.inbound += edge.packets;
      if (from && from.kind === 'graph') from.outbound += edge.packets;
    }
    this.lastTick = now;
    let total = 0;
    for (const edge of this.edges.values()) {
      const delta = edge.lastPackets === undefined ? 0 : edge.packets - edge.lastPackets;
      edge.lastPackets = edge.packets;
      if (seconds > 0) edge.rate = edge.rate * 0.5 + (delta / seconds) * 0.5;
      total += edge.rate;
    }
    const deltaAll = this.lastTotal === undefined ? 0 : this.totalPackets - this.lastTotal;
    this.lastTotal = this.totalPackets;
    this.totalRate = seconds > 0 ? (this.totalRate || 0) * 0.5 + (deltaAll / seconds) * 0.5 : 0;
    return total;
  }
}
