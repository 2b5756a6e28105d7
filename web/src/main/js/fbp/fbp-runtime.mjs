// The FBP network protocol (https://flowbased.github.io/fbp-protocol/), spoken by NoFlo's tools
// (noflo-ui / Flowhub, fbp-protocol's fbp-test, fbp-spec), served from Teaflow's public API only.
// One protocol handler; transports (WebSocket in Node, postMessage in a page) hand it messages
// and give it a way to send. It keeps each graph as an FBP JSON model, builds a Teaflow Network
// from it on network:start, and applies edits to a running network where the API allows it.
//
// Every message is checked before anything acts on it; a bad one gets `<protocol>:error` naming
// what was wrong and changes nothing. A runtime with a secret acts only on messages carrying it.

import { ProtocolError, describeValue, endpoint, field, graphId, isObject, metadata, need, optional } from './fbp-messages.mjs';
import { packetJson } from './packet-json.mjs';

/** The protocol version this runtime speaks. */
export const PROTOCOL_VERSION = '0.8';

export const CAPABILITIES = Object.freeze([
  'protocol:runtime',
  'protocol:graph',
  'protocol:component',
  'protocol:network',
  'network:status',
  'network:control',
  'network:data',
]);

const DEFAULT_LIMITS = Object.freeze({
  /** Characters of one message (as JSON text). */
  messageChars: 1024 * 1024,
  /** Messages a client may send in a burst, then per second. */
  burst: 2000,
  perSecond: 1000,
  /** network:data events sent to one client per second (the rest are counted and reported). */
  dataPerSecond: 2000,
  graphs: 256,
  nodesPerGraph: 20000,
  edgesPerGraph: 100000,
});

/** Node ids of the runtime's own collectors for a graph's exported outports (never shown to clients). */
const OUTPORT_COLLECTOR = 'teaflow-runtime/ExportedOutport';

/**
 * A protocol runtime over `tf` (what `Teaflow.init()` resolved to).
 * options: `actors` (name → JS actor, offered beside `core/*`), `secret` (string; when set, every
 * message must carry it), `label`, `id` (a UUID), `limits` (see DEFAULT_LIMITS), `type`.
 */
export function createFbpRuntime(tf, options = {}) {
  return new FbpRuntime(tf, options);
}

class FbpRuntime {
  constructor(tf, options) {
    if (!tf || typeof tf.Network !== 'function') {
      throw new TypeError('createFbpRuntime(tf): tf must be what Teaflow.init() resolved to');
    }
    if (options.secret !== undefined && (typeof options.secret !== 'string' || options.secret === '')) {
      throw new TypeError('createFbpRuntime: secret must be a non-empty string');
    }
    this.tf = tf;
    this.actors = Object.assign(Object.create(null), options.actors || {});
    this.secret = options.secret;
    this.label = options.label || `Teaflow ${tf.version} (${tf.backend} backend)`;
    this.type = options.type || 'teaflow';
    this.id = options.id || randomUuid();
    this.limits = Object.freeze({ ...DEFAULT_LIMITS, ...(options.limits || {}) });
    this.clients = new Set();
    /** graph id → GraphModel */
    this.graphs = new Map();
    /** graph id → running network entry */
    this.networks = new Map();
    this.mainGraph = null;
    this.componentCache = null;
  }

  /**
   * A client: `send(message)` delivers an object to it; `congested()` (optional) says its
   * transport is backed up, so data events for it are dropped (and counted) instead of queued.
   * Returns `{ receive(messageTextOrObject), close() }`.
   */
  connect(send, { congested } = {}) {
    const client = new Client(this, send, congested || (() => false));
    this.clients.add(client);
    return client;
  }

  /** Stops every network; clients are left to their transports. */
  async close() {
    for (const graph of [...this.networks.keys()]) {
      await this.stopNetwork(graph, null);
    }
    this.clients.clear();
  }

  broadcast(protocol, command, payload, origin, requestId) {
    for (const client of this.clients) {
      client.emit(protocol, command, payload, client === origin ? requestId : undefined);
    }
  }

  // ---- components ----

  /** name → { inPorts, outPorts, description }: ports found by making each component once. */
  components() {
    if (this.componentCache) {
      return this.componentCache;
    }
    const result = new Map();
    const names = [...this.tf.components(), ...Object.keys(this.actors)];
    for (const name of names) {
      const probe = new this.tf.Network();
      try {
        for (const actorName of Object.keys(this.actors)) {
          probe.registerActor(actorName, this.actors[actorName]);
        }
        probe.addNode('probe', name);
        const stats = probe.stats().nodes.find(node => node.id === 'probe');
        result.set(name, {
          inPorts: stats.inports, outPorts: stats.outports,
          description: stats.kind === 'java' ? 'Java component, compiled into Teaflow' : 'JavaScript actor',
        });
      } catch (error) {
        result.set(name, { inPorts: [], outPorts: [], description: `cannot be made: ${errorText(error)}` });
      }
    }
    this.componentCache = result;
    return result;
  }

  // ---- networks ----

  async startNetwork(graphIdValue, origin, requestId) {
    const model = this.graphs.get(graphIdValue);
    if (this.networks.has(graphIdValue)) {
      await this.stopNetwork(graphIdValue, null, true);
    }
    let net;
    try {
      net = this.tf.Network.fromGraph(model.toFbpJson(), { actors: this.actors });
    } catch (error) {
      throw new ProtocolError(`Cannot start graph '${graphIdValue}': ${errorText(error)}`);
    }
    const entry = { net, graph: graphIdValue, startedAt: Date.now(), running: true, debug: model.debug,
      collectors: new Map(), off: [] };
    this.addOutportCollectors(entry, model);
    entry.off.push(net.on('data', event => this.onData(entry, event)));
    entry.off.push(net.on('error', event => this.broadcast('network', 'processerror',
      { id: String(event.node), error: String(event.message), graph: entry.graph })));
    entry.off.push(net.on('idle', () => this.setRunning(entry, false)));
    this.networks.set(graphIdValue, entry);
    this.broadcast('network', 'started', withDebug({ graph: graphIdValue, started: true, running: true,
      time: new Date(entry.startedAt).toISOString() }, entry.debug), origin, requestId);
    try {
      await net.start();
    } catch (error) {
      this.detach(entry);
      this.networks.delete(graphIdValue);
      this.broadcast('network', 'stopped', stoppedPayload(entry));
      throw new ProtocolError(`Cannot start graph '${graphIdValue}': ${errorText(error)}`);
    }
  }

  /** A JS actor per exported outport, so what leaves the graph reaches clients as runtime:packet. */
  addOutportCollectors(entry, model) {
    if (model.outports.size === 0) {
      return;
    }
    const runtime = this;
    entry.net.registerActor(OUTPORT_COLLECTOR, class {
      inports = ['in'];
      run(context) {
        runtime.broadcast('runtime', 'packet', { graph: entry.graph, port: context.config.port, event: 'data',
          payload: packetJson(context.input.in) });
      }
    });
    for (const [publicName, target] of model.outports) {
      let id = `runtime:out:${publicName}`;
      while (model.processes.has(id)) {
        id += '_';
      }
      entry.net.addNode(id, OUTPORT_COLLECTOR, { port: publicName });
      entry.net.addConnection(target.process, target.port, id, 'in');
      entry.collectors.set(id, publicName);
    }
  }

  onData(entry, event) {
    if (entry.collectors.has(event.node)) {
      return;
    }
    this.setRunning(entry, true);
    const from = event.from;
    const tgt = { node: event.node, port: event.port };
    const payload = from
      ? { id: `${from.node}() ${String(from.port).toUpperCase()} -> ${String(event.port).toUpperCase()} ${event.node}()`,
        graph: entry.graph, src: { node: from.node, port: from.port }, tgt }
      : { id: `DATA -> ${String(event.port).toUpperCase()} ${event.node}()`, graph: entry.graph, tgt };
    let data;  // made once, only if some client wants it
    for (const client of this.clients) {
      if (client.wantsEdge(entry.graph, from, tgt)) {
        if (data === undefined) {
          data = packetJson(event.value);
        }
        client.emitData({ ...payload, data });
      }
    }
  }

  setRunning(entry, running) {
    if (entry.running !== running && this.networks.get(entry.graph) === entry) {
      entry.running = running;
      this.broadcast('network', 'status', statusPayload(entry));
    }
  }

  async stopNetwork(graphIdValue, origin, restarting = false, requestId) {
    const entry = this.networks.get(graphIdValue);
    if (!entry) {
      if (!restarting && origin) {
        this.broadcast('network', 'stopped', { graph: graphIdValue, started: false, running: false }, origin, requestId);
      }
      return;
    }
    this.networks.delete(graphIdValue);
    this.detach(entry);
    try {
      await entry.net.stop();
    } finally {
      if (!restarting) {
        this.broadcast('network', 'stopped', stoppedPayload(entry), origin, requestId);
      }
    }
  }

  detach(entry) {
    for (const off of entry.off.splice(0)) {
      off();
    }
  }

  status(graphIdValue) {
    const entry = this.networks.get(graphIdValue);
    if (!entry) {
      return withDebug({ graph: graphIdValue, started: false, running: false }, this.graphs.get(graphIdValue)?.debug);
    }
    return statusPayload(entry);
  }

  portsPayload(model) {
    const describe = ports => [...ports].map(([publicName]) => ({ id: publicName, type: 'all' }));
    return { graph: model.id, inPorts: describe(model.inports), outPorts: describe(model.outports) };
  }
}

// fbp-test compares status payloads whole: `debug` is only there when it is on.
function statusPayload(entry) {
  return withDebug({ graph: entry.graph, started: true, running: entry.running }, entry.debug);
}

function withDebug(payload, debug) {
  if (debug) {
    payload.debug = true;
  }
  return payload;
}

function stoppedPayload(entry) {
  return { graph: entry.graph, started: false, running: false, time: new Date().toISOString(),
    uptime: (Date.now() - entry.startedAt) / 1000 };
}

/** One connected client: checks, rate-limits and dispatches its messages. */
class Client {
  constructor(runtime, send, congested) {
    this.runtime = runtime;
    this.send = send;
    this.congested = congested;
    this.closed = false;
    this.tokens = runtime.limits.burst;
    this.refilledAt = Date.now();
    this.floodReportedAt = 0;
    this.dropped = 0;
    /** graph id → Set of edge keys the client selected with network:edges (absent: all edges) */
    this.edgeSelection = new Map();
    /** Commands of one client run one after the other (start and stop are asynchronous). */
    this.queue = Promise.resolve();
  }

  close() {
    this.closed = true;
    this.runtime.clients.delete(this);
  }

  emit(protocol, command, payload, requestId) {
    if (this.closed) {
      return;
    }
    const message = { protocol, command, payload };
    if (requestId !== undefined && !NO_RESPONSE_TO.has(`${protocol}:${command}`)) {
      message.responseTo = requestId;
    }
    try {
      this.send(message);
    } catch {
      // A transport that cannot send has lost its client; the runtime goes on for the others.
      this.close();
    }
  }

  emitData(payload) {
    if (this.congested() || !this.takeData()) {
      this.dropped++;
      return;
    }
    if (this.dropped > 0) {
      const dropped = this.dropped;
      this.dropped = 0;
      this.emit('network', 'output', { message: `${dropped} data events were not sent: more than`
        + ` ${this.runtime.limits.dataPerSecond} a second, or the connection was backed up`, type: 'message' });
    }
    this.emit('network', 'data', payload);
  }

  wantsEdge(graph, from, tgt) {
    const selected = this.edgeSelection.get(graph);
    return !selected || (from !== null && selected.has(edgeKey(from, tgt)));
  }

  /** A message from the transport: JSON text, or an object (postMessage's structured clone). */
  receive(raw) {
    if (this.closed) {
      return Promise.resolve();
    }
    if (!this.take()) {
      const now = Date.now();
      if (now - this.floodReportedAt >= 1000) {
        this.floodReportedAt = now;
        this.emit('runtime', 'error', { message: `Too many messages: at most ${this.runtime.limits.perSecond} a second`
          + ` (bursts of ${this.runtime.limits.burst}); messages are dropped until the rate falls` });
      }
      return Promise.resolve();
    }
    let message;
    try {
      message = this.parse(raw);
    } catch (error) {
      this.emit('runtime', 'error', { message: errorText(error) });
      return Promise.resolve();
    }
    const run = () => this.dispatch(message);
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  /** Data events a client gets are limited too: a busy network must not spend its time on them. */
  takeData() {
    const now = Date.now();
    const { dataPerSecond } = this.runtime.limits;
    if (this.dataTokens === undefined) {
      this.dataTokens = dataPerSecond;
      this.dataRefilledAt = now;
    }
    this.dataTokens = Math.min(dataPerSecond, this.dataTokens + ((now - this.dataRefilledAt) / 1000) * dataPerSecond);
    this.dataRefilledAt = now;
    if (this.dataTokens < 1) {
      return false;
    }
    this.dataTokens -= 1;
    return true;
  }

  take() {
    const now = Date.now();
    const { burst, perSecond } = this.runtime.limits;
    this.tokens = Math.min(burst, this.tokens + ((now - this.refilledAt) / 1000) * perSecond);
    this.refilledAt = now;
    if (this.tokens < 1) {
      return false;
    }
    this.tokens -= 1;
    return true;
  }

  parse(raw) {
    const limit = this.runtime.limits.messageChars;
    let text = raw;
    if (typeof raw !== 'string') {
      if (raw instanceof Uint8Array || raw instanceof ArrayBuffer) {
        throw new ProtocolError('Binary messages are not part of the protocol: send JSON text');
      }
      try {
        text = JSON.stringify(raw);
      } catch (error) {
        throw new ProtocolError(`Message is not JSON data: ${errorText(error)}`);
      }
      if (text === undefined) {
        throw new ProtocolError('Message is not JSON data');
      }
    }
    if (text.length > limit) {
      throw new ProtocolError(`Message too large: ${text.length} characters, at most ${limit}`);
    }
    let message;
    try {
      message = JSON.parse(text);
    } catch (error) {
      throw new ProtocolError(`Malformed JSON: ${errorText(error)}`);
    }
    if (!isObject(message)) {
      throw new ProtocolError(`Message must be an object with protocol, command and payload, got ${describeValue(message)}`);
    }
    return message;
  }

  async dispatch(message) {
    const protocol = field(message, 'protocol');
    const command = field(message, 'command');
    const requestIdValue = field(message, 'requestId');
    const requestId = typeof requestIdValue === 'string' ? requestIdValue : undefined;
    const errorProtocol = ERROR_PROTOCOLS.has(protocol) ? protocol : 'runtime';
    const fail = text => this.emit(errorProtocol, 'error', { message: text }, requestId);
    if (typeof protocol !== 'string' || typeof command !== 'string') {
      fail(`Message needs string 'protocol' and 'command', got ${describeValue(protocol)} and ${describeValue(command)}`);
      return;
    }
    let payload = field(message, 'payload');
    if (payload === undefined) {
      payload = {};
    }
    if (!isObject(payload)) {
      fail(`${protocol}:${command}: 'payload' must be an object, got ${describeValue(payload)}`);
      return;
    }
    if (!this.authorised(message, payload)) {
      fail(`${protocol}:${command}: not authorised: the message must carry this runtime's secret`);
      return;
    }
    const handlers = HANDLERS[protocol];
    if (!handlers) {
      fail(`Unknown protocol '${protocol}' (known: ${Object.keys(HANDLERS).join(', ')})`);
      return;
    }
    const handler = Object.prototype.hasOwnProperty.call(handlers, command) ? handlers[command] : undefined;
    if (!handler) {
      fail(`Unknown command '${command}' of protocol '${protocol}'`);
      return;
    }
    try {
      await handler.call(this, payload, requestId);
    } catch (error) {
      if (error instanceof ProtocolError) {
        fail(error.message);
      } else {
        fail(`${protocol}:${command} failed: ${errorText(error)}`);
      }
    }
  }

  authorised(message, payload) {
    const secret = this.runtime.secret;
    if (secret === undefined) {
      return true;
    }
    const given = typeof message.secret === 'string' ? message.secret
      : typeof payload.secret === 'string' ? payload.secret : '';
    return sameText(given, secret);
  }

  model(payload) {
    const id = graphId(payload);
    const model = this.runtime.graphs.get(id);
    if (!model) {
      throw new ProtocolError('Requested graph not found');
    }
    return model;
  }

  /** Graph changes go to every client, so several tools watching one runtime stay in step. */
  changed(command, payload, requestId) {
    this.runtime.broadcast('graph', command, payload, this, requestId);
  }

  /** Applies `change` to the running network of `model`'s graph, if any; its error undoes nothing (nothing was done). */
  live(model, change) {
    const entry = this.runtime.networks.get(model.id);
    if (!entry) {
      return;
    }
    try {
      change(entry.net);
    } catch (error) {
      throw new ProtocolError(`The running network of graph '${model.id}' refused it: ${errorText(error)}`);
    }
  }
}

const ERROR_PROTOCOLS = new Set(['runtime', 'graph', 'component', 'network']);
/** Replies whose schema (fbp-protocol 0.9.8) has no `responseTo` field. */
const NO_RESPONSE_TO = new Set(['runtime:packet', 'network:edges']);

// ---- the commands, by protocol (`this` is the Client) ----

const HANDLERS = {
  runtime: {
    getruntime(payload, requestId) {
      const runtime = this.runtime;
      const answer = { type: runtime.type, version: PROTOCOL_VERSION, capabilities: [...CAPABILITIES],
        allCapabilities: [...CAPABILITIES], id: runtime.id, label: runtime.label };
      if (runtime.mainGraph && runtime.graphs.has(runtime.mainGraph)) {
        answer.graph = runtime.mainGraph;
      }
      this.emit('runtime', 'runtime', answer, requestId);
      if (answer.graph) {
        this.emit('runtime', 'ports', runtime.portsPayload(runtime.graphs.get(answer.graph)));
      }
    },
    packet(payload, requestId) {
      const model = this.model(payload);
      const port = need(payload, 'port', 'id', 'runtime:packet');
      const event = need(payload, 'event', 'string', 'runtime:packet');
      if (!PACKET_EVENTS.has(event)) {
        throw new ProtocolError(`runtime:packet: 'event' must be one of ${[...PACKET_EVENTS].join(', ')}, got ${describeValue(event)}`);
      }
      const target = model.inports.get(port);
      if (!target) {
        throw new ProtocolError(`runtime:packet: graph '${model.id}' has no exported inport '${port}'`
          + ` (inports: ${[...model.inports.keys()].join(', ') || 'none'})`);
      }
      const entry = this.runtime.networks.get(model.id);
      if (!entry) {
        throw new ProtocolError(`runtime:packet: the network of graph '${model.id}' is not running (send network:start first)`);
      }
      const value = field(payload, 'payload');
      if (event === 'data') {
        try {
          entry.net.send(target.process, target.port, value === undefined ? null : value);
        } catch (error) {
          throw new ProtocolError(`runtime:packet: ${errorText(error)}`);
        }
      }
      const answer = { graph: model.id, port, event };
      if (value !== undefined) {
        answer.payload = value;
      }
      this.emit('runtime', 'packetsent', answer, requestId);
    },
  },

  graph: {
    clear(payload, requestId) {
      const id = need(payload, 'id', 'id', 'graph:clear');
      const answer = { id };
      for (const [name, type] of [['name', 'string'], ['library', 'string'], ['main', 'boolean'], ['icon', 'string'],
        ['description', 'string']]) {
        const value = optional(payload, name, type, 'graph:clear');
        if (value !== undefined) {
          answer[name] = value;
        }
      }
      const runtime = this.runtime;
      if (!runtime.graphs.has(id) && runtime.graphs.size >= runtime.limits.graphs) {
        throw new ProtocolError(`graph:clear: at most ${runtime.limits.graphs} graphs per runtime`);
      }
      if (runtime.networks.has(id)) {
        // The old network must not keep running under a graph that no longer has its nodes.
        return runtime.stopNetwork(id, null).then(() => this.finishClear(answer, requestId));
      }
      this.finishClear(answer, requestId);
      return undefined;
    },
    addnode(payload, requestId) {
      const model = this.model(payload);
      const id = need(payload, 'id', 'id', 'graph:addnode');
      const component = need(payload, 'component', 'id', 'graph:addnode');
      const meta = metadata(payload, 'graph:addnode');
      if (model.processes.has(id)) {
        throw new ProtocolError(`graph:addnode: node '${id}' already exists in graph '${model.id}'`);
      }
      if (model.processes.size >= this.runtime.limits.nodesPerGraph) {
        throw new ProtocolError(`graph:addnode: at most ${this.runtime.limits.nodesPerGraph} nodes per graph`);
      }
      const known = this.runtime.components();
      if (!known.has(component)) {
        throw new ProtocolError(`graph:addnode: unknown component '${component}' (known: ${[...known.keys()].join(', ')})`);
      }
      this.live(model, net => net.addNode(id, component));
      model.processes.set(id, { component, metadata: meta ? cleanMetadata(meta) : {} });
      const answer = { id, component, graph: model.id };
      if (meta !== undefined) {
        answer.metadata = model.processes.get(id).metadata;
      }
      this.changed('addnode', answer, requestId);
    },
    removenode(payload, requestId) {
      const model = this.model(payload);
      const id = need(payload, 'id', 'id', 'graph:removenode');
      model.node(id, 'graph:removenode');
      this.live(model, net => net.removeNode(id));
      for (const edge of model.edges.filter(edge => edge.src.node === id || edge.tgt.node === id)) {
        model.edges.splice(model.edges.indexOf(edge), 1);
        this.changed('removeedge', { src: edge.src, tgt: edge.tgt, graph: model.id });
      }
      for (const initial of model.initials.filter(initial => initial.tgt.node === id)) {
        model.initials.splice(model.initials.indexOf(initial), 1);
        this.changed('removeinitial', { src: { data: initial.data }, tgt: initial.tgt, graph: model.id });
      }
      for (const [ports, command] of [[model.inports, 'removeinport'], [model.outports, 'removeoutport']]) {
        for (const [publicName, target] of [...ports]) {
          if (target.process === id) {
            ports.delete(publicName);
            this.changed(command, { public: publicName, graph: model.id });
          }
        }
      }
      for (const group of model.groups) {
        group.nodes = group.nodes.filter(node => node !== id);
      }
      model.processes.delete(id);
      this.changed('removenode', { id, graph: model.id }, requestId);
    },
    renamenode(payload, requestId) {
      const model = this.model(payload);
      const from = need(payload, 'from', 'id', 'graph:renamenode');
      const to = need(payload, 'to', 'id', 'graph:renamenode');
      model.node(from, 'graph:renamenode');
      if (from === to) {
        this.changed('renamenode', { from, to, graph: model.id }, requestId);
        return;
      }
      if (model.processes.has(to)) {
        throw new ProtocolError(`graph:renamenode: node '${to}' already exists in graph '${model.id}'`);
      }
      if (this.runtime.networks.has(model.id)) {
        throw new ProtocolError(`graph:renamenode: stop the network of graph '${model.id}' first:`
          + ' a running node keeps its id');
      }
      const renamed = new Map();
      for (const [id, value] of model.processes) {
        renamed.set(id === from ? to : id, value);
      }
      model.processes = renamed;
      for (const edge of model.edges) {
        if (edge.src.node === from) edge.src.node = to;
        if (edge.tgt.node === from) edge.tgt.node = to;
      }
      for (const initial of model.initials) {
        if (initial.tgt.node === from) initial.tgt.node = to;
      }
      for (const ports of [model.inports, model.outports]) {
        for (const target of ports.values()) {
          if (target.process === from) target.process = to;
        }
      }
      for (const group of model.groups) {
        group.nodes = group.nodes.map(node => (node === from ? to : node));
      }
      this.changed('renamenode', { from, to, graph: model.id }, requestId);
    },
    changenode(payload, requestId) {
      const model = this.model(payload);
      const id = need(payload, 'id', 'id', 'graph:changenode');
      const meta = metadata(payload, 'graph:changenode', true);
      const process = model.node(id, 'graph:changenode');
      process.metadata = mergeMetadata(process.metadata, meta);
      this.changed('changenode', { id, metadata: process.metadata, graph: model.id }, requestId);
    },
    addedge(payload, requestId) {
      const model = this.model(payload);
      const src = endpoint(payload, 'src', 'graph:addedge');
      const tgt = endpoint(payload, 'tgt', 'graph:addedge');
      const meta = metadata(payload, 'graph:addedge');
      model.port(src, 'out', 'graph:addedge', this.runtime.components());
      model.port(tgt, 'in', 'graph:addedge', this.runtime.components());
      if (model.findEdge(src, tgt)) {
        throw new ProtocolError(`graph:addedge: ${describeEdge(src, tgt)} already exists`);
      }
      if (model.edges.length >= this.runtime.limits.edgesPerGraph) {
        throw new ProtocolError(`graph:addedge: at most ${this.runtime.limits.edgesPerGraph} edges per graph`);
      }
      this.live(model, net => net.addConnection(src.node, src.port, tgt.node, tgt.port));
      const edge = { src, tgt, metadata: meta ? cleanMetadata(meta) : {} };
      model.edges.push(edge);
      const answer = { src, tgt, graph: model.id };
      if (meta !== undefined) {
        answer.metadata = edge.metadata;
      }
      this.changed('addedge', answer, requestId);
    },
    removeedge(payload, requestId) {
      const model = this.model(payload);
      const src = endpoint(payload, 'src', 'graph:removeedge');
      const tgt = endpoint(payload, 'tgt', 'graph:removeedge');
      const edge = model.findEdge(src, tgt);
      if (!edge) {
        throw new ProtocolError(`graph:removeedge: no edge ${describeEdge(src, tgt)} in graph '${model.id}'`);
      }
      this.live(model, net => net.removeConnection(src.node, src.port, tgt.node, tgt.port));
      model.edges.splice(model.edges.indexOf(edge), 1);
      this.changed('removeedge', { src: edge.src, tgt: edge.tgt, graph: model.id }, requestId);
    },
    changeedge(payload, requestId) {
      const model = this.model(payload);
      const src = endpoint(payload, 'src', 'graph:changeedge');
      const tgt = endpoint(payload, 'tgt', 'graph:changeedge');
      const meta = metadata(payload, 'graph:changeedge', true);
      const edge = model.findEdge(src, tgt);
      if (!edge) {
        throw new ProtocolError(`graph:changeedge: no edge ${describeEdge(src, tgt)} in graph '${model.id}'`);
      }
      edge.metadata = mergeMetadata(edge.metadata, meta);
      this.changed('changeedge', { src: edge.src, tgt: edge.tgt, metadata: edge.metadata, graph: model.id }, requestId);
    },
    addinitial(payload, requestId) {
      const model = this.model(payload);
      const srcValue = need(payload, 'src', 'object', 'graph:addinitial');
      if (!Object.prototype.hasOwnProperty.call(srcValue, 'data')) {
        throw new ProtocolError("graph:addinitial: missing 'src.data' (the initial packet)");
      }
      const data = srcValue.data;
      const tgt = endpoint(payload, 'tgt', 'graph:addinitial');
      const meta = metadata(payload, 'graph:addinitial');
      model.port(tgt, 'in', 'graph:addinitial', this.runtime.components());
      if (model.initials.length >= this.runtime.limits.edgesPerGraph) {
        throw new ProtocolError(`graph:addinitial: at most ${this.runtime.limits.edgesPerGraph} initial packets per graph`);
      }
      // A running network gets the packet now; it is sent again on every later start.
      this.live(model, net => net.send(tgt.node, tgt.port, data));
      model.initials.push({ data, tgt, metadata: meta ? cleanMetadata(meta) : {} });
      const answer = { src: { data }, tgt, graph: model.id };
      if (meta !== undefined) {
        answer.metadata = cleanMetadata(meta);
      }
      this.changed('addinitial', answer, requestId);
    },
    removeinitial(payload, requestId) {
      const model = this.model(payload);
      const tgt = endpoint(payload, 'tgt', 'graph:removeinitial');
      const removed = model.initials.filter(initial => sameEnd(initial.tgt, tgt));
      if (removed.length === 0) {
        throw new ProtocolError(`graph:removeinitial: no initial packet into ${tgt.node}.${tgt.port} in graph '${model.id}'`);
      }
      model.initials = model.initials.filter(initial => !removed.includes(initial));
      for (const initial of removed) {
        this.changed('removeinitial', { src: { data: initial.data }, tgt: initial.tgt, graph: model.id }, requestId);
      }
    },
    addinport(payload, requestId) {
      exportPort.call(this, payload, requestId, 'inport');
    },
    addoutport(payload, requestId) {
      exportPort.call(this, payload, requestId, 'outport');
    },
    removeinport(payload, requestId) {
      unexportPort.call(this, payload, requestId, 'inport');
    },
    removeoutport(payload, requestId) {
      unexportPort.call(this, payload, requestId, 'outport');
    },
    renameinport(payload, requestId) {
      renamePort.call(this, payload, requestId, 'inport');
    },
    renameoutport(payload, requestId) {
      renamePort.call(this, payload, requestId, 'outport');
    },
    addgroup(payload, requestId) {
      const model = this.model(payload);
      const name = need(payload, 'name', 'id', 'graph:addgroup');
      const nodes = need(payload, 'nodes', 'array', 'graph:addgroup');
      const meta = metadata(payload, 'graph:addgroup');
      for (const node of nodes) {
        if (typeof node !== 'string') {
          throw new ProtocolError(`graph:addgroup: 'nodes' must hold node ids, got ${describeValue(node)}`);
        }
        model.node(node, 'graph:addgroup');
      }
      if (model.groups.some(group => group.name === name)) {
        throw new ProtocolError(`graph:addgroup: group '${name}' already exists`);
      }
      const group = { name, nodes: [...nodes], metadata: meta ? cleanMetadata(meta) : {} };
      model.groups.push(group);
      this.changed('addgroup', { name, nodes: group.nodes, metadata: group.metadata, graph: model.id }, requestId);
    },
    removegroup(payload, requestId) {
      const model = this.model(payload);
      const name = need(payload, 'name', 'id', 'graph:removegroup');
      const group = model.group(name, 'graph:removegroup');
      model.groups.splice(model.groups.indexOf(group), 1);
      this.changed('removegroup', { name, graph: model.id }, requestId);
    },
    renamegroup(payload, requestId) {
      const model = this.model(payload);
      const from = need(payload, 'from', 'id', 'graph:renamegroup');
      const to = need(payload, 'to', 'id', 'graph:renamegroup');
      const group = model.group(from, 'graph:renamegroup');
      if (from !== to && model.groups.some(other => other.name === to)) {
        throw new ProtocolError(`graph:renamegroup: group '${to}' already exists`);
      }
      group.name = to;
      this.changed('renamegroup', { from, to, graph: model.id }, requestId);
    },
    changegroup(payload, requestId) {
      const model = this.model(payload);
      const name = need(payload, 'name', 'id', 'graph:changegroup');
      const meta = metadata(payload, 'graph:changegroup', true);
      const group = model.group(name, 'graph:changegroup');
      group.metadata = mergeMetadata(group.metadata, meta);
      this.changed('changegroup', { name, metadata: group.metadata, graph: model.id }, requestId);
    },
  },

  component: {
    list(payload, requestId) {
      const components = this.runtime.components();
      for (const [name, info] of components) {
        this.emit('component', 'component', {
          name, description: info.description, subgraph: false,
          inPorts: info.inPorts.map(id => ({ id, type: 'all' })),
          outPorts: info.outPorts.map(id => ({ id, type: 'all' })),
        }, requestId);
      }
      this.emit('component', 'componentsready', components.size, requestId);
    },
    getsource(payload) {
      const name = need(payload, 'name', 'id', 'component:getsource');
      throw new ProtocolError(`component:getsource: the source of '${name}' is not available from this runtime`);
    },
    source(payload) {
      const name = need(payload, 'name', 'id', 'component:source');
      throw new ProtocolError(`component:source: this runtime does not compile components sent as source ('${name}')`);
    },
  },

  network: {
    start(payload, requestId) {
      const model = this.model(payload);
      return this.runtime.startNetwork(model.id, this, requestId);
    },
    stop(payload, requestId) {
      const model = this.model(payload);
      return this.runtime.stopNetwork(model.id, this, false, requestId);
    },
    getstatus(payload, requestId) {
      const model = this.model(payload);
      this.emit('network', 'status', this.runtime.status(model.id), requestId);
    },
    debug(payload, requestId) {
      const model = this.model(payload);
      const enable = need(payload, 'enable', 'boolean', 'network:debug');
      model.debug = enable;
      const entry = this.runtime.networks.get(model.id);
      if (entry) {
        entry.debug = enable;
      }
      this.emit('network', 'status', this.runtime.status(model.id), requestId);
    },
    edges(payload, requestId) {
      const model = this.model(payload);
      const edges = need(payload, 'edges', 'array', 'network:edges');
      const selected = new Set();
      const answer = [];
      for (const edge of edges) {
        if (!isObject(edge)) {
          throw new ProtocolError(`network:edges: each edge must be an object with src and tgt, got ${describeValue(edge)}`);
        }
        const src = endpoint(edge, 'src', 'network:edges');
        const tgt = endpoint(edge, 'tgt', 'network:edges');
        selected.add(edgeKey(src, tgt));
        answer.push({ src, tgt });
      }
      this.edgeSelection.set(model.id, selected);
      this.emit('network', 'edges', { graph: model.id, edges: answer }, requestId);
    },
    persist() {
      throw new ProtocolError('network:persist: this runtime does not keep graphs across restarts');
    },
  },
};

const PACKET_EVENTS = new Set(['connect', 'begingroup', 'data', 'endgroup', 'disconnect']);

Client.prototype.finishClear = function finishClear(answer, requestId) {
  const runtime = this.runtime;
  runtime.graphs.set(answer.id, new GraphModel(answer));
  if (answer.main || !runtime.mainGraph) {
    runtime.mainGraph = answer.id;
  }
  this.edgeSelection.delete(answer.id);
  this.changed('clear', answer, requestId);
};

function exportPort(payload, requestId, kind) {
  const command = `graph:add${kind}`;
  const model = this.model(payload);
  const publicName = need(payload, 'public', 'id', command);
  const node = need(payload, 'node', 'id', command);
  const port = need(payload, 'port', 'id', command);
  const meta = metadata(payload, command);
  model.port({ node, port }, kind === 'inport' ? 'in' : 'out', command, this.runtime.components());
  const ports = kind === 'inport' ? model.inports : model.outports;
  ports.set(publicName, { process: node, port, metadata: meta ? cleanMetadata(meta) : {} });
  const answer = { public: publicName, node, port, graph: model.id };
  if (meta !== undefined) {
    answer.metadata = cleanMetadata(meta);
  }
  this.changed(`add${kind}`, answer, requestId);
  this.runtime.broadcast('runtime', 'ports', this.runtime.portsPayload(model));
}

function unexportPort(payload, requestId, kind) {
  const command = `graph:remove${kind}`;
  const model = this.model(payload);
  const publicName = need(payload, 'public', 'id', command);
  const ports = kind === 'inport' ? model.inports : model.outports;
  if (!ports.has(publicName)) {
    throw new ProtocolError(`${command}: graph '${model.id}' has no exported ${kind} '${publicName}'`);
  }
  ports.delete(publicName);
  this.changed(`remove${kind}`, { public: publicName, graph: model.id }, requestId);
  this.runtime.broadcast('runtime', 'ports', this.runtime.portsPayload(model));
}

function renamePort(payload, requestId, kind) {
  const command = `graph:rename${kind}`;
  const model = this.model(payload);
  const from = need(payload, 'from', 'id', command);
  const to = need(payload, 'to', 'id', command);
  const ports = kind === 'inport' ? model.inports : model.outports;
  if (!ports.has(from)) {
    throw new ProtocolError(`${command}: graph '${model.id}' has no exported ${kind} '${from}'`);
  }
  if (from !== to && ports.has(to)) {
    throw new ProtocolError(`${command}: graph '${model.id}' already exports an ${kind} '${to}'`);
  }
  const renamed = new Map();
  for (const [name, target] of ports) {
    renamed.set(name === from ? to : name, target);
  }
  if (kind === 'inport') model.inports = renamed; else model.outports = renamed;
  this.changed(`rename${kind}`, { from, to, graph: model.id }, requestId);
  this.runtime.broadcast('runtime', 'ports', this.runtime.portsPayload(model));
}

/** One graph as clients edit it, in the shape of NoFlo's fbp-graph JSON. */
class GraphModel {
  constructor({ id, name, library, main, icon, description }) {
    this.id = id;
    this.properties = { name: name ?? id };
    if (library !== undefined) this.properties.library = library;
    if (main !== undefined) this.properties.main = main;
    if (icon !== undefined) this.properties.icon = icon;
    if (description !== undefined) this.properties.description = description;
    this.processes = new Map();
    this.edges = [];
    this.initials = [];
    this.inports = new Map();
    this.outports = new Map();
    this.groups = [];
    this.debug = false;
  }

  node(id, command) {
    const process = this.processes.get(id);
    if (!process) {
      throw new ProtocolError(`${command}: no node '${id}' in graph '${this.id}'`);
    }
    return process;
  }

  group(name, command) {
    const group = this.groups.find(candidate => candidate.name === name);
    if (!group) {
      throw new ProtocolError(`${command}: no group '${name}' in graph '${this.id}'`);
    }
    return group;
  }

  /** Checks that node `end.node` exists and has port `end.port` on side `side` ('in' / 'out'). */
  port(end, side, command, components) {
    const process = this.node(end.node, command);
    const info = components.get(process.component);
    const ports = info ? (side === 'in' ? info.inPorts : info.outPorts) : null;
    if (ports && !ports.includes(end.port)) {
      throw new ProtocolError(`${command}: node '${end.node}' (${process.component}) has no ${side}port '${end.port}'`
        + ` (${side}ports: ${ports.join(', ') || 'none'})`);
    }
  }

  findEdge(src, tgt) {
    return this.edges.find(edge => sameEnd(edge.src, src) && sameEnd(edge.tgt, tgt));
  }

  toFbpJson() {
    const processes = {};
    for (const [id, process] of this.processes) {
      own(processes, id, { component: process.component, metadata: process.metadata });
    }
    const end = value => {
      const result = { process: value.node, port: value.port };
      if (typeof value.index === 'number') result.index = value.index;
      return result;
    };
    const connections = this.edges.map(edge => ({ src: end(edge.src), tgt: end(edge.tgt), metadata: edge.metadata }));
    for (const initial of this.initials) {
      connections.push({ data: initial.data, tgt: end(initial.tgt), metadata: initial.metadata });
    }
    const exported = ports => {
      const result = {};
      for (const [name, target] of ports) {
        own(result, name, { process: target.process, port: target.port, metadata: target.metadata });
      }
      return result;
    };
    return {
      caseSensitive: true,
      properties: this.properties,
      processes,
      connections,
      inports: exported(this.inports),
      outports: exported(this.outports),
      groups: this.groups.map(group => ({ name: group.name, nodes: group.nodes, metadata: group.metadata })),
    };
  }
}

/** `object[key] = value` as an own property, also for `__proto__` (a valid node or port name). */
function own(object, key, value) {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function sameEnd(a, b) {
  return a.node === b.node && a.port === b.port && (a.index ?? null) === (b.index ?? null);
}

function edgeKey(src, tgt) {
  return JSON.stringify([src.node, src.port, tgt.node, tgt.port]);
}

function describeEdge(src, tgt) {
  return `${src.node}.${src.port} -> ${tgt.node}.${tgt.port}`;
}

/** Metadata as plain JSON (what a client sent was parsed JSON already; this drops `__proto__` keys). */
function cleanMetadata(meta) {
  const result = {};
  for (const key of Object.keys(meta)) {
    if (key !== '__proto__' && meta[key] !== null) {
      result[key] = meta[key];
    }
  }
  return result;
}

/** NoFlo's rule: keys of `change` replace those of `current`; a null value removes the key. */
function mergeMetadata(current, change) {
  const result = { ...current };
  for (const key of Object.keys(change)) {
    if (key === '__proto__') continue;
    if (change[key] === null) {
      delete result[key];
    } else {
      result[key] = change[key];
    }
  }
  return result;
}

function sameText(given, expected) {
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) {
    difference |= (given.charCodeAt(i % Math.max(given.length, 1)) || 0) ^ expected.charCodeAt(i);
  }
  return difference === 0;
}

function errorText(error) {
  try {
    if (error && typeof error.message === 'string') {
      return error.message;
    }
    return String(error);
  } catch {
    return 'an error that cannot be shown';
  }
}

function randomUuid() {
  if (globalThis.crypto && typeof globalThis.crypto.randomUUID === 'function') {
    return globalThis.crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  if (globalThis.crypto && typeof globalThis.crypto.getRandomValues === 'function') {
    globalThis.crypto.getRandomValues(bytes);
  } else {
    for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
