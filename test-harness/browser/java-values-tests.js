// What a Java component sees of page values and what the page sees of Java's (contract §8 and the
// table in docs/api/java-components.md), on both backends: the probe/Do component of
// test-components, compiled into its own bundle by teaflow-maven-plugin as a user's library is.
'use strict';

/** A network with one probe/Do node 'p' doing `operation`, its output recorded; returns {net, out, errors}. */
async function probe(tf, operation) {
  const out = [];
  const net = new tf.Network()
    .registerActor('Sink', class { inports = ['in']; outports = []; run(context) { out.push(context.input.in); } })
    .addNode('p', 'probe/Do', operation)
    .addNode('sink', 'Sink')
    .addConnection('p', 'out', 'sink', 'in');
  const errors = record(net, 'error');
  await net.start();
  return { net, out, errors };
}

/** Sends each packet to the probe and waits: the probe's outputs, one per packet. */
async function through(setup, ...packets) {
  for (const packet of packets) setup.net.send('p', 'in', packet);
  await setup.net.idle();
  return setup.out;
}

test('a library component is listed by components() like core/*, and registerActor of its name throws', async tf => {
  assert(tf.components().includes('probe/Do'), 'components() lists probe/Do: ' + tf.components().join(', '));
  assert(tf.components().includes('core/Repeat'), 'the built-ins are still there');
  const net = new tf.Network();
  assertThrows(() => net.registerActor('probe/Do', class { inports = ['in']; outports = []; run() {} }), Error,
    ['probe/Do'], 'registerActor of a library component');
});

test('JS values arrive in Java as the table says, and come back identical', async tf => {
  const object = { a: 1, b: 'two' };
  const array = [10, 20];
  const fn = () => 1;
  const symbol = Symbol('s');
  const setup = await probe(tf, 'describe');
  const out = await through(setup, 1.5, 'text', true, null, object, array, fn, symbol);
  assertEquals(out.map(d => d.type), ['Double', 'String', 'Boolean', 'null', 'Map', 'List', 'opaque', 'opaque'],
    'the Java types');
  assertSame(out[4].packet, object, 'the object back from Java');
  assertEquals(out[4].keys, ['a', 'b'], 'the Map view\'s keys');
  assertSame(out[4].size, 2, 'the Map view\'s size');
  assertSame(out[5].packet, array, 'the array back from Java');
  assertSame(out[5].size, 2, 'the List view\'s size');
  assertSame(out[5].first, 10, 'the List view\'s first element');
  assertSame(out[6].packet, fn, 'the function back from Java');
  assertSame(out[7].packet, symbol, 'the Symbol back from Java');
  for (const d of out) {
    assert(Object.getPrototypeOf(d) === Object.prototype, 'a newObject() reaches JS as a plain object');
    if (d.type !== 'null') assertSame(d.equalsItself, true, d.type + ' equals itself');
    assertSame(d.hashStable, true, d.type + ' has a stable hashCode');
  }
  assertNoErrorEvents(setup.errors);
});

test('a put or remove through the Map view changes the page\'s own object at once', async tf => {
  const object = { drop: 'me', keep: 1 };
  const out = await through(await probe(tf, 'annotate'), object);
  assertSame(out[0], object, 'the same object went on');
  assertEquals(object, { keep: 1, seenBy: 'java', count: 3 }, 'the object after Java changed it');
});

test('add, set and remove through the List view change the page\'s own array', async tf => {
  const array = ['a', 'b', 'c'];
  const out = await through(await probe(tf, 'annotate'), array);
  assertSame(out[0], array, 'the same array went on');
  assertEquals(array, ['zero', 'first', 'c', 'java'], 'the array after Java changed it');
});

test('nested reads keep identity; undefined and holes read as null; inherited getters are read', async tf => {
  const inner = { deep: true };
  class Priced { get price() { return 42; } }
  const packet = { a: { b: [0, inner, undefined, , 5] }, priced: new Priced() }; // eslint-disable-line no-sparse-arrays
  const results = [];
  for (const path of ['a.b.1', 'a.b.2', 'a.b.3', 'a.missing', 'priced.price', 'a.b.4']) {
    results.push((await through(await probe(tf, 'read:' + path), packet))[0]);
  }
  assertSame(results[0], inner, 'a nested object read through two views');
  assertSame(results[1], null, 'an undefined element');
  assertSame(results[2], null, 'a hole');
  assertSame(results[3], null, 'a missing key');
  assertSame(results[4], 42, 'a getter on the prototype');
  assertSame(results[5], 5, 'a number element');
});

test('Java Maps and Lists reach JS as new plain objects and arrays, boxed values as JS primitives', async tf => {
  const out = await through(await probe(tf, 'build'), 'go');
  const built = out[0];
  assertSame(Object.getPrototypeOf(built), Object.prototype, 'a plain object');
  assertEquals(built, {
    int: 7, long: 2 ** 40, char: 'x', list: [1.5, 'two', true, null], nested: { deep: [] },
    ['__proto__']: 'an own key, not a prototype',
  }, 'the copy');
  assert(Object.prototype.hasOwnProperty.call(built, '__proto__'), '__proto__ is an own key');
  assert(Array.isArray(built.list), 'a List became an array');
});

test('a Java value with no JS form, or a cycle, is an error event naming the class; the network goes on', async tf => {
  const cycle = await probe(tf, 'cycle');
  await through(cycle, 1);
  assertSame(cycle.out.length, 0, 'nothing half-converted reached the sink');
  assertSame(cycle.errors.length, 1, 'one error for the cycle');
  assertMentions(cycle.errors[0], ['a Java value cannot go to JavaScript', 'cycle'], 'the cycle error');

  const dequeState = await probe(tf, 'deque-state');
  dequeState.net.state('p').set('window', 'before');
  await through(dequeState, 1);
  assertSame(dequeState.errors.length, 1, 'one error for the deque in state');
  assertSame(dequeState.errors[0].node, 'p', 'the error names the node');
  assertMentions(dequeState.errors[0], ["state 'window' of node 'p'", 'java.util.ArrayDeque'], 'the state error');
  assertSame(dequeState.net.state('p').get('window'), 'before', 'the state kept its value');

  const dequeSend = await probe(tf, 'deque-send');
  await through(dequeSend, 1, 2);
  assertSame(dequeSend.errors.length, 2, 'one error per packet the JS sink could not take');
  assertMentions(dequeSend.errors[0], ['java.util.ArrayDeque'], 'the send error');
  assertSame(dequeSend.out.length, 0, 'the JS actor got nothing half-made');
}, { allowErrorLogs: true });

test('an object and an array Java made and kept in state are the page\'s, live both ways', async tf => {
  const setup = await probe(tf, 'live-state');
  await through(setup, 'create');
  const live = setup.net.state('p').get('live');
  const list = setup.net.state('p').get('list');
  assertSame(Object.getPrototypeOf(live), Object.prototype, 'the state holds a plain JS object');
  assert(Array.isArray(list), 'and a JS array');
  live.fromPage = 'hello';
  await through(setup, 'answer');
  assertSame(setup.net.state('p').get('live'), live, 'still the same object');
  assertSame(live.javaSaw, 'hello', 'Java read what the page put and answered in the same object');
  assertEquals(list, ['hello'], 'Java pushed onto the very array');
  assertNoErrorEvents(setup.errors);
});

test('typed state reads give values, fallbacks, live views, and errors naming key and node', async tf => {
  const setup = await probe(tf, 'typed-state');
  const first = (await through(setup, 1))[0];
  assertEquals(first, { name: 'none', on: false, count: -1, settings: null, items: null }, 'fallbacks when absent');
  const settings = { theme: 'dark' };
  const items = [1, 2];
  setup.net.state('p').setAll({ name: 'ada', on: true, count: 3, settings, items });
  const second = (await through(setup, 2))[1];
  assertSame(second.name, 'ada', 'getString');
  assertSame(second.on, true, 'getBoolean');
  assertSame(second.count, 3, 'getNumber');
  assertSame(second.settings, settings, 'getMap is a view of the very object');
  assertSame(second.items, items, 'getList is a view of the very array');
  assertSame(settings.touched, true, 'a put through getMap reached the page\'s object');
  setup.net.state('p').set('name', 42);
  await through(setup, 3);
  assertSame(setup.errors.length, 1, 'one error for the wrong type');
  assertMentions(setup.errors[0], ["state 'name' of node 'p' holds a number, not a string"], 'the typed read error');
}, { allowErrorLogs: true });

test('hostile values in views: every throwing trap or getter is an error event naming the key; the network goes on', async tf => {
  const boom = () => { throw new Error('trap was touched'); };
  const trap = new Proxy({}, { ownKeys: boom, get: boom, set: boom, has: boom, deleteProperty: boom,
    getOwnPropertyDescriptor: boom, defineProperty: boom });
  const getter = { get total() { throw new Error('getter threw'); } };
  const frozen = Object.freeze({ keep: 1 });
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();

  const describeSetup = await probe(tf, 'describe');
  await through(describeSetup, trap, revoked, { fine: true });
  assertSame(describeSetup.errors.length, 1, 'the trap Proxy failed its run (its keys cannot be listed)');
  assertMentions(describeSetup.errors[0], ["a Java component's Map view of a JS object", 'listing its keys threw',
    'trap was touched'], 'the trap error');
  assertSame(describeSetup.out.length, 2, 'the revoked Proxy and the next packet went through');
  assertSame(describeSetup.out[0].type, 'opaque', 'a revoked Proxy is opaque to Java');
  assertSame(describeSetup.out[0].packet, revoked, 'and comes back identical');
  assertSame(describeSetup.out[1].type, 'Map', 'the network went on');

  const readSetup = await probe(tf, 'read:total');
  await through(readSetup, getter, { total: 5 });
  assertMentions(readSetup.errors[0], ['reading "total" threw', 'getter threw'], 'the getter error');
  assertEquals(readSetup.out, [5], 'the next packet was read');

  const annotateSetup = await probe(tf, 'annotate');
  await through(annotateSetup, frozen, { ok: 1 });
  assertMentions(annotateSetup.errors[0], ['setting "seenBy" threw'], 'the frozen object error');
  assertEquals(frozen, { keep: 1 }, 'the frozen object is unchanged');
  assertSame(annotateSetup.out.length, 1, 'the next packet went through');
}, { allowErrorLogs: true });

test('a Java component that throws gives an error event naming its node and the message; the network goes on', async tf => {
  const setup = await probe(tf, 'throw');
  await through(setup, 'one', 'two');
  assertSame(setup.errors.length, 2, 'one error event per throw');
  assertSame(setup.errors[0].node, 'p', 'the node');
  assertMentions(setup.errors[0], ['probe threw on one'], 'the message');
  assertMentions(setup.errors[1], ['probe threw on two'], 'the second message');
}, { allowErrorLogs: true });

test('a number in a Java component\'s text reads as Java writes it (Double.toString)', async tf => {
  // The bundle's Double.toString is JavaScript's shortest digits in Java's layout (LeanDoubleToString).
  const setup = await probe(tf, 'throw');
  const numbers = [1.5, 3, 1e21, 1e-7, 0.1 + 0.2, -0, 1e7, 9999999.5, 0.001, 0.00099, 5e-324, 1e23, -1234.5e-10, NaN, -Infinity];
  await through(setup, ...numbers);
  const texts = ['1.5', '3.0', '1.0E21', '1.0E-7', '0.30000000000000004', '-0.0', '1.0E7', '9999999.5', '0.001', '9.9E-4',
    '4.9E-324', '1.0E23', '-1.2345E-7', 'NaN', '-Infinity'];
  assertSame(setup.errors.length, numbers.length, 'one error event per number');
  assertEquals(setup.errors.map(e => e.message.slice(e.message.indexOf('probe threw on ') + 'probe threw on '.length)), texts,
    'the numbers as Java text');
}, { allowErrorLogs: true });

test('library components wire into FBP graphs like core/*', async tf => {
  const out = [];
  const packet = { x: 1 };
  const net = tf.Network.fromGraph({
    processes: { p: { component: 'probe/Do' }, s: { component: 'Sink' } },
    connections: [{ src: { process: 'p', port: 'out' }, tgt: { process: 's', port: 'in' } },
      { data: packet, tgt: { process: 'p', port: 'in' } }],
  }, { actors: { Sink: class { inports = ['in']; outports = []; run(context) { out.push(context.input.in); } } } });
  const errors = record(net, 'error');
  await net.start();
  await net.idle();
  assertNoErrorEvents(errors);
  assertSame(out.length, 1, 'the initial packet went through the Java component');
  assertSame(out[0].type, 'Map', 'as an object');
  assertSame(out[0].packet, packet, 'the very initial packet');
  assertSame(net.toJSON().processes.p.component, 'probe/Do', 'the graph keeps the component name');
});
