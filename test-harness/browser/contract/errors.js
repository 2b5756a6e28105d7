// Contract §4/§6, errors: error events of failing actors, and misuse that throws naming the
// culprit (docs/api/errors.md).
'use strict';

test('error: a throwing actor produces an error event {type, node, message, error} and later packets still run', async (tf) => {
  const boom = new Error('boom on 2');
  class Thrower {
    inports = ['in'];
    outports = ['out'];
    run(context) {
      if (context.input.in === 2) throw boom;
      context.send({ out: context.input.in });
    }
  }
  const { net, into } = nodeIntoSink(tf, 't', 'Thrower', { Thrower });
  const errors = record(net, 'error');
  await net.start();
  [1, 2, 3].forEach(n => net.send('t', 'in', n));
  await net.idle();
  assertEquals(into, [1, 3], 'the packets that got through');
  assertSame(errors.length, 1, 'error events');
  const [event] = errors;
  assertSame(event.type, 'error', 'event.type');
  assertSame(event.node, 't', 'event.node');
  assertType(event.message, 'string', 'event.message');
  assert(event.message.includes('boom on 2'), 'event.message should include the thrown message but was ' + describe(event.message));
  assertSame(event.error, boom, 'event.error (the thrown object)');
}, { allowErrorLogs: true });

test('error: a throwing legacy actor produces an error event carrying the thrown object', async (tf) => {
  const boom = new Error('legacy boom on 2');
  const Legacy = {
    inports: ['in'],
    outports: ['out'],
    run(input, callback) {
      if (input.in === 2) throw boom;
      callback({ out: input.in });
    },
  };
  const { net, into } = nodeIntoSink(tf, 'l', 'Legacy', { Legacy });
  const errors = record(net, 'error');
  await net.start();
  [1, 2, 3].forEach(n => net.send('l', 'in', n));
  await net.idle();
  assertEquals(into, [1, 3], 'the packets that got through');
  assertSame(errors.length, 1, 'error events');
  assertSame(errors[0].node, 'l', 'event.node');
  assert(errors[0].message.includes('legacy boom on 2'), 'event.message was ' + describe(errors[0].message));
  assertSame(errors[0].error, boom, 'event.error (the thrown object)');
}, { allowErrorLogs: true });

test('error: a legacy callback naming an undeclared port gives an error event naming it', async (tf) => {
  const Legacy = {
    inports: ['in'],
    outports: ['out'],
    run(input, callback) { callback({ out: input.in, nowhere: 1 }); },
  };
  const { net, into } = nodeIntoSink(tf, 'l', 'Legacy', { Legacy });
  const errors = record(net, 'error');
  await net.start();
  net.send('l', 'in', 1);
  await net.idle();
  assertEquals(into, [], 'nothing of the bad call is delivered');
  assertSame(errors.length, 1, 'error events');
  assert(errors[0].message.includes('nowhere'), 'event.message should name the port but was ' + describe(errors[0].message));
}, { allowErrorLogs: true });

test('error: an actor throwing a non-Error value produces an error event', async (tf) => {
  class ThrowsString {
    inports = ['in'];
    outports = [];
    run() {
      throw 'plain string';
    }
  }
  const net = network(tf, { ThrowsString });
  net.addNode('t', 'ThrowsString');
  const errors = record(net, 'error');
  await net.start();
  net.send('t', 'in', 1);
  net.send('t', 'in', 2);
  await net.idle();
  assertSame(errors.length, 2, 'error events');
  assertSame(errors[0].error, 'plain string', 'event.error');
  assertType(errors[0].message, 'string', 'event.message');
  assertSame(errors[0].node, 't', 'event.node');
}, { allowErrorLogs: true });

test('error: an async run whose Promise rejects produces an error event and the node runs again', async (tf) => {
  const reason = new Error('rejected on 1');
  class Rejecter {
    inports = ['in'];
    outports = ['out'];
    async run(context) {
      await macrotask();
      if (context.input.in === 1) throw reason;
      context.send({ out: context.input.in });
    }
  }
  const { net, into } = nodeIntoSink(tf, 'r', 'Rejecter', { Rejecter });
  const errors = record(net, 'error');
  await net.start();
  [0, 1, 2].forEach(n => net.send('r', 'in', n));
  await net.idle();
  assertEquals(into, [0, 2], 'the packets that got through');
  assertSame(errors.length, 1, 'error events');
  assertEquals([errors[0].type, errors[0].node, errors[0].error], ['error', 'r', reason], '[type, node, error]');
  assert(String(errors[0].message).includes('rejected on 1'), 'event.message should include the rejection message but was ' + describe(errors[0].message));
}, { allowErrorLogs: true });

test('error: send on an undeclared port gives an error event naming it and delivers nothing of that call', async (tf) => {
  class BadSender {
    inports = ['in'];
    outports = ['out'];
    run(context) {
      if (context.input.in === 'bad') context.send({ out: 'bad-out', nope: 'x' });
      else context.send({ out: context.input.in });
    }
  }
  const { net, into } = nodeIntoSink(tf, 'b', 'BadSender', { BadSender });
  const errors = record(net, 'error');
  await net.start();
  ['ok1', 'bad', 'ok2'].forEach(p => net.send('b', 'in', p));
  await net.idle();
  assertEquals(into, ['ok1', 'ok2'], 'the packets that got through');
  assertSame(errors.length, 1, 'error events');
  assertSame(errors[0].node, 'b', 'event.node');
  assert(String(errors[0].message).includes('nope'), 'event.message should name the port "nope" but was ' + describe(errors[0].message));
}, { allowErrorLogs: true });

test('error: a failing node does not stop the other nodes', async (tf) => {
  class AlwaysThrows {
    inports = ['in'];
    outports = [];
    run() {
      throw new Error('always');
    }
  }
  const net = network(tf, { AlwaysThrows, Sink });
  net.addNode('r', 'core/Repeat');
  net.addNode('bad', 'AlwaysThrows');
  net.addConnection('r', 'out', 'bad', 'in');
  const into = addSinkAfter(net, 'r', 'good');
  const errors = record(net, 'error');
  await net.start();
  range(5).forEach(i => net.send('r', 'in', i));
  await net.idle();
  assertEquals(into, range(5), 'the packets at the healthy node');
  assertSame(errors.length, 5, 'error events from the failing node');
}, { allowErrorLogs: true });

test('error: registerActor of a non-actor throws an Error naming the actor and registers nothing', async (tf) => {
  const net = network(tf, { Sink });
  const nonActors = {
    Num: 42,
    Null: null,
    Undefined: undefined,
    Str: 'run',
    Bool: true,
    NoRun: { inports: ['in'] },
    RunNotAFunction: { run: 1 },
    PlainFunction: function plain() {},
    Arrow: () => {},
  };
  for (const [name, value] of Object.entries(nonActors)) {
    assertThrows(() => net.registerActor(name, value), Error, [name], 'registerActor(' + JSON.stringify(name) + ', ' + describe(value) + ')');
    assertThrows(() => net.addNode('node' + name, name), Error, [name], 'addNode of the rejected ' + name);
  }
  const into = addSink(net, 's');
  await net.start();
  net.send('s', 'in', 'still works');
  await net.idle();
  assertEquals(into, ['still works'], 'packets after the rejected registrations');
});

test('error: addNode with an unknown component throws an Error naming it', async (tf) => {
  const net = network(tf);
  assertThrows(() => net.addNode('n', 'NoSuchComponent'), Error, ['NoSuchComponent'], "addNode('n', 'NoSuchComponent')");
  assertThrows(() => net.addNode('m', 'core/NoSuch'), Error, ['core/NoSuch'], "addNode('m', 'core/NoSuch')");
  assertThrows(() => net.state('n'), Error, ['n'], "net.state('n') after the failed addNode");
  net.addNode('n', 'core/Drop');
  assertInstanceOf(net.state('n'), tf.LiveMemoryStateHandle, "net.state('n') once added properly");
});

test('error: addNode with a duplicate id throws an Error naming it and keeps the first node', async (tf) => {
  const net = network(tf, { Sink });
  net.addNode('dup', 'core/Repeat');
  const handle = net.state('dup');
  assertThrows(() => net.addNode('dup', 'core/Drop'), Error, ['dup'], "a second addNode('dup', ...)");
  assertSame(net.state('dup'), handle, "net.state('dup') after the failed addNode");
  const into = addSinkAfter(net, 'dup', 's');
  await net.start();
  net.send('dup', 'in', 'repeated');
  await net.idle();
  assertEquals(into, ['repeated'], 'what the first node (core/Repeat) sent');
});

test('error: addConnection from a missing node throws an Error naming it', async (tf) => {
  const net = network(tf);
  net.addNode('d', 'core/Drop');
  assertThrows(() => net.addConnection('ghost', 'out', 'd', 'in'), Error, ['ghost'], "addConnection('ghost', ...)");
});

test('error: addConnection to a missing node throws naming it, and leaves no connection', async (tf) => {
  const net = network(tf, { Pass, Sink });
  net.addNode('a', 'Pass');
  assertThrows(() => net.addConnection('a', 'out', 'late', 'in'), Error, ['late'], "addConnection(..., 'late', 'in')");
  const into = addSink(net, 'late');
  const errors = record(net, 'error');
  await net.start();
  net.send('a', 'in', 'x');
  await net.idle();
  assertEquals(into, [], "what reached 'late', added after the failed connection");
  assertNoErrorEvents(errors);
});

test('error: addConnection from an undeclared outport throws naming it, and leaves no connection', async (tf) => {
  class TwoOut {
    inports = ['in'];
    outports = ['out', 'other'];
    run(context) {
      context.send({ out: context.input.in, other: context.input.in });
    }
  }
  const net = network(tf, { TwoOut, Sink });
  net.addNode('a', 'TwoOut');
  const into = addSink(net, 's');
  assertThrows(() => net.addConnection('a', 'nope', 's', 'in'), Error, ['nope'], "addConnection('a', 'nope', ...)");
  assertThrows(() => net.addConnection('s', 'out', 'a', 'in'), Error, ['out'], 'addConnection from a JS actor with no outports');
  assertThrows(() => net.addConnection('a', 'out', 'a', 'nope'), Error, ['nope'], "addConnection(..., 'a', 'nope')");
  net.addConnection('a', 'other', 's', 'in');
  await net.start();
  net.send('a', 'in', 'x');
  await net.idle();
  assertEquals(into, ['x'], "what reached s (only from 'other')");
});

test('error: addConnection to an undeclared inport throws naming it, and leaves no connection', async (tf) => {
  const net = network(tf, { Pass, Sink });
  net.addNode('a', 'Pass');
  const into = addSink(net, 's');
  net.addNode('c', 'core/Counter');
  assertThrows(() => net.addConnection('a', 'out', 's', 'nope'), Error, ['nope'], "addConnection(..., 's', 'nope')");
  assertThrows(() => net.addConnection('a', 'out', 'c', 'wrong'), Error, ['wrong'], "addConnection(..., 'c', 'wrong') into core/Counter");
  assertThrows(() => net.addConnection('c', 'bad', 's', 'in'), Error, ['bad'], "addConnection('c', 'bad', ...) from core/Counter");
  const data = record(net, 'data');
  await net.start();
  net.send('a', 'in', 'x');
  await net.idle();
  assertEquals(into, [], 'what reached s');
  assertEquals(data.filter(e => e.node !== 'a'), [], 'data events at any other node');
  assertSame(net.state('c').has('count'), false, 'whether core/Counter counted anything');
});

test('error: addInitial to a missing node or undeclared inport throws naming it, and sends nothing', async (tf) => {
  const net = network(tf, { Sink });
  const into = addSink(net, 's');
  net.addNode('c', 'core/Counter');
  assertThrows(() => net.addInitial('ghost', 'in', 1), Error, ['ghost'], "addInitial('ghost', ...)");
  assertThrows(() => net.addInitial('s', 'nope', 1), Error, ['nope'], "addInitial('s', 'nope', ...)");
  assertThrows(() => net.addInitial('c', 'wrong', 1), Error, ['wrong'], "addInitial('c', 'wrong', ...) on core/Counter");
  net.addInitial('s', 'in', 'real');
  await net.start();
  await net.idle();
  assertEquals(into, ['real'], 'what reached s');
  assertSame(net.state('c').has('count'), false, 'whether core/Counter counted anything');
});

test('error: net.state of an unknown node throws an Error naming it', async (tf) => {
  const net = network(tf);
  net.addNode('known', 'core/Drop');
  assertThrows(() => net.state('nope'), Error, ['nope'], "net.state('nope')");
  assertInstanceOf(net.state('known'), tf.LiveMemoryStateHandle, "net.state('known') afterwards");
});

test('error: a second start() rejects with an Error and the network keeps running', async (tf) => {
  const net = network(tf, { Sink });
  const into = addSink(net, 's');
  await net.start();
  await assertRejects(() => net.start(), Error, [], 'a second start()');
  net.send('s', 'in', 'after');
  await net.idle();
  assertEquals(into, ['after'], 'packets after the rejected start()');
});

