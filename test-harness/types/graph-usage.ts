// A typed tour of contract §7: FBP graphs, subgraphs, bounded inports, joins, rewiring while
// running, snapshots and their persistence, written the way an npm user would write it.
//
// `npm run typecheck` compiles it against web/src/main/js/teaflow.d.ts, so a change to the types
// that breaks real code fails the build; each `@ts-expect-error` line proves that misuse is
// rejected, and (where it runs) checks that the runtime rejects it too. Compiled to JavaScript and
// run against dist/teaflow.mjs (`main()`), it checks that the runtime does what the types promise.
// Node.js has neither localStorage nor IndexedDB: there, saveSnapshot/loadSnapshot are checked to
// reject, then run against a small in-memory localStorage; IndexedDB only runs in a browser.

import type { GraphJson } from 'fbp-graph/lib/Types';
import {
  init,
  type Actor,
  type ActorContext,
  type Api,
  type CompleteFbpGraph,
  type ErrorEvent,
  type FbpConnection,
  type FbpEndpoint,
  type FbpExportedPort,
  type FbpGraph,
  type FbpGroup,
  type FbpProcess,
  type FromGraphOptions,
  type Inport,
  type InportDeclaration,
  type LegacyActor,
  type LiveMemoryStateHandle,
  type LoadSnapshotOptions,
  type Network,
  type SaveSnapshotOptions,
  type Snapshot,
  type SnapshotOptions,
  type SnapshotStore,
} from 'teaflow';

// -- small assertion helpers ------------------------------------------------------------------

function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(`graph-usage.ts: expected ${what}`);
  }
}

function throwsNaming(action: () => unknown, needle: string, what: string): void {
  try {
    action();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    check(message.includes(needle), `${what} to throw naming '${needle}', got: ${message}`);
    return;
  }
  throw new Error(`graph-usage.ts: expected ${what} to throw`);
}

async function rejectsNaming(action: () => Promise<unknown>, needle: string, what: string): Promise<void> {
  try {
    await action();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    check(message.includes(needle), `${what} to reject naming '${needle}', got: ${message}`);
    return;
  }
  throw new Error(`graph-usage.ts: expected ${what} to reject`);
}

const delay = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

// -- actors -----------------------------------------------------------------------------------

class Doubler implements Actor {
  inports = ['in'];
  outports = ['out'];
  run(context: ActorContext): void {
    context.send({ out: (context.input.in as number) * 2 });
  }
}

/** A bounded inport: when two packets wait, the nodes sending to it wait too. */
class BoundedSink implements Actor {
  inports: Inport[] = [{ name: 'in', capacity: 2 }];
  async run(context: ActorContext): Promise<void> {
    await delay(2);
    context.state.update<unknown[]>('got', got => [...(got ?? []), context.input.in]);
  }
}

/** Sends `count` numbers at once: more than BoundedSink's inport holds. */
class Burst implements Actor<{ count: number }> {
  inports = ['go'];
  outports = ['out'];
  run(context: ActorContext<{ count: number }>): void {
    for (let i = 0; i < context.config.count; i++) {
      context.send({ out: i });
    }
  }
}

/** A join: one run per pair, context.input holding one packet per inport. */
class Zip implements Actor {
  inports = ['left', 'right'];
  outports = ['out'];
  awaitAllInports = true;
  run({ input, send }: ActorContext): void {
    send({ out: [input.left, input.right] });
  }
}

/** The legacy form takes the same declarations. */
const legacyPair = {
  inports: ['a', { name: 'b', capacity: 4 }],
  outports: ['out'],
  awaitAllInports: true,
  run(input, callback) {
    callback({ out: `${String(input.a)}+${String(input.b)}` });
  },
} satisfies LegacyActor;

// -- graphs -----------------------------------------------------------------------------------

/** A subgraph component: doubles, then counts; `in`/`out` are its exported ports. */
const doubleAndCount = {
  caseSensitive: true,
  properties: { name: 'DoubleAndCount' },
  processes: {
    double: { component: 'Doubler', metadata: { x: 10, y: 20, label: 'double' } },
    count: { component: 'core/Counter' },
  },
  connections: [{ src: { process: 'double', port: 'out' }, tgt: { process: 'count', port: 'in' } }],
  inports: { in: { process: 'double', port: 'in' } },
  outports: { out: { process: 'count', port: 'out' } },
} satisfies FbpGraph;

/** A graph using that one: nodes nest as 'node/process/process'. */
const nested: FbpGraph = {
  processes: { inner: { component: 'DoubleAndCount' } },
  inports: { IN: { process: 'inner', port: 'in' } },
  outports: { OUT: { process: 'inner', port: 'out' } },
};

/** The main graph, written field by field with the exported types. */
function mainGraph(): FbpGraph {
  const source: FbpEndpoint = { process: 'twice', port: 'OUT', index: 0 };
  const target: FbpEndpoint = { process: 'log', port: 'in' };
  const edge: FbpConnection = { src: source, tgt: target, metadata: { route: 3 } };
  const initial: FbpConnection = { data: 0, tgt: { process: 'twice', port: 'IN' } }; // 0 is a packet
  const processes: Record<string, FbpProcess> = {
    twice: { component: 'Nested', metadata: { label: 'twice' } },
    log: { component: 'core/Collect' },
  };
  const exported: FbpExportedPort = { process: 'twice', port: 'IN', metadata: { side: 'left' } };
  const group: FbpGroup = { name: 'all', nodes: ['twice', 'log'], metadata: { description: 'everything' } };
  return {
    caseSensitive: false, // 'IN' reaches 'in' of an actor; exported names ignore case too
    properties: { name: 'main', environment: { type: 'teaflow' } },
    processes,
    connections: [initial, edge],
    inports: { start: exported },
    outports: {},
    groups: [group],
  };
}

// -- the program ------------------------------------------------------------------------------

export async function main(): Promise<void> {
  const tf: Api = await init();

  // fromGraph: actors and graphs registered first, then the graph loaded.
  const options: FromGraphOptions = {
    actors: { Doubler },
    graphs: { DoubleAndCount: doubleAndCount, Nested: nested },
  };
  const net: Network = tf.Network.fromGraph(mainGraph(), options);
  const lost: ErrorEvent[] = [];
  const off = net.on('error', event => {
    if (event.packets !== undefined) {
      lost.push(event);
    }
  });
  await net.start();
  net.send('twice', 'in', 5); // exported names ignore case: the graph is not caseSensitive
  await net.idle();
  check(JSON.stringify(net.state('log').get('items')) === '[1,2]', 'the graph to run, got ' + JSON.stringify(net.state('log').get('items')));

  // Every node has a handle: the graph node, the nodes inside it, and theirs ('a/b/c').
  const deep: LiveMemoryStateHandle = net.state('twice/inner/count');
  check(deep.get<number>('count') === 2, 'the nested counter to have counted both packets');
  check(net.state('twice') instanceof tf.LiveMemoryStateHandle && net.state('twice/inner').size === 0, 'graph nodes to have states of their own');
  throwsNaming(() => net.addConnection('twice/inner', 'out', 'log', 'in'), 'twice/inner', 'wiring a node inside a graph node');

  // toJSON: every top-level field present, process metadata too; loadable by fromGraph again.
  const json: CompleteFbpGraph = net.toJSON();
  const keys: (keyof CompleteFbpGraph)[] = ['caseSensitive', 'properties', 'inports', 'outports', 'groups', 'processes', 'connections'];
  check(keys.every(key => key in json), 'every top-level field in toJSON()');
  check(json.caseSensitive === false && json.processes.twice?.metadata.label === 'twice', 'metadata kept');
  check(Object.keys(json.processes.log?.metadata ?? { missing: true }).length === 0, "fbp-graph's default process metadata");
  check(json.inports.start?.port === 'IN' && json.groups[0]?.nodes.length === 2, 'exported ports and groups kept');
  const initials = json.connections.filter(connection => connection.data !== undefined);
  check(initials.length === 1 && initials[0]?.data === 0, 'the initial packet kept after running');
  check(json.connections.some(c => c.src?.index === 0 && c.metadata?.route === 3), 'indexes and connection metadata kept');
  check(JSON.stringify(net) === JSON.stringify(json), 'JSON.stringify(net) to write toJSON()');
  const again = tf.Network.fromGraph(json, options);
  check(JSON.stringify(again.toJSON()) === JSON.stringify(json), 'fromGraph(toJSON()) to round-trip');
  const emptyJson = new tf.Network().toJSON();
  check(emptyJson.properties.name === '' && emptyJson.caseSensitive, 'an empty network to write fbp-graph defaults');

  // One Error naming the culprit.
  throwsNaming(() => tf.Network.fromGraph({ processes: { a: { component: 'Nope' } } }), "'a'", 'an unknown component');
  throwsNaming(
    () => tf.Network.fromGraph({ processes: { a: { component: 'core/Repeat' } }, connections: [{ data: 1, tgt: { process: 'a', port: 'zz' } }] }),
    'connection 0',
    'an undeclared port',
  );

  // registerGraph + addNode while running, wired by the graph's exported ports.
  net.registerGraph('Counting', {
    processes: { count: { component: 'core/Counter' } },
    inports: { in: { process: 'count', port: 'in' } },
    outports: { out: { process: 'count', port: 'out' } },
  });
  const chained: Network = net.addNode('tally', 'Counting').addConnection('twice', 'OUT', 'tally', 'in').removeConnection('twice', 'OUT', 'tally', 'in');
  check(chained === net, 'registerGraph/addNode/removeConnection to chain');
  net.addNode('tally2', 'Counting').addInitial('tally2', 'in', null); // null is a packet; sent at once while running
  await net.idle();
  check(net.state('tally2/count').get<number>('count') === 1, 'a graph node added while running to take its initial packet');

  // Bounded inports and joins.
  const flow = new tf.Network()
    .registerActor('Burst', Burst)
    .registerActor('BoundedSink', BoundedSink)
    .registerActor('Zip', Zip)
    .registerActor('LegacyPair', legacyPair)
    .addNode('burst', 'Burst', { count: 6 })
    .addNode('sink', 'BoundedSink')
    .addNode('zip', 'Zip')
    .addNode('pair', 'LegacyPair')
    .addNode('zipped', 'core/Collect')
    .addConnection('burst', 'out', 'sink', 'in')
    .addConnection('zip', 'out', 'zipped', 'in')
    .addConnection('pair', 'out', 'zipped', 'in');
  const flowLost: ErrorEvent[] = [];
  flow.on('error', event => flowLost.push(event));
  await flow.start();
  flow.send('burst', 'go', true);
  flow.send('zip', 'left', 'a');
  flow.send('zip', 'left', 'b');
  flow.send('zip', 'right', 1);
  flow.send('pair', 'b', 2);
  flow.send('pair', 'a', 1);
  await flow.idle();
  check(JSON.stringify(flow.state('sink').get('got')) === '[0,1,2,3,4,5]', 'a bounded inport to drop and reorder nothing');
  check(JSON.stringify(flow.state('zipped').get('items')) === '[["a",1],"1+2"]', 'joins to run once per complete set, got ' + JSON.stringify(flow.state('zipped').get('items')));

  // Rewiring while running: undeliverable packets come back in the error event.
  flow.send('zip', 'left', 'waiting'); // 'b' waits at the join too: no 'right' packet for either
  flow.removeNode('zip');
  flow.send('burst', 'go', true);
  await delay(1); // the sink has taken the first packet; the rest are in flight
  flow.removeConnection('burst', 'out', 'sink', 'in');
  await flow.idle();
  const fromZip = flowLost.find(event => event.node === 'zip');
  check(JSON.stringify(fromZip?.packets) === '["b","waiting"]' && fromZip?.error instanceof Error, 'removeNode to report the packets waiting at the join, in order');
  const fromSink = flowLost.find(event => event.node === 'sink');
  const undelivered: unknown[] = fromSink?.packets ?? [];
  check(undelivered.length > 0 && fromSink?.message.includes('removeConnection') === true, 'removeConnection to report the packets in flight');
  throwsNaming(() => flow.state('zip'), 'zip', 'the state of a removed node');
  throwsNaming(() => flow.removeConnection('burst', 'out', 'sink', 'in'), 'no such connection', 'removing a connection twice');
  await flow.stop();

  // Snapshots: JSON data, restored into the same handles.
  const handle = net.state('log');
  handle.set('settings', { theme: 'dark', sizes: [1, 2] });
  const snapshotOptions: SnapshotOptions = { skipUnserializable: false };
  const snapshot: Snapshot = net.snapshot(snapshotOptions);
  check(snapshot.format === 'teaflow-snapshot' && snapshot.version === 1, 'the snapshot format');
  check(snapshot.state['twice/inner/count']?.count === 2, 'nested nodes in the snapshot');
  check(snapshot.state.log?.settings !== handle.get('settings'), 'deep copies in the snapshot');
  check(snapshot.graph.processes.twice?.component === 'Nested', 'the graph in the snapshot');
  const text = JSON.stringify(snapshot);
  handle.set('added later', true);
  handle.get<{ theme: string }>('settings')!.theme = 'light';
  const parsed = JSON.parse(text) as Snapshot;
  check(net.restore(parsed) === net, 'restore to chain');
  check(net.state('log') === handle && !handle.has('added later'), 'restore into the same handle, keys added since removed');
  check(handle.get<{ theme: string }>('settings')?.theme === 'dark', 'restored values');
  net.restore({ state: { tally2: {} } }); // only the nodes named are touched
  check(net.state('tally2').size === 0 && handle.has('settings'), 'a partial restore');

  handle.set('callback', () => 'not JSON');
  throwsNaming(() => net.snapshot(), "key 'callback'", 'a function in the state');
  check(!('callback' in (net.snapshot({ skipUnserializable: true }).state.log ?? {})), 'skipUnserializable to leave the key out');
  throwsNaming(() => net.restore({ state: { nowhere: {} } }), 'nowhere', 'restoring an unknown node');
  handle.remove('callback');

  // Persistence: localStorage (the default) or IndexedDB, both asynchronous.
  const store: SnapshotStore = typeof indexedDB === 'undefined' ? 'localStorage' : 'indexedDB';
  const saveOptions: SaveSnapshotOptions = { store, skipUnserializable: true };
  const loadOptions: LoadSnapshotOptions = { store };
  if (typeof indexedDB === 'undefined') {
    await rejectsNaming(() => net.saveSnapshot('graph-usage', { store: 'indexedDB' }), 'indexedDB', 'saving where IndexedDB is missing');
  }
  const shim = typeof localStorage === 'undefined' ? installMemoryLocalStorage() : undefined;
  try {
    const saved: Snapshot = await net.saveSnapshot('graph-usage', saveOptions);
    check(saved.state.log?.settings !== undefined, 'saveSnapshot to resolve to the snapshot');
    handle.set('unsaved', 1);
    const loaded: Snapshot = await net.loadSnapshot('graph-usage', loadOptions);
    check(loaded.format === 'teaflow-snapshot' && !handle.has('unsaved'), 'loadSnapshot to restore');
    await rejectsNaming(() => net.loadSnapshot('never-saved'), 'never-saved', 'loading a key never saved');
    await rejectsNaming(() => net.saveSnapshot(''), 'key', 'an empty key');
  } finally {
    shim?.();
  }

  // Removal of a graph node takes the nodes inside it along.
  check(net.removeNode('twice') === net, 'removeNode to chain');
  throwsNaming(() => net.state('twice/inner/count'), 'twice/inner/count', 'the state of a node inside a removed graph node');
  check(!('twice' in net.toJSON().processes) && net.toJSON().inports.start === undefined, 'the removed node gone from toJSON');

  // Misuse: rejected by the types, and by the runtime.
  throwsNaming(() => {
    // @ts-expect-error a capacity is a number
    new tf.Network().registerActor('Bad', { inports: [{ name: 'in', capacity: '8' }], run() {} }).addNode('bad', 'Bad');
  }, 'capacity', 'a string capacity');
  throwsNaming(() => {
    // @ts-expect-error outports are names only; capacities belong to inports
    new tf.Network().registerActor('Bad', { outports: [{ name: 'out' }], run() {} }).addNode('bad', 'Bad');
  }, 'outports[0]', 'an outport declaration object');
  throwsNaming(() => {
    // @ts-expect-error restore takes a snapshot
    net.restore(42);
  }, 'restore', 'restore(42)');
  await rejectsNaming(() => {
    // @ts-expect-error not a snapshot store
    return net.saveSnapshot('k', { store: 'sessionStorage' });
  }, 'sessionStorage', 'an unknown store');
  throwsNaming(() => {
    // @ts-expect-error a process needs its component
    tf.Network.fromGraph({ processes: { a: {} } });
  }, "process 'a'", 'a process without a component');
  throwsNaming(() => {
    // @ts-expect-error an index is a number
    tf.Network.fromGraph({ processes: { a: { component: 'core/Repeat' } }, connections: [{ data: 1, tgt: { process: 'a', port: 'in', index: '0' } }] });
  }, 'index', 'a string index');
  throwsNaming(() => {
    // @ts-expect-error registerGraph takes a graph object
    net.registerGraph('Text', 'INPORT=a.IN:IN');
  }, 'graph', 'an FBP text graph');

  off();
  check(lost.length === 0, 'no undelivered packets in the main network');
  await net.stop();
}

/** A minimal localStorage for Node.js; returns the function that removes it again. */
function installMemoryLocalStorage(): () => void {
  const items = new Map<string, string>();
  const storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = {
    getItem: key => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: key => void items.delete(key),
  };
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true, writable: true });
  return () => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  };
}

/** Graphs written by NoFlo's fbp-graph fit, and Teaflow's exports fit fbp-graph. Never called. */
export function fbpGraphInterop(tf: Api, written: GraphJson, net: Network): GraphJson {
  const loaded: Network = tf.Network.fromGraph(written);
  net.registerGraph('FromFbpGraph', written);
  const exported: GraphJson = loaded.toJSON();
  const fromSnapshot: GraphJson = net.snapshot().graph;
  void fromSnapshot;
  return exported;
}

/** Lines that must not compile; never called. */
export function misuseThatMustNotCompile(tf: Api, net: Network, snapshot: Snapshot, event: ErrorEvent): void {
  // @ts-expect-error fromGraph is on the Network class, not on instances
  net.fromGraph({});
  // @ts-expect-error a connection needs a target
  const noTarget: FbpConnection = { data: 1 };
  // @ts-expect-error an endpoint names the process, not a node (fbp-graph's JSON format)
  const wrongKey: FbpEndpoint = { node: 'a', port: 'in' };
  // @ts-expect-error awaitAllInports is a boolean
  const notBoolean: Actor = { inports: ['a', 'b'], awaitAllInports: 'yes', run() {} };
  // @ts-expect-error an inport declaration needs a name
  const nameless: InportDeclaration = { capacity: 8 };
  // @ts-expect-error the snapshot format is fixed
  snapshot.format = 'my-format';
  // @ts-expect-error only version 1 exists
  snapshot.version = 2;
  // @ts-expect-error loadSnapshot does not take skipUnserializable (saveSnapshot does)
  void net.loadSnapshot('k', { skipUnserializable: true });
  // @ts-expect-error the key comes first
  void net.saveSnapshot({ store: 'localStorage' });
  // @ts-expect-error actors are given by component name
  tf.Network.fromGraph({}, { actors: [Doubler] });
  // @ts-expect-error packets may be absent: narrow first
  event.packets.length;
  // @ts-expect-error toJSON's process metadata is an object, not a string
  const label: string = net.toJSON().processes.a!.metadata;
  // @ts-expect-error removeConnection names both ends and both ports
  net.removeConnection('a', 'out', 'b');
  void [noTarget, wrongKey, notBoolean, nameless, label];
}
