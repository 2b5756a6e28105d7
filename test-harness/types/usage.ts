// A typed tour of Teaflow's public API, written the way an npm user would write it.
//
// `npm run typecheck` compiles it against web/src/main/js/teaflow.d.ts (the source of
// dist/teaflow.d.ts), so a change to the types that breaks real code fails the build. The
// `@ts-expect-error` lines prove that misuse is rejected; each also runs, and checks that the
// runtime rejects it too. The file is a runnable program as well: compiled to JavaScript and run
// against dist/teaflow.mjs, it checks that the runtime does what the types promise.

import Teaflow, {
  init,
  version,
  type Actor,
  type ActorContext,
  type ActorClass,
  type ActorDefinition,
  type Api,
  type Backend,
  type DataEvent,
  type ErrorEvent,
  type InitOptions,
  type LegacyActor,
  type LegacyCallback,
  type LiveMemoryStateHandle,
  type LiveMemoryStateHandleConstructor,
  type Network,
  type NetworkConstructor,
  type NetworkEvent,
  type StartEvent,
} from 'teaflow';

// -- small assertion helpers ------------------------------------------------------------------

function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(`usage.ts: expected ${what}`);
  }
}

function throws(action: () => unknown, what: string): void {
  try {
    action();
  } catch {
    return;
  }
  throw new Error(`usage.ts: expected ${what} to throw`);
}

async function rejects(action: () => Promise<unknown>, what: string): Promise<void> {
  try {
    await action();
  } catch {
    return;
  }
  throw new Error(`usage.ts: expected ${what} to reject`);
}

// -- actors -----------------------------------------------------------------------------------

interface DoublerConfig {
  factor: number;
}

/** The class form: one instance per node, config typed through the generic. */
class Doubler implements Actor<DoublerConfig> {
  inports = ['in'] as const;
  outports = ['out'] as const;
  state = { seen: 0 };

  run(context: ActorContext<DoublerConfig>): void {
    const seen: number = context.state.update<number>('seen', n => (n ?? 0) + 1);
    check(seen >= 1, 'update to return the new value');
    check(context.node === 'd', "the node id in the context");
    context.send({ out: (context.input.in as number) * context.config.factor });
  }
}

/** The object form, with an asynchronous run: the node is busy until the Promise settles. */
const slowLabel: Actor<{ prefix: string }> = {
  inports: ['in'],
  outports: ['out'],
  async run({ input, config, send }) {
    await new Promise<void>(resolve => setTimeout(resolve, 5));
    send({ out: `${config.prefix}${String(input.in)}` });
  },
};

/**
 * The legacy form: run(input, callback), with `this.state` a live object view of the node's
 * state. `satisfies` types the parameters; the `this` parameter says what the view holds.
 */
const legacyCounter = {
  inports: ['in'],
  outports: ['out'],
  state: { count: 0 },
  run(this: { state: { count: number } }, input, callback) {
    this.state.count += 1;
    callback({ out: { count: this.state.count, got: input.in } });
  },
} satisfies LegacyActor;

/** A legacy actor as a class; callback() without outputs sends nothing. */
class LegacyEcho implements LegacyActor {
  inports = ['in'];
  outports = ['out'];
  run(input: Record<string, unknown>, callback: LegacyCallback): void {
    callback(input.in === null ? null : { out: input.in });
  }
}

/** An actor that fails, to see 'error' events. */
class Faulty implements Actor {
  inports = ['in'];
  outports = ['out'];
  run(context: ActorContext): void {
    if (context.input.in === 'throw') {
      throw new Error('faulty: asked to throw');
    }
    context.send({ nowhere: 1 }); // not a declared outport
  }
}

// -- the program ------------------------------------------------------------------------------

export async function main(): Promise<void> {
  const options: InitOptions = { backend: 'auto' };
  const tf: Api = await init(options);
  check(tf === (await init({ backend: tf.backend })), 'init to resolve to the same Api twice');
  check(Teaflow.init === init && Teaflow.version === version, 'the default export to hold init and version');
  check(tf.version === version, 'Api.version to equal the module version');

  const backend: Backend = tf.backend;
  switch (backend) {
    case 'js':
    case 'wasm':
      break;
    default: {
      const impossible: never = backend;
      throw new Error(`unknown backend ${String(impossible)}`);
    }
  }
  const jsApi = await init({ backend: 'js', wasmUrl: new URL('teaflow.wasm', 'https://example.com/dist/'),
    wasmLoaderUrl: 'https://example.com/dist/teaflow-wasm-runtime.mjs' });
  check(jsApi.backend === 'js', "backend 'js' when asked for");
  const builtIns: string[] = tf.components();
  check(builtIns.includes('core/Counter') && builtIns.includes('core/Collect'), 'the built-in components');

  // Building: every builder returns the network, so the calls chain.
  const NetworkClass: NetworkConstructor = tf.Network;
  const HandleClass: LiveMemoryStateHandleConstructor = tf.LiveMemoryStateHandle;
  const net: Network = new NetworkClass()
    .registerActor('Doubler', Doubler)
    .registerActor('SlowLabel', slowLabel)
    .registerActor('LegacyCounter', legacyCounter)
    .registerActor('LegacyEcho', LegacyEcho)
    .registerActor('Faulty', Faulty)
    .registerActor('Tap', {
      inports: ['in'],
      run(context) {
        context.state.update<unknown[]>('seen', seen => [...(seen ?? []), context.input.in]);
      },
    })
    .addNode('d', 'Doubler', { factor: 2 } satisfies DoublerConfig)
    .addNode('c', 'core/Counter')
    .addNode('label', 'SlowLabel', { prefix: '#' })
    .addNode('legacy', 'LegacyCounter')
    .addNode('echo', 'LegacyEcho')
    .addNode('faulty', 'Faulty')
    .addNode('items', 'core/Collect')
    .addNode('tap', 'Tap')
    .addConnection('d', 'out', 'c', 'in')
    .addConnection('c', 'out', 'label', 'in')
    .addConnection('label', 'out', 'items', 'in')
    .addConnection('legacy', 'out', 'items', 'in')
    .addConnection('echo', 'out', 'tap', 'in')
    .addInitial('d', 'in', 21);

  const doublerClass: ActorClass = Doubler;
  const definition: ActorDefinition = Math.random() < 2 ? doublerClass : legacyCounter;
  net.registerActor('Either', definition);

  // Events: a listener per type is typed for that type; '*' gets the union.
  const packets: DataEvent[] = [];
  const errors: ErrorEvent[] = [];
  const types: NetworkEvent['type'][] = [];
  const offData: () => void = net.on('data', event => {
    packets.push(event);
    const sender: string = event.from?.node ?? '(outside)';
    check(typeof sender === 'string', 'a sender name');
  });
  const offErrors: () => void = net.on('error', event => {
    errors.push(event);
    const cause = event.error instanceof Error ? event.error.message : String(event.error);
    check(typeof cause === 'string' && event.node.length > 0, 'an error event naming its node');
  });
  const offAll: () => void = net.on('*', event => {
    types.push(event.type);
    switch (event.type) {
      case 'data':
        check(typeof event.port === 'string', 'a data event to name its port');
        break;
      case 'error':
        check(typeof event.message === 'string', 'an error event to carry a message');
        break;
      case 'start':
      case 'stop':
      case 'idle':
        break;
      default: {
        const impossible: never = event;
        throw new Error(`unknown event ${JSON.stringify(impossible)}`);
      }
    }
  });

  const starts: StartEvent[] = [];
  let idleCount = 0;
  let stopped = false;
  const offStart = net.on('start', event => starts.push(event));
  const offIdle = net.on('idle', () => (idleCount += 1));
  const offStop = net.on('stop', event => {
    stopped = event.type === 'stop';
  });

  // State: one handle per node, the same object everywhere.
  const counter: LiveMemoryStateHandle = net.state('c');
  check(counter === net.state('c'), 'one handle per node');
  check(counter instanceof HandleClass, 'the handle to be a LiveMemoryStateHandle');
  const changes: [string, unknown, unknown][] = [];
  const unsubscribe: () => void = counter.subscribe((key, newValue, oldValue) => {
    changes.push([key, newValue, oldValue]);
  });

  await net.start();
  await net.idle();
  check(counter.get<number>('count') === 1, 'Counter to have counted the initial packet');
  check(starts.length === 1 && idleCount >= 1, "a 'start' and an 'idle' event");
  check(net.state('d').get<number>('seen') === 1, "Doubler's initial state, updated once");

  counter.set('step', 10); // read by the Java Counter on its next packet
  net.send('d', 'in', 5);
  const outside = { note: 'by reference' };
  net.send('legacy', 'in', outside);
  net.send('echo', 'in', null); // the legacy echo sends nothing for null
  net.send('echo', 'in', 'echoed');
  await net.idle(); // waits for SlowLabel's pending Promise too

  const count: number | undefined = counter.get<number>('count');
  check(count === 11, `count 11 after step 10, got ${String(count)}`);
  check(changes.some(([key, value, old]) => key === 'count' && value === 11 && old === 1), 'a subscriber to see Java change count');
  const items = net.state('items').get<unknown[]>('items') ?? [];
  check(items.includes('#1') && items.includes('#11'), 'the labels sent after the asynchronous runs');
  const legacyOut = items.find((item): item is { count: number; got: unknown } => typeof item === 'object' && item !== null && 'got' in item);
  check(legacyOut?.got === outside && legacyOut.count === 1, 'the legacy actor to count and pass the value by reference');
  check(net.state('legacy').get<number>('count') === 1, "the legacy actor's this.state to be the live state");
  check(JSON.stringify(net.state('tap').get('seen')) === '["echoed"]', 'the legacy callback(null) to send nothing');

  const fromOutside = packets.find(p => p.node === 'd' && p.value === 5);
  check(fromOutside !== undefined && fromOutside.from === null, "'from' to be null for a packet sent from outside");
  const fromDoubler = packets.find(p => p.node === 'c' && p.value === 10);
  check(fromDoubler?.from?.node === 'd' && fromDoubler.from.port === 'out', "'from' to name the sending node and port");

  // Errors are events; the network goes on.
  net.send('faulty', 'in', 'throw');
  net.send('faulty', 'in', 'send badly');
  await net.idle();
  check(errors.length === 2, `two error events, got ${errors.length}`);
  check(errors[0]?.error instanceof Error && errors[0].node === 'faulty', 'the thrown Error in the event');
  check(errors[1]?.message.includes('nowhere') === true, 'an undeclared outport to be named');

  // The whole handle API.
  const scratch = net.state('tap');
  const chained: LiveMemoryStateHandle = scratch.set('a', 1).set('b', [2]).setAll({ c: 'three', __proto__x: true });
  check(chained === scratch, 'set and setAll to return the handle');
  check(scratch.has('a') && !scratch.has('zzz'), 'has');
  check(scratch.size === 5 && scratch.keys().join() === 'seen,a,b,c,__proto__x', `size and keys, got ${scratch.keys().join()}`);
  const all: Record<string, unknown> = scratch.getAll();
  check(all.b === scratch.get('b'), 'getAll to hold the values themselves');
  const list = scratch.get<number[]>('b');
  check(list?.[0] === 2, 'a typed get');
  const removedWas: boolean = scratch.remove('a');
  check(removedWas && !scratch.remove('a'), 'remove to tell whether the key was there');
  const removals: unknown[] = [];
  const stopWatching = scratch.subscribe((key, newValue) => removals.push(key, newValue));
  scratch.remove('c');
  stopWatching();
  check(removals.length === 2 && removals[0] === 'c' && removals[1] === undefined, 'a removed key to read as undefined');
  scratch.clear();
  check(scratch.size === 0, 'clear');

  unsubscribe();
  const before = changes.length;
  counter.set('step', 1);
  check(changes.length === before, 'no calls after unsubscribe');

  // Misuse: rejected by the types, and by the runtime.
  throws(() => {
    // @ts-expect-error size is read-only
    scratch.size = 3;
  }, 'assigning size');
  throws(() => {
    // @ts-expect-error not an event type
    net.on('nope', () => {});
  }, "on('nope')");
  await rejects(() => {
    // @ts-expect-error not a backend
    return init({ backend: 'rust' });
  }, "init({ backend: 'rust' })");
  throws(() => {
    // @ts-expect-error keys are strings
    scratch.get(42);
  }, 'a number key');
  throws(() => {
    // @ts-expect-error not an actor
    net.registerActor('Number', 42);
  }, 'registering a number');
  throws(() => {
    // @ts-expect-error handles are made by Teaflow only
    new tf.LiveMemoryStateHandle();
  }, 'new LiveMemoryStateHandle()');
  throws(() => {
    // @ts-expect-error the target inport is missing
    net.addConnection('d', 'out', 'c');
  }, 'addConnection without a target port');
  throws(() => {
    // @ts-expect-error the Api is read-only (and frozen)
    tf.backend = 'wasm';
  }, 'assigning Api.backend');
  await rejects(() => net.start(), 'start() while running');

  offAll();
  offAll(); // a second call does nothing
  const typesBefore = types.length;
  await net.stop();
  check(types.length === typesBefore, "no '*' events after unsubscribing");
  check(stopped, "a 'stop' event");
  for (const off of [offData, offErrors, offStart, offIdle, offStop]) {
    off();
  }
}

/** Lines that must not compile; never called. */
export function misuseThatMustNotCompile(tf: Api, net: Network, context: ActorContext, state: LiveMemoryStateHandle): void {
  // @ts-expect-error an error listener gets an ErrorEvent, not a DataEvent
  net.on('error', (event: DataEvent) => event.port);
  net.on('data', event => {
    // @ts-expect-error a packet's value is unknown until narrowed
    event.value.toFixed();
    // @ts-expect-error 'from' is null for packets from outside
    event.from.node;
  });
  // @ts-expect-error update's function must return a T
  state.update<number>('n', n => `${n}`);
  // @ts-expect-error set returns the handle, not the value
  const value: number = state.set('n', 1);
  // @ts-expect-error the context's state is not replaceable
  context.state = state;
  // @ts-expect-error send takes an object keyed by outport
  context.send(42);
  // @ts-expect-error 'auto' is a request, never what was loaded
  const loaded: Backend = 'auto';
  // @ts-expect-error a class actor is made without constructor arguments
  net.registerActor('NeedsArgs', class { constructor(readonly n: number) {} run(c: ActorContext): void {} });
  // @ts-expect-error inports are port names
  const badPorts: Actor = { inports: [1, 2], run() {} };
  // @ts-expect-error stateGet is an internal of the build, not part of the API
  Teaflow.stateGet;
  // @ts-expect-error wasmUrl is a string or URL
  void init({ wasmUrl: 42 });
  // @ts-expect-error wasmLoaderUrl is a string or URL
  void init({ wasmLoaderUrl: 42 });
  void [tf, value, loaded, badPorts];
}
