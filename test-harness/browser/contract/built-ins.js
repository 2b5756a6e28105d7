// Contract §3/§5, the built-in Java components and the state they share with the page
// (docs/api/java-components.md).
'use strict';

test('java: core/Counter counts from 0 in steps of 1 and sends count', async (tf) => {
  const { net, into } = nodeIntoSink(tf, 'c', 'core/Counter');
  await net.start();
  ['a', 'b', 'c'].forEach(p => net.send('c', 'in', p));
  await net.idle();
  assertEquals(into, [1, 2, 3], 'what core/Counter sent');
  assertSame(net.state('c').get('count'), 3, "get('count')");
});

test('java: core/Counter uses the step and count the page sets before and between packets', async (tf) => {
  const { net, into } = nodeIntoSink(tf, 'c', 'core/Counter');
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
  const { net, into } = nodeIntoSink(tf, 'acc', 'core/Accumulate');
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
  const { net, into } = nodeIntoSink(tf, 'r', 'core/Repeat');
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


test('java: registerActor of any Java component name throws naming it, and the component stays', async (tf) => {
  // Contract §8: in a bundle with the user's component libraries their names are taken like core/*;
  // this runs on whatever bundle is served (the stock dist has the built-ins only).
  const names = tf.components();
  assert(names.length > 0, 'components() is empty');
  const net = new tf.Network();
  for (const name of names) {
    assertThrows(() => net.registerActor(name, { inports: ['in'], outports: ['out'], run() {} }), Error, [name],
      `registerActor('${name}', ...)`);
  }
  const { net: used, into } = nodeIntoSink(tf, 'r', 'core/Repeat');
  assertThrows(() => used.registerActor('core/Repeat', Pass), Error, ['core/Repeat'], "registerActor('core/Repeat', Pass)");
  await used.start();
  used.send('r', 'in', 'still Java');
  await used.idle();
  assertEquals(into, ['still Java'], 'what core/Repeat sent after the refused registerActor');
});
