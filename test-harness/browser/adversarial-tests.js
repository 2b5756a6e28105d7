// Adversarial cases: prototype pollution through every door a page has (state keys, setAll,
// getAll, graph JSON, node config, port names), faults (throwing actors, Promises that never
// settle, stop() and other re-entrant calls from inside a run, throwing subscribers) and a short
// soak. Run on every backend by AdversarialTest.java, one fresh page per case.
'use strict';

// ---------------------------------------------------------------------------------------------
// Helpers (macrotask, range, waitUntil, record, network, Sink, Pass, … are in helpers.js)

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Resolves to 'settled' if promise settles within ms, else 'timer'. */
function raceTimer(promise, ms) {
  return Promise.race([promise.then(() => 'settled', () => 'settled'), sleep(ms).then(() => 'timer')]);
}

/** Captures console.error calls while fn runs (still passing them on). */
async function capturingConsoleErrors(fn) {
  const original = console.error;
  const calls = [];
  console.error = (...args) => { calls.push(args.map(a => a instanceof Error ? a.name + ': ' + a.message : String(a)).join(' ')); original.apply(console, args); };
  try {
    await fn(calls);
  } finally {
    console.error = original;
  }
  return calls;
}

const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const ownValue = (object, key) => { const d = Object.getOwnPropertyDescriptor(object, key); return d && d.value; };

const DANGEROUS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

// ---------------------------------------------------------------------------------------------
// 1. Prototype pollution

test('pollution: set/get/has/keys/remove with __proto__, constructor, prototype store plain keys', async (tf) => {
  const net = new tf.Network();
  net.addNode('n', 'core/Drop');
  const handle = net.state('n');
  const values = {};
  for (const key of DANGEROUS) {
    values[key] = { polluted: 'via ' + key, key };
    handle.set(key, values[key]);
  }
  for (const key of DANGEROUS) {
    assertSame(handle.get(key), values[key], 'get(' + JSON.stringify(key) + ')');
    assertSame(handle.has(key), true, 'has(' + JSON.stringify(key) + ')');
  }
  assertEquals(handle.keys(), DANGEROUS, 'keys()');
  assertSame(handle.size, DANGEROUS.length, 'size');
  assertSame(handle.has('polluted'), false, "has('polluted')");
  assertSame(handle.get('polluted'), undefined, "get('polluted')");
  assertPrototypesUntouched();
  const all = handle.getAll();
  for (const key of DANGEROUS) {
    assert(own(all, key), 'getAll() should have an own property ' + JSON.stringify(key) + '; its own keys: ' + describe(Object.keys(all)));
    assertSame(ownValue(all, key), values[key], 'getAll()[' + JSON.stringify(key) + ']');
  }
  assertSame(all.polluted, undefined, 'getAll().polluted (its prototype must not be the stored value)');
  const proto = Object.getPrototypeOf(all);
  assert(proto === Object.prototype || proto === null, 'getAll() should be a plain object; its prototype: ' + describe(proto));
  assertSame(JSON.parse(JSON.stringify(handle)).__proto__ === undefined, false, 'JSON.stringify(handle) should carry the __proto__ entry');
  assertSame(handle.remove('__proto__'), true, "remove('__proto__')");
  assertSame(handle.has('__proto__'), false, "has('__proto__') after remove");
  assertSame(handle.get('constructor'), values.constructor, "get('constructor') after removing __proto__");
  handle.clear();
  assertSame(handle.size, 0, 'size after clear()');
  assertSame(handle.get('constructor'), undefined, "get('constructor') after clear(): an absent key, not Object");
  assertSame(handle.get('toString'), undefined, "get('toString') after clear(): an absent key, not Object.prototype.toString");
  assertSame(handle.has('hasOwnProperty'), false, "has('hasOwnProperty') after clear()");
  assertPrototypesUntouched();
});

test('pollution: setAll of JSON.parse with __proto__ stores it as a key, and getAll gives it back as an own key', async (tf) => {
  const net = new tf.Network();
  net.addNode('n', 'core/Drop');
  const handle = net.state('n');
  const parsed = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"polluted": "yes"}, "plain": 1}');
  assertSame(handle.setAll(parsed), handle, 'setAll returns the handle');
  assertEquals(handle.keys(), ['__proto__', 'constructor', 'prototype', 'plain'], 'keys() after setAll');
  assertSame(handle.get('__proto__'), ownValue(parsed, '__proto__'), "get('__proto__'): the identical parsed object");
  assertSame(handle.get('constructor'), parsed.constructor, "get('constructor')");
  assertSame(handle.get('prototype'), parsed.prototype, "get('prototype')");
  assertSame(handle.get('polluted'), undefined, "get('polluted')");
  const all = handle.getAll();
  assertSame(ownValue(all, '__proto__'), ownValue(parsed, '__proto__'), 'getAll() own __proto__');
  assertSame(all.polluted, undefined, 'getAll().polluted');
  assertSame(ownValue(all, 'constructor'), parsed.constructor, 'getAll() own constructor');
  // update and subscribe with the dangerous key
  const heard = [];
  handle.subscribe((key, value, old) => heard.push([key, value, old]));
  const next = handle.update('__proto__', old => ({ polluted: 'update', old }));
  assertSame(handle.get('__proto__'), next, "get('__proto__') after update");
  assertSame(next.old, ownValue(parsed, '__proto__'), 'update() passed the old value');
  await waitUntil(() => heard.length === 1, 'the subscriber to hear the update');
  assertSame(heard[0][0], '__proto__', 'the key the subscriber heard');
  assertSame(heard[0][1], next, 'the new value the subscriber heard');
  // a Java component writing into a state whose keys are the dangerous ones
  const c = new tf.Network();
  c.addNode('col', 'core/Collect');
  c.state('col').setAll(JSON.parse('{"__proto__": {"items": "not these"}, "constructor": 7}'));
  await c.start();
  c.send('col', 'in', 'a');
  await c.idle();
  assertEquals(c.state('col').get('items'), ['a'], "core/Collect's items beside a __proto__ key");
  assertEquals(c.state('col').keys(), ['__proto__', 'constructor', 'items'], "core/Collect's keys");
  assertPrototypesUntouched();
});

test('pollution: fromGraph with processes, exported ports, metadata and properties named __proto__/constructor/prototype', async (tf) => {
  const graph = JSON.parse(`{
    "caseSensitive": true,
    "properties": {"name": "evil", "__proto__": {"polluted": "properties"}, "constructor": {"prototype": {"polluted": "properties"}}},
    "inports": {"__proto__": {"process": "__proto__", "port": "in", "metadata": {"__proto__": {"polluted": "inport"}}}},
    "outports": {"constructor": {"process": "prototype", "port": "out"}},
    "groups": [{"name": "__proto__", "nodes": ["__proto__", "constructor"], "metadata": {"__proto__": {"polluted": "group"}}}],
    "processes": {
      "__proto__": {"component": "core/Repeat", "metadata": {"__proto__": {"polluted": "metadata"}, "x": 1}},
      "constructor": {"component": "core/Repeat", "metadata": {"constructor": {"prototype": {"polluted": "metadata"}}}},
      "prototype": {"component": "core/Repeat"},
      "toString": {"component": "core/Collect"}
    },
    "connections": [
      {"src": {"process": "__proto__", "port": "out"}, "tgt": {"process": "constructor", "port": "in"}},
      {"src": {"process": "constructor", "port": "out"}, "tgt": {"process": "prototype", "port": "in"}},
      {"src": {"process": "prototype", "port": "out"}, "tgt": {"process": "toString", "port": "in"}},
      {"data": {"__proto__": {"polluted": "iip"}}, "tgt": {"process": "__proto__", "port": "in"}}
    ]
  }`);
  const net = tf.Network.fromGraph(graph);
  assertPrototypesUntouched();
  const errors = record(net, 'error');
  await net.start();
  net.send('__proto__', 'in', 1);
  net.send('__proto__', 'in', 2);
  await net.idle();
  assertNoErrorEvents(errors);
  const items = net.state('toString').get('items');
  assert(Array.isArray(items) && items.length === 3, "node 'toString' should have collected 3 packets but has " + describe(items));
  assert(own(items[0], '__proto__') && items[0].polluted === undefined, 'the initial packet should keep __proto__ as an own key: ' + describe(items[0]));
  assertEquals(items.slice(1), [1, 2], "the packets sent to node '__proto__'");
  for (const id of ['__proto__', 'constructor', 'prototype']) {
    assertInstanceOf(net.state(id), tf.LiveMemoryStateHandle, 'net.state(' + JSON.stringify(id) + ')');
  }
  assertNotSame(net.state('__proto__'), net.state('constructor'), "the handles of nodes '__proto__' and 'constructor'");
  const out = net.toJSON();
  assertEquals(Object.keys(out.processes).sort(), ['__proto__', 'constructor', 'prototype', 'toString'], 'the processes of toJSON()');
  assert(own(out.processes, '__proto__'), 'toJSON().processes should have an own key __proto__');
  const protoProcess = ownValue(out.processes, '__proto__');
  assertSame(protoProcess.component, 'core/Repeat', "toJSON().processes['__proto__'].component");
  assert(own(protoProcess.metadata, '__proto__'), 'process metadata should keep __proto__ as an own key: ' + describe(protoProcess.metadata));
  assertSame(protoProcess.metadata.polluted, undefined, 'process metadata .polluted');
  assertSame(protoProcess.metadata.x, 1, 'process metadata .x');
  assert(own(out.properties, '__proto__') && out.properties.polluted === undefined, 'properties should keep __proto__ as an own key: ' + describe(out.properties));
  assert(own(out.inports, '__proto__'), 'toJSON().inports should keep the port named __proto__: ' + describe(out.inports));
  // the exported JSON round-trips: text → fromGraph again
  const again = tf.Network.fromGraph(JSON.parse(JSON.stringify(out)));
  assertEquals(Object.keys(again.toJSON().processes).sort(), ['__proto__', 'constructor', 'prototype', 'toString'], 'processes after a JSON round trip');
  assertPrototypesUntouched();
});

test('pollution: a registered graph exporting a port named __proto__ takes packets on it', async (tf) => {
  const inner = JSON.parse(`{
    "inports": {"__proto__": {"process": "constructor", "port": "in"}},
    "outports": {"prototype": {"process": "constructor", "port": "out"}},
    "processes": {"constructor": {"component": "core/Repeat"}}
  }`);
  const net = network(tf, { Sink });
  const into = [];
  net.registerGraph('Evil', inner);
  net.addNode('g', 'Evil');
  net.addNode('s', 'Sink', { into });
  net.addConnection('g', 'prototype', 's', 'in');
  const errors = record(net, 'error');
  await net.start();
  net.send('g', '__proto__', 'through');
  await net.idle();
  assertNoErrorEvents(errors);
  assertEquals(into, ['through'], 'what came out of the exported port prototype');
  assertInstanceOf(net.state('g/constructor'), tf.LiveMemoryStateHandle, "net.state('g/constructor')");
  assertThrows(() => net.send('g', 'toString', 1), Error, ['toString'], "send on a port 'toString' the graph does not export");
  assertPrototypesUntouched();
});

test('pollution: node config from JSON.parse with __proto__ reaches the actor as the same object', async (tf) => {
  const seen = [];
  class Reader {
    inports = ['in'];
    run(context) {
      seen.push({ config: context.config, polluted: context.config.polluted, own: own(context.config, '__proto__') });
    }
  }
  const config = JSON.parse('{"__proto__": {"polluted": "config"}, "constructor": {"prototype": {"polluted": "config"}}}');
  const net = network(tf, { Reader });
  net.addNode('r', 'Reader', config);
  net.addNode('c', 'core/Counter', JSON.parse('{"__proto__": {"polluted": "java config"}}'));
  await net.start();
  net.send('r', 'in', 1);
  net.send('c', 'in', 1);
  await net.idle();
  assertSame(seen.length, 1, 'runs of r');
  assertSame(seen[0].config, config, 'context.config: the identical object');
  assertSame(seen[0].own, true, 'context.config keeps __proto__ as an own key');
  assertSame(seen[0].polluted, undefined, 'context.config.polluted');
  assertSame(net.state('c').get('count'), 1, "core/Counter's count with an evil config");
  assertPrototypesUntouched();
});

test('pollution: an actor declaring a port __proto__ is refused with a TypeError naming it; ports constructor/prototype are own keys', async (tf) => {
  // Decided by the runtime (JsActorFactory): '__proto__' cannot be a port name of a JS actor.
  class ProtoPort {
    inports = ['__proto__'];
    outports = [];
    run() {}
  }
  const refusing = new tf.Network();
  assertThrows(() => {
    refusing.registerActor('ProtoPort', ProtoPort);
    refusing.addNode('e', 'ProtoPort');
  }, TypeError, ['ProtoPort', '__proto__'], "registerActor/addNode of an actor with an inport '__proto__'");
  assertThrows(() => refusing.state('e'), Error, ["'e'"], 'net.state of the node that was refused');
  assertPrototypesUntouched();

  const seen = [];
  class EvilPorts {
    inports = ['constructor', 'toString'];
    outports = ['prototype', 'hasOwnProperty'];
    run(context) {
      const input = context.input;
      seen.push({ ctorOwn: own(input, 'constructor'), ctor: ownValue(input, 'constructor'), toStr: ownValue(input, 'toString') });
      context.send({ prototype: 'p', hasOwnProperty: 'h' });
    }
  }
  const a = [];
  const b = [];
  const net = network(tf, { EvilPorts, Sink });
  net.addNode('e', 'EvilPorts');
  net.addNode('a', 'Sink', { into: a });
  net.addNode('b', 'Sink', { into: b });
  net.addConnection('e', 'prototype', 'a', 'in');
  net.addConnection('e', 'hasOwnProperty', 'b', 'in');
  const errors = record(net, 'error');
  await net.start();
  net.send('e', 'constructor', { polluted: 'input' });
  net.send('e', 'toString', 'ts');
  await net.idle();
  assertNoErrorEvents(errors);
  assertSame(seen.length, 2, 'runs of e');
  assertSame(seen[0].ctorOwn, true, "context.input has an own 'constructor' on the first run");
  assertEquals(seen[0].ctor, { polluted: 'input' }, "context.input.constructor");
  assertSame(seen[1].toStr, 'ts', 'context.input.toString (own) on the second run');
  assertEquals(a, ['p', 'p'], "what the 'prototype' outport delivered");
  assertEquals(b, ['h', 'h'], "what the 'hasOwnProperty' outport delivered");
  assertPrototypesUntouched();
});

test('pollution: a legacy actor writing this.state.__proto__ stores a key, not a prototype', async (tf) => {
  const legacy = {
    inports: ['in'],
    outports: [],
    run(input, callback) {
      this.state['__proto__'] = { polluted: 'legacy' };
      this.state.constructor = 'c';
      callback({});
    },
  };
  const net = network(tf, { legacy });
  net.addNode('l', 'legacy');
  const errors = record(net, 'error');
  await net.start();
  net.send('l', 'in', 1);
  await net.idle();
  assertNoErrorEvents(errors);
  assertEquals(net.state('l').get('__proto__'), { polluted: 'legacy' }, "get('__proto__') after this.state.__proto__ = …");
  assertSame(net.state('l').get('constructor'), 'c', "get('constructor')");
  assertPrototypesUntouched();
});

// ---------------------------------------------------------------------------------------------
// 2. Faults

test('fault: an actor throwing on every 3rd of 300 packets gives exactly those 100 error events; the other 200 arrive in order', async (tf) => {
  class Picky {
    inports = ['in'];
    outports = ['out'];
    run(context) {
      const n = context.input.in;
      if (n % 3 === 0) throw new Error('bad packet #' + n + '#');
      context.send({ out: n });
    }
  }
  const into = [];
  const net = network(tf, { Picky, Sink });
  net.addNode('p', 'Picky');
  net.addNode('s', 'Sink', { into });
  net.addConnection('p', 'out', 's', 'in');
  const errors = record(net, 'error');
  await net.start();
  for (let n = 1; n <= 300; n++) net.send('p', 'in', n);
  await net.idle();
  const expectedFailed = range(100).map(i => (i + 1) * 3);
  const failedNumbers = errors.map(e => {
    const match = /bad packet #(\d+)#/.exec(String(e.message));
    return match ? Number(match[1]) : 'message ' + describe(e.message);
  });
  assertEquals(failedNumbers.length, 100, 'the number of error events');
  assertEquals(failedNumbers, expectedFailed, 'the packet numbers named by the error events, in order');
  for (const e of errors) {
    assertSame(e.type, 'error', 'event.type');
    assertSame(e.node, 'p', 'event.node');
    assertInstanceOf(e.error, Error, 'event.error');
  }
  assertEquals(into, range(300).map(i => i + 1).filter(n => n % 3 !== 0), 'what reached the sink');
}, { allowErrorLogs: true });

test('fault: a Promise that never settles blocks only its node; a parallel branch delivers everything and idle() does not resolve', async (tf) => {
  let hangRuns = 0;
  class Hang {
    inports = ['in'];
    run() {
      hangRuns++;
      return new Promise(() => {});
    }
  }
  const into = [];
  const net = network(tf, { Hang, Pass, Sink });
  net.addNode('src', 'core/Repeat');
  net.addNode('hang', 'Hang');
  net.addNode('p', 'Pass');
  net.addNode('r', 'core/Repeat');
  net.addNode('s', 'Sink', { into });
  net.addConnection('src', 'out', 'hang', 'in');
  net.addConnection('src', 'out', 'p', 'in');
  net.addConnection('p', 'out', 'r', 'in');
  net.addConnection('r', 'out', 's', 'in');
  const errors = record(net, 'error');
  await net.start();
  for (let n = 0; n < 50; n++) net.send('src', 'in', n);
  await waitUntil(() => into.length === 50, 'the parallel branch to deliver 50 packets');
  assertEquals(into, range(50), 'what the parallel branch delivered');
  assertSame(hangRuns, 1, 'runs of the hanging node (not run again until its Promise settles)');
  assertSame(await raceTimer(net.idle(), 300), 'timer', 'net.idle() raced against a 300 ms timer');
  // the rest of the network still works while the node hangs
  net.send('p', 'in', 'late');
  await waitUntil(() => into.length === 51, 'a late packet on the healthy branch');
  assertSame(into[50], 'late', 'the late packet');
  assertSame(hangRuns, 1, 'runs of the hanging node after the late packet');
  assertNoErrorEvents(errors);
});

test('fault: stop() called from inside a run stops the network, emits stop, and no run starts afterwards; restart resumes', async (tf) => {
  const runs = [];
  let stopPromise = null;
  let net;
  class Stopper {
    inports = ['in'];
    outports = ['out'];
    run(context) {
      const n = context.input.in;
      runs.push(n);
      if (n === 3 && stopPromise === null) stopPromise = net.stop();
      context.send({ out: n });
    }
  }
  const into = [];
  net = network(tf, { Stopper, Sink });
  net.addNode('st', 'Stopper');
  net.addNode('s', 'Sink', { into });
  net.addConnection('st', 'out', 's', 'in');
  const stops = record(net, 'stop');
  const errors = record(net, 'error');
  await net.start();
  for (let n = 1; n <= 10; n++) net.send('st', 'in', n);
  await waitUntil(() => stopPromise !== null, 'the run that calls stop()');
  assert(stopPromise && typeof stopPromise.then === 'function', 'net.stop() from inside a run should return a Promise, returned ' + describe(stopPromise));
  assertSame(await raceTimer(stopPromise, 3000), 'settled', 'the stop() Promise called from inside a run (settling)');
  await sleep(100);
  assertEquals(runs, [1, 2, 3], 'the runs of st (none after the one that called stop)');
  assertSame(stops.length, 1, "the number of 'stop' events");
  assertNoErrorEvents(errors);
  const deliveredBeforeRestart = into.slice();
  assert(deliveredBeforeRestart.length <= 3, 'the sink should not have run past the stop, it got ' + describe(deliveredBeforeRestart));
  // nothing was lost: restarting delivers the queued packets
  await net.start();
  await net.idle();
  assertEquals(runs, range(10).map(i => i + 1), 'the runs of st after a restart (the queued packets kept)');
  assertEquals(into, range(10).map(i => i + 1), 'what the sink got in all');
  await net.stop();
});

test('fault: re-entrant net.send and net.state(other).set from inside a run work and lose nothing', async (tf) => {
  let net;
  class Reentrant {
    inports = ['in'];
    outports = [];
    run(context) {
      const n = context.input.in;
      net.send('b', 'in', n * 10);
      net.state('c').set('last', n);
      net.state('c').update('sum', s => (s || 0) + n);
      context.state.set('mine', n);
    }
  }
  const into = [];
  net = network(tf, { Reentrant, Sink });
  net.addNode('a', 'Reentrant');
  net.addNode('b', 'Sink', { into });
  net.addNode('c', 'core/Counter');
  const errors = record(net, 'error');
  await net.start();
  for (let n = 1; n <= 100; n++) net.send('a', 'in', n);
  await net.idle();
  assertNoErrorEvents(errors);
  assertEquals(into, range(100).map(i => (i + 1) * 10), 'what b got through net.send from inside a');
  assertSame(net.state('c').get('last'), 100, "c's last");
  assertSame(net.state('c').get('sum'), 5050, "c's sum");
  assertSame(net.state('a').get('mine'), 100, "a's own state");
  // c still works as a Java component with the extra keys
  net.send('c', 'in', 'x');
  await net.idle();
  assertSame(net.state('c').get('count'), 1, "core/Counter's count");
  await net.stop();
});

test('fault: re-entrant net.stop() from inside a Promise-returning run settles once that run settles', async (tf) => {
  let net;
  let stopPromise = null;
  const runs = [];
  class AsyncStopper {
    inports = ['in'];
    async run(context) {
      runs.push(context.input.in);
      stopPromise = net.stop();
      await sleep(20);
      net.state('x').set('after', 'stop');
    }
  }
  net = network(tf, { AsyncStopper });
  net.addNode('a', 'AsyncStopper');
  net.addNode('x', 'core/Drop');
  const stops = record(net, 'stop');
  await net.start();
  net.send('a', 'in', 1);
  net.send('a', 'in', 2);
  await waitUntil(() => stopPromise !== null, 'the run that calls stop()');
  assertSame(await raceTimer(stopPromise, 3000), 'settled', 'the stop() Promise');
  assertSame(net.state('x').get('after'), 'stop', 'the work the run did after calling stop() (stop waits for it)');
  await sleep(50);
  assertEquals(runs, [1], 'runs of a');
  assertSame(stops.length, 1, "'stop' events");
});

test('fault: a throwing subscriber does not break the state or the other subscribers, and is reported', async (tf) => {
  const heard = [];
  const errors = [];
  let net;
  const consoleErrors = await capturingConsoleErrors(async () => {
    net = new tf.Network();
    net.addNode('c', 'core/Counter');
    net.on('error', e => errors.push(e));
    const handle = net.state('c');
    handle.subscribe(() => { throw new Error('subscriber #fails#'); });
    handle.subscribe((key, value) => heard.push([key, value]));
    await net.start();
    handle.set('step', 2);
    for (let i = 0; i < 5; i++) net.send('c', 'in', 'x');
    await net.idle();
    handle.set('note', 'js');
    await sleep(50);
  });
  assertSame(net.state('c').get('count'), 10, "core/Counter's count");
  assertSame(net.state('c').get('note'), 'js', "the key set from JS");
  assertEquals(heard.filter(([key]) => key === 'count').map(([, v]) => v), [2, 4, 6, 8, 10], 'count changes the healthy subscriber heard');
  assertEquals(heard.filter(([key]) => key !== 'count'), [['step', 2], ['note', 'js']], 'other changes the healthy subscriber heard');
  const reported = errors.some(e => String(e.message).includes('subscriber #fails#')) ||
      consoleErrors.some(text => text.includes('subscriber #fails#'));
  assert(reported, 'the subscriber\'s error should be reported (an error event or console.error mentioning it); error events: ' +
      describe(errors.map(e => e.message)) + ', console.error: ' + describe(consoleErrors));
}, { allowErrorLogs: true });

// ---------------------------------------------------------------------------------------------
// 3. Short soak

const SOAK_BUDGET_MS = 10000;

function assertWithinBudget(started, what) {
  const elapsed = performance.now() - started;
  assert(elapsed < SOAK_BUDGET_MS, what + ' took ' + Math.round(elapsed) + ' ms, over the ' + SOAK_BUDGET_MS + ' ms budget');
}

test('soak: 100,000 packets through a 10-stage chain alternating JS actors and core/Repeat arrive in order', async (tf) => {
  const N = 100000;
  let expected = 0;
  let outOfOrder = null;
  class OrderedCounter {
    inports = ['in'];
    run(context) {
      const n = context.input.in;
      if (n !== expected && outOfOrder === null) outOfOrder = 'expected ' + expected + ' but got ' + n;
      expected = n + 1;
    }
  }
  const net = network(tf, { Pass, OrderedCounter });
  for (let i = 0; i < 10; i++) net.addNode('n' + i, i % 2 === 0 ? 'Pass' : 'core/Repeat');
  for (let i = 0; i < 9; i++) net.addConnection('n' + i, 'out', 'n' + (i + 1), 'in');
  net.addNode('end', 'OrderedCounter');
  net.addConnection('n9', 'out', 'end', 'in');
  const started = performance.now();
  await net.start();
  for (let n = 0; n < N; n++) net.send('n0', 'in', n);
  await idleOrFirstError(net);
  assertSame(outOfOrder, null, 'the order at the end of the chain');
  assertSame(expected, N, 'packets that reached the end');
  assertWithinBudget(started, '100,000 packets through 10 stages');
  await net.stop();
}, { timeoutMs: 30000 });

test('soak: one source fanned out to 1000 sinks (core/Collect and JS), 10 packets each: 10,000 deliveries', async (tf) => {
  const counts = new Array(500).fill(0);
  class Count {
    inports = ['in'];
    run(context) {
      counts[context.config.i]++;
    }
  }
  const net = network(tf, { Count });
  net.addNode('src', 'core/Repeat');
  for (let i = 0; i < 500; i++) {
    net.addNode('col' + i, 'core/Collect');
    net.addNode('js' + i, 'Count', { i });
    net.addConnection('src', 'out', 'col' + i, 'in');
    net.addConnection('src', 'out', 'js' + i, 'in');
  }
  const started = performance.now();
  await net.start();
  for (let n = 0; n < 10; n++) net.send('src', 'in', n);
  await idleOrFirstError(net);
  let collected = 0;
  for (let i = 0; i < 500; i++) {
    const items = net.state('col' + i).get('items');
    assertEquals(items, range(10), "items of core/Collect 'col" + i + "'");
    collected += items.length;
  }
  const counted = counts.reduce((a, b) => a + b, 0);
  assertEquals(counts.filter(c => c !== 10).length, 0, 'JS sinks that did not get exactly 10 packets');
  assertSame(collected + counted, 10000, 'deliveries in all');
  assertWithinBudget(started, 'the 1 → 1000 fan-out');
  await net.stop();
}, { timeoutMs: 30000 });

test('soak: a network of 10,000 core/Repeat nodes in a chain builds and runs', async (tf) => {
  const N = 10000;
  const started = performance.now();
  const net = new tf.Network();
  for (let i = 0; i < N; i++) net.addNode('r' + i, 'core/Repeat');
  for (let i = 0; i < N - 1; i++) net.addConnection('r' + i, 'out', 'r' + (i + 1), 'in');
  net.addNode('col', 'core/Collect');
  net.addConnection('r' + (N - 1), 'out', 'col', 'in');
  await net.start();
  for (let n = 0; n < 5; n++) net.send('r0', 'in', n);
  await idleOrFirstError(net);
  assertEquals(net.state('col').get('items'), range(5), 'what reached the end of the 10,000-node chain');
  assertWithinBudget(started, 'building and running 10,000 nodes');
  await net.stop();
}, { timeoutMs: 30000 });

test('soak: a network of 10,000 nodes in a star (one source, 9,999 core/Repeat → one collector) builds and runs', async (tf) => {
  const N = 9999;
  const started = performance.now();
  const net = new tf.Network();
  net.addNode('src', 'core/Repeat');
  net.addNode('col', 'core/Collect');
  for (let i = 0; i < N - 1; i++) {
    net.addNode('r' + i, 'core/Repeat');
    net.addConnection('src', 'out', 'r' + i, 'in');
    net.addConnection('r' + i, 'out', 'col', 'in');
  }
  await net.start();
  net.send('src', 'in', 'p');
  await idleOrFirstError(net);
  const items = net.state('col').get('items');
  assertSame(items && items.length, N - 1, 'packets the collector got');
  assert(items.every(x => x === 'p'), 'every collected packet should be "p"');
  assertWithinBudget(started, 'building and running the star');
  await net.stop();
}, { timeoutMs: 30000 });

test('soak: a 100,000-iteration cycle through a JS actor and core/Repeat ends without stack overflow', async (tf) => {
  const N = 100000;
  class Loop {
    inports = ['in'];
    outports = ['out', 'done'];
    run(context) {
      const n = context.input.in;
      if (n < N) context.send({ out: n + 1 });
      else context.send({ done: n });
    }
  }
  const net = network(tf, { Loop });
  net.addNode('l', 'Loop');
  net.addNode('r', 'core/Repeat');
  net.addNode('c', 'core/Counter');
  net.addNode('done', 'core/Collect');
  net.addConnection('l', 'out', 'r', 'in');
  net.addConnection('r', 'out', 'l', 'in');
  net.addConnection('r', 'out', 'c', 'in');
  net.addConnection('l', 'done', 'done', 'in');
  const started = performance.now();
  await net.start();
  net.send('l', 'in', 0);
  await idleOrFirstError(net);
  assertEquals(net.state('done').get('items'), [N], 'what the loop reported when done');
  assertSame(net.state('c').get('count'), N, 'packets that went round through core/Repeat');
  assertWithinBudget(started, 'the 100,000-iteration cycle');
  await net.stop();
}, { timeoutMs: 30000 });
