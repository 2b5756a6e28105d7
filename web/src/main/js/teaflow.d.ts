// Type definitions for Teaflow: an actor / flow-based-programming runtime whose nodes share one
// live state between page JavaScript and Java compiled by TeaVM.
//
// These types describe both builds:
//   - dist/teaflow.mjs, the ES module: named exports `init` and `version`, and a default export
//     object holding both (`import { init } from 'teaflow'`, `import Teaflow from 'teaflow'`);
//   - dist/teaflow.js, the classic script: a global `Teaflow` with `init` and `version`
//     (script-tag users get `Teaflow.init()` typed through `export as namespace Teaflow`).

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
   * Where the `.wasm` file is fetched from, resolved against the script's own URL. Default: the
   * `teaflow.wasm` beside the script. Only used by the `'wasm'` backend.
   */
  wasmUrl?: string | URL;
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
}

/**
 * The type of {@link Api.LiveMemoryStateHandle}: usable with `instanceof`, not with `new`
 * (handles belong to nodes; get one with {@link Network.state}).
 */
export type LiveMemoryStateHandleConstructor = abstract new () => LiveMemoryStateHandle;

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
   * Adds node `id` running `component`: a registered actor name or a built-in Java component
   * (see {@link Api.components}). `config` is handed to the actor as `context.config`, the same
   * object on every run. Throws if `component` is unknown or `id` is already taken.
   * @returns this network, for chaining.
   */
  addNode(id: string, component: string, config?: unknown): this;

  /**
   * Connects outport `fromPort` of node `from` to inport `toPort` of node `to`. Several
   * connections from one outport broadcast every packet to each; several into one inport
   * interleave. Packets keep their order on each connection. Throws if a node or port is missing.
   * @returns this network, for chaining.
   */
  addConnection(from: string, fromPort: string, to: string, toPort: string): this;

  /**
   * Adds an initial packet: `value` is sent to inport `port` of `node` every time the network
   * starts. Throws if the node or port is missing.
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
   * reference: the receiving actor gets the identical object. Throws if the network is not
   * running (initial packets belong in {@link addInitial}) or if the node or port is missing.
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
   * outport (or a state subscriber throws); the network goes on. An error that no `'error'` or
   * `'*'` listener takes is written to `console.error`.
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
   * node's `context.state` and its actor's `this.state`. Throws if there is no such node.
   */
  state(id: string): LiveMemoryStateHandle;
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

/** The network started. */
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

/** A node failed: its actor threw or rejected, or a subscriber of its state threw. The network goes on. */
export interface ErrorEvent {
  readonly type: 'error';
  /** The id of the failing node. */
  readonly node: string;
  /** What went wrong, naming the culprit (for an undeclared outport, the port). */
  readonly message: string;
  /** The value the actor threw or rejected with, as it was (usually an `Error`, but any value can be thrown). */
  readonly error: unknown;
}

/** A packet entered a node's inport. */
export interface DataEvent {
  readonly type: 'data';
  /** The receiving node. */
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
 * An actor: `run(context)` is called once per packet that arrives at one of its inports.
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
  /** The names of the inports. None if absent. */
  inports?: readonly string[];
  /** The names of the outports; sending on any other port is an error. None if absent. */
  outports?: readonly string[];
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
  /** The packet that triggered this run, keyed by the inport it arrived on. */
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
  /** The names of the inports. None if absent. */
  inports?: readonly string[];
  /** The names of the outports; sending on any other port is an error. None if absent. */
  outports?: readonly string[];
  /**
   * The initial state, copied into the node's live state before the node first runs. Then
   * `this.state` becomes a live object view of it: `this.state.count = 1` is
   * `set('count', 1)`, `this.state.count` is `get('count')`, `delete` is `remove`.
   */
  state?: Record<string, unknown>;
  /**
   * Handles the packet in `input` (keyed by the inport it arrived on) and sends with
   * `callback(outputs)`, an object keyed by outport; a `callback()` without outputs sends
   * nothing. May return a Promise: the node does not run again until it settles.
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
