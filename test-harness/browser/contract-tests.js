// The contract of /work/shared/spec/js-api.md (§1–§6), one case per rule, written once and run on
// every backend by ContractTest.java. Cases prefixed "decided:" pin behaviour the contract leaves
// open but the project has settled. Every case uses fresh networks; every page runs one case.
'use strict';

// ---------------------------------------------------------------------------------------------
// Helpers

/** Lets timers, the runtime's scheduler and promise jobs run once. */
const macrotask = () => new Promise(resolve => setTimeout(resolve, 0));

/** Waits (without asserting anything about time) until condition() holds; fails after timeoutMs. */
async function waitUntil(condition, what, timeoutMs = 5000) {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) fail('gave up waiting for ' + what + ' after ' + timeoutMs + ' ms');
    await macrotask();
  }
}

function deferred() {
  let resolve;
  const promise = new Promise(r => { resolve = r; });
  return { promise, resolve };
}

/** Every event of one type the network emits, in order. */
function record(net, type) {
  const events = [];
  net.on(type, event => events.push(event));
  return events;
}

function assertNoErrorEvents(errors) {
  if (errors.length > 0) {
    fail('unexpected error events: ' + errors.map(e => e.node + ': ' + e.message).join('; '));
  }
}

/** A new network with the given actors registered (no chaining, so a chaining bug fails one case only). */
function network(tf, actors = {}) {
  const net = new tf.Network();
  for (const [name, actor] of Object.entries(actors)) net.registerActor(name, actor);
  return net;
}

/** A state handle of a node that never runs (core/Drop), for the handle's own rules. */
function freshHandle(tf) {
  const net = new tf.Network();
  net.addNode('n', 'core/Drop');
  return net.state('n');
}

const range = n => Array.from({ length: n }, (_, i) => i);

/** Records every packet on 'in' into config.into, the array the test passed to addNode. */
class Sink {
  inports = ['in'];
  outports = [];
  run(context) {
    context.config.into.push(context.input.in);
  }
}

/** Sends each packet on unchanged: a JS twin of core/Repeat. */
class Pass {
  inports = ['in'];
  outports = ['out'];
  run(context) {
    context.send({ out: context.input.in });
  }
}

/** Counts up: on packet n, sends n + 1 while n < config.limit, and keeps the last n in config.last. */
class CountUp {
  inports = ['in'];
  outports = ['out'];
  run(context) {
    const n = context.input.in;
    context.config.last.n = n;
    if (n < context.config.limit) context.send({ out: n + 1 });
  }
}

// ---------------------------------------------------------------------------------------------
// §1 Loading

test('init: the global Teaflow.init is a function returning a Promise', async () => {
  assertType(Teaflow.init, 'function', 'Teaflow.init');
  const pending = Teaflow.init({ backend: BACKEND });
  assertInstanceOf(pending, Promise, 'the result of Teaflow.init(...)');
  await pending;
});

test('init: Api.Network is a constructor of networks', async (tf) => {
  assertType(tf.Network, 'function', 'Api.Network');
  const net = new tf.Network();
  assertInstanceOf(net, tf.Network, 'new Api.Network()');
  assertNotSame(new tf.Network(), net, 'a second new Network()');
});

test('init: Api.LiveMemoryStateHandle is a class usable with instanceof', async (tf) => {
  assertType(tf.LiveMemoryStateHandle, 'function', 'Api.LiveMemoryStateHandle');
  assertSame({} instanceof tf.LiveMemoryStateHandle, false, '{} instanceof LiveMemoryStateHandle');
  assertInstanceOf(freshHandle(tf), tf.LiveMemoryStateHandle, 'net.state(id)');
});

test('init: Api.backend is the backend that was asked for', async (tf) => {
  assertSame(tf.backend, BACKEND, 'Api.backend');
});

test('init: Api.version is a non-empty string', async (tf) => {
  assertType(tf.version, 'string', 'Api.version');
  assert(tf.version.length > 0, 'Api.version is empty');
});

test('init: components() names the five core components', async (tf) => {
  const names = tf.components();
  assert(Array.isArray(names), 'components() should return an array but returned ' + describe(names));
  for (const name of ['core/Repeat', 'core/Drop', 'core/Counter', 'core/Collect', 'core/Accumulate']) {
    assert(names.includes(name), 'components() ' + describe(names) + ' lacks ' + name);
  }
});

test('init: a second init with the same backend resolves to the same Api object', async (tf) => {
  assertSame(await Teaflow.init({ backend: BACKEND }), tf, 'the Api of the second init');
});

// CHANGES WITH THE WASM ISSUE: today there is no wasm build, so asking for it must fail clearly.
test('init: both backends load in one page, each its own Api with the same members', async (tf) => {
  const js = await Teaflow.init({ backend: 'js' });
  const wasm = await Teaflow.init({ backend: 'wasm' });
  assertSame(js.backend, 'js', "init({backend: 'js'}).backend");
  assertSame(wasm.backend, 'wasm', "init({backend: 'wasm'}).backend");
  assert(js !== wasm, 'the two backends are different Api objects');
  assertEquals(Object.keys(wasm).sort(), Object.keys(js).sort(), 'Api members');
  assertEquals(wasm.components(), js.components(), 'components()');
  assertSame(await Teaflow.init({ backend: BACKEND }), tf, 'the Api of this backend');
});

test('init: auto picks wasm in a browser with WebAssembly GC', async () => {
  const auto = await Teaflow.init();
  assertSame(auto.backend, 'wasm', 'Teaflow.init().backend');
  assertSame(await Teaflow.init({ backend: 'auto' }), auto, "init({backend: 'auto'})");
});

test('init: a wasmUrl that is not a wasm build rejects naming it, and is tried again later', async (tf) => {
  // Not a missing file: a 404 would put a console error in the page, which fails every case.
  const notWasm = '/dist/teaflow.mjs';
  if (BACKEND === 'wasm') {
    // Already loaded in this page: the same Api, whatever URL is asked for.
    assertSame(await Teaflow.init({ backend: 'wasm', wasmUrl: notWasm }), tf, 'init with another wasmUrl');
    return;
  }
  await assertRejects(() => Teaflow.init({ backend: 'wasm', wasmUrl: notWasm }), Error, [notWasm],
    'init with a wasmUrl that is not wasm');
  const wasm = await Teaflow.init({ backend: 'wasm' });
  assertSame(wasm.backend, 'wasm', 'a later init with the right URL');
});

test('init: an unknown backend rejects with an Error naming it, and the loaded Api stays usable', async (tf) => {
  await assertRejects(() => Teaflow.init({ backend: 'bogus' }), Error, ['bogus'], "init({backend: 'bogus'})");
  assertSame(await Teaflow.init({ backend: BACKEND }), tf, 'the Api after a failed init');
});

// ---------------------------------------------------------------------------------------------
// §2 Building and running a network

test('network: registerActor, addNode, addConnection and addInitial return the network', async (tf) => {
  const net = new tf.Network();
  assertSame(net.registerActor('Pass', Pass), net, 'registerActor(...)');
  assertSame(net.addNode('a', 'Pass'), net, 'addNode(...)');
  assertSame(net.addNode('b', 'core/Drop'), net, 'addNode(core/Drop)');
  assertSame(net.addConnection('a', 'out', 'b', 'in'), net, 'addConnection(...)');
  assertSame(net.addInitial('a', 'in', 1), net, 'addInitial(...)');
});

test('network: the example of contract §2 runs end to end', async (tf) => {
  class Doubler {
    inports = ['in'];
    outports = ['out'];
    state = { seen: 0 };
    run(context) {
      const n = context.input.in;
      context.state.set('seen', context.state.get('seen') + 1);
      context.send({ out: n * context.config.factor });
    }
  }
  const net = new tf.Network();
  net.registerActor('Doubler', Doubler);
  net.addNode('d', 'Doubler', { factor: 2 });
  net.addNode('c', 'core/Counter');
  net.addConnection('d', 'out', 'c', 'in');
  net.addInitial('d', 'in', 21);
  const errors = [];
  const off = net.on('error', e => errors.push(e));
  assertType(off, 'function', 'the result of net.on');
  const arrivedAtCounter = [];
  net.on('data', e => { if (e.node === 'c') arrivedAtCounter.push(e.value); });
  await net.start();
  net.send('d', 'in', 5);
  await net.idle();
  assertEquals(arrivedAtCounter, [42, 10], 'the packets that reached c.in');
  assertSame(net.state('c').get('count'), 2, "net.state('c').get('count')");
  assertSame(net.state('d').get('seen'), 2, "net.state('d').get('seen')");
  assertNoErrorEvents(errors);
  await net.stop();
});

test('fan-out: one outport connected to three inports delivers every packet to each', async (tf) => {
  const net = network(tf, { Pass, Sink });
  const sinks = [[], [], []];
  net.addNode('src', 'Pass');
  sinks.forEach((into, i) => {
    net.addNode('s' + i, 'Sink', { into });
    net.addConnection('src', 'out', 's' + i, 'in');
  });
  const errors = record(net, 'error');
  const packets = range(5).map(i => ({ i }));
  await net.start();
  packets.forEach(p => net.send('src', 'in', p));
  await net.idle();
  sinks.forEach((into, i) => assertEquals(into, packets, 'the packets at s' + i));
  assertNoErrorEvents(errors);
});

test('fan-in: two connections into one inport deliver all packets, each connection in order', async (tf) => {
  const net = network(tf, { Pass, Sink });
  const into = [];
  net.addNode('a', 'Pass');
  net.addNode('b', 'Pass');
  net.addNode('sink', 'Sink', { into });
  net.addConnection('a', 'out', 'sink', 'in');
  net.addConnection('b', 'out', 'sink', 'in');
  await net.start();
  for (const i of range(100)) {
    net.send('a', 'in', 'a' + i);
    net.send('b', 'in', 'b' + i);
  }
  await net.idle();
  assertSame(into.length, 200, 'the number of packets at the sink');
  assertEquals(into.filter(p => p.startsWith('a')), range(100).map(i => 'a' + i), 'the packets from a, in arrival order');
  assertEquals(into.filter(p => p.startsWith('b')), range(100).map(i => 'b' + i), 'the packets from b, in arrival order');
});

test('order: 1000 packets on one JS connection arrive in the order sent', async (tf) => {
  const net = network(tf, { Pass, Sink });
  const into = [];
  net.addNode('a', 'Pass');
  net.addNode('sink', 'Sink', { into });
  net.addConnection('a', 'out', 'sink', 'in');
  await net.start();
  range(1000).forEach(i => net.send('a', 'in', i));
  await net.idle();
  assertEquals(into, range(1000), 'the packets at the sink');
});

test('order: 1000 packets through core/Repeat arrive in the order sent', async (tf) => {
  const net = network(tf, { Sink });
  const into = [];
  net.addNode('r', 'core/Repeat');
  net.addNode('sink', 'Sink', { into });
  net.addConnection('r', 'out', 'sink', 'in');
  await net.start();
  range(1000).forEach(i => net.send('r', 'in', i));
  await net.idle();
  assertEquals(into, range(1000), 'the packets at the sink');
});

test('order: 1000 packets sent in one run arrive in the order sent', async (tf) => {
  class Burst {
    inports = ['in'];
    outports = ['out'];
    run(context) {
      for (let i = 0; i < context.input.in; i++) context.send({ out: i });
    }
  }
  const net = network(tf, { Burst, Sink });
  const into = [];
  net.addNode('burst', 'Burst');
  net.addNode('sink', 'Sink', { into });
  net.addConnection('burst', 'out', 'sink', 'in');
  await net.start();
  net.send('burst', 'in', 1000);
  await net.idle();
  assertEquals(into, range(1000), 'the packets at the sink');
});

test('by reference: an object sent arrives identical at a JS actor downstream', async (tf) => {
  const net = network(tf, { Pass, Sink });
  const into = [];
  net.addNode('a', 'Pass');
  net.addNode('sink', 'Sink', { into });
  net.addConnection('a', 'out', 'sink', 'in');
  const object = { nested: { deep: [1] } };
  const array = [object];
  await net.start();
  net.send('a', 'in', object);
  net.send('a', 'in', array);
  await net.idle();
  assertSame(into[0], object, 'the object at the sink');
  assertSame(into[1], array, 'the array at the sink');
});

test('by reference: values pass identical through Java core/Repeat', async (tf) => {
  const net = network(tf, { Sink });
  const into = [];
  net.addNode('r', 'core/Repeat');
  net.addNode('sink', 'Sink', { into });
  net.addConnection('r', 'out', 'sink', 'in');
  const sent = [{ a: 1 }, [1, 2], function f() {}, Symbol('s'), 10n ** 20n, new Map(), 'text', 7.5, true, 0, '', false];
  await net.start();
  sent.forEach(value => net.send('r', 'in', value));
  await net.idle();
  assertEquals(into, sent, 'the values at the sink (each compared with Object.is)');
});

test('by reference: core/Collect stores the identical objects in its items array', async (tf) => {
  const net = network(tf, { Pass });
  net.addNode('a', 'Pass');
  net.addNode('c', 'core/Collect');
  net.addConnection('a', 'out', 'c', 'in');
  const sent = [{ one: 1 }, [2], { three: 3 }];
  await net.start();
  sent.forEach(value => net.send('a', 'in', value));
  await net.idle();
  assertEquals(net.state('c').get('items'), sent, "the items of core/Collect (compared with Object.is)");
});

test('initial: addInitial packets are sent at start(), in order, not before', async (tf) => {
  const net = network(tf, { Sink });
  const into = [];
  const first = { first: true };
  net.addNode('sink', 'Sink', { into });
  net.addInitial('sink', 'in', first);
  net.addInitial('sink', 'in', 2);
  net.addInitial('sink', 'in', 3);
  await macrotask();
  assertEquals(into, [], 'the packets at the sink before start()');
  await net.start();
  await net.idle();
  assertEquals(into, [first, 2, 3], 'the packets at the sink after start()');
});

test('events: a data event names the receiving node and inport, the value, and the sender', async (tf) => {
  const net = network(tf, { Pass, Sink });
  net.addNode('a', 'Pass');
  net.addNode('b', 'Sink', { into: [] });
  net.addConnection('a', 'out', 'b', 'in');
  const data = record(net, 'data');
  const value = { payload: true };
  await net.start();
  net.send('a', 'in', value);
  await net.idle();
  const event = data.find(e => e.node === 'b');
  assert(event, 'no data event for node b among ' + describe(data));
  assertSame(event.type, 'data', 'event.type');
  assertSame(event.port, 'in', 'event.port');
  assertSame(event.value, value, 'event.value');
  assert(event.from && typeof event.from === 'object', 'event.from should be an object but was ' + describe(event.from));
  assertSame(event.from.node, 'a', 'event.from.node');
  assertSame(event.from.port, 'out', 'event.from.port');
});

test('events: data events name Java components as receivers and senders', async (tf) => {
  const net = network(tf, { Pass, Sink });
  net.addNode('a', 'Pass');
  net.addNode('r', 'core/Repeat');
  net.addNode('s', 'Sink', { into: [] });
  net.addConnection('a', 'out', 'r', 'in');
  net.addConnection('r', 'out', 's', 'in');
  const data = record(net, 'data');
  await net.start();
  net.send('a', 'in', 'x');
  await net.idle();
  const intoRepeat = data.find(e => e.node === 'r');
  const fromRepeat = data.find(e => e.node === 's');
  assert(intoRepeat && fromRepeat, 'expected data events for r and s, got ' + describe(data));
  assertEquals([intoRepeat.type, intoRepeat.port, intoRepeat.value, intoRepeat.from.node, intoRepeat.from.port],
      ['data', 'in', 'x', 'a', 'out'], 'the data event into core/Repeat [type, port, value, from.node, from.port]');
  assertEquals([fromRepeat.type, fromRepeat.port, fromRepeat.value, fromRepeat.from.node, fromRepeat.from.port],
      ['data', 'in', 'x', 'r', 'out'], 'the data event out of core/Repeat [type, port, value, from.node, from.port]');
});

test('events: start() emits a start event', async (tf) => {
  const net = network(tf);
  net.addNode('d', 'core/Drop');
  const starts = record(net, 'start');
  assertSame(starts.length, 0, 'start events before start()');
  await net.start();
  await waitUntil(() => starts.length > 0, 'a start event');
  assertSame(starts.length, 1, 'the number of start events');
  assertSame(starts[0].type, 'start', 'event.type');
});

test('events: an idle event follows the processing of the last packet', async (tf) => {
  const net = network(tf, { Sink });
  const into = [];
  net.addNode('sink', 'Sink', { into });
  const packetsSeenAtIdle = [];
  net.on('idle', event => packetsSeenAtIdle.push([event.type, into.length]));
  await net.start();
  net.send('sink', 'in', 'p');
  await net.idle();
  await waitUntil(() => packetsSeenAtIdle.some(([, seen]) => seen === 1), 'an idle event after the packet ran');
  packetsSeenAtIdle.forEach(([type]) => assertSame(type, 'idle', 'event.type'));
});

test('events: stop() emits a stop event', async (tf) => {
  const net = network(tf);
  net.addNode('d', 'core/Drop');
  const stops = record(net, 'stop');
  await net.start();
  assertSame(stops.length, 0, 'stop events before stop()');
  await net.stop();
  await waitUntil(() => stops.length > 0, 'a stop event');
  assertSame(stops.length, 1, 'the number of stop events');
  assertSame(stops[0].type, 'stop', 'event.type');
});

test('events: a "*" listener receives every type of event', async (tf) => {
  class FailOnce {
    inports = ['in'];
    outports = ['out'];
    run(context) {
      if (context.input.in === 'fail') throw new Error('deliberate');
      context.send({ out: context.input.in });
    }
  }
  const net = network(tf, { FailOnce, Sink });
  net.addNode('f', 'FailOnce');
  net.addNode('s', 'Sink', { into: [] });
  net.addConnection('f', 'out', 's', 'in');
  const all = record(net, '*');
  await net.start();
  net.send('f', 'in', 'fail');
  net.send('f', 'in', 'ok');
  await net.idle();
  await net.stop();
  for (const type of ['start', 'data', 'error', 'idle', 'stop']) {
    await waitUntil(() => all.some(e => e.type === type), 'a ' + type + ' event on "*" (seen: ' + describe(all.map(e => e.type)) + ')');
  }
  all.forEach(e => assertType(e.type, 'string', 'the type of an event on "*"'));
}, { allowErrorLogs: true });

test('events: the function returned by on() unsubscribes that listener only', async (tf) => {
  const net = network(tf, { Sink });
  net.addNode('s', 'Sink', { into: [] });
  const kept = [];
  const removed = [];
  net.on('data', e => kept.push(e));
  const off = net.on('data', e => removed.push(e));
  await net.start();
  net.send('s', 'in', 1);
  await net.idle();
  assert(removed.length > 0, 'the listener heard nothing before unsubscribing');
  const heardBefore = removed.length;
  const keptBefore = kept.length;
  off();
  assertDoesNotThrow(() => off(), 'calling the unsubscribe function a second time');
  net.send('s', 'in', 2);
  await net.idle();
  assertSame(removed.length, heardBefore, 'events heard after unsubscribing');
  assert(kept.length > keptBefore, 'the other listener should still hear events');
});

test('events: a throwing event listener does not stop the network or the other listeners', async (tf) => {
  const net = network(tf, { Pass, Sink });
  const into = [];
  net.addNode('a', 'Pass');
  net.addNode('s', 'Sink', { into });
  net.addConnection('a', 'out', 's', 'in');
  net.on('data', () => { throw new Error('listener fails'); });
  const heard = [];
  net.on('data', e => heard.push(e.node));
  await net.start();
  assertDoesNotThrow(() => net.send('a', 'in', 1), 'send with a throwing data listener');
  net.send('a', 'in', 2);
  await net.idle();
  assertEquals(into, [1, 2], 'packets at the sink');
  assertSame(heard.filter(node => node === 's').length, 2, 'data events at s heard by the healthy listener');
}, { allowErrorLogs: true });

test('network: two networks are independent, even with the same node ids', async (tf) => {
  const first = network(tf, { Sink });
  const second = network(tf, { Sink });
  const intoFirst = [];
  const intoSecond = [];
  first.addNode('s', 'Sink', { into: intoFirst });
  second.addNode('s', 'Sink', { into: intoSecond });
  assertNotSame(first.state('s'), second.state('s'), "the handles of node 's' in two networks");
  const dataOfSecond = record(second, 'data');
  await first.start();
  await second.start();
  first.send('s', 'in', 'to first');
  await first.idle();
  await second.idle();
  assertEquals(intoFirst, ['to first'], 'packets in the first network');
  assertEquals(intoSecond, [], 'packets in the second network');
  assertEquals(dataOfSecond, [], 'data events of the second network');
  assertThrows(() => second.registerActor('Bad', 1), Error, ['Bad'], 'a bad registration on the second network');
  assertThrows(() => first.addNode('x', 'Bad'), Error, ['Bad'], "addNode of 'Bad' on the first network");
});

test('state: net.state(id) returns a LiveMemoryStateHandle for JS and Java nodes', async (tf) => {
  const net = network(tf, { Sink });
  net.addNode('js', 'Sink', { into: [] });
  net.addNode('java', 'core/Counter');
  assertInstanceOf(net.state('js'), tf.LiveMemoryStateHandle, "net.state('js')");
  assertInstanceOf(net.state('java'), tf.LiveMemoryStateHandle, "net.state('java')");
});

test('idle: resolves only after every packet, including async runs, has been processed', async (tf) => {
  let running = 0;
  class Slow {
    inports = ['in'];
    outports = ['out'];
    async run(context) {
      running++;
      for (let i = 0; i < 3; i++) await macrotask();
      context.send({ out: context.input.in });
      running--;
    }
  }
  const net = network(tf, { Slow, Sink });
  const into = [];
  net.addNode('a', 'Slow');
  net.addNode('b', 'Slow');
  net.addNode('sink', 'Sink', { into });
  net.addConnection('a', 'out', 'b', 'in');
  net.addConnection('b', 'out', 'sink', 'in');
  await net.start();
  range(10).forEach(i => net.send('a', 'in', i));
  await net.idle();
  assertEquals(into, range(10), 'the packets at the sink when idle() resolved');
  assertSame(running, 0, 'async runs still pending when idle() resolved');
});

test('idle: resolves on a started network with nothing to do', async (tf) => {
  const net = network(tf);
  net.addNode('d', 'core/Drop');
  await net.start();
  await net.idle();
});

// ---------------------------------------------------------------------------------------------
// §3 LiveMemoryStateHandle

const STORED_VALUES = {
  'plain object': [{ a: 1 }, Object.create(null)],
  'array': [[1, 2, 3], []],
  'function': [function named() {}, () => 1, class Klass {}],
  'number': [0, -0, 1.5, -42, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, 5e-324],
  'string': ['', 'text', 'héllo ✓ 😀', 'a\u0000b', '\uD800'],
  'boolean': [true, false],
  'null': [null],
  'BigInt': [0n, -7n, 2n ** 100n],
  'Symbol': [Symbol('local'), Symbol.for('registered'), Symbol.iterator],
  'other object': [new Date(0), new Map([[1, 2]]), new Uint8Array(4), Promise.resolve(), new Error('e')],
};

for (const [type, values] of Object.entries(STORED_VALUES)) {
  test('handle: stores a ' + type + ' by reference and returns it identical', async (tf) => {
    const handle = freshHandle(tf);
    values.forEach((value, i) => handle.set('k' + i, value));
    values.forEach((value, i) => assertSame(handle.get('k' + i), value, "get('k" + i + "')"));
    values.forEach((value, i) => assertSame(handle.getAll()['k' + i], value, "getAll()['k" + i + "']"));
  });
}

test('handle: get of an absent key is undefined, also for keys Object.prototype has', async (tf) => {
  const handle = freshHandle(tf);
  for (const key of ['missing', 'toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf']) {
    assertSame(handle.get(key), undefined, 'get(' + JSON.stringify(key) + ') on an empty handle');
  }
});

test('handle: has reports presence as a boolean', async (tf) => {
  const handle = freshHandle(tf);
  assertSame(handle.has('k'), false, "has('k') before set");
  handle.set('k', 0);
  assertSame(handle.has('k'), true, "has('k') holding 0");
  handle.set('n', null);
  assertSame(handle.has('n'), true, "has('n') holding null");
  handle.remove('k');
  assertSame(handle.has('k'), false, "has('k') after remove");
  assertSame(handle.has('toString'), false, "has('toString') never set");
});

test('handle: remove returns whether the key was there', async (tf) => {
  const handle = freshHandle(tf);
  handle.set('k', 'v');
  assertSame(handle.remove('k'), true, "remove('k') of a present key");
  assertSame(handle.get('k'), undefined, "get('k') after remove");
  assertSame(handle.remove('k'), false, "remove('k') again");
  assertSame(handle.remove('never'), false, "remove('never')");
});

test('handle: clear removes every key', async (tf) => {
  const handle = freshHandle(tf);
  handle.set('a', 1);
  handle.set('b', {});
  handle.clear();
  assertSame(handle.size, 0, 'size after clear()');
  assertEquals(handle.keys(), [], 'keys() after clear()');
  assertSame(handle.has('a'), false, "has('a') after clear()");
  handle.set('c', 3);
  assertEquals(handle.keys(), ['c'], 'keys() after clear() and set');
});

test('handle: size is a number property that follows set, remove and clear', async (tf) => {
  const handle = freshHandle(tf);
  assertType(handle.size, 'number', 'size');
  assertSame(handle.size, 0, 'size of a new handle');
  handle.set('a', 1);
  assertSame(handle.size, 1, 'size after one set');
  handle.set('a', 2);
  assertSame(handle.size, 1, 'size after overwriting');
  handle.set('b', 2);
  assertSame(handle.size, 2, 'size after a second key');
  handle.remove('a');
  assertSame(handle.size, 1, 'size after remove');
  handle.remove('missing');
  assertSame(handle.size, 1, 'size after removing a missing key');
  handle.clear();
  assertSame(handle.size, 0, 'size after clear');
});

test('handle: keys() lists keys in insertion order, integer-like keys included', async (tf) => {
  const handle = freshHandle(tf);
  ['10', '2', 'b', '1', 'a'].forEach(key => handle.set(key, key));
  assertEquals(handle.keys(), ['10', '2', 'b', '1', 'a'], 'keys()');
  handle.set('2', 'again');
  assertEquals(handle.keys(), ['10', '2', 'b', '1', 'a'], 'keys() after overwriting "2" (keeps its place)');
  handle.remove('b');
  handle.set('b', 'back');
  assertEquals(handle.keys(), ['10', '2', '1', 'a', 'b'], 'keys() after removing and re-adding "b"');
  const keys = handle.keys();
  assert(Array.isArray(keys), 'keys() should return an array');
  keys.push('zz');
  assertSame(handle.has('zz'), false, 'has("zz") after pushing onto the array keys() returned');
});

test('handle: any string is a key: empty, spaces, unicode, dots, integer-like', async (tf) => {
  const handle = freshHandle(tf);
  const keys = ['', ' ', 'a.b', 'ключ', '😀', '0', '-1', '1e3', 'null', 'undefined'];
  keys.forEach((key, i) => handle.set(key, i));
  keys.forEach((key, i) => assertSame(handle.get(key), i, 'get(' + JSON.stringify(key) + ')'));
  assertEquals(handle.keys(), keys, 'keys()');
});

test('handle: getAll returns a fresh plain object holding the identical values', async (tf) => {
  const handle = freshHandle(tf);
  const object = {};
  const array = [];
  handle.set('o', object);
  handle.set('a', array);
  handle.set('n', 1);
  const all = handle.getAll();
  const again = handle.getAll();
  assertNotSame(all, again, 'a second getAll()');
  const proto = Object.getPrototypeOf(all);
  assert(proto === Object.prototype || proto === null, 'getAll() should be a plain object but has prototype ' + describe(proto));
  assertEquals(Object.keys(all).sort(), ['a', 'n', 'o'], 'the keys of getAll()');
  assertSame(all.o, object, 'getAll().o');
  assertSame(all.a, array, 'getAll().a');
  all.extra = 1;
  delete all.o;
  assertSame(handle.has('extra'), false, 'has("extra") after adding it to a getAll() result');
  assertSame(handle.get('o'), object, 'get("o") after deleting it from a getAll() result');
  assertEquals(Object.keys(freshHandle(tf).getAll()), [], 'the keys of getAll() of an empty handle');
});

test('handle: setAll sets each own enumerable property by reference and keeps other keys', async (tf) => {
  const handle = freshHandle(tf);
  handle.set('keep', 'kept');
  const source = Object.create({ inherited: 'no' });
  source.a = { a: true };
  source.b = [1];
  Object.defineProperty(source, 'hidden', { value: 'no', enumerable: false });
  handle.setAll(source);
  assertEquals(handle.keys(), ['keep', 'a', 'b'], 'keys() after setAll');
  assertSame(handle.get('a'), source.a, "get('a')");
  assertSame(handle.get('b'), source.b, "get('b')");
  assertSame(handle.get('keep'), 'kept', "get('keep')");
  assertSame(handle.has('inherited'), false, "has('inherited')");
  assertSame(handle.has('hidden'), false, "has('hidden')");
});

test('handle: update stores fn(current value) and returns the new value', async (tf) => {
  const handle = freshHandle(tf);
  let seen = 'not called';
  assertSame(handle.update('n', value => { seen = value; return 1; }), 1, "update('n', ...) of an absent key");
  assertSame(seen, undefined, 'the value update passed for an absent key');
  assertSame(handle.update('n', value => value + 1), 2, "update('n', v => v + 1)");
  assertSame(handle.get('n'), 2, "get('n')");
  const object = {};
  handle.set('o', object);
  const wrapped = handle.update('o', value => { seen = value; return [value]; });
  assertSame(seen, object, 'the value update passed');
  assertSame(handle.get('o'), wrapped, "get('o') after update");
  assertSame(wrapped[0], object, 'the new value holds the old object');
});

test('handle: subscribe calls listener(key, newValue, oldValue) for set, update and setAll', async (tf) => {
  const handle = freshHandle(tf);
  const calls = [];
  const unsubscribe = handle.subscribe((key, newValue, oldValue) => calls.push([key, newValue, oldValue]));
  assertType(unsubscribe, 'function', 'the result of subscribe');
  const a = { a: 1 };
  const b = { b: 2 };
  handle.set('x', a);
  handle.set('x', b);
  handle.update('y', () => 5);
  handle.setAll({ p: 'P', q: 'Q' });
  await waitUntil(() => calls.length >= 5, 'five notifications');
  assertEquals(calls, [['x', a, undefined], ['x', b, a], ['y', 5, undefined], ['p', 'P', undefined], ['q', 'Q', undefined]], 'the notifications');
});

test('handle: a subscriber sees the change already made', async (tf) => {
  const handle = freshHandle(tf);
  const seen = [];
  handle.subscribe((key, newValue) => seen.push(handle.get(key) === newValue));
  handle.set('k', {});
  await waitUntil(() => seen.length > 0, 'a notification');
  assertEquals(seen, [true], 'whether get(key) returned newValue inside the listener');
});

test('handle: subscribe reports remove and clear with newValue undefined', async (tf) => {
  const handle = freshHandle(tf);
  const one = {};
  handle.set('one', one);
  handle.set('two', 2);
  handle.set('three', 3);
  const calls = [];
  handle.subscribe((key, newValue, oldValue) => calls.push([key, newValue, oldValue]));
  handle.remove('one');
  handle.remove('absent');
  handle.clear();
  await waitUntil(() => calls.length >= 3, 'three notifications');
  assertEquals(calls[0], ['one', undefined, one], 'the notification of remove("one")');
  assertEquals(calls.slice(1).sort((x, y) => x[0] < y[0] ? -1 : 1), [['three', undefined, 3], ['two', undefined, 2]], 'the notifications of clear()');
  assertSame(calls.length, 3, 'the number of notifications (remove of an absent key changes nothing)');
});

test('handle: unsubscribe stops that listener only', async (tf) => {
  const handle = freshHandle(tf);
  const first = [];
  const second = [];
  const offFirst = handle.subscribe(key => first.push(key));
  handle.subscribe(key => second.push(key));
  handle.set('a', 1);
  await waitUntil(() => first.length === 1 && second.length === 1, 'both listeners to hear "a"');
  offFirst();
  assertDoesNotThrow(() => offFirst(), 'calling the unsubscribe function a second time');
  handle.set('b', 2);
  await waitUntil(() => second.length === 2, 'the remaining listener to hear "b"');
  assertEquals(first, ['a'], 'what the unsubscribed listener heard');
});

test('handle: __proto__, constructor, toString, hasOwnProperty and valueOf are plain keys', async (tf) => {
  const handle = freshHandle(tf);
  const keys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
  keys.forEach(key => assertSame(handle.has(key), false, 'has(' + JSON.stringify(key) + ') on an empty handle'));
  const values = keys.map(key => ({ key }));
  keys.forEach((key, i) => handle.set(key, values[i]));
  keys.forEach((key, i) => {
    assertSame(handle.get(key), values[i], 'get(' + JSON.stringify(key) + ')');
    assertSame(handle.has(key), true, 'has(' + JSON.stringify(key) + ')');
  });
  assertEquals(handle.keys(), keys, 'keys()');
  assertSame(handle.size, keys.length, 'size');
  const all = handle.getAll();
  keys.forEach((key, i) => {
    assert(Object.prototype.hasOwnProperty.call(all, key), 'getAll() should have an own property ' + JSON.stringify(key));
    assertSame(all[key], values[i], 'getAll()[' + JSON.stringify(key) + ']');
  });
  assertNotSame(Object.getPrototypeOf(all), values[0], 'the prototype of getAll() (must not be the "__proto__" value)');
  assertPrototypesUntouched();
  keys.forEach(key => assertSame(handle.remove(key), true, 'remove(' + JSON.stringify(key) + ')'));
  assertSame(handle.size, 0, 'size after removing them');
  assertPrototypesUntouched();
});

test('handle: setAll of JSON with a "__proto__" key stores a plain key and pollutes nothing', async (tf) => {
  const handle = freshHandle(tf);
  const payload = JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"ok":3}');
  const inner = Object.getOwnPropertyDescriptor(payload, '__proto__').value;
  handle.setAll(payload);
  assertPrototypesUntouched();
  assertSame(handle.get('__proto__'), inner, "get('__proto__')");
  assertSame(handle.has('__proto__'), true, "has('__proto__')");
  assertSame(handle.get('ok'), 3, "get('ok')");
  assertEquals(handle.keys(), ['__proto__', 'constructor', 'ok'], 'keys()');
  const all = handle.getAll();
  assert(Object.prototype.hasOwnProperty.call(all, '__proto__'), "getAll() should have an own property '__proto__'");
  assertSame(Object.getOwnPropertyDescriptor(all, '__proto__').value, inner, "getAll()['__proto__']");
  assertSame(all.polluted, undefined, 'getAll().polluted');
  assertPrototypesUntouched();
});

test('handle: one handle per node: net.state(id) === context.state on every run === this.state', async (tf) => {
  class Probe {
    inports = ['in'];
    outports = [];
    run(context) {
      context.config.seen.push([context.state, this.state]);
    }
  }
  const net = network(tf, { Probe });
  const seen = [];
  net.addNode('p', 'Probe', { seen });
  const handle = net.state('p');
  assertSame(net.state('p'), handle, "a second net.state('p')");
  await net.start();
  range(3).forEach(i => net.send('p', 'in', i));
  await net.idle();
  assertSame(seen.length, 3, 'runs');
  seen.forEach(([contextState, thisState], i) => {
    assertSame(contextState, handle, 'context.state in run ' + i);
    assertSame(thisState, handle, 'this.state in run ' + i);
  });
  assertSame(net.state('p'), handle, "net.state('p') after the runs");
});

test('handle: different nodes have different handles with separate contents', async (tf) => {
  const net = network(tf, { Sink });
  net.addNode('a', 'core/Counter');
  net.addNode('b', 'core/Counter');
  net.addNode('c', 'Sink', { into: [] });
  net.addNode('d', 'Sink', { into: [] });
  const handles = ['a', 'b', 'c', 'd'].map(id => net.state(id));
  assertSame(new Set(handles).size, 4, 'distinct handles among a, b, c, d');
  handles[0].set('only', 'a');
  handles[2].set('only', 'c');
  assertSame(handles[1].has('only'), false, "b has a's key");
  assertSame(handles[3].has('only'), false, "d has c's key");
});

test('handle: subscribers hear core/Counter update count from Java', async (tf) => {
  const net = network(tf);
  net.addNode('c', 'core/Counter');
  const handle = net.state('c');
  const counts = [];
  handle.subscribe((key, newValue, oldValue) => {
    if (key === 'count') counts.push([newValue, oldValue, handle.get('count')]);
  });
  await net.start();
  net.send('c', 'in', 'x');
  net.send('c', 'in', 'y');
  await net.idle();
  await waitUntil(() => counts.some(([newValue]) => newValue === 2), 'a notification of count 2');
  const last = counts[counts.length - 1];
  assertEquals(last, [2, 1, 2], 'the last notification of count [new, old, get inside the listener]');
  assert(counts.some(([newValue]) => newValue === 1), 'no notification of count 1 among ' + describe(counts));
});

test('handle: subscribers hear core/Collect push items from Java', async (tf) => {
  const net = network(tf);
  net.addNode('c', 'core/Collect');
  const handle = net.state('c');
  const items = [];
  handle.set('items', items);
  const notified = [];
  handle.subscribe((key, newValue) => { if (key === 'items') notified.push([newValue, newValue.length]); });
  await net.start();
  ['p1', 'p2', 'p3'].forEach(p => net.send('c', 'in', p));
  await net.idle();
  await waitUntil(() => notified.length >= 3, 'three notifications of items');
  notified.forEach(([value]) => assertSame(value, items, 'newValue of an items notification'));
  assertEquals(notified.map(([, length]) => length), [1, 2, 3], 'the length of items at each notification');
});

// ---------------------------------------------------------------------------------------------
// §3/§5 Two-way sharing with the Java components

test('java: core/Counter counts from 0 in steps of 1 and sends count', async (tf) => {
  const net = network(tf, { Sink });
  const into = [];
  net.addNode('c', 'core/Counter');
  net.addNode('s', 'Sink', { into });
  net.addConnection('c', 'out', 's', 'in');
  await net.start();
  ['a', 'b', 'c'].forEach(p => net.send('c', 'in', p));
  await net.idle();
  assertEquals(into, [1, 2, 3], 'what core/Counter sent');
  assertSame(net.state('c').get('count'), 3, "get('count')");
});

test('java: core/Counter uses the step and count the page sets before and between packets', async (tf) => {
  const net = network(tf, { Sink });
  const into = [];
  net.addNode('c', 'core/Counter');
  net.addNode('s', 'Sink', { into });
  net.addConnection('c', 'out', 's', 'in');
  const handle = net.state('c');
  handle.set('step', 5);
  await net.start();
  net.send('c', 'in', 'x');
  await net.idle();
  assertSame(handle.get('count'), 5, "count after one packet with step 5");
  handle.set('step', 10);
  net.send('c', 'in', 'x');
  await net.idle();
  assertSame(handle.get('count'), 15, "count after a packet with step 10");
  handle.set('count', 100);
  net.send('c', 'in', 'x');
  await net.idle();
  assertEquals(into, [5, 15, 110], 'what core/Counter sent');
});

test('java: a count written by core/Counter is visible through the handle at once', async (tf) => {
  class ReadCount {
    inports = ['in'];
    outports = [];
    run(context) {
      context.config.pairs.push([context.input.in, context.config.read()]);
    }
  }
  const net = network(tf, { ReadCount });
  const pairs = [];
  net.addNode('c', 'core/Counter');
  net.addNode('r', 'ReadCount', { pairs, read: () => net.state('c').get('count') });
  net.addConnection('c', 'out', 'r', 'in');
  await net.start();
  net.send('c', 'in', 'x');
  await net.idle();
  assertEquals(pairs, [[1, 1]], "[packet sent by core/Counter, get('count') when it arrived]");
  assertSame(net.state('c').get('count'), 1, "get('count') after idle");
});

test('java: core/Accumulate adds each packet to total and sends total', async (tf) => {
  const net = network(tf, { Sink });
  const into = [];
  net.addNode('acc', 'core/Accumulate');
  net.addNode('s', 'Sink', { into });
  net.addConnection('acc', 'out', 's', 'in');
  await net.start();
  [1, 2, 3.5].forEach(n => net.send('acc', 'in', n));
  await net.idle();
  assertEquals(into, [1, 3, 6.5], 'what core/Accumulate sent');
  assertSame(net.state('acc').get('total'), 6.5, "get('total')");
});

test('java: core/Accumulate continues from a total the page set', async (tf) => {
  const net = network(tf);
  net.addNode('acc', 'core/Accumulate');
  const handle = net.state('acc');
  handle.set('total', 10);
  await net.start();
  net.send('acc', 'in', 5);
  await net.idle();
  assertSame(handle.get('total'), 15, "get('total') after 10 + 5");
  handle.set('total', -1);
  net.send('acc', 'in', 1);
  await net.idle();
  assertSame(handle.get('total'), 0, "get('total') after -1 + 1");
});

test('java: core/Collect creates items when absent and keeps pushing onto the same array', async (tf) => {
  const net = network(tf);
  net.addNode('c', 'core/Collect');
  const handle = net.state('c');
  const sent = [{ n: 1 }, { n: 2 }, { n: 3 }];
  await net.start();
  net.send('c', 'in', sent[0]);
  await net.idle();
  const items = handle.get('items');
  assert(Array.isArray(items), "get('items') should be an array but was " + describe(items));
  assertEquals(items, [sent[0]], 'items after one packet');
  net.send('c', 'in', sent[1]);
  net.send('c', 'in', sent[2]);
  await net.idle();
  assertSame(handle.get('items'), items, "get('items') after more packets (the same array)");
  assertEquals(items, sent, 'items after three packets');
});

test('java: core/Collect pushes onto the very array the page set', async (tf) => {
  const net = network(tf);
  net.addNode('c', 'core/Collect');
  const handle = net.state('c');
  const mine = ['already'];
  handle.set('items', mine);
  await net.start();
  net.send('c', 'in', 1);
  net.send('c', 'in', 2);
  await net.idle();
  assertSame(handle.get('items'), mine, "get('items')");
  assertEquals(mine, ['already', 1, 2], 'the array the page set');
  const replacement = [];
  handle.set('items', replacement);
  net.send('c', 'in', 3);
  await net.idle();
  assertEquals(replacement, [3], 'the array the page set between packets');
  assertEquals(mine, ['already', 1, 2], 'the first array after it was replaced');
});

test('java: core/Repeat sends each packet on unchanged', async (tf) => {
  const net = network(tf, { Sink });
  const into = [];
  net.addNode('r', 'core/Repeat');
  net.addNode('s', 'Sink', { into });
  net.addConnection('r', 'out', 's', 'in');
  const sent = [1, 'two', { three: 3 }, [4], true, 0, '', false, 1.25];
  await net.start();
  sent.forEach(p => net.send('r', 'in', p));
  await net.idle();
  assertEquals(into, sent, 'what core/Repeat sent');
});

test('java: core/Drop discards packets and has no outport', async (tf) => {
  const net = network(tf, { Pass });
  net.addNode('a', 'Pass');
  net.addNode('d', 'core/Drop');
  net.addConnection('a', 'out', 'd', 'in');
  assertThrows(() => net.addConnection('d', 'out', 'a', 'in'), Error, ['out'], "addConnection('d', 'out', ...) from core/Drop");
  const data = record(net, 'data');
  const errors = record(net, 'error');
  await net.start();
  range(3).forEach(i => net.send('a', 'in', i));
  await net.idle();
  assertEquals(data.filter(e => e.node === 'd').map(e => e.value), [0, 1, 2], 'the packets delivered to d');
  assertSame(data.filter(e => e.node !== 'd' && e.node !== 'a').length, 0, 'packets delivered anywhere else');
  assertSame(net.state('d').size, 0, "the size of core/Drop's state");
  assertNoErrorEvents(errors);
});

// ---------------------------------------------------------------------------------------------
// §4 Actors written in JavaScript

test('actor: a class gets one instance per node, kept across runs', async (tf) => {
  let constructed = 0;
  class Tagger {
    inports = ['in'];
    outports = [];
    constructor() {
      constructed++;
    }
    run(context) {
      context.config.selves.push(this);
    }
  }
  const net = network(tf, { Tagger });
  const x = [];
  const y = [];
  net.addNode('x', 'Tagger', { selves: x });
  net.addNode('y', 'Tagger', { selves: y });
  await net.start();
  range(2).forEach(() => { net.send('x', 'in', 1); net.send('y', 'in', 1); });
  await net.idle();
  assertSame(x.length, 2, 'runs of x');
  assertSame(y.length, 2, 'runs of y');
  assertInstanceOf(x[0], Tagger, 'this in x');
  assertSame(x[1], x[0], 'this in the second run of x');
  assertSame(y[1], y[0], 'this in the second run of y');
  assertNotSame(x[0], y[0], 'this in y (must differ from x)');
  assertSame(constructed, 2, 'the number of instances constructed');
});

test('actor: an ES5 constructor with run on its prototype is a class actor', async (tf) => {
  function Classic() {
    this.inports = ['in'];
    this.outports = ['out'];
  }
  Classic.prototype.run = function (context) {
    context.send({ out: context.input.in + '!' });
  };
  const net = network(tf, { Classic, Sink });
  const into = [];
  net.addNode('c', 'Classic');
  net.addNode('s', 'Sink', { into });
  net.addConnection('c', 'out', 's', 'in');
  await net.start();
  net.send('c', 'in', 'hi');
  await net.idle();
  assertEquals(into, ['hi!'], 'what the ES5 actor sent');
});

test('actor: an object gives each node its own instance whose prototype is that object', async (tf) => {
  const actor = {
    inports: ['in'],
    outports: [],
    run(context) {
      context.config.selves.push(this);
    },
  };
  const net = network(tf, { Obj: actor });
  const x = [];
  const y = [];
  net.addNode('x', 'Obj', { selves: x });
  net.addNode('y', 'Obj', { selves: y });
  await net.start();
  range(2).forEach(() => { net.send('x', 'in', 1); net.send('y', 'in', 1); });
  await net.idle();
  assertSame(x.length, 2, 'runs of x');
  assertNotSame(x[0], actor, 'this in x (must not be the registered object itself)');
  assertSame(Object.getPrototypeOf(x[0]), actor, 'the prototype of this in x');
  assertSame(Object.getPrototypeOf(y[0]), actor, 'the prototype of this in y');
  assertSame(x[1], x[0], 'this in the second run of x');
  assertNotSame(x[0], y[0], 'this in y (must differ from x)');
});

test('actor: this.state of an object actor is its own node handle, per node', async (tf) => {
  const actor = {
    inports: ['in'],
    outports: [],
    run(context) {
      context.config.states.push(this.state);
    },
  };
  const net = network(tf, { Obj: actor });
  const x = [];
  const y = [];
  net.addNode('x', 'Obj', { states: x });
  net.addNode('y', 'Obj', { states: y });
  await net.start();
  net.send('x', 'in', 1);
  net.send('y', 'in', 1);
  await net.idle();
  assertSame(x[0], net.state('x'), 'this.state in x');
  assertSame(y[0], net.state('y'), 'this.state in y');
});

test('actor: legacy run(input, callback) gets the inport object and sends through the callback', async (tf) => {
  const legacy = {
    inports: ['in'],
    outports: ['out'],
    run(input, callback) {
      callback({ out: [Object.keys(input), input.in * 2] });
    },
  };
  const net = network(tf, { Legacy: legacy, Sink });
  const into = [];
  net.addNode('l', 'Legacy');
  net.addNode('s', 'Sink', { into });
  net.addConnection('l', 'out', 's', 'in');
  await net.start();
  net.send('l', 'in', 21);
  await net.idle();
  assertEquals(into, [[['in'], 42]], '[keys of input, input.in * 2] as sent through the callback');
});

test('actor: legacy this.state is a live view of the node state, both ways', async (tf) => {
  const shared = { shared: true };
  let net;
  class LegacyCounter {
    inports = ['in'];
    outports = ['out'];
    run(input, callback) {
      this.state.count = (this.state.count || 0) + 1;
      callback({ out: [this.state.count, net.state('l').get('count'), this.state.obj] });
    }
  }
  net = network(tf, { LegacyCounter, Sink });
  const into = [];
  net.addNode('l', 'LegacyCounter');
  net.addNode('s', 'Sink', { into });
  net.addConnection('l', 'out', 's', 'in');
  await net.start();
  net.send('l', 'in', 'x');
  await net.idle();
  assertSame(net.state('l').get('count'), 1, "get('count') after this.state.count = 1");
  net.state('l').set('count', 10);
  net.state('l').set('obj', shared);
  net.send('l', 'in', 'x');
  await net.idle();
  assertEquals(into, [[1, 1, undefined], [11, 11, shared]], '[this.state.count, get(count), this.state.obj] seen in each run');
});

test('actor: a legacy callback called later still delivers', async (tf) => {
  const legacy = {
    inports: ['in'],
    outports: ['out'],
    run(input, callback) {
      setTimeout(() => callback({ out: input.in }), 0);
    },
  };
  const net = network(tf, { Legacy: legacy, Sink });
  const into = [];
  net.addNode('l', 'Legacy');
  net.addNode('s', 'Sink', { into });
  net.addConnection('l', 'out', 's', 'in');
  await net.start();
  net.send('l', 'in', 'late');
  await waitUntil(() => into.length === 1, 'the packet sent by a late callback');
  assertEquals(into, ['late'], 'what arrived');
});

test('actor: the initial state object is copied into the live state before the first run', async (tf) => {
  const shared = { shared: true };
  class WithState {
    inports = ['in'];
    outports = [];
    state = { seen: 0, obj: shared, text: 'x' };
    run(context) {
      context.config.log.push([context.state.get('seen'), context.state.get('obj'), context.state.get('text'), this.state === context.state]);
      context.state.set('seen', context.state.get('seen') + 1);
    }
  }
  const net = network(tf, { WithState });
  const log = [];
  net.addNode('w', 'WithState', { log });
  await net.start();
  net.send('w', 'in', 1);
  net.send('w', 'in', 2);
  await net.idle();
  assertEquals(log, [[0, shared, 'x', true], [1, shared, 'x', true]], '[seen, obj, text, this.state === context.state] in each run');
  assertSame(net.state('w').get('seen'), 2, "get('seen') after two runs");
});

test('actor: context.config is the very object given to addNode, on every run', async (tf) => {
  class ConfigProbe {
    inports = ['in'];
    outports = [];
    run(context) {
      context.config.seen.push(context.config);
    }
  }
  const net = network(tf, { ConfigProbe });
  const config = { seen: [] };
  net.addNode('c', 'ConfigProbe', config);
  await net.start();
  range(3).forEach(i => net.send('c', 'in', i));
  await net.idle();
  assertEquals(config.seen, [config, config, config], 'context.config in each run');
});

test('actor: context.node is the node id and context.input is keyed by the inport that received the packet', async (tf) => {
  class TwoPorts {
    inports = ['left', 'right'];
    outports = [];
    run(context) {
      context.config.log.push([context.node, Object.keys(context.input), context.input.left, context.input.right]);
    }
  }
  const net = network(tf, { TwoPorts });
  const log = [];
  net.addNode('two', 'TwoPorts', { log });
  await net.start();
  net.send('two', 'left', 'L');
  await net.idle();
  net.send('two', 'right', 'R');
  await net.idle();
  assertEquals(log, [['two', ['left'], 'L', undefined], ['two', ['right'], undefined, 'R']], '[node, keys of input, input.left, input.right]');
});

test('actor: send may be called several times in one run, also with several outports at once', async (tf) => {
  class Spray {
    inports = ['in'];
    outports = ['odd', 'even'];
    run(context) {
      context.send({ odd: 1 });
      context.send({ even: 2 });
      context.send({ odd: 3, even: 4 });
    }
  }
  const net = network(tf, { Spray, Sink });
  const odd = [];
  const even = [];
  net.addNode('sp', 'Spray');
  net.addNode('odd', 'Sink', { into: odd });
  net.addNode('even', 'Sink', { into: even });
  net.addConnection('sp', 'odd', 'odd', 'in');
  net.addConnection('sp', 'even', 'even', 'in');
  await net.start();
  net.send('sp', 'in', 'go');
  await net.idle();
  assertEquals(odd, [1, 3], 'packets on odd');
  assertEquals(even, [2, 4], 'packets on even');
});

test('actor: an async run is not re-entered while pending, and all packets run in order', async (tf) => {
  let active = 0;
  let maxActive = 0;
  class Slow {
    inports = ['in'];
    outports = [];
    async run(context) {
      active++;
      maxActive = Math.max(maxActive, active);
      await macrotask();
      await macrotask();
      context.config.into.push(context.input.in);
      active--;
    }
  }
  const net = network(tf, { Slow });
  const into = [];
  net.addNode('r', 'core/Repeat');
  net.addNode('slow', 'Slow', { into });
  net.addConnection('r', 'out', 'slow', 'in');
  await net.start();
  range(5).forEach(i => net.send('slow', 'in', i));
  range(5).forEach(i => net.send('r', 'in', 5 + i));
  await net.idle();
  assertSame(maxActive, 1, 'the most runs of one node pending at once');
  assertEquals(into.filter(n => n < 5), range(5), 'the packets sent straight to the node, in order');
  assertEquals(into.filter(n => n >= 5), range(5).map(i => 5 + i), 'the packets that came through core/Repeat, in order');
  assertSame(into.length, 10, 'the packets processed');
});

// ---------------------------------------------------------------------------------------------
// §4/§6 Errors

test('error: a throwing actor produces an error event {type, node, message, error} and later packets still run', async (tf) => {
  const boom = new Error('boom on 2');
  class Thrower {
    inports = ['in'];
    outports = ['out'];
    run(context) {
      if (context.input.in === 2) throw boom;
      context.send({ out: context.input.in });
    }
  }
  const net = network(tf, { Thrower, Sink });
  const into = [];
  net.addNode('t', 'Thrower');
  net.addNode('s', 'Sink', { into });
  net.addConnection('t', 'out', 's', 'in');
  const errors = record(net, 'error');
  await net.start();
  [1, 2, 3].forEach(n => net.send('t', 'in', n));
  await net.idle();
  assertEquals(into, [1, 3], 'the packets that got through');
  assertSame(errors.length, 1, 'error events');
  const [event] = errors;
  assertSame(event.type, 'error', 'event.type');
  assertSame(event.node, 't', 'event.node');
  assertType(event.message, 'string', 'event.message');
  assert(event.message.includes('boom on 2'), 'event.message should include the thrown message but was ' + describe(event.message));
  assertSame(event.error, boom, 'event.error (the thrown object)');
}, { allowErrorLogs: true });

test('error: a throwing legacy actor produces an error event carrying the thrown object', async (tf) => {
  const boom = new Error('legacy boom on 2');
  const Legacy = {
    inports: ['in'],
    outports: ['out'],
    run(input, callback) {
      if (input.in === 2) throw boom;
      callback({ out: input.in });
    },
  };
  const net = network(tf, { Legacy, Sink });
  const into = [];
  net.addNode('l', 'Legacy');
  net.addNode('s', 'Sink', { into });
  net.addConnection('l', 'out', 's', 'in');
  const errors = record(net, 'error');
  await net.start();
  [1, 2, 3].forEach(n => net.send('l', 'in', n));
  await net.idle();
  assertEquals(into, [1, 3], 'the packets that got through');
  assertSame(errors.length, 1, 'error events');
  assertSame(errors[0].node, 'l', 'event.node');
  assert(errors[0].message.includes('legacy boom on 2'), 'event.message was ' + describe(errors[0].message));
  assertSame(errors[0].error, boom, 'event.error (the thrown object)');
}, { allowErrorLogs: true });

test('error: a legacy callback naming an undeclared port gives an error event naming it', async (tf) => {
  const Legacy = {
    inports: ['in'],
    outports: ['out'],
    run(input, callback) { callback({ out: input.in, nowhere: 1 }); },
  };
  const net = network(tf, { Legacy, Sink });
  const into = [];
  net.addNode('l', 'Legacy');
  net.addNode('s', 'Sink', { into });
  net.addConnection('l', 'out', 's', 'in');
  const errors = record(net, 'error');
  await net.start();
  net.send('l', 'in', 1);
  await net.idle();
  assertEquals(into, [], 'nothing of the bad call is delivered');
  assertSame(errors.length, 1, 'error events');
  assert(errors[0].message.includes('nowhere'), 'event.message should name the port but was ' + describe(errors[0].message));
}, { allowErrorLogs: true });

test('error: an actor throwing a non-Error value produces an error event', async (tf) => {
  class ThrowsString {
    inports = ['in'];
    outports = [];
    run() {
      throw 'plain string';
    }
  }
  const net = network(tf, { ThrowsString });
  net.addNode('t', 'ThrowsString');
  const errors = record(net, 'error');
  await net.start();
  net.send('t', 'in', 1);
  net.send('t', 'in', 2);
  await net.idle();
  assertSame(errors.length, 2, 'error events');
  assertSame(errors[0].error, 'plain string', 'event.error');
  assertType(errors[0].message, 'string', 'event.message');
  assertSame(errors[0].node, 't', 'event.node');
}, { allowErrorLogs: true });

test('error: an async run whose Promise rejects produces an error event and the node runs again', async (tf) => {
  const reason = new Error('rejected on 1');
  class Rejecter {
    inports = ['in'];
    outports = ['out'];
    async run(context) {
      await macrotask();
      if (context.input.in === 1) throw reason;
      context.send({ out: context.input.in });
    }
  }
  const net = network(tf, { Rejecter, Sink });
  const into = [];
  net.addNode('r', 'Rejecter');
  net.addNode('s', 'Sink', { into });
  net.addConnection('r', 'out', 's', 'in');
  const errors = record(net, 'error');
  await net.start();
  [0, 1, 2].forEach(n => net.send('r', 'in', n));
  await net.idle();
  assertEquals(into, [0, 2], 'the packets that got through');
  assertSame(errors.length, 1, 'error events');
  assertEquals([errors[0].type, errors[0].node, errors[0].error], ['error', 'r', reason], '[type, node, error]');
  assert(String(errors[0].message).includes('rejected on 1'), 'event.message should include the rejection message but was ' + describe(errors[0].message));
}, { allowErrorLogs: true });

test('error: send on an undeclared port gives an error event naming it and delivers nothing of that call', async (tf) => {
  class BadSender {
    inports = ['in'];
    outports = ['out'];
    run(context) {
      if (context.input.in === 'bad') context.send({ out: 'bad-out', nope: 'x' });
      else context.send({ out: context.input.in });
    }
  }
  const net = network(tf, { BadSender, Sink });
  const into = [];
  net.addNode('b', 'BadSender');
  net.addNode('s', 'Sink', { into });
  net.addConnection('b', 'out', 's', 'in');
  const errors = record(net, 'error');
  await net.start();
  ['ok1', 'bad', 'ok2'].forEach(p => net.send('b', 'in', p));
  await net.idle();
  assertEquals(into, ['ok1', 'ok2'], 'the packets that got through');
  assertSame(errors.length, 1, 'error events');
  assertSame(errors[0].node, 'b', 'event.node');
  assert(String(errors[0].message).includes('nope'), 'event.message should name the port "nope" but was ' + describe(errors[0].message));
}, { allowErrorLogs: true });

test('error: a failing node does not stop the other nodes', async (tf) => {
  class AlwaysThrows {
    inports = ['in'];
    outports = [];
    run() {
      throw new Error('always');
    }
  }
  const net = network(tf, { AlwaysThrows, Sink });
  const into = [];
  net.addNode('r', 'core/Repeat');
  net.addNode('bad', 'AlwaysThrows');
  net.addNode('good', 'Sink', { into });
  net.addConnection('r', 'out', 'bad', 'in');
  net.addConnection('r', 'out', 'good', 'in');
  const errors = record(net, 'error');
  await net.start();
  range(5).forEach(i => net.send('r', 'in', i));
  await net.idle();
  assertEquals(into, range(5), 'the packets at the healthy node');
  assertSame(errors.length, 5, 'error events from the failing node');
}, { allowErrorLogs: true });

test('error: registerActor of a non-actor throws an Error naming the actor and registers nothing', async (tf) => {
  const net = network(tf, { Sink });
  const nonActors = {
    Num: 42,
    Null: null,
    Undefined: undefined,
    Str: 'run',
    Bool: true,
    NoRun: { inports: ['in'] },
    RunNotAFunction: { run: 1 },
    PlainFunction: function plain() {},
    Arrow: () => {},
  };
  for (const [name, value] of Object.entries(nonActors)) {
    assertThrows(() => net.registerActor(name, value), Error, [name], 'registerActor(' + JSON.stringify(name) + ', ' + describe(value) + ')');
    assertThrows(() => net.addNode('node' + name, name), Error, [name], 'addNode of the rejected ' + name);
  }
  const into = [];
  net.addNode('s', 'Sink', { into });
  await net.start();
  net.send('s', 'in', 'still works');
  await net.idle();
  assertEquals(into, ['still works'], 'packets after the rejected registrations');
});

test('error: addNode with an unknown component throws an Error naming it', async (tf) => {
  const net = network(tf);
  assertThrows(() => net.addNode('n', 'NoSuchComponent'), Error, ['NoSuchComponent'], "addNode('n', 'NoSuchComponent')");
  assertThrows(() => net.addNode('m', 'core/NoSuch'), Error, ['core/NoSuch'], "addNode('m', 'core/NoSuch')");
  assertThrows(() => net.state('n'), Error, ['n'], "net.state('n') after the failed addNode");
  net.addNode('n', 'core/Drop');
  assertInstanceOf(net.state('n'), tf.LiveMemoryStateHandle, "net.state('n') once added properly");
});

test('error: addNode with a duplicate id throws an Error naming it and keeps the first node', async (tf) => {
  const net = network(tf, { Sink });
  const into = [];
  net.addNode('dup', 'core/Repeat');
  const handle = net.state('dup');
  assertThrows(() => net.addNode('dup', 'core/Drop'), Error, ['dup'], "a second addNode('dup', ...)");
  assertSame(net.state('dup'), handle, "net.state('dup') after the failed addNode");
  net.addNode('s', 'Sink', { into });
  net.addConnection('dup', 'out', 's', 'in');
  await net.start();
  net.send('dup', 'in', 'repeated');
  await net.idle();
  assertEquals(into, ['repeated'], 'what the first node (core/Repeat) sent');
});

test('error: addConnection from a missing node throws an Error naming it', async (tf) => {
  const net = network(tf);
  net.addNode('d', 'core/Drop');
  assertThrows(() => net.addConnection('ghost', 'out', 'd', 'in'), Error, ['ghost'], "addConnection('ghost', ...)");
});

test('error: addConnection to a missing node throws naming it, and leaves no connection', async (tf) => {
  const net = network(tf, { Pass, Sink });
  net.addNode('a', 'Pass');
  assertThrows(() => net.addConnection('a', 'out', 'late', 'in'), Error, ['late'], "addConnection(..., 'late', 'in')");
  const into = [];
  net.addNode('late', 'Sink', { into });
  const errors = record(net, 'error');
  await net.start();
  net.send('a', 'in', 'x');
  await net.idle();
  assertEquals(into, [], "what reached 'late', added after the failed connection");
  assertNoErrorEvents(errors);
});

test('error: addConnection from an undeclared outport throws naming it, and leaves no connection', async (tf) => {
  class TwoOut {
    inports = ['in'];
    outports = ['out', 'other'];
    run(context) {
      context.send({ out: context.input.in, other: context.input.in });
    }
  }
  const net = network(tf, { TwoOut, Sink });
  const into = [];
  net.addNode('a', 'TwoOut');
  net.addNode('s', 'Sink', { into });
  assertThrows(() => net.addConnection('a', 'nope', 's', 'in'), Error, ['nope'], "addConnection('a', 'nope', ...)");
  assertThrows(() => net.addConnection('s', 'out', 'a', 'in'), Error, ['out'], 'addConnection from a JS actor with no outports');
  assertThrows(() => net.addConnection('a', 'out', 'a', 'nope'), Error, ['nope'], "addConnection(..., 'a', 'nope')");
  net.addConnection('a', 'other', 's', 'in');
  await net.start();
  net.send('a', 'in', 'x');
  await net.idle();
  assertEquals(into, ['x'], "what reached s (only from 'other')");
});

test('error: addConnection to an undeclared inport throws naming it, and leaves no connection', async (tf) => {
  const net = network(tf, { Pass, Sink });
  const into = [];
  net.addNode('a', 'Pass');
  net.addNode('s', 'Sink', { into });
  net.addNode('c', 'core/Counter');
  assertThrows(() => net.addConnection('a', 'out', 's', 'nope'), Error, ['nope'], "addConnection(..., 's', 'nope')");
  assertThrows(() => net.addConnection('a', 'out', 'c', 'wrong'), Error, ['wrong'], "addConnection(..., 'c', 'wrong') into core/Counter");
  assertThrows(() => net.addConnection('c', 'bad', 's', 'in'), Error, ['bad'], "addConnection('c', 'bad', ...) from core/Counter");
  const data = record(net, 'data');
  await net.start();
  net.send('a', 'in', 'x');
  await net.idle();
  assertEquals(into, [], 'what reached s');
  assertEquals(data.filter(e => e.node !== 'a'), [], 'data events at any other node');
  assertSame(net.state('c').has('count'), false, 'whether core/Counter counted anything');
});

test('error: addInitial to a missing node or undeclared inport throws naming it, and sends nothing', async (tf) => {
  const net = network(tf, { Sink });
  const into = [];
  net.addNode('s', 'Sink', { into });
  net.addNode('c', 'core/Counter');
  assertThrows(() => net.addInitial('ghost', 'in', 1), Error, ['ghost'], "addInitial('ghost', ...)");
  assertThrows(() => net.addInitial('s', 'nope', 1), Error, ['nope'], "addInitial('s', 'nope', ...)");
  assertThrows(() => net.addInitial('c', 'wrong', 1), Error, ['wrong'], "addInitial('c', 'wrong', ...) on core/Counter");
  net.addInitial('s', 'in', 'real');
  await net.start();
  await net.idle();
  assertEquals(into, ['real'], 'what reached s');
  assertSame(net.state('c').has('count'), false, 'whether core/Counter counted anything');
});

test('error: net.state of an unknown node throws an Error naming it', async (tf) => {
  const net = network(tf);
  net.addNode('known', 'core/Drop');
  assertThrows(() => net.state('nope'), Error, ['nope'], "net.state('nope')");
  assertInstanceOf(net.state('known'), tf.LiveMemoryStateHandle, "net.state('known') afterwards");
});

test('error: a second start() rejects with an Error and the network keeps running', async (tf) => {
  const net = network(tf, { Sink });
  const into = [];
  net.addNode('s', 'Sink', { into });
  await net.start();
  await assertRejects(() => net.start(), Error, [], 'a second start()');
  net.send('s', 'in', 'after');
  await net.idle();
  assertEquals(into, ['after'], 'packets after the rejected start()');
});

// ---------------------------------------------------------------------------------------------
// Behaviour the contract leaves open, as decided for this project

test('decided: net.send before start() throws an Error mentioning start, and sends nothing', async (tf) => {
  const net = network(tf, { Sink });
  const into = [];
  net.addNode('s', 'Sink', { into });
  assertThrows(() => net.send('s', 'in', 'early'), Error, ['start'], 'send before start()');
  await net.start();
  await net.idle();
  assertEquals(into, [], 'what reached s after start()');
});

test('decided: start() after stop() is allowed and packets flow again', async (tf) => {
  const net = network(tf, { Sink });
  const into = [];
  net.addNode('s', 'Sink', { into });
  await net.start();
  net.send('s', 'in', 1);
  await net.idle();
  await net.stop();
  await net.start();
  net.send('s', 'in', 2);
  await net.idle();
  assertEquals(into, [1, 2], 'packets before and after the restart');
});

for (const method of ['get', 'set', 'has', 'remove', 'update']) {
  test('decided: handle.' + method + ' with a key that is not a string throws a TypeError naming its type', async (tf) => {
    const handle = freshHandle(tf);
    const badKeys = [[1, 'number'], [Symbol('s'), 'symbol'], [{}, 'object'], [undefined, 'undefined'], [true, 'boolean'], [1n, 'bigint']];
    for (const [key, type] of badKeys) {
      const args = method === 'set' ? [key, 'v'] : method === 'update' ? [key, () => 'v'] : [key];
      assertThrows(() => handle[method](...args), TypeError, [type], method + '(' + describe(key) + ')');
    }
    assertSame(handle.size, 0, 'size after the rejected calls');
  });
}

test('decided: subscribe with something other than a function throws a TypeError', async (tf) => {
  const handle = freshHandle(tf);
  for (const listener of [42, null, undefined, 'fn', {}, { call() {} }]) {
    assertThrows(() => handle.subscribe(listener), TypeError, [], 'subscribe(' + describe(listener) + ')');
  }
  const heard = [];
  handle.subscribe(key => heard.push(key));
  handle.set('k', 1);
  await waitUntil(() => heard.length === 1, 'a notification after the rejected subscriptions');
});

test('decided: a data event is emitted when a packet enters the inport, before its node runs it', async (tf) => {
  const gate = deferred();
  let runsStarted = 0;
  class Burst {
    inports = ['in'];
    outports = ['out'];
    run(context) {
      [1, 2, 3].forEach(n => context.send({ out: n }));
    }
  }
  class Gated {
    inports = ['in'];
    outports = [];
    async run(context) {
      runsStarted++;
      await gate.promise;
      context.config.into.push(context.input.in);
    }
  }
  const net = network(tf, { Burst, Gated });
  const into = [];
  net.addNode('b', 'Burst');
  net.addNode('g', 'Gated', { into });
  net.addConnection('b', 'out', 'g', 'in');
  const arrivals = [];
  net.on('data', e => { if (e.node === 'g') arrivals.push(e.value); });
  await net.start();
  net.send('b', 'in', 'go');
  await waitUntil(() => runsStarted === 1, 'the first run of g');
  await waitUntil(() => arrivals.length === 3, 'data events for all three packets while g is busy with the first');
  assertSame(runsStarted, 1, 'runs of g started while the first is pending');
  assertEquals(arrivals, [1, 2, 3], 'data events at g');
  gate.resolve();
  await net.idle();
  assertEquals(into, [1, 2, 3], 'packets g processed');
});

test('decided: a throwing subscriber does not stop other subscribers nor the set', async (tf) => {
  const handle = freshHandle(tf);
  const before = [];
  const after = [];
  handle.subscribe((key, value) => before.push([key, value]));
  handle.subscribe(() => { throw new Error('subscriber fails'); });
  handle.subscribe((key, value) => after.push([key, value]));
  assertDoesNotThrow(() => handle.set('k', 1), "set('k', 1) with a throwing subscriber");
  assertSame(handle.get('k'), 1, "get('k')");
  assertDoesNotThrow(() => handle.set('k', 2), "a second set('k', 2)");
  await waitUntil(() => after.length === 2, 'the subscriber after the throwing one to hear both changes');
  assertEquals(before, [['k', 1], ['k', 2]], 'what the subscriber before the throwing one heard');
  assertEquals(after, [['k', 1], ['k', 2]], 'what the subscriber after the throwing one heard');
}, { allowErrorLogs: true });

test('decided: a throwing subscriber does not stop a Java component', async (tf) => {
  const net = network(tf, { Sink });
  const into = [];
  net.addNode('c', 'core/Counter');
  net.addNode('s', 'Sink', { into });
  net.addConnection('c', 'out', 's', 'in');
  const heard = [];
  net.state('c').subscribe(() => { throw new Error('subscriber fails'); });
  net.state('c').subscribe((key, value) => { if (key === 'count') heard.push(value); });
  await net.start();
  range(3).forEach(() => net.send('c', 'in', 'x'));
  await net.idle();
  assertEquals(into, [1, 2, 3], 'what core/Counter sent');
  assertEquals(heard, [1, 2, 3], 'what the healthy subscriber heard');
}, { allowErrorLogs: true });

// ---------------------------------------------------------------------------------------------
// Stack depth: long synchronous chains of sends must not grow the JS stack

const ITERATIONS = 100000;

/**
 * net.idle(), or a failure at the first error event or uncaught exception: a stack overflow surfaces
 * as one of those and may leave idle() pending forever.
 */
async function idleOrFirstError(net) {
  let offError;
  let onUncaught;
  const failure = new Promise((resolve, reject) => {
    offError = net.on('error', e => reject(new AssertionError('error event from ' + e.node + ': ' + e.message)));
    onUncaught = event => reject(new AssertionError('uncaught: ' + (event.error && event.error.stack || event.message)));
    window.addEventListener('error', onUncaught);
  });
  try {
    await Promise.race([net.idle(), failure]);
  } finally {
    offError();
    window.removeEventListener('error', onUncaught);
  }
}

test('stack: a cycle of two JS actors runs 100,000 iterations without overflowing', async (tf) => {
  const net = network(tf, { CountUp, Pass });
  const last = { n: -1 };
  net.addNode('a', 'CountUp', { last, limit: ITERATIONS });
  net.addNode('b', 'Pass');
  net.addConnection('a', 'out', 'b', 'in');
  net.addConnection('b', 'out', 'a', 'in');
  await net.start();
  net.send('a', 'in', 0);
  await idleOrFirstError(net);
  assertSame(last.n, ITERATIONS, 'the last number a saw');
}, { timeoutMs: 30000 });

test('stack: a cycle through core/Repeat runs 100,000 iterations without overflowing', async (tf) => {
  const net = network(tf, { CountUp });
  const last = { n: -1 };
  net.addNode('a', 'CountUp', { last, limit: ITERATIONS });
  net.addNode('r', 'core/Repeat');
  net.addConnection('a', 'out', 'r', 'in');
  net.addConnection('r', 'out', 'a', 'in');
  await net.start();
  net.send('a', 'in', 0);
  await idleOrFirstError(net);
  assertSame(last.n, ITERATIONS, 'the last number a saw');
}, { timeoutMs: 30000 });

// ---------------------------------------------------------------------------------------------
// §7 Ports, joins and live rewiring (contract v1.1)

/** Takes each packet and holds the run open until release() is called: a slow consumer. */
function slowSink(seen, releases) {
  return class SlowSink {
    inports = [{ name: 'in', capacity: 2 }];
    run(context) {
      seen.push(context.input.in);
      return new Promise(resolve => releases.push(resolve));
    }
  };
}

test('ports: a bounded inport pauses its sender; nothing is dropped or reordered', async (tf) => {
  const seen = [];
  const releases = [];
  let sourceRuns = 0;
  class Source {
    inports = ['in'];
    outports = ['out'];
    run(context) { sourceRuns++; context.send({ out: context.input.in }); }
  }
  const net = network(tf, { Source, Slow: slowSink(seen, releases) });
  net.addNode('src', 'Source').addNode('slow', 'Slow').addConnection('src', 'out', 'slow', 'in');
  await net.start();
  for (let i = 0; i < 10; i++) net.send('src', 'in', i);
  await new Promise(resolve => setTimeout(resolve, 0));
  assertEquals(seen, [0], 'the slow sink took one packet and is busy');
  assertSame(sourceRuns, 3, 'the source paused once the capacity-2 inport was full');
  while (seen.length < 10) {
    releases.shift()();
    await new Promise(resolve => setTimeout(resolve, 0));
  }
  releases.shift()();
  await net.idle();
  assertEquals(seen, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 'every packet, in order');
  assertSame(sourceRuns, 10, 'source runs');
});

test('ports: a capacity that is not a positive integer is rejected naming the port', async (tf) => {
  class Bad {
    inports = [{ name: 'in', capacity: -3 }];
    run() {}
  }
  const net = network(tf, { Bad });
  assertThrows(() => net.addNode('b', 'Bad'), TypeError, ["'in'", '-3'], "addNode('b', 'Bad')");
  assertThrows(() => net.state('b'), Error, ["'b'"], 'the rejected node was not added');
});

test('joins: awaitAllInports runs once per complete set, FIFO per inport', async (tf) => {
  const runs = [];
  class Join {
    inports = ['a', 'b'];
    awaitAllInports = true;
    run(context) { runs.push(`${context.input.a}+${context.input.b}`); }
  }
  const net = network(tf, { Join });
  net.addNode('j', 'Join');
  await net.start();
  net.send('j', 'a', 'a1');
  net.send('j', 'a', 'a2');
  await net.idle();
  assertEquals(runs, [], 'no run before every inport has a packet');
  net.send('j', 'b', 'b1');
  net.send('j', 'b', 'b2');
  net.send('j', 'b', 'b3');
  await net.idle();
  assertEquals(runs, ['a1+b1', 'a2+b2'], 'one run per complete set');
  net.send('j', 'a', 'a3');
  await net.idle();
  assertEquals(runs, ['a1+b1', 'a2+b2', 'a3+b3'], 'the waiting b3 joins a3');
});

test('rewiring: removeConnection while running still delivers what was sent on it, and nothing after', async (tf) => {
  const seen = [];
  const releases = [];
  const net = network(tf, { Slow: slowSink(seen, releases) });
  net.addNode('r', 'core/Repeat').addNode('s', 'Slow').addConnection('r', 'out', 's', 'in');
  const errors = record(net, 'error');
  await net.start();
  const second = { n: 2 };
  net.send('r', 'in', 1);
  net.send('r', 'in', second);
  await new Promise(resolve => setTimeout(resolve, 0));
  assertSame(net.removeConnection('r', 'out', 's', 'in'), net, 'removeConnection returns the network');
  assertEquals(errors, [], 'a sent packet belongs to the receiver: nothing is reported lost');
  releases.shift()();
  net.send('r', 'in', 3);
  await waitUntil(() => releases.length > 0, 'the second run');
  releases.shift()();
  await net.idle();
  assertSame(seen.length, 2, 'packets sent before the removal');
  assertSame(seen[1], second, 'the packet waiting when the connection went, itself');
  assertThrows(() => net.removeConnection('r', 'out', 's', 'in'), Error, ['no such connection'], 'removing it twice');
});

test('rewiring: removeNode while running releases it; add nodes and connections on a started network', async (tf) => {
  const net = network(tf);
  net.addNode('r', 'core/Repeat').addNode('c', 'core/Counter').addConnection('r', 'out', 'c', 'in');
  await net.start();
  net.send('r', 'in', 1);
  await net.idle();
  const old = net.state('c');
  assertSame(net.removeNode('c'), net, 'removeNode returns the network');
  assertThrows(() => net.state('c'), Error, ["'c'"], 'the removed node is gone');
  net.addNode('c', 'core/Counter').addNode('k', 'core/Collect')
    .addConnection('r', 'out', 'c', 'in').addConnection('r', 'out', 'k', 'in');
  net.send('r', 'in', 2);
  await net.idle();
  assert(net.state('c') !== old, 'a node added under the old id has a new state');
  assertSame(net.state('c').get('count'), 1, 'the new counter counted the new packet');
  assertEquals(net.state('k').get('items'), [2], 'the node added while running got the packet');
  assertThrows(() => net.removeNode('nope'), Error, ["'nope'"], "removeNode('nope')");
});

// ---------------------------------------------------------------------------------------------
// §7 Persistence

test('persistence: snapshot is JSON-serialisable, deep-copied, and restore puts it back into the same handles', async (tf) => {
  const net = network(tf);
  net.addNode('c', 'core/Counter').addNode('k', 'core/Collect');
  await net.start();
  net.send('c', 'in', 'x');
  net.send('k', 'in', { n: 1 });
  await net.idle();
  const handle = net.state('c');
  const snapshot = net.snapshot();
  assertEquals(JSON.parse(JSON.stringify(snapshot)), snapshot, 'survives JSON');
  assertEquals(snapshot.state.c, { count: 1 }, 'the counter state');
  assertEquals(snapshot.state.k, { items: [{ n: 1 }] }, 'the collected items');
  assert(snapshot.state.k.items !== net.state('k').get('items'), 'a copy, not the live array');
  handle.set('count', 41);
  handle.set('extra', 'added since');
  net.restore(JSON.parse(JSON.stringify(snapshot)));
  assertSame(net.state('c'), handle, 'the same handle');
  assertEquals(handle.keys(), ['count'], 'keys added since are removed');
  assertSame(handle.get('count'), 1, 'the value is back');
  net.send('c', 'in', 'y');
  await net.idle();
  assertSame(handle.get('count'), 2, 'Java continues from the restored count');
});

test('persistence: snapshot of a function, Symbol or cycle throws naming node and key, or skips it when asked', async (tf) => {
  const net = network(tf);
  net.addNode('a', 'core/Drop');
  const state = net.state('a');
  state.set('fine', [1, 'two', null, { three: true }]);
  state.set('fn', () => 1);
  assertThrows(() => net.snapshot(), Error, ["'a'", "'fn'"], 'snapshot() with a function');
  state.remove('fn');
  state.set('sym', Symbol('s'));
  assertThrows(() => net.snapshot(), Error, ["'a'", "'sym'"], 'snapshot() with a Symbol');
  state.remove('sym');
  const loop = { name: 'loop' };
  loop.self = loop;
  state.set('loop', loop);
  assertThrows(() => net.snapshot(), Error, ["'a'", "'loop'", 'cycle'], 'snapshot() with a cycle');
  const skipped = net.snapshot({ skipUnserializable: true });
  assertEquals(skipped.state.a, { fine: [1, 'two', null, { three: true }] }, 'only the serialisable keys');
});

test('persistence: a bad restore names the problem and changes nothing', async (tf) => {
  const net = network(tf);
  net.addNode('c', 'core/Counter');
  net.state('c').set('count', 5);
  assertThrows(() => net.restore({ state: { c: { count: 1 }, nope: {} } }), Error, ["'nope'"], 'restore of an unknown node');
  assertThrows(() => net.restore({ state: { c: { count: 1, bad: () => 0 } } }), Error, ["'c'", "'bad'"], 'restore of a function');
  assertThrows(() => net.restore(42), TypeError, [], 'restore(42)');
  assertSame(net.state('c').get('count'), 5, 'nothing was restored');
  assertEquals(net.state('c').keys(), ['count'], 'no key was added');
});

test('persistence: saveSnapshot and loadSnapshot through localStorage and IndexedDB', async (tf) => {
  for (const store of ['localStorage', 'indexedDB']) {
    const key = `teaflow-test-${store}-${Math.random()}`;
    const net = network(tf);
    net.addNode('c', 'core/Counter');
    net.state('c').set('count', 7);
    net.state('c').set('__proto__', { plain: 'key' });
    await net.saveSnapshot(key, { store });
    net.state('c').set('count', 0);
    net.state('c').remove('__proto__');
    const restored = await net.loadSnapshot(key, { store });
    assertSame(net.state('c').get('count'), 7, `${store}: count restored`);
    assertEquals(net.state('c').get('__proto__'), { plain: 'key' }, `${store}: __proto__ restored as a plain key`);
    assertSame(({}).plain, undefined, `${store}: no prototype touched`);
    assertSame(restored.format, 'teaflow-snapshot', `${store}: loadSnapshot resolves to the snapshot`);
    await assertRejects(() => net.loadSnapshot(key + '-missing', { store }), Error, ['-missing'], `${store}: a missing key`);
  }
  await assertRejects(() => network(tf).loadSnapshot('k', { store: 'cloud' }), Error, ['cloud'], 'an unknown store');
});

// ---------------------------------------------------------------------------------------------
// §7 Graphs and subgraphs

/** The FBP graphs written by the npm package fbp-graph itself (framework/src/test/resources/graphs). */
const FBP_GRAPHS = ['counting-pipeline.json', 'case-sensitive.json', 'from-fbp-language.json'];

async function fbpGraph(name) {
  const response = await fetch('/framework/src/test/resources/graphs/' + name);
  if (!response.ok) fail(`cannot fetch graph ${name}: ${response.status}`);
  return response.json();
}

/**
 * The example graphs use core/* names with ports the built-in components lack (they test the
 * format, not the components): run them with every component renamed 'fixture/…'.
 */
function asFixture(graph) {
  const copy = structuredClone(graph);
  for (const process of Object.values(copy.processes)) process.component = 'fixture/' + process.component;
  return copy;
}

function fromFixture(json) {
  for (const process of Object.values(json.processes)) process.component = process.component.replace(/^fixture\//, '');
  return json;
}

/** Pass-through JS actors for the graph's components that are not core/*, with the ports the graph uses. */
function actorsFor(graph) {
  const ports = {};
  const portsOf = component => (ports[component] ??= { inports: new Set(), outports: new Set() });
  const componentOf = id => graph.processes[id].component;
  for (const connection of graph.connections) {
    if (connection.src) portsOf(componentOf(connection.src.process)).outports.add(connection.src.port);
    portsOf(componentOf(connection.tgt.process)).inports.add(connection.tgt.port);
  }
  for (const side of ['inports', 'outports']) {
    for (const exported of Object.values(graph[side])) portsOf(componentOf(exported.process))[side].add(exported.port);
  }
  const actors = {};
  for (const [component, { inports, outports }] of Object.entries(ports)) {
    if (component.startsWith('core/')) continue;
    actors[component] = class {
      inports = [...inports];
      outports = [...outports];
      run(context) {
        for (const port of this.outports) context.send({ [port]: context.input });
      }
    };
  }
  return actors;
}

test('graphs: graphs written by fbp-graph load, run, and come back from toJSON unchanged', async (tf) => {
  for (const name of FBP_GRAPHS) {
    const graph = await fbpGraph(name);
    const fixture = asFixture(graph);
    const net = tf.Network.fromGraph(fixture, { actors: actorsFor(fixture) });
    assertEquals(fromFixture(net.toJSON()), graph, `${name}: toJSON() before a run`);
    const errors = record(net, 'error');
    await net.start();
    await net.idle();
    assertNoErrorEvents(errors);
    assertEquals(fromFixture(JSON.parse(JSON.stringify(net.toJSON()))), graph, `${name}: toJSON() after a run`);
  }
});

test('graphs: metadata, properties and initial packets come back as the very objects given', async (tf) => {
  const metadata = { x: 1, label: 'counter' };
  const properties = { name: 'identity' };
  const packet = { start: true };
  const graph = {
    properties,
    processes: { c: { component: 'core/Counter', metadata }, k: { component: 'core/Collect' } },
    connections: [
      { src: { process: 'c', port: 'out' }, tgt: { process: 'k', port: 'in' } },
      { data: packet, tgt: { process: 'c', port: 'in' } },
      { data: 0, tgt: { process: 'c', port: 'in' } },
      { data: null, tgt: { process: 'c', port: 'in' } },
    ],
  };
  const net = tf.Network.fromGraph(graph);
  await net.start();
  await net.idle();
  assertSame(net.state('c').get('count'), 3, 'the packets {…}, 0 and null all ran');
  const json = net.toJSON();
  assertSame(json.processes.c.metadata, metadata, 'process metadata');
  assertSame(json.properties, properties, 'properties');
  assertSame(json.connections[1].data, packet, 'the initial packet');
  assertSame(json.connections[3].data, null, 'a null initial packet stays a packet');
});

test('graphs: an invalid graph throws one Error naming the process, connection or field', async (tf) => {
  const base = () => ({
    processes: { a: { component: 'core/Repeat' }, b: { component: 'core/Drop' } },
    connections: [{ src: { process: 'a', port: 'out' }, tgt: { process: 'b', port: 'in' } }],
  });
  const unknownComponent = base();
  unknownComponent.processes.b.component = 'Nope';
  assertThrows(() => tf.Network.fromGraph(unknownComponent), Error, ["'b'", 'Nope'], 'an unknown component');
  const missingProcess = base();
  missingProcess.connections[0].tgt.process = 'zz';
  assertThrows(() => tf.Network.fromGraph(missingProcess), Error, ['connection 0', "'zz'"], 'a missing process');
  const badPort = base();
  badPort.connections[0].src.port = 'sideways';
  assertThrows(() => tf.Network.fromGraph(badPort), Error, ['connection 0', "'sideways'"], 'an undeclared port');
  const badField = base();
  badField.processes.a.component = 42;
  assertThrows(() => tf.Network.fromGraph(badField), Error, ["'a'", 'component'], 'a component that is not a string');
  assertThrows(() => tf.Network.fromGraph('not a graph'), Error, ['graph'], 'a string');
  assertThrows(() => tf.Network.fromGraph({ connections: {} }), Error, ['connections'], 'connections not an array');
});

test('subgraphs: a registered graph is a component; packets cross its ports; inner nodes keep their own state', async (tf) => {
  const counting = {
    inports: { in: { process: 'tag', port: 'in' } },
    outports: { out: { process: 'count', port: 'out' } },
    processes: { tag: { component: 'Tag' }, count: { component: 'core/Counter' } },
    connections: [{ src: { process: 'tag', port: 'out' }, tgt: { process: 'count', port: 'in' } }],
  };
  class Tag {
    inports = ['in'];
    outports = ['out'];
    run(context) { context.state.update('seen', n => (n ?? 0) + 1); context.send({ out: context.input.in }); }
  }
  const into = [];
  const net = network(tf, { Tag, Sink }).registerGraph('Counting', counting);
  assertSame(net.registerGraph('Again', counting), net, 'registerGraph returns the network');
  net.addNode('a', 'Counting').addNode('b', 'Counting').addNode('s', 'Sink', { into })
    .addConnection('a', 'out', 's', 'in').addConnection('b', 'out', 's', 'in');
  await net.start();
  net.send('a', 'in', 'x');
  net.send('a', 'in', 'y');
  net.send('b', 'in', 'z');
  await net.idle();
  assertEquals([...into].sort(), [1, 1, 2], 'the counts that left the subgraphs (fan-in interleaves)');
  assertSame(net.state('a/count').get('count'), 2, "a's inner counter");
  assertSame(net.state('b/count').get('count'), 1, "b's inner counter");
  assertSame(net.state('a/tag').get('seen'), 2, 'a JS actor inside the subgraph has its own state');
  assert(net.state('a') instanceof tf.LiveMemoryStateHandle, 'the subgraph node has its own handle');
  assert(net.state('a') !== net.state('a/count') && net.state('a') === net.state('a'), 'one handle of its own');
  assertEquals(Object.keys(net.toJSON().processes), ['a', 'b', 's'], 'toJSON shows the subgraph nodes, not their insides');
  assertThrows(() => net.addNode('c', 'Counting').addConnection('c', 'nope', 's', 'in'), Error, ["'nope'"],
    'an unexported port');
  assertThrows(() => net.removeNode('a/count'), Error, ["'a'"], 'removing a node inside a subgraph');
  net.removeNode('a');
  assertThrows(() => net.state('a/count'), Error, ["'a/count'"], 'inner nodes go with their subgraph node');
});

test('subgraphs: graphs nest, and fromGraph takes graphs for subgraph components', async (tf) => {
  const inner = {
    inports: { in: { process: 'count', port: 'in' } },
    processes: { count: { component: 'core/Counter' } },
  };
  const middle = {
    inports: { in: { process: 'twice', port: 'in' } },
    processes: { twice: { component: 'Inner' } },
  };
  const top = {
    processes: { m: { component: 'Middle' } },
    connections: [{ data: 5, tgt: { process: 'm', port: 'in' } }],
  };
  const net = tf.Network.fromGraph(top, { graphs: { Inner: inner, Middle: middle } });
  await net.start();
  await net.idle();
  assertSame(net.state('m/twice/count').get('count'), 1, 'the packet crossed two graph boundaries');
  assertEquals(net.toJSON().processes, { m: { component: 'Middle', metadata: {} } }, 'toJSON of the top level');
  assertThrows(() => tf.Network.fromGraph(top, { graphs: { Middle: middle } }), Error, ['Inner'],
    'a missing nested graph is named');
});

test('persistence: a snapshot carries the graph, and a network rebuilt from it gets its state back', async (tf) => {
  const graph = await fbpGraph('from-fbp-language.json');
  const net = tf.Network.fromGraph(graph);
  await net.start();
  await net.idle();
  const snapshot = JSON.parse(JSON.stringify(net.snapshot()));
  assertEquals(snapshot.graph, graph, 'snapshot.graph');
  const copy = tf.Network.fromGraph(snapshot.graph).restore(snapshot);
  assert(Object.values(snapshot.state).some(entries => Object.keys(entries).length > 0), 'the run left some state');
  for (const id of Object.keys(graph.processes)) {
    assertEquals(copy.state(id).getAll(), net.state(id).getAll(), `the state of ${id}`);
  }
});
