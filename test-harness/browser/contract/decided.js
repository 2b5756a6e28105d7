// Behaviour the contract leaves open, as decided for this project (README.md, "Where the contract is
// silent"; docs/api/).
'use strict';

test('decided: net.send before start() throws an Error mentioning start, and sends nothing', async (tf) => {
  const net = network(tf, { Sink });
  const into = addSink(net, 's');
  assertThrows(() => net.send('s', 'in', 'early'), Error, ['start'], 'send before start()');
  await net.start();
  await net.idle();
  assertEquals(into, [], 'what reached s after start()');
});

test('decided: start() after stop() is allowed and packets flow again', async (tf) => {
  const net = network(tf, { Sink });
  const into = addSink(net, 's');
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
  const { net, into } = nodeIntoSink(tf, 'c', 'core/Counter');
  const heard = [];
  net.state('c').subscribe(() => { throw new Error('subscriber fails'); });
  net.state('c').subscribe((key, value) => { if (key === 'count') heard.push(value); });
  await net.start();
  range(3).forEach(() => net.send('c', 'in', 'x'));
  await net.idle();
  assertEquals(into, [1, 2, 3], 'what core/Counter sent');
  assertEquals(heard, [1, 2, 3], 'what the healthy subscriber heard');
}, { allowErrorLogs: true });

