// Contract §2, building and running a network: chaining, fan-out and fan-in, order, values by
// reference, initial packets, events, idle() (docs/api/network.md).
'use strict';

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
  net.addNode('src', 'Pass');
  const sinks = range(3).map(i => addSinkAfter(net, 'src', 's' + i));
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
  net.addNode('a', 'Pass');
  net.addNode('b', 'Pass');
  const into = addSinkAfter(net, 'a', 'sink');
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
  const { net, into } = nodeIntoSink(tf, 'a', 'Pass', { Pass }, 'sink');
  await net.start();
  range(1000).forEach(i => net.send('a', 'in', i));
  await net.idle();
  assertEquals(into, range(1000), 'the packets at the sink');
});

test('order: 1000 packets through core/Repeat arrive in the order sent', async (tf) => {
  const { net, into } = nodeIntoSink(tf, 'r', 'core/Repeat', {}, 'sink');
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
  const { net, into } = nodeIntoSink(tf, 'burst', 'Burst', { Burst }, 'sink');
  await net.start();
  net.send('burst', 'in', 1000);
  await net.idle();
  assertEquals(into, range(1000), 'the packets at the sink');
});

test('by reference: an object sent arrives identical at a JS actor downstream', async (tf) => {
  const { net, into } = nodeIntoSink(tf, 'a', 'Pass', { Pass }, 'sink');
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
  const { net, into } = nodeIntoSink(tf, 'r', 'core/Repeat', {}, 'sink');
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
  const first = { first: true };
  const into = addSink(net, 'sink');
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
  const { net } = nodeIntoSink(tf, 'a', 'Pass', { Pass }, 'b');
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
  net.addConnection('a', 'out', 'r', 'in');
  addSinkAfter(net, 'r', 's');
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
  const into = addSink(net, 'sink');
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
  const { net } = nodeIntoSink(tf, 'f', 'FailOnce', { FailOnce });
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
  addSink(net, 's');
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
  const { net, into } = nodeIntoSink(tf, 'a', 'Pass', { Pass });
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
  const intoFirst = addSink(first, 's');
  const intoSecond = addSink(second, 's');
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
  addSink(net, 'js');
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
  net.addNode('a', 'Slow');
  net.addNode('b', 'Slow');
  net.addConnection('a', 'out', 'b', 'in');
  const into = addSinkAfter(net, 'b', 'sink');
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


// net.send keeps the node and inport of a network's last accepted send, and sends to them again
// with the value alone while the page names them again (teaflow-entry.js installSendFastPath).
// These cases are what that must never change: every send goes where it names, fails as it would.

test('send: repeated sends go to the node named, alternating and after a failed send', async (tf) => {
  const net = network(tf, { Sink });
  const intoA = addSink(net, 'a');
  const intoB = addSink(net, 'b');
  await net.start();
  net.send('a', 'in', 1);
  net.send('a', 'in', 2);
  net.send('b', 'in', 3);
  net.send('a', 'in', 'four');
  assertThrows(() => net.send('nope', 'in', 5), Error, ["'nope'"], "send to the unknown node 'nope'");
  assertThrows(() => net.send('a', 'nope', 6), Error, ["'nope'"], "send to the undeclared inport 'nope'");
  net.send('a', 'in', 7);
  net.send('b', 'in', 8);
  net.send('b', 'in', 9);
  await net.idle();
  assertEquals(intoA, [1, 2, 'four', 7], 'the packets at a');
  assertEquals(intoB, [3, 8, 9], 'the packets at b');
});

test('send: after removeNode, sending to it again fails naming it; a new node of that id receives', async (tf) => {
  const net = network(tf, { Sink });
  const first = addSink(net, 'a');
  await net.start();
  net.send('a', 'in', 1);
  await net.idle();
  net.removeNode('a');
  assertThrows(() => net.send('a', 'in', 2), Error, ["'a'"], "send to the removed node 'a'");
  assertThrows(() => net.send('a', 'in', 3), Error, ["'a'"], "a second send to the removed node 'a'");
  const second = addSink(net, 'a');
  net.send('a', 'in', 4);
  net.send('a', 'in', 5);
  await net.idle();
  assertEquals(first, [1], 'the packets at the removed node');
  assertEquals(second, [4, 5], 'the packets at the new node a');
});

test('send: a stopped network refuses a repeated send, and takes it again once restarted', async (tf) => {
  const net = network(tf, { Sink });
  const into = addSink(net, 'a');
  await net.start();
  net.send('a', 'in', 1);
  await net.idle();
  await net.stop();
  assertThrows(() => net.send('a', 'in', 2), Error, ['start'], 'a send to a stopped network');
  await net.start();
  net.send('a', 'in', 3);
  await net.idle();
  assertEquals(into, [1, 3], 'the packets at a');
});

test('send: two networks with the same node ids each get their own packets, sends interleaved', async (tf) => {
  const first = network(tf, { Sink });
  const second = network(tf, { Sink });
  const intoFirst = addSink(first, 's');
  const intoSecond = addSink(second, 's');
  await first.start();
  await second.start();
  range(3).forEach(i => {
    first.send('s', 'in', 'first ' + i);
    second.send('s', 'in', 'second ' + i);
    second.send('s', 'in', i);
  });
  await first.idle();
  await second.idle();
  assertEquals(intoFirst, ['first 0', 'first 1', 'first 2'], 'packets in the first network');
  assertEquals(intoSecond, ['second 0', 0, 'second 1', 1, 'second 2', 2], 'packets in the second network');
});

test('send: a frozen network, and an object whose prototype is a network, each send where named', async (tf) => {
  const net = network(tf, { Sink });
  const intoA = addSink(net, 'a');
  const intoB = addSink(net, 'b');
  await net.start();
  // An object whose prototype is a network sends through that network, as it always did.
  const heir = Object.create(net);
  net.send('a', 'in', 1);
  heir.send('b', 'in', 2);
  heir.send('b', 'in', 3);
  net.send('a', 'in', 4);
  heir.send('b', 'in', 5);
  net.send('b', 'in', 6);
  heir.send('b', 'in', 7);
  net.send('a', 'in', 8);
  Object.freeze(net);
  net.send('a', 'in', 9);
  net.send('b', 'in', 10);
  net.send('b', 'in', 11);
  net.send('a', 'in', 12);
  await net.idle();
  assertEquals(intoA, [1, 4, 8, 9, 12], 'the packets at a');
  assertEquals(intoB, [2, 3, 5, 6, 7, 10, 11], 'the packets at b');
});

test('network: its methods called on something that is no network throw, and change no network', async (tf) => {
  const net = network(tf, { Sink });
  const into = addSink(net, 'a');
  await net.start();
  net.send('a', 'in', 1);
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const proto = tf.Network.prototype;
  const calls = {
    send: f => f('a', 'in', 2),
    registerActor: f => f('Other', Sink),
    on: f => f('data', () => {}),
    snapshot: f => f(),
    addNode: f => f('x', 'Sink'),
    addConnection: f => f('a', 'out', 'a', 'in'),
    addInitial: f => f('a', 'in', 3),
    state: f => f('a'),
    start: f => f(),
    stop: f => f(),
    idle: f => f(),
    toJSON: f => f(),
    removeNode: f => f('a'),
  };
  const report = [];
  for (const [name, call] of Object.entries(calls)) {
    for (const [what, other] of [['{}', {}], ['[]', []], ['a Proxy', new Proxy({}, {})], ['a revoked Proxy', revoked.proxy]]) {
      let outcome;
      try {
        const result = call((...args) => proto[name].apply(other, args));
        if (result && typeof result.then === 'function') await result;
        outcome = 'returned';
      } catch (error) {
        outcome = !(error instanceof TypeError) ? 'threw no TypeError'
          : !error.message.includes(`Network.${name}: called on `) || !error.message.includes('not on a network')
            ? `threw "${error.message}"` : 'threw';
      }
      if (outcome !== 'threw') report.push(`${name} on ${what} ${outcome}`);
    }
  }
  assertEquals(report, [], 'methods of Network.prototype called on no network');
  const { send } = net;
  assertThrows(() => send('a', 'in', 6), TypeError, ['Network.send', 'called on undefined', 'net.send('],
    'send taken off its network');
  net.send('a', 'in', 4);
  net.send('a', 'in', 5);
  await net.idle();
  assertEquals(into, [1, 4, 5], 'the packets at a, sent before and after');
});
