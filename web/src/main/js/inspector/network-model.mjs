// What the inspector knows about a network, all read from net.stats() and net.toJSON() on its
// tick, never from a per-packet listener (so a watched network runs nearly as fast as one that
// is not): the nodes with their numbers, the connections as the user made them (toJSON), and the
// wires between running nodes with the packets delivered on each (stats). A connection into or
// out of a subgraph node is made of the wire to the process behind the exported port; a wire
// between two processes of one subgraph is drawn inside it when it is open.

/** The §10 key of a connection: `<from>.<fromPort>><to>.<toPort>`. */
export function edgeKey(from, fromPort, to, toPort) {
  return `${from}.${fromPort}>${to}.${toPort}`;
}

function wireKey(wire) {
  return `${wire.from}\u0000${wire.fromPort}\u0000${wire.to}\u0000${wire.toPort}`;
}

export class NetworkModel {
  constructor(net) {
    this.net = net;
    /** id → { id, component, kind, parent, inports, outports, runs, queued, running, received, errors } */
    this.nodes = new Map();
    /** key → { key, from, fromPort, to, toPort, container, inner, packets, shown, rate } */
    this.edges = new Map();
    /** wire key → the edges its packets count for */
    this.wires = new Map();
    this.signature = '';
    this.totalPackets = 0;
    this.totalErrors = 0;
    this.totalRate = 0;
    this.stale = false;
    this.lastTick = 0;
  }

  /** Reads everything; returns true if the structure changed (nodes, kinds, connections, wires). */
  refreshStructure() {
    const stats = this.net.stats();
    // Every connection the user made is also a wire between running nodes, so the nodes and the
    // wires say whether anything changed; toJSON() is read only then.
    let signature = '';
    for (const node of stats.nodes) {
      signature += `${node.id}\u0001${node.component}\u0001${node.kind}\u0001${node.parent}\u0001${node.inports}\u0001${node.outports}\u0002`;
    }
    for (const wire of stats.connections) signature += wireKey(wire) + '\u0002';
    const changed = signature !== this.signature;
    if (changed) {
      this.signature = signature;
      const graph = this.net.toJSON();
      this.rebuild(stats, (graph.connections || []).filter(connection => connection.src && connection.tgt));
    }
    this.stale = false;
    this.applyStats(stats);
    return changed;
  }

  rebuild(stats, connections) {
    const nodes = new Map();
    for (const node of stats.nodes) {
      const old = this.nodes.get(node.id);
      nodes.set(node.id, { ...node, received: 0, errors: old ? old.errors : 0 });
    }
    this.nodes = nodes;
    const edges = new Map();
    const keep = (key, make) => {
      const old = this.edges.get(key);
      const edge = make();
      edge.packets = 0;
      edge.shown = -1;
      edge.rate = old ? old.rate : 0;
      edge.lastPackets = old ? old.lastPackets : undefined;
      edges.set(key, edge);
      return edge;
    };
    for (const connection of connections) {
      const key = edgeKey(connection.src.process, connection.src.port, connection.tgt.process, connection.tgt.port);
      keep(key, () => ({ key, from: connection.src.process, fromPort: connection.src.port, to: connection.tgt.process,
        toPort: connection.tgt.port, container: null, inner: false }));
    }
    this.edges = edges;
    this.wires = new Map();
    for (const wire of stats.connections) {
      const targets = this.resolve(wire);
      if (targets.length === 0) {
        const source = nodes.get(wire.from);
        const target = nodes.get(wire.to);
        if (source && target && source.parent !== null && source.parent === target.parent) {
          const key = edgeKey(wire.from, wire.fromPort, wire.to, wire.toPort);
          targets.push(edges.get(key) || keep(key, () => ({ key, from: wire.from, fromPort: wire.fromPort, to: wire.to,
            toPort: wire.toPort, container: source.parent, inner: true })));
        }
      }
      this.wires.set(wireKey(wire), targets);
    }
  }

  /** The user's connections a wire belongs to: the same ends, or an end inside a subgraph node. */
  resolve(wire) {
    const within = (id, outer) => id.startsWith(outer + '/') && this.isGraph(outer);
    const result = [];
    for (const edge of this.edges.values()) {
      if (edge.inner) continue;
      const fromOk = wire.from === edge.from ? wire.fromPort === edge.fromPort : within(wire.from, edge.from);
      const toOk = wire.to === edge.to ? wire.toPort === edge.toPort : within(wire.to, edge.to);
      if (fromOk && toOk) result.push(edge);
    }
    return result;
  }

  isGraph(id) {
    const node = this.nodes.get(id);
    return Boolean(node && node.kind === 'graph');
  }

  /** Numbers of a stats() reading: per node, and packets per connection summed over its wires. */
  applyStats(stats) {
    for (const node of stats.nodes) {
      const known = this.nodes.get(node.id);
      if (known) {
        known.runs = node.runs;
        known.queued = node.queued;
        known.running = node.running;
        known.received = 0;
      }
    }
    for (const edge of this.edges.values()) edge.packets = 0;
    let total = 0;
    for (const wire of stats.connections) {
      const edges = this.wires.get(wireKey(wire));
      if (edges === undefined) {
        this.stale = true;  // a wire made since the last structure reading: read it again next tick
        continue;
      }
      total += wire.delivered;
      for (let i = 0; i < edges.length; i++) edges[i].packets += wire.delivered;
      const target = this.nodes.get(wire.to);
      if (target) target.received += wire.delivered;
    }
    this.totalPackets = total;
    // A subgraph node receives nothing itself: what crossed its boundary is what it shows.
    for (const node of this.nodes.values()) {
      if (node.kind === 'graph') {
        node.inbound = 0;
        node.outbound = 0;
      }
    }
    for (const edge of this.edges.values()) {
      if (edge.inner) continue;
      const to = this.nodes.get(edge.to);
      const from = this.nodes.get(edge.from);
      if (to && to.kind === 'graph') to.inbound += edge.packets;
      if (from && from.kind === 'graph') from.outbound += edge.packets;
    }
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

  /** Per-second rates, smoothed, from the packets counted since the last tick. */
  updateRates(now) {
    const seconds = this.lastTick ? (now - this.lastTick) / 1000 : 0;
    this.lastTick = now;
    for (const edge of this.edges.values()) {
      const delta = edge.lastPackets === undefined ? 0 : Math.max(0, edge.packets - edge.lastPackets);
      edge.lastPackets = edge.packets;
      if (seconds > 0) edge.rate = edge.rate * 0.5 + (delta / seconds) * 0.5;
    }
    const deltaAll = this.lastTotal === undefined ? 0 : Math.max(0, this.totalPackets - this.lastTotal);
    this.lastTotal = this.totalPackets;
    if (seconds > 0) this.totalRate = this.totalRate * 0.5 + (deltaAll / seconds) * 0.5;
  }
}
