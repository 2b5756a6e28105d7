// Contract §4, actors written in JavaScript: class, object and legacy forms, the run context,
// initial state, several sends, asynchronous runs (docs/api/actors.md).
'use strict';

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
  const { net, into } = nodeIntoSink(tf, 'c', 'Classic', { Classic });
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
  const { net, into } = nodeIntoSink(tf, 'l', 'Legacy', { Legacy: legacy });
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
  let into;
  ({ net, into } = nodeIntoSink(tf, 'l', 'LegacyCounter', { LegacyCounter }));
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
  const { net, into } = nodeIntoSink(tf, 'l', 'Legacy', { Legacy: legacy });
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
  net.addNode('sp', 'Spray');
  const odd = addSinkAfter(net, 'sp', 'odd', 'odd');
  const even = addSinkAfter(net, 'sp', 'even', 'even');
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


test('actor: each instance declares its own ports, also when they change from one instance to the next', async (tf) => {
  // The factory reuses the names it read from the previous instance when the next declares the
  // same ones: instances that differ, and a shared array changed in between, must still be read.
  const shared = ['x'];
  let made = 0;
  class Varying {
    constructor() {
      made++;
      this.inports = made === 2 ? ['b'] : made === 3 ? [{ name: 'a' }] : made >= 4 ? shared : ['a'];
      this.outports = ['out'];
    }
    run() {}
  }
  const net = new tf.Network().registerActor('Varying', Varying);
  ['n1', 'n2', 'n3', 'n4'].forEach(id => net.addNode(id, 'Varying'));
  shared[0] = 'y';
  net.addNode('n5', 'Varying');
  net.addNode('n6', 'Varying');
  const inportOf = { n1: 'a', n2: 'b', n3: 'a', n4: 'x', n5: 'y', n6: 'y' };
  for (const [id, port] of Object.entries(inportOf)) {
    assertDoesNotThrow(() => net.addConnection('n1', 'out', id, port), `connect to ${id}.${port}`);
  }
  assertThrows(() => net.addConnection('n1', 'out', 'n2', 'a'), Error, ["'a'", 'n2'], 'n2 declares b, not a');
  assertThrows(() => net.addConnection('n1', 'out', 'n4', 'y'), Error, ["'y'", 'n4'],
    'n4 read the shared array when it was made, before the change');
  assertThrows(() => net.addConnection('n1', 'out', 'n5', 'x'), Error, ["'x'", 'n5'],
    'n5 read the shared array after the change, though the instance before it declared the same array');
});
