// Long synchronous chains of sends must not grow the JS stack (docs/api/network.md, scheduling).
'use strict';

const ITERATIONS = 100000;

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

