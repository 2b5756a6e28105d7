// Type definitions for Teaflow: an actor / flow-based-programming runtime whose nodes share one
// live state between page JavaScript and Java compiled by TeaVM.
//
// These types describe both builds (the build writes one file for each from this source):
//   - dist/teaflow.mjs, the ES module: named exports `init` and `version`, and a default export
//     object holding both (`import { init } from 'teaflow'`, `import Teaflow from 'teaflow'`);
//     typed by dist/teaflow.d.mts, this file without the global;
//   - dist/teaflow.js, the classic script and CommonJS module: `module.exports` and the global
//     `Teaflow` are the object {init, version}, no default export; typed by dist/teaflow.d.ts,
//     this file as one namespace behind `export =` and `export as namespace Teaflow`.

export as namespace Teaflow;

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

/**
 * Loads the runtime and resolves to its {@link Api}.
 *
 * Calling `init` again with the same backend resolves to the same `Api` object. Rejects (it
 * never throws) with a `TypeError` if `options` is not an object, and with an `Error` naming the
 * problem for an unknown backend, or for `'wasm'` where the engine lacks WebAssembly GC or the
 * `.wasm` file cannot be loaded.
 *
 * @example
 * ```ts
 * const tf = await init();
 * const net = new tf.Network();
 * ```
 */
export declare function init(options?: InitOptions): Promise<Api>;

/** The version of this Teaflow build, such as `'0.1.0'`. */
export declare const version: string;

// @esm-only-start
/**
 * The module's default export: an object holding {@link init} and {@link version}.
 * Exists in the ES module (`import Teaflow from 'teaflow'`) only; the script-tag global
 * `Teaflow` is that object itself and has no `default` member.
 */
declare const teaflow: {
  /** See {@link init}. */
  readonly init: typeof init;
  /** See {@link version}. */
  readonly version: string;
};
export default teaflow;
// @esm-only-end

/** Options of {@link init}. */
export interface InitOptions {
  /**
   * Which compiled runtime to load: `'js'` (TeaVM's JavaScript output), `'wasm'` (TeaVM's
   * WebAssembly GC output) or `'auto'`, the default: `'wasm'` where the engine supports
   * WebAssembly GC, else `'js'` (also when the `.wasm` file cannot be loaded, with a console
   * warning). {@link Api.backend} tells which one was loaded.
   */
  backend?: 'auto' | 'js' | 'wasm';
  /**
   * Where the `.wasm` file is fetched from; a relative URL is resolved against the page, as
   * `fetch` would. Default: the `teaflow.wasm` beside the script, or wherever your bundler
   * emitted it. Only used by the `'wasm'` backend.
   */
  wasmUrl?: string | URL;
  /**
   * Where TeaVM's WebAssembly loader (`teaflow-wasm-runtime.mjs`, an ES module) is imported
   * from; a relative URL is resolved against the page. Default: the one beside the script, or
   * the chunk your bundler made of it. Only used by the `'wasm'` backend.
   */
  wasmLoaderUrl?: string | URL;
}

/** The name of a loaded backend. */
export type Backend = 'js' | 'wasm';

/** What {@link init} resolves to. A frozen object. */
export interface Api {
  /** The network class: `new tf.Network()` makes an empty, stopped network. */
  readonly Network: NetworkConstructor;
  /**
   * The class of every node's state handle, for `instanceof` checks only; handles are made by
   * Teaflow (`net.state(id)`, `context.state`), `new` throws.
   */
  readonly LiveMemoryStateHandle: LiveMemoryStateHandleConstructor;
  /** The backend actually loaded: `'js'` or `'wasm'` (never `'auto'`). */
  readonly backend: Backend;
  /** The version of this Teaflow build; the same as the module's {@link version}. */
  readonly version: string;
  /** The names of the built-in components written in Java, such as `'core/Counter'`; a fresh array on each call. */
  components(): string[];
}

/** The type of {@link Api.Network}. */
export interface NetworkConstructor {
  /** An empty network: no actors registered, no nodes, not started. */
  new (): Network;
  readonly prototype: Network;

  /**
   * A new, stopped network built from an FBP JSON graph (the format of NoFlo's `fbp-graph`, so
   * `fbpGraph.toJSON()` can be passed as it is): one node per process, one connection per edge,
   * one initial packet per connection that has `data`. The built-in `core/*` components are always
   * there; `options.actors` are registered first, then `options.graphs`, so the graph (and the
   * registered graphs) may use both. Nodes get no config: FBP graphs configure nodes with initial
   * packets.
   *
   * The graph is checked whole. Throws one `Error` naming the offending process, connection
   * (by its index in `connections`) or field, such as
   * `graph: process 'a': addNode('a', 'Nope'): unknown component 'Nope' (known: …)`; a `TypeError`
   * if `options` is not an object or an entry of `options.actors` is not an actor.
   *
   * @example
   * ```ts
   * const net = tf.Network.fromGraph(
   *   {
   *     processes: { double: { component: 'Doubler' }, log: { component: 'core/Collect' } },
   *     connections: [
   *       { data: 21, tgt: { process: 'double', port: 'in' } },
   *       { src: { process: 'double', port: 'out' }, tgt: { process: 'log', port: 'in' } },
   *     ],
   *   },
   *   { actors: { Doubler } },
   * );
   * ```
   */
  fromGraph(graph: FbpGraph, options?: FromGraphOptions): Network;
}

/** Options of {@link NetworkConstructor.fromGraph}. */
export interface FromGraphOptions {
  /**
   * JavaScript actors by component name, registered as with {@link Network.registerActor} before
   * the graph is loaded. An actor object written inline here gets no parameter types from this
   * record: write `run(context: ActorContext)`, or declare it beforehand as an {@link Actor}.
   */
  actors?: Record<string, ActorDefinition>;
  /**
   * Graphs by component name, registered as with {@link Network.registerGraph} (after
   * {@link actors}, so they may use them) before the graph is loaded.
   */
  graphs?: Record<string, FbpGraph>;
}

/**
 * The type of {@link Api.LiveMemoryStateHandle}: usable with `instanceof`, not with `new`
 * (handles belong to nodes; get one with {@link Network.state}).
 */
export type LiveMemoryStateHandleConstructor = (abstract new () => LiveMemoryStateHandle) & {
  readonly prototype: LiveMemoryStateHandle;
};

// ---------------------------------------------------------------------------------------------
// Networks
// ---------------------------------------------------------------------------------------------

/**
 * A network of nodes (actor instances) joined by connections between their ports.
 *
 * Misuse throws at the call, with a message naming the unknown name, id or port: a `TypeError`
 * for an argument of the wrong type (a non-string id, a non-function listener, a non-actor), an
 * `Error` otherwise. Nothing a page passes in can crash the runtime for the other nodes.
 */
export interface Network {
  /**
   * Registers a JavaScript actor under `name`, usable by {@link addNode}. `actor` is a class
   * (one instance per node), an object (each node gets its own instance whose prototype is that
   * object), or a {@link LegacyActor}. Registering a name again replaces it for the nodes added
   * afterwards. Throws a `TypeError` if `actor` has no `run` method (a class needs `run` as a
   * method, not as an arrow-function field), and an `Error` for a name starting with `core/`.
   * @returns this network, for chaining.
   */
  registerActor(name: string, actor: Actor | (new () => Actor)): this;
  /**
   * Registers a {@link LegacyActor}, or a class of them, under `name`. An object literal written
   * inline is typed as an {@link Actor}: give a legacy one's parameters their types, or write it
   * `{ ... } satisfies LegacyActor`.
   * @returns this network, for chaining.
   */
  registerActor(name: string, actor: LegacyActor | (new () => LegacyActor)): this;
  /** Registers any {@link ActorDefinition} under `name`. @returns this network, for chaining. */
  registerActor(name: string, actor: ActorDefinition): this;

  /**
   * Registers `graph` as a component named `name`, usable by {@link addNode} like an actor. The
   * graph's exported `inports` and `outports` are the ports of a node made of it; its processes
   * become nodes of their own, named `node/process` (`'a/count'` for process `count` of node
   * `a`; `'a/b/c'` when graphs nest), each with its own state, reachable with {@link state}.
   * The graph's initial packets are sent to its processes at every start.
   *
   * The graph's own structure is checked now; its components are looked up when a node is added,
   * so a graph may use actors and graphs registered later. Registering a graph name again replaces
   * it for the nodes added afterwards. Throws an `Error` for an empty name, a name taken by an
   * actor or starting with `core/`, or an invalid graph (naming the offending process, connection
   * or field).
   *
   * @example
   * ```ts
   * net.registerGraph('Counting', {
   *   processes: { count: { component: 'core/Counter' } },
   *   inports: { in: { process: 'count', port: 'in' } },
   *   outports: { out: { process: 'count', port: 'out' } },
   * });
   * net.addNode('a', 'Counting').addInitial('a', 'in', 1);
   * await net.start();
   * await net.idle();
   * net.state('a/count').get<number>('count'); // 1
   * ```
   * @returns this network, for chaining.
   */
  registerGraph(name: string, graph: FbpGraph): this;

  /**
   * Adds node `id` running `component`: a registered actor name, a registered graph (see
   * {@link registerGraph}) or a built-in Java component (see {@link Api.components}). `config` is
   * handed to the actor as `context.config`, the same object on every run (a graph's processes
   * get none). Also allowed while the network runs. Throws if `component` is unknown or `id` is
   * already taken; adding a graph node is all or nothing.
   * @returns this network, for chaining.
   */
  addNode(id: string, component: string, config?: unknown): this;

  /**
   * Connects outport `fromPort` of node `from` to inport `toPort` of node `to`. Several
   * connections from one outport broadcast every packet to each; several into one inport
   * interleave. Packets keep their order on each connection. For a node made of a graph, the
   * ports are the graph's exported ones; the nodes inside it (`'a/count'`) cannot be wired
   * directly. Also allowed while the network runs. Throws if a node or port is missing, or the
   * connection already exists.
   * @returns this network, for chaining.
   */
  addConnection(from: string, fromPort: string, to: string, toPort: string): this;

  /**
   * Removes node `id` and every connection to and from it; also allowed while the network runs.
   * The node never runs again (a pending asynchronous run is forgotten), its initial packets and
   * its state are dropped, and `net.state(id)` throws from then on. A node made of a graph goes
   * with all the nodes inside it. Packets that were waiting for the node, or sent by it and not
   * yet taken, are not lost silently: each batch is reported as an `'error'` event whose
   * {@link ErrorEvent.packets} holds them. Throws if there is no node `id` (or it lies inside a
   * graph node: remove that node instead).
   * @returns this network, for chaining.
   */
  removeNode(id: string): this;

  /**
   * Removes the connection from outport `fromPort` of node `from` to inport `toPort` of node
   * `to`, as made by {@link addConnection} or a loaded graph; also allowed while the network runs.
   * Packets it carried that the target has not taken yet are reported as an `'error'` event of
   * the target node whose {@link ErrorEvent.packets} holds them; a sender waiting for room in a
   * bounded inport goes on. Throws if there is no such connection.
   * @returns this network, for chaining.
   */
  removeConnection(from: string, fromPort: string, to: string, toPort: string): this;

  /**
   * Adds an initial packet: `value` (any value, `null` included) is sent to inport `port` of
   * `node` every time the network starts, and at once if it is running. Throws if the node or
   * port is missing.
   * @returns this network, for chaining.
   */
  addInitial(node: string, port: string, value: unknown): this;

  /**
   * Starts the network and sends the initial packets. Resolves once they have been handed out
   * (not when they have been processed: use {@link idle} for that). Rejects if the network is
   * already running; after {@link stop} it starts again, resending the initial packets.
   */
  start(): Promise<void>;

  /**
   * Sends `value` from outside the network to inport `port` of `node`. The value is passed by
   * reference: the receiving actor gets the identical object. A bounded inport that is full still
   * takes it (a page cannot be made to wait); its other senders then wait. Throws if the network
   * is not running (initial packets belong in {@link addInitial}) or if the node or port is
   * missing.
   */
  send(node: string, port: string, value: unknown): void;

  /**
   * Resolves when nothing is queued or running, including runs whose Promise has not settled yet.
   * Resolves at once if that is already so.
   */
  idle(): Promise<void>;

  /**
   * Stops the network: no new run starts. Resolves once the runs in progress (pending Promises)
   * have settled. Queued packets are kept for a later {@link start}.
   */
  stop(): Promise<void>;

  /** Calls `listener` when the network starts. @returns a function that removes the listener. */
  on(type: 'start', listener: (event: StartEvent) => void): () => void;
  /** Calls `listener` when a stopped network's last run has settled. @returns a function that removes the listener. */
  on(type: 'stop', listener: (event: StopEvent) => void): () => void;
  /** Calls `listener` each time the network becomes idle: nothing queued or running. @returns a function that removes the listener. */
  on(type: 'idle', listener: (event: IdleEvent) => void): () => void;
  /**
   * Calls `listener` when an actor throws, its Promise rejects, or it sends on an undeclared
   * outport (or a state subscriber throws), and when {@link removeNode} or
   * {@link removeConnection} leaves packets undeliverable ({@link ErrorEvent.packets}); the
   * network goes on. An error that no `'error'` or `'*'` listener takes is written to
   * `console.error`.
   * @returns a function that removes the listener.
   */
  on(type: 'error', listener: (event: ErrorEvent) => void): () => void;
  /** Calls `listener` for every packet entering a node's inport. @returns a function that removes the listener. */
  on(type: 'data', listener: (event: DataEvent) => void): () => void;
  /** Calls `listener` for every event. @returns a function that removes the listener. */
  on(type: '*', listener: (event: NetworkEvent) => void): () => void;
  /**
   * Calls `listener` for events of `type`. A listener that throws is reported and never stops
   * the network or the other listeners. Throws an `Error` for an unknown event type.
   * @returns a function that removes the listener; calling it again does nothing.
   */
  on(type: NetworkEventType | '*', listener: (event: NetworkEvent) => void): () => void;

  /**
   * The live state of node `id`: the same object on every call, and the same object as that
   * node's `context.state` and its actor's `this.state`. A node made of a graph has a state of
   * its own, and so has each node inside it: `'a/count'` is process `count` of graph node `a`,
   * `'a/b/c'` one level deeper. Throws if there is no such node.
   */
  state(id: string): LiveMemoryStateHandle;

  /**
   * What the network is doing now, for tools that watch it (the inspector, the FBP protocol
   * runtime): every node (subgraph nodes first, then every node that runs, those made for
   * subgraph processes included) and every connection between running nodes with the packets
   * delivered on it. A fresh object on every call; nothing is counted for it beyond one
   * increment per delivered packet, so calling it a few times a second is cheap.
   */
  stats(): NetworkStats;

  /**
   * The network as an FBP JSON graph, in the format of NoFlo's `fbp-graph`: loadable by
   * `fbp-graph`'s `loadJSON` and by {@link NetworkConstructor.fromGraph}. A fresh object on each
   * call, with every top-level field present, holding the nodes added by hand or by a loaded graph
   * (a graph node is one process whose component is the graph's name), their connections and
   * initial packets (also after the network has run), and what a loaded graph carried: process
   * and connection metadata, port indexes, exported ports, groups and properties. Metadata,
   * properties and initial packets are the very values given, not copies. Where there are none,
   * it writes what `fbp-graph` would: `properties: { name: '' }` and process `metadata: {}`.
   *
   * Also what `JSON.stringify(net)` writes. Node configs are not part of it.
   */
  toJSON(): CompleteFbpGraph;

  /**
   * A JSON-serialisable copy of the network: every node's state (graph nodes and the nodes
   * inside them included) and the graph ({@link toJSON}), all deep copies, so later changes to
   * the live state do not reach it. Only plain objects, arrays, strings, finite numbers, booleans
   * and `null` can be copied: a function, Symbol, BigInt, `undefined`, cycle, class instance
   * (a `Date`, a `Map`, …) or non-finite number in a state throws an `Error` naming the node and
   * the key (such as `snapshot(): node 'c', key 'f' holds a function, which JSON cannot carry`),
   * unless `options.skipUnserializable` leaves those keys out. A graph (initial packets, metadata,
   * properties) JSON cannot carry throws too.
   *
   * @example
   * ```ts
   * const text = JSON.stringify(net.snapshot());
   * // … later, even in another page:
   * net.restore(JSON.parse(text) as Snapshot);
   * ```
   */
  snapshot(options?: SnapshotOptions): Snapshot;

  /**
   * Makes the state of every node named in `snapshot.state` equal to the snapshot's: keys added
   * since are removed, the others set to copies of the snapshot's values, and subscribers are
   * told of each key set or removed. The handles stay the same objects, so `net.state(id)`,
   * `context.state` and `this.state` see the restored values. Nodes the snapshot does not name
   * keep their state; `snapshot.graph` is not read (build the network first, for instance with
   * `fromGraph(snapshot.graph, …)`). Also allowed while the network runs.
   *
   * Checked whole before anything changes: throws a `TypeError` if `snapshot` has no `state`
   * object, and an `Error` naming the node (and key) for a node this network lacks, a node state
   * that is not an object, or a value JSON cannot carry.
   * @returns this network, for chaining.
   */
  restore(snapshot: Snapshot | { state: Snapshot['state'] }): this;

  /**
   * Takes a {@link snapshot} and keeps it under `key` in the browser's storage: `localStorage`
   * (the default; as JSON text under `key`) or IndexedDB (database `'teaflow'`, object store
   * `'snapshots'`). Resolves to the snapshot saved. Rejects, saving nothing, with a `TypeError`
   * for an empty or non-string key, and with an `Error` for an unknown store, a store this
   * environment lacks (Node.js has neither), a state JSON cannot carry (see {@link snapshot}), or
   * a failure of the storage itself (such as a full quota).
   *
   * @example
   * ```ts
   * await net.saveSnapshot('my-app', { store: 'indexedDB' });
   * // … after a reload, with the same network built again:
   * await net.loadSnapshot('my-app', { store: 'indexedDB' });
   * ```
   */
  saveSnapshot(key: string, options?: SaveSnapshotOptions): Promise<Snapshot>;

  /**
   * Reads the snapshot saved under `key` by {@link saveSnapshot} from the given store
   * (`localStorage` by default) and {@link restore}s it into this network. Resolves to that
   * snapshot. Rejects, changing nothing, with an `Error` naming the key if no snapshot is saved
   * under it in that store, with the error of {@link restore} if it does not fit this network,
   * and as {@link saveSnapshot} does for a bad key or store.
   */
  loadSnapshot(key: string, options?: LoadSnapshotOptions): Promise<Snapshot>;
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

/** The network started. */
/** What {@link Network.stats} returns. */
export interface NetworkStats {
  readonly nodes: NodeStats[];
  readonly connections: ConnectionStats[];
}

/** One connection in {@link Network.stats}: between running nodes, so `'a/x'` inside subgraph node `'a'`. */
export interface ConnectionStats {
  readonly from: string;
  readonly fromPort: string;
  readonly to: string;
  readonly toPort: string;
  /** Packets delivered on it so far. */
  readonly delivered: number;
}

/** One node in {@link Network.stats}. */
export interface NodeStats {
  readonly id: string;
  readonly component: string;
  /** A JS actor (registered by the page), a Java component (built in or from a library), or a subgraph. */
  readonly kind: 'js' | 'java' | 'graph';
  /** The subgraph node this node was made for (`'a'` for `'a/count'`), or null. */
  readonly parent: string | null;
  readonly inports: string[];
  readonly outports: string[];
  /** Runs started so far (always 0 for a subgraph node, whose processes run instead). */
  readonly runs: number;
  /** Packets waiting on its inports. */
  readonly queued: number;
  /** A run is in progress, or its Promise has not settled yet. */
  readonly running: boolean;
}

export interface StartEvent {
  readonly type: 'start';
}

/** The network stopped: {@link Network.stop} was called and the runs in progress have settled. */
export interface StopEvent {
  readonly type: 'stop';
}

/** The network became idle: nothing is queued or running. */
export interface IdleEvent {
  readonly type: 'idle';
}

/**
 * A node failed: its actor threw or rejected, or a subscriber of its state threw; or packets
 * could not be delivered because {@link Network.removeNode} or {@link Network.removeConnection}
 * took away their way (then {@link packets} holds them). The network goes on.
 */
export interface ErrorEvent {
  readonly type: 'error';
  /**
   * The id of the failing node (`'a/count'` for a node inside graph node `a`); for undelivered
   * packets, the node they were meant for.
   */
  readonly node: string;
  /** What went wrong, naming the culprit (for an undeclared outport, the port). */
  readonly message: string;
  /**
   * The value the actor threw or rejected with, as it was (usually an `Error`, but any value can
   * be thrown); for undelivered packets, an `Error` with {@link message}.
   */
  readonly error: unknown;
  /**
   * Present only when packets could not be delivered because their node or connection was
   * removed while the network ran: those packets, the identical values, in the order they were
   * sent. Nothing is dropped silently; re-send them elsewhere if they matter.
   */
  readonly packets?: unknown[];
}

/** A packet entered a node's inport. */
export interface DataEvent {
  readonly type: 'data';
  /** The receiving node (`'a/count'` for a node inside graph node `a`). */
  readonly node: string;
  /** The receiving inport. */
  readonly port: string;
  /** The packet: the identical value that was sent. */
  readonly value: unknown;
  /** The sending node and outport; `null` for packets from outside (`send`, initial packets). */
  readonly from: { readonly node: string; readonly port: string } | null;
}

/** Any event; switch on `type` to narrow it. */
export type NetworkEvent = StartEvent | StopEvent | IdleEvent | ErrorEvent | DataEvent;

/** The event types {@link Network.on} takes, besides `'*'` for all of them. */
export type NetworkEventType = NetworkEvent['type'];

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

/**
 * The live state of one node: a string-keyed store shared, without copying, by page JavaScript
 * and the Java runtime. There is exactly one handle per node for the node's whole life.
 *
 * Values are kept by reference: `get` returns the identical object that was `set`. Any string is
 * a valid key, including `'__proto__'`. A key that is not a string throws a `TypeError`.
 */
export interface LiveMemoryStateHandle {
  /**
   * The value stored under `key`, or `undefined` if there is none. `T` is not checked: it only
   * states what the caller knows is stored there.
   */
  get<T = unknown>(key: string): T | undefined;

  /**
   * Stores `value` (any JavaScript value) under `key` by reference, then tells the subscribers.
   * @returns this handle, for chaining.
   */
  set<T>(key: string, value: T): this;

  /** Whether a value is stored under `key`. */
  has(key: string): boolean;

  /** Removes `key`. @returns whether it was there. */
  remove(key: string): boolean;

  /** Removes every key. */
  clear(): void;

  /** The number of keys. */
  readonly size: number;

  /** The keys, in insertion order; a fresh array. */
  keys(): string[];

  /** A fresh plain object of every entry, holding the values themselves (not copies). */
  getAll(): Record<string, unknown>;

  /** The same as {@link getAll}, so that `JSON.stringify(handle)` writes the state's entries. */
  toJSON(): Record<string, unknown>;

  /**
   * Calls `set` for each own enumerable property of `values`, in order. Throws a `TypeError`
   * if `values` is not an object (or is an array).
   * @returns this handle, for chaining.
   */
  setAll(values: Record<string, unknown>): this;

  /**
   * `set(key, fn(get(key)))`: stores what `fn` returns and returns it. If `fn` throws, nothing
   * changes. Give `T` when the parameter needs a type: `update<number>('n', n => (n ?? 0) + 1)`.
   */
  update<T>(key: string, fn: (current: T | undefined) => T): T;

  /**
   * Calls `listener(key, newValue, oldValue)` after every change, made from JavaScript or Java
   * (`newValue` is `undefined` for a removed key). A listener that throws is reported as an
   * `'error'` event of the node and never stops the change or the other listeners.
   * @returns a function that removes the listener.
   */
  subscribe(listener: (key: string, newValue: unknown, oldValue: unknown) => void): () => void;
}

// ---------------------------------------------------------------------------------------------
// Actors written in JavaScript
// ---------------------------------------------------------------------------------------------

/**
 * An actor: `run(context)` is called once per packet that arrives at one of its inports (or,
 * with {@link awaitAllInports}, once per complete set of one packet on every inport).
 *
 * @typeParam Config - the type of the node config given to {@link Network.addNode}.
 * @example
 * ```ts
 * class Doubler implements Actor<{ factor: number }> {
 *   inports = ['in'];
 *   outports = ['out'];
 *   state = { seen: 0 };
 *   run(context: ActorContext<{ factor: number }>) {
 *     context.state.update<number>('seen', n => (n ?? 0) + 1);
 *     context.send({ out: (context.input.in as number) * context.config.factor });
 *   }
 * }
 * ```
 */
export interface Actor<Config = any> {
  /**
   * The inports: names, or {@link InportDeclaration}s for bounded inports
   * (`['a', { name: 'b', capacity: 8 }]`). None if absent.
   */
  inports?: readonly Inport[];
  /** The names of the outports; sending on any other port is an error. None if absent. */
  outports?: readonly string[];
  /**
   * `true` makes the actor a join: it runs once per complete set of one packet on every inport,
   * taken from each inport in arrival order, and `context.input` then holds one packet per
   * inport. Packets wait on their inport until every other inport has one too. Default: one run
   * per packet.
   */
  awaitAllInports?: boolean;
  /**
   * The initial state: before the node first runs, each of its keys is set in the node's live
   * state. Then `this.state` is replaced by the node's {@link LiveMemoryStateHandle} (the same
   * object as `context.state`); in TypeScript, use `context.state` to reach it typed.
   */
  state?: Record<string, unknown>;
  /**
   * Handles the packet in `context.input`. May return a Promise: the node does not run again
   * until it settles. Throwing or rejecting produces an `'error'` event; the network goes on.
   * Declare one parameter: a `run` whose `length` is 2 or more is taken for a {@link LegacyActor}.
   */
  run(context: ActorContext<Config>): void | Promise<void>;
}

/**
 * What {@link Actor.run} receives: one object per node, reused by every run of that node.
 *
 * @typeParam Config - the type of {@link config}.
 */
export interface ActorContext<Config = any> {
  /**
   * The packet that triggered this run, keyed by the inport it arrived on; for an actor with
   * {@link Actor.awaitAllInports}, one packet on every inport.
   */
  readonly input: Record<string, unknown>;
  /** The node's live state: the same object as `net.state(node)` and the actor's `this.state`. */
  readonly state: LiveMemoryStateHandle;
  /** The node's config, the identical object given to `addNode` (an empty object if none was given). */
  readonly config: Config;
  /** The node's id. */
  readonly node: string;
  /**
   * Sends each property of `outputs` on the outport of that name. May be called any number of
   * times, also after `run` returned (from a timer or a promise callback), and may be detached
   * from the context. Throws, sending nothing of that call, if a port is not a declared outport.
   */
  readonly send: (outputs: Record<string, unknown>) => void;
}

/**
 * The legacy actor form: `run(input, callback)`, told apart from {@link Actor} by `run`
 * declaring two parameters (its `length` is 2).
 */
export interface LegacyActor {
  /** The inports: names, or {@link InportDeclaration}s for bounded inports. None if absent. */
  inports?: readonly Inport[];
  /** The names of the outports; sending on any other port is an error. None if absent. */
  outports?: readonly string[];
  /**
   * `true` makes the actor a join: one run per complete set of one packet on every inport, with
   * `input` holding one packet per inport. See {@link Actor.awaitAllInports}.
   */
  awaitAllInports?: boolean;
  /**
   * The initial state, copied into the node's live state before the node first runs. Then
   * `this.state` becomes a live object view of it: `this.state.count = 1` is
   * `set('count', 1)`, `this.state.count` is `get('count')`, `delete` is `remove`.
   */
  state?: Record<string, unknown>;
  /**
   * Handles the packet in `input` (keyed by the inport it arrived on; one per inport for a join)
   * and sends with `callback(outputs)`, an object keyed by outport; a `callback()` without
   * outputs sends nothing. May return a Promise: the node does not run again until it settles.
   */
  run(input: Record<string, unknown>, callback: LegacyCallback): void | Promise<void>;
}

/**
 * The `callback` of {@link LegacyActor.run}: sends each property of `outputs` on the outport of
 * that name, like {@link ActorContext.send}; sends nothing when `outputs` is `null` or omitted.
 */
export type LegacyCallback = (outputs?: Record<string, unknown> | null) => void;

/**
 * A class whose instances are actors: Teaflow makes one instance per node with `new`, without
 * arguments.
 */
export type ActorClass = new () => Actor | LegacyActor;

/** What {@link Network.registerActor} accepts: an actor class, an actor object, or a legacy actor. */
export type ActorDefinition = ActorClass | Actor | LegacyActor;

/** An entry of an actor's `inports`: a port name, or an {@link InportDeclaration}. */
export type Inport = string | InportDeclaration;

/**
 * An inport declared with options, as an entry of an actor's `inports`:
 * `{ name: 'in', capacity: 8 }`.
 */
export interface InportDeclaration {
  /** The port name: a non-empty string other than `'__proto__'`, declared once. */
  name: string;
  /**
   * How many packets may wait at this inport, a positive integer; unbounded if absent. When it is
   * full, the nodes sending to it wait: they are not run again until there is room (what a run
   * has already sent is kept). Nothing is dropped or reordered. Packets sent from outside
   * ({@link Network.send}) are always taken. Bounded inports in a cycle can deadlock, as in any
   * bounded FBP network. A capacity that is not a positive integer throws a `TypeError` when a
   * node is added.
   */
  capacity?: number;
}

// ---------------------------------------------------------------------------------------------
// Graphs (the JSON format of NoFlo's fbp-graph)
// ---------------------------------------------------------------------------------------------

/**
 * An FBP graph in the JSON format of NoFlo's `fbp-graph` (what its `graph.toJSON()` writes), as
 * taken by {@link NetworkConstructor.fromGraph} and {@link Network.registerGraph}. Every field
 * may be left out. {@link Network.toJSON} writes a {@link CompleteFbpGraph}.
 *
 * @example
 * ```ts
 * const graph: FbpGraph = {
 *   processes: { count: { component: 'core/Counter' }, log: { component: 'core/Collect' } },
 *   connections: [
 *     { data: 1, tgt: { process: 'count', port: 'in' } },
 *     { src: { process: 'count', port: 'out' }, tgt: { process: 'log', port: 'in' } },
 *   ],
 * };
 * ```
 */
export interface FbpGraph {
  /**
   * Whether port names must match the actors' ports in case. Default `false`, as in
   * `fbp-graph`: `'IN'` then reaches inport `'in'` (and is written back as given). Process ids
   * are always case-sensitive.
   */
  caseSensitive?: boolean;
  /** Free-form properties of the graph (`fbp-graph` keeps its `name` here); kept as given. */
  properties?: Record<string, unknown>;
  /** The processes (nodes) by id. Each becomes a node of that id. */
  processes?: Record<string, FbpProcess>;
  /** The edges between processes and the initial packets, in order. */
  connections?: readonly FbpConnection[];
  /**
   * The exported inports by public name: the ports a node made of this graph takes packets on
   * (see {@link Network.registerGraph}).
   */
  inports?: Record<string, FbpExportedPort>;
  /** The exported outports by public name: the ports a node made of this graph sends on. */
  outports?: Record<string, FbpExportedPort>;
  /** Named groups of processes, kept for editors; they do not change how the network runs. */
  groups?: readonly FbpGroup[];
}

/**
 * What {@link Network.toJSON} writes: an {@link FbpGraph} with every top-level field present and
 * every process carrying `metadata` (`{}` if it had none).
 */
export interface CompleteFbpGraph extends FbpGraph {
  caseSensitive: boolean;
  /** The graph's properties, `{ name: '' }` if it had none (what `fbp-graph` writes). */
  properties: Record<string, unknown>;
  processes: Record<string, FbpProcess & { metadata: Record<string, unknown> }>;
  connections: FbpConnection[];
  inports: Record<string, FbpExportedPort>;
  outports: Record<string, FbpExportedPort>;
  groups: (FbpGroup & { nodes: string[] })[];
}

/** A process of an {@link FbpGraph}: a node and the component it runs. */
export interface FbpProcess {
  /**
   * The component: a registered actor or graph, or a built-in such as `'core/Counter'`
   * (see {@link Api.components}).
   */
  component: string;
  /** Free-form data for editors (position, label, …); kept as given, not used when running. */
  metadata?: Record<string, unknown>;
}

/**
 * A connection of an {@link FbpGraph}: an edge from `src` to `tgt`, or, when `data` is present
 * (anything but `undefined`: `0`, `false`, `''` and `null` are packets too), an initial packet sent
 * to `tgt` at every start. Give one of `src` and `data`.
 */
export interface FbpConnection {
  /** The sending process and outport. */
  src?: FbpEndpoint;
  /** The initial packet: any value, kept as given (the identical object is sent). */
  data?: unknown;
  /** The receiving process and inport. */
  tgt: FbpEndpoint;
  /** Free-form data for editors; kept as given. */
  metadata?: Record<string, unknown>;
}

/** One end of an {@link FbpConnection}. */
export interface FbpEndpoint {
  /** The process id. */
  process: string;
  /** The port name. */
  port: string;
  /**
   * The index on an addressable (array) port: a whole number, 0 or more. Kept and written back;
   * Teaflow's ports are not addressable, so it does not change where packets go.
   */
  index?: number;
}

/** An exported port of an {@link FbpGraph}: the process port a public port name stands for. */
export interface FbpExportedPort {
  /** The process id. */
  process: string;
  /** The port of that process. */
  port: string;
  /** Free-form data for editors; kept as given. */
  metadata?: Record<string, unknown>;
}

/** A named group of processes of an {@link FbpGraph}. */
export interface FbpGroup {
  /** The group's name. */
  name: string;
  /** The ids of its processes; each must be a process of the graph. */
  nodes: readonly string[];
  /** Free-form data for editors (such as `description`); kept as given. */
  metadata?: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------------------------

/**
 * What {@link Network.snapshot} returns: plain JSON data (`JSON.stringify` it, `JSON.parse` it
 * back), deep copies of every node's state and of the graph.
 */
export interface Snapshot {
  /** Always `'teaflow-snapshot'`. */
  format: 'teaflow-snapshot';
  /** The snapshot format's version: `1`. */
  version: 1;
  /** The network's graph, as {@link Network.toJSON} wrote it (deep-copied). */
  graph: CompleteFbpGraph;
  /**
   * Every node's state by node id (graph nodes and the nodes inside them, `'a/count'`,
   * included): its keys and JSON values.
   */
  state: Record<string, Record<string, unknown>>;
}

/** Options of {@link Network.snapshot}. */
export interface SnapshotOptions {
  /**
   * `true` leaves out the keys whose value JSON cannot carry (the whole key, even if only
   * something deep inside it is the problem) instead of throwing. Default `false`.
   */
  skipUnserializable?: boolean;
}

/** Where {@link Network.saveSnapshot} keeps snapshots. */
export type SnapshotStore = 'localStorage' | 'indexedDB';

/** Options of {@link Network.saveSnapshot}. */
export interface SaveSnapshotOptions extends SnapshotOptions {
  /** `'localStorage'` (the default) or `'indexedDB'`. */
  store?: SnapshotStore;
}

/** Options of {@link Network.loadSnapshot}. */
export interface LoadSnapshotOptions {
  /** Where the snapshot was saved: `'localStorage'` (the default) or `'indexedDB'`. */
  store?: SnapshotStore;
}
