// Hostile values at every place a page value enters the runtime (issue 9), on every backend:
// thrown values, rejection reasons, listener and subscriber throws, packets, configs, state
// values, the outputs object of send, options and graphs. A hostile value is ordinary input: the
// runtime never touches it in a way that can throw, describes it defensively where a message needs
// it, and no exception from it escapes into the scheduler or out of send/idle/set.
'use strict';

/** Every trap throws: reading, testing, listing, describing or prototyping it throws. */
function trapProxy(label = 'trap') {
  const boom = () => { throw new Error(label + ' was touched'); };
  return new Proxy({}, {
    get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom,
    set: boom, defineProperty: boom, deleteProperty: boom, setPrototypeOf: boom, isExtensible: boom,
    preventExtensions: boom,
  });
}

/** A function whose traps all throw (typeof 'function'). */
function trapFunction(label = 'trap function') {
  const boom = () => { throw new Error(label + ' was touched'); };
  return new Proxy(function target() {}, {
    get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom, apply: boom,
    construct: boom,
  });
}

function revokedProxy() {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function revokedFunction() {
  const { proxy, revoke } = Proxy.revocable(function target() {}, {});
  revoke();
  return proxy;
}

/** Its getters throw a hostile value themselves. */
function throwingGetters() {
  const thrown = trapProxy('thrown by a getter');
  return {
    get message() { throw thrown; },
    get then() { throw thrown; },
    get name() { throw thrown; },
    get stack() { throw thrown; },
    get constructor() { throw thrown; },
    toString() { throw thrown; },
  };
}

/**
 * An object whose fields are getters that log their key into reads, and throw where the value
 * given is 'throws': what shows which fields a reader reads, in what order, and how often.
 */
function loggingObject(fields, reads) {
  const made = {};
  for (const [key, value] of Object.entries(fields)) {
    Object.defineProperty(made, key, { enumerable: true, get() {
      reads.push(key);
      if (value === 'throws') throw new Error(`boom ${key}`);
      return value;
    } });
  }
  return made;
}

/** Hostile, yet a readable object with no string keys of interest: accepted where an empty object is. */
const READABLE = ['an object whose getters throw a trap Proxy', 'an object with a throwing Symbol.toPrimitive'];

/** The hostile values each case is run with, by name (fresh ones per call). */
function hostileValues() {
  return {
    'a Proxy whose traps all throw': trapProxy(),
    'a function Proxy whose traps all throw': trapFunction(),
    'a revoked Proxy': revokedProxy(),
    'a revoked function Proxy': revokedFunction(),
    'an object whose getters throw a trap Proxy': throwingGetters(),
    'an object with a throwing Symbol.toPrimitive': { [Symbol.toPrimitive]() { throw new Error('toPrimitive'); } },
    'a Symbol': Symbol('hostile'),
  };
}

/** Runs fn, counting console.error calls without touching their arguments. */
async function countingConsoleErrors(fn) {
  const original = console.error;
  let count = 0;
  console.error = (...args) => { count++; original.apply(console, args); };
  try {
    await fn();
  } finally {
    console.error = original;
  }
  return count;
}

class Pass {
  inports = ['in'];
  outports = ['out'];
  run(context) {
    context.send({ out: context.input.in });
  }
}

class Sink {
  inports = ['in'];
  run(context) {
    context.config.into.push(context.input.in);
  }
}

/** A network a ← … → sink that must still deliver after the hostile part did its worst. */
function healthyBranch(net, into) {
  net.registerActor('HealthyPass', Pass).registerActor('HealthySink', Sink);
  net.addNode('healthy', 'HealthyPass').addNode('healthySink', 'HealthySink', { into });
  net.addConnection('healthy', 'out', 'healthySink', 'in');
}

/** Sends 1, 2, 3 to the healthy branch and checks they all arrived. */
async function assertStillWorks(net, into, what) {
  const before = into.length;
  for (const n of [1, 2, 3]) net.send('healthy', 'in', n);
  await net.idle();
  assertEquals(into.slice(before), [1, 2, 3], 'packets through the healthy branch after ' + what);
}

for (const [name, make] of Object.entries({
  sync: value => class { inports = ['in']; run() { throw value; } },
  async: value => class { inports = ['in']; async run() { await null; throw value; } },
  'a Promise rejecting': value => class { inports = ['in']; run() { return Promise.reject(value); } },
  // Two parameters make it a legacy actor (run(input, callback)); it throws before using them.
  // eslint-disable-next-line no-unused-vars
  legacy: value => class { inports = ['in']; run(input, callback) { throw value; } },
})) {
  test(`thrown: a ${name} run throwing a hostile value gives one 'error' event carrying it, and the network goes on`, async (tf) => {
    for (const [what, value] of Object.entries(hostileValues())) {
      const net = new tf.Network();
      const into = [];
      healthyBranch(net, into);
      net.registerActor('Thrower', make(value)).addNode('t', 'Thrower');
      const errors = [];
      net.on('error', e => errors.push(e));
      await net.start();
      net.send('t', 'in', 1);
      net.send('t', 'in', 2);
      await net.idle();
      assertSame(errors.length, 2, `error events for ${what}`);
      for (const e of errors) {
        assertSame(e.node, 't', `the error event's node for ${what}`);
        assertSame(e.error, value, `the error event's error for ${what}`);
        assertType(e.message, 'string', `the error event's message for ${what}`);
        assert(e.message.length > 0, `the error event's message for ${what} is empty`);
      }
      await assertStillWorks(net, into, what);
    }
  });
}

test('thrown: a run returning a hostile value (or a thenable whose then getter throws) is an error event, not a wedge', async (tf) => {
  for (const [what, value] of Object.entries(hostileValues())) {
    const net = new tf.Network();
    const into = [];
    healthyBranch(net, into);
    net.registerActor('Returner', class { inports = ['in']; run() { return value; } }).addNode('r', 'Returner');
    const errors = [];
    net.on('error', e => errors.push(e));
    await net.start();
    net.send('r', 'in', 1);
    net.send('r', 'in', 2);
    await net.idle();
    // A plain hostile object is not a thenable when its then cannot be read: the run is reported.
    assert(errors.every(e => e.node === 'r' && typeof e.message === 'string'), `error events for ${what}: ${errors.map(e => e.message)}`);
    await assertStillWorks(net, into, what);
  }
});

test('thrown: an actor constructor throwing a hostile value makes addNode throw an Error naming the actor; nothing is added', async (tf) => {
  for (const [what, value] of Object.entries(hostileValues())) {
    const net = new tf.Network();
    net.registerActor('Bad', class { inports = ['in']; constructor() { throw value; } run() {} });
    const error = assertThrows(() => net.addNode('b', 'Bad'), Error, ['Bad'], `addNode of an actor throwing ${what}`);
    assertType(error.message, 'string', 'the message');
    assertThrows(() => net.state('b'), Error, ['b'], `net.state of the node that was not added (${what})`);
    net.addNode('b', 'core/Repeat');
  }
});

test('thrown: actor port declarations that throw when read are refused by a TypeError naming the actor', async (tf) => {
  for (const [what, value] of Object.entries(hostileValues())) {
    for (const field of ['inports', 'outports', 'awaitAllInports', 'state']) {
      const net = new tf.Network();
      const actor = class { run() {} };
      Object.defineProperty(actor.prototype, field, { get() { throw value; } });
      net.registerActor('Bad', actor);
      assertThrows(() => net.addNode('b', 'Bad'), Error, ['Bad', field], `addNode of an actor whose ${field} throws ${what}`);
      assertThrows(() => net.state('b'), Error, ['b'], `the node whose ${field} threw ${what} was not added`);
    }
    const net = new tf.Network();
    const ports = new tf.Network(); // a port list holding a hostile entry
    ports.registerActor('Bad', class { inports = [value]; run() {} });
    assertThrows(() => ports.addNode('b', 'Bad'), TypeError, ['Bad', 'inports[0]'], `an inports entry that is ${what}`);
    ports.registerActor('BadCapacity', class { inports = [{ name: 'in', capacity: value }]; run() {} });
    assertThrows(() => ports.addNode('c', 'BadCapacity'), TypeError, ['BadCapacity', 'capacity'], `a capacity that is ${what}`);
    net.registerActor('Fine', Pass).addNode('f', 'Fine');
  }
});

test('thrown: an actor constructor returning a hostile instance makes addNode throw an Error naming the actor', async (tf) => {
  for (const [what, value] of Object.entries(hostileValues())) {
    if (typeof value !== 'object' && typeof value !== 'function') continue; // new only returns objects
    const net = new tf.Network();
    net.registerActor('Bad', class { constructor() { return value; } run() {} });
    assertThrows(() => net.addNode('b', 'Bad'), Error, ['Bad'], `addNode of an actor whose instance is ${what}`);
    assertThrows(() => net.state('b'), Error, ['b'], `the node whose instance was ${what} was not added`);
  }
});

test('listeners: hostile functions as listeners and subscribers are reported when they fail; nothing else is', async (tf) => {
  const net = new tf.Network();
  const into = [];
  healthyBranch(net, into);
  for (const listener of [revokedFunction(), trapFunction()]) {
    net.on('data', listener);
    net.state('healthySink').subscribe(listener);
  }
  await net.start();
  await assertStillWorks(net, into, 'hostile listeners');
  net.state('healthySink').set('k', 1);
  assertSame(net.state('healthySink').get('k'), 1, 'a set with hostile subscribers');
}, { allowErrorLogs: true });

test('thrown: registerActor of a hostile value is a TypeError naming the actor', async (tf) => {
  for (const [what, value] of Object.entries(hostileValues())) {
    const net = new tf.Network();
    assertThrows(() => net.registerActor('Bad', value), TypeError, ['Bad'], `registerActor of ${what}`);
    assertThrows(() => net.addNode('b', 'Bad'), Error, ['Bad'], `addNode of the actor refused for ${what}`);
  }
});

test('listeners: event listeners throwing hostile values are reported; send, idle and the other listeners go on', async (tf) => {
  for (const [what, value] of Object.entries(hostileValues())) {
    const net = new tf.Network();
    const into = [];
    healthyBranch(net, into);
    const heard = [];
    for (const type of ['start', 'data', 'idle', 'error', '*']) net.on(type, () => { throw value; });
    net.on('data', e => heard.push(e.value));
    const consoleErrors = await countingConsoleErrors(async () => {
      await net.start();
      net.send('healthy', 'in', 'a');
      await net.idle();
      net.send('healthy', 'in', 'b');
      await net.idle();
    });
    assertEquals(into, ['a', 'b'], `packets delivered while listeners throw ${what}`);
    assertEquals(heard, ['a', 'a', 'b', 'b'], `what the healthy data listener heard (${what})`);
    assert(consoleErrors > 0, `listeners throwing ${what} should be reported on console.error`);
    await assertStillWorks(net, into, what);
  }
}, { allowErrorLogs: true });

test('listeners: state subscribers throwing hostile values are reported; set, Java changes and the others go on', async (tf) => {
  for (const [what, value] of Object.entries(hostileValues())) {
    const net = new tf.Network();
    net.addNode('c', 'core/Counter');
    const errors = [];
    net.on('error', e => errors.push(e));
    const handle = net.state('c');
    handle.subscribe(() => { throw value; });
    const heard = [];
    handle.subscribe((key, v) => heard.push([key, v]));
    await net.start();
    assertSame(handle.set('step', 2), handle, `set while a subscriber throws ${what} returns the handle`);
    handle.setAll({ note: 'x' });
    handle.update('note', n => n + 'y');
    assertSame(handle.remove('note'), true, 'remove while a subscriber throws');
    net.send('c', 'in', 'go');
    net.send('c', 'in', 'go');
    await net.idle();
    assertSame(handle.get('count'), 4, `Java's count with a subscriber throwing ${what}`);
    assertEquals(heard, [['step', 2], ['note', 'x'], ['note', 'xy'], ['note', undefined], ['count', 2], ['count', 4]],
      `what the healthy subscriber heard (${what})`);
    assert(errors.length >= 2 && errors.every(e => e.error === value && typeof e.message === 'string'),
      `subscriber throws of ${what} are reported as error events carrying the value: ${errors.length}`);
  }
}, { allowErrorLogs: true });

test('values: hostile packets, configs and state values pass through JS and Java nodes by identity', async (tf) => {
  const values = Object.values(hostileValues());
  const net = new tf.Network();
  const into = [];
  const config = trapProxy('config');
  class ConfigEcho {
    inports = ['in'];
    outports = ['out'];
    run(context) {
      context.state.set('last', context.input.in);
      context.send({ out: context.config === config ? context.input.in : 'wrong config' });
    }
  }
  net.registerActor('Echo', ConfigEcho).registerActor('Sink', Sink);
  net.addNode('e', 'Echo', config).addNode('r', 'core/Repeat').addNode('c', 'core/Collect').addNode('s', 'Sink', { into });
  net.addConnection('e', 'out', 'r', 'in').addConnection('r', 'out', 's', 'in').addConnection('r', 'out', 'c', 'in');
  const data = [];
  net.on('data', e => { if (e.node === 's') data.push(e.value); });
  await net.start();
  for (const value of values) net.send('e', 'in', value);
  await net.idle();
  assertSame(into.length, values.length, 'packets arrived');
  values.forEach((value, i) => {
    assertSame(into[i], value, `packet ${i} through JS and Java`);
    assertSame(data[i], value, `the data event of packet ${i}`);
    assertSame(net.state('c').get('items')[i], value, `core/Collect's item ${i}`);
  });
  assertSame(net.state('e').get('last'), values[values.length - 1], 'the state value set from JS');
  const handle = net.state('e');
  for (const value of values) {
    handle.set('v', value);
    assertSame(handle.get('v'), value, 'get of a hostile state value');
    assertSame(handle.getAll().v, value, 'getAll of a hostile state value');
    assertSame(handle.update('v', old => old), value, 'update of a hostile state value');
  }
});

test('values: send(outputs) with a hostile outputs object ends the run with an error event naming the node; nothing is sent', async (tf) => {
  for (const [what, value] of Object.entries(hostileValues())) {
    for (const legacy of [false, true]) {
      const net = new tf.Network();
      const into = [];
      healthyBranch(net, into);
      const Actor = legacy
        ? class { inports = ['in']; outports = ['out']; run(input, callback) { callback(value); } }
        : class { inports = ['in']; outports = ['out']; run(context) { context.send(value); } };
      net.registerActor('Sender', Actor).registerActor('Sink', Sink);
      const got = [];
      net.addNode('x', 'Sender').addNode('s', 'Sink', { into: got }).addConnection('x', 'out', 's', 'in');
      const errors = [];
      net.on('error', e => errors.push(e));
      await net.start();
      net.send('x', 'in', 1);
      await net.idle();
      assertEquals(got, [], `packets sent by send(${what})${legacy ? ' (legacy)' : ''}`);
      // An object with no string keys is an empty send; one with getters names undeclared ports.
      const expected = what === 'an object with a throwing Symbol.toPrimitive' ? 0 : 1;
      assertSame(errors.length, expected, `error events for send(${what})${legacy ? ' (legacy)' : ''}`);
      if (expected === 0) continue;
      assertSame(errors[0].node, 'x', 'the error names the node');
      // Refused as not an object, as unreadable, or (an object with getters) as naming undeclared ports.
      assertMentions(errors[0], ["'x'"], 'the error of a hostile outputs object');
      await assertStillWorks(net, into, 'send(' + what + ')');
    }
  }
});

test('values: send(outputs) reading a throwing getter sends nothing of that call', async (tf) => {
  const net = new tf.Network();
  const got = [];
  class Partial {
    inports = ['in'];
    outports = ['a', 'b'];
    run(context) {
      context.send({ a: 1, get b() { throw trapProxy('outputs.b'); } });
    }
  }
  net.registerActor('Partial', Partial).registerActor('Sink', Sink);
  net.addNode('p', 'Partial').addNode('s', 'Sink', { into: got });
  net.addConnection('p', 'a', 's', 'in').addConnection('p', 'b', 's', 'in');
  const errors = [];
  net.on('error', e => errors.push(e));
  await net.start();
  net.send('p', 'in', 1);
  await net.idle();
  assertEquals(got, [], 'packets of a send whose outputs.b getter threw');
  assertSame(errors.length, 1, 'error events');
  assertMentions(errors[0], ["'p'", 'b'], 'the error of a throwing outputs getter');
});

test('state: setAll of a hostile object, or one with a throwing getter, throws a clear Error and changes nothing', async (tf) => {
  for (const [what, value] of Object.entries(hostileValues())) {
    const net = new tf.Network();
    net.addNode('n', 'core/Drop');
    const handle = net.state('n');
    handle.set('kept', 1);
    const heard = [];
    handle.subscribe(key => heard.push(key));
    try {
      handle.setAll(value); // only a readable object with no string keys is accepted, as a no-op
    } catch (error) {
      assertInstanceOf(error, Error, `what setAll(${what}) threw`);
      assertMentions(error, ['setAll'], `setAll(${what})`);
    }
    const partial = { first: 1, get second() { throw value; }, third: 3 };
    assertThrows(() => handle.setAll(partial), Error, ['setAll', 'second'], `setAll with a getter throwing ${what}`);
    assertEquals(handle.keys(), ['kept'], `keys after the refused setAll(${what})`);
    assertEquals(heard, [], `changes heard after the refused setAll(${what})`);
  }
});

test('state: hostile keys are TypeErrors naming the call; update with a throwing fn rethrows its value and changes nothing', async (tf) => {
  for (const [what, value] of Object.entries(hostileValues())) {
    const net = new tf.Network();
    net.addNode('n', 'core/Drop');
    const handle = net.state('n');
    for (const method of ['get', 'set', 'has', 'remove', 'update']) {  // hostile keys
      assertThrows(() => handle[method](value, () => 1), TypeError, [method], `state.${method}(${what})`);
    }
    handle.set('k', 1);
    let thrown;
    try { handle.update('k', () => { throw value; }); } catch (e) { thrown = e; }
    assertSame(thrown, value, `what update rethrows when fn throws ${what}`);
    assertSame(handle.get('k'), 1, `the value after update's fn threw ${what}`);
    if (typeof value !== 'function') {
      assertThrows(() => handle.update('k', value), TypeError, ['update'], `update('k', ${what})`);
    } else {
      let threw = false;
      try { handle.update('k', value); } catch { threw = true; }
      assert(threw, `update('k', ${what}) calls it, and it throws`);
      assertSame(handle.get('k'), 1, `the value after update('k', ${what})`);
    }
    if (typeof value !== 'function') {
      assertThrows(() => handle.subscribe(value), TypeError, ['subscribe'], `subscribe(${what})`);
    }
  }
});

test('state: snapshot of a state holding a hostile value throws an Error naming node and key; restore(hostile) is a TypeError', async (tf) => {
  for (const [what, value] of Object.entries(hostileValues())) {
    const net = new tf.Network();
    net.addNode('n', 'core/Drop');
    net.state('n').set('bad', value);
    if (what !== 'an object with a throwing Symbol.toPrimitive') { // JSON keeps it as {}, as JSON.stringify does
      assertThrows(() => net.snapshot(), Error, ["'n'", 'bad'], `snapshot of a state holding ${what}`);
      const skipped = net.snapshot({ skipUnserializable: true });
      assertEquals(Object.keys(skipped.state.n), [], `snapshot skipping ${what}`);
    }
    assertThrows(() => net.restore(value), TypeError, ['restore'], `restore(${what})`);
    if (!READABLE.includes(what)) { // a readable object without node keys restores nothing
      assertThrows(() => net.restore({ state: value }), TypeError, ['restore'], `restore({state: ${what}})`);
    }
    if (!READABLE.includes(what)) { // a readable object without string keys is an empty state
      assertThrows(() => net.restore({ state: { n: value } }), Error, ['restore'], `restore({state: {n: ${what}}})`);
    }
    // Options that are not an object are a TypeError; an object is read for skipUnserializable.
    if (!READABLE.includes(what)) assertThrows(() => net.snapshot(value), Error, ['snapshot'], `snapshot(${what})`);
    assertSame(net.state('n').get('bad'), value, `the state after the refused calls (${what})`);
  }
});

test('graphs: fromGraph, registerGraph and fromGraph options with hostile values throw Errors naming the call', async (tf) => {
  for (const [what, value] of Object.entries(hostileValues())) {
    if (!READABLE.includes(what)) { // a readable object without graph fields is an empty graph
      assertThrows(() => tf.Network.fromGraph(value), Error, ['graph'], `fromGraph(${what})`);
    }
    if (!READABLE.includes(what)) {
      assertThrows(() => tf.Network.fromGraph({ processes: value }), Error, ['processes'], `fromGraph({processes: ${what}})`);
    }
    assertThrows(() => tf.Network.fromGraph({ processes: { a: value } }), Error, ["'a'"], `fromGraph with process a = ${what}`);
    if (!READABLE.includes(what)) { // readable options without actors or graphs are no options
      assertThrows(() => tf.Network.fromGraph({ processes: {} }, value), TypeError, ['options'], `fromGraph options ${what}`);
    }
    if (!READABLE.includes(what)) {
      assertThrows(() => tf.Network.fromGraph({ processes: {} }, { actors: value }), Error, ['actors'], `fromGraph actors ${what}`);
      assertThrows(() => tf.Network.fromGraph({ processes: {} }, { graphs: value }), Error, ['graphs'], `fromGraph graphs ${what}`);
    }
    if (READABLE.includes(what)) continue; // a readable object without graph fields is an empty graph
    const net = new tf.Network();
    assertThrows(() => net.registerGraph('G', value), Error, ['G'], `registerGraph('G', ${what})`);
    assertThrows(() => net.addNode('g', 'G'), Error, ['G'], `the graph refused for ${what} is not registered`);
  }
});

test('graphs: an endpoint\'s fields are read in order, each getter once, and a throw names the connection and field', async (tf) => {
  // fromGraph reads an endpoint in one call into JS (a large graph has tens of thousands): it must
  // read exactly what reading field by field reads, stop where that stops, and say the same.
  const processes = { a: { component: 'core/Repeat' }, b: { component: 'core/Repeat' } };
  const reads = [];
  const endpoint = fields => loggingObject(fields, reads);
  const cases = [
    [{ process: 'throws', port: 'in' }, 'TypeError: graph: connection 1 tgt: reading "process" threw: boom process', 'process'],
    [{ process: 'b', port: 'throws' }, 'TypeError: graph: connection 1 tgt: reading "port" threw: boom port', 'process,port'],
    [{ process: 'b', port: 'in', index: 'throws' }, 'TypeError: graph: connection 1 tgt: reading "index" threw: boom index',
      'process,port,index'],
    [{ process: '', port: 'throws' }, 'Error: graph: connection 1: "tgt.process" must be a non-empty string (got an empty string)',
      'process'],
    [{ process: 7, port: 'throws' }, 'Error: graph: connection 1: "tgt.process" must be a non-empty string (got number 7)', 'process'],
    [{ process: 'b', port: null, index: 'throws' }, 'Error: graph: connection 1: "tgt.port" must be a non-empty string (got null)',
      'process,port'],
    [{ process: 'b', port: 'in', index: 1.5 }, 'Error: graph: connection 1: "tgt.index" must be a non-negative integer (got number 1.5)',
      'process,port,index'],
    [{ process: 'zz', port: 'in' }, "Error: graph: connection 1 (a.out -> zz.in): no process 'zz'", 'process,port'],
    [{ process: 'b', port: 'IN', index: null }, 'Error: graph: connection 1 (a.out -> b.IN) repeats connection 0', 'process,port,index'],
  ];
  for (const [fields, message, read] of cases) {
    reads.length = 0;
    const graph = { processes, connections: [{ src: { process: 'a', port: 'out' }, tgt: { process: 'b', port: 'in' } },
      { src: { process: 'a', port: 'out' }, tgt: endpoint(fields) }] };
    const error = assertThrows(() => tf.Network.fromGraph(graph), Error, [], JSON.stringify(fields));
    assertEquals(`${error instanceof TypeError ? 'TypeError' : 'Error'}: ${error.message}`, message, `the error for ${JSON.stringify(fields)}`);
    assertEquals(reads.join(','), read, `the fields read of ${JSON.stringify(fields)}`);
  }
  // A trap Proxy as an endpoint: its first read throws, and nothing of it is described.
  const trapped = { processes, connections: [{ src: trapProxy('src'), tgt: { process: 'b', port: 'in' } }] };
  assertThrows(() => tf.Network.fromGraph(trapped), TypeError, ['graph: connection 0 src: reading "process" threw'], 'a trap Proxy src');
  // A valid endpoint with an index and one without come back as given; ids and ports are the graph's own strings.
  const loaded = tf.Network.fromGraph({ processes, connections: [
    { src: endpoint({ process: 'a', port: 'out', index: 2 }), tgt: { process: 'b', port: 'in' } },
    { src: { process: 'b', port: 'out' }, tgt: endpoint({ process: 'a', port: 'in', index: null }) }] });
  assertEquals(loaded.toJSON().connections, [
    { src: { process: 'a', port: 'out', index: 2 }, tgt: { process: 'b', port: 'in' } },
    { src: { process: 'b', port: 'out' }, tgt: { process: 'a', port: 'in' } }], 'the connections read');
});

test('graphs: a process\'s fields are read in order, each getter once, and a throw names the process and field', async (tf) => {
  // fromGraph reads a process in one call into JS, as it reads an endpoint (see above).
  const reads = [];
  const process = fields => loggingObject(fields, reads);
  const cases = [
    [{ component: 'throws', metadata: {} }, 'TypeError: graph: process \'p\': reading "component" threw: boom component', 'component'],
    [{ component: '', metadata: 'throws' }, 'Error: graph: process \'p\': "component" must be a non-empty string (got an empty string)',
      'component'],
    [{ component: 4, metadata: 'throws' }, 'Error: graph: process \'p\': "component" must be a non-empty string (got number 4)', 'component'],
    [{ component: 'core/Repeat', metadata: 'throws' }, 'TypeError: graph: process \'p\': reading "metadata" threw: boom metadata',
      'component,metadata'],
    [{ component: 'core/Repeat', metadata: 3 }, 'Error: graph: process \'p\': "metadata" must be an object (got number 3)',
      'component,metadata'],
    [{ metadata: 'throws' }, 'Error: graph: process \'p\': "component" must be a non-empty string (got undefined)', ''],
  ];
  for (const [fields, message, read] of cases) {
    reads.length = 0;
    const graph = { processes: { a: { component: 'core/Repeat' }, p: process(fields) } };
    const error = assertThrows(() => tf.Network.fromGraph(graph), Error, [], JSON.stringify(fields));
    assertEquals(`${error instanceof TypeError ? 'TypeError' : 'Error'}: ${error.message}`, message, `the error for ${JSON.stringify(fields)}`);
    assertEquals(reads.join(','), read, `the fields read of ${JSON.stringify(fields)}`);
  }
  const throwingProcesses = new Proxy({ a: { component: 'core/Repeat' } }, { get() { throw new Error('no'); } });
  const error = assertThrows(() => tf.Network.fromGraph({ processes: throwingProcesses }), TypeError, [], 'a processes Proxy');
  assertEquals(error.message, 'graph: "processes": reading "a" threw: no', 'the error of a processes Proxy whose get throws');
  assertThrows(() => tf.Network.fromGraph({ processes: { a: trapProxy('a') } }), TypeError,
    ['graph: process \'a\': reading "component" threw'], 'a trap Proxy process');
  // Metadata read through a getter is kept as the very object; null metadata is none.
  const metadata = { x: 1 };
  reads.length = 0;
  const loaded = tf.Network.fromGraph({ processes: { p: process({ component: 'core/Repeat', metadata }),
    q: process({ component: 'core/Repeat', metadata: null }) } });
  assertEquals(reads.join(','), 'component,metadata,component,metadata', 'the fields read of two valid processes');
  assertSame(loaded.toJSON().processes.p.metadata, metadata, 'the metadata read');
});

test('graphs: a hostile initial packet (connection data) is a packet like any other', async (tf) => {
  const value = trapProxy('initial');
  const net = tf.Network.fromGraph({
    processes: { c: { component: 'core/Collect' } },
    connections: [{ data: value, tgt: { process: 'c', port: 'in' } }],
  });
  await net.start();
  await net.idle();
  assertSame(net.state('c').get('items')[0], value, 'the initial packet');
});

test('api: arguments that are hostile values are TypeErrors naming the call, never a trap', async (tf) => {
  for (const [what, value] of Object.entries(hostileValues())) {
    const net = new tf.Network();
    net.addNode('n', 'core/Repeat');
    assertThrows(() => net.addNode(value, 'core/Repeat'), TypeError, ['addNode'], `addNode(${what})`);
    assertThrows(() => net.addNode('m', value), TypeError, ['addNode'], `addNode('m', ${what})`);
    assertThrows(() => net.addConnection(value, 'out', 'n', 'in'), TypeError, ['addConnection'], `addConnection(${what})`);
    assertThrows(() => net.addInitial('n', value, 1), TypeError, ['addInitial'], `addInitial('n', ${what})`);
    assertThrows(() => net.state(value), TypeError, ['state'], `state(${what})`);
    assertThrows(() => net.on(value, () => {}), TypeError, ['on'], `on(${what})`);
    assertThrows(() => net.removeNode(value), TypeError, ['removeNode'], `removeNode(${what})`);
    await net.start();
    assertThrows(() => net.send(value, 'in', 1), TypeError, ['send'], `send(${what})`);
    assertThrows(() => net.send('n', value, 1), TypeError, ['send'], `send('n', ${what})`);
    net.send('n', 'in', value);
    await net.idle();
    await net.stop();
  }
});

test('init: hostile options are refused with a clear error, and a later init works', async () => {
  for (const [what, value] of Object.entries(hostileValues())) {
    if (READABLE.includes(what)) continue; // readable options without backend: the default backend
    let error;
    try { await Teaflow.init(value); } catch (e) { error = e; }
    assert(error instanceof Error, `init(${what}) should reject with an Error, got ${describe(error)}`);
    assertMentions(error, ['init'], `init(${what})`);
  }
  const tf = await Teaflow.init({ backend: BACKEND });
  assertSame(tf.backend, BACKEND, 'the backend after refused inits');
});
