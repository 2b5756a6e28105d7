// Contract §7, persistence: snapshot(), restore(), saveSnapshot() and loadSnapshot() (docs/api/graphs.md).
'use strict';

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
