// Contract §7, ports, joins and live rewiring: bounded inports, awaitAllInports, removeNode and
// removeConnection on a running network (docs/api/graphs.md).
'use strict';

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

