// Contract §3, the live state: every member of LiveMemoryStateHandle, keys, subscribers, one handle
// per node, and Java's changes heard from JS (docs/api/state.md).
'use strict';

const STORED_VALUES = {
  'plain object': [{ a: 1 }, Object.create(null)],
  'array': [[1, 2, 3], []],
  'function': [function named() {}, () => 1, class Klass {}],
  'number': [0, -0, 1.5, -42, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, 5e-324],
  'string': ['', 'text', 'héllo ✓ 😀', 'a\u0000b', '\uD800'],
  'boolean': [true, false],
  'null': [null],
  'BigInt': [0n, -7n, 2n ** 100n],
  'Symbol': [Symbol('local'), Symbol.for('registered'), Symbol.iterator],
  'other object': [new Date(0), new Map([[1, 2]]), new Uint8Array(4), Promise.resolve(), new Error('e')],
};

for (const [type, values] of Object.entries(STORED_VALUES)) {
  test('handle: stores a ' + type + ' by reference and returns it identical', async (tf) => {
    const handle = freshHandle(tf);
    values.forEach((value, i) => handle.set('k' + i, value));
    values.forEach((value, i) => assertSame(handle.get('k' + i), value, "get('k" + i + "')"));
    values.forEach((value, i) => assertSame(handle.getAll()['k' + i], value, "getAll()['k" + i + "']"));
  });
}

test('handle: get of an absent key is undefined, also for keys Object.prototype has', async (tf) => {
  const handle = freshHandle(tf);
  for (const key of ['missing', 'toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf']) {
    assertSame(handle.get(key), undefined, 'get(' + JSON.stringify(key) + ') on an empty handle');
  }
});

test('handle: has reports presence as a boolean', async (tf) => {
  const handle = freshHandle(tf);
  assertSame(handle.has('k'), false, "has('k') before set");
  handle.set('k', 0);
  assertSame(handle.has('k'), true, "has('k') holding 0");
  handle.set('n', null);
  assertSame(handle.has('n'), true, "has('n') holding null");
  handle.remove('k');
  assertSame(handle.has('k'), false, "has('k') after remove");
  assertSame(handle.has('toString'), false, "has('toString') never set");
});

test('handle: remove returns whether the key was there', async (tf) => {
  const handle = freshHandle(tf);
  handle.set('k', 'v');
  assertSame(handle.remove('k'), true, "remove('k') of a present key");
  assertSame(handle.get('k'), undefined, "get('k') after remove");
  assertSame(handle.remove('k'), false, "remove('k') again");
  assertSame(handle.remove('never'), false, "remove('never')");
});

test('handle: clear removes every key', async (tf) => {
  const handle = freshHandle(tf);
  handle.set('a', 1);
  handle.set('b', {});
  handle.clear();
  assertSame(handle.size, 0, 'size after clear()');
  assertEquals(handle.keys(), [], 'keys() after clear()');
  assertSame(handle.has('a'), false, "has('a') after clear()");
  handle.set('c', 3);
  assertEquals(handle.keys(), ['c'], 'keys() after clear() and set');
});

test('handle: size is a number property that follows set, remove and clear', async (tf) => {
  const handle = freshHandle(tf);
  assertType(handle.size, 'number', 'size');
  assertSame(handle.size, 0, 'size of a new handle');
  handle.set('a', 1);
  assertSame(handle.size, 1, 'size after one set');
  handle.set('a', 2);
  assertSame(handle.size, 1, 'size after overwriting');
  handle.set('b', 2);
  assertSame(handle.size, 2, 'size after a second key');
  handle.remove('a');
  assertSame(handle.size, 1, 'size after remove');
  handle.remove('missing');
  assertSame(handle.size, 1, 'size after removing a missing key');
  handle.clear();
  assertSame(handle.size, 0, 'size after clear');
});

test('handle: keys() lists keys in insertion order, integer-like keys included', async (tf) => {
  const handle = freshHandle(tf);
  ['10', '2', 'b', '1', 'a'].forEach(key => handle.set(key, key));
  assertEquals(handle.keys(), ['10', '2', 'b', '1', 'a'], 'keys()');
  handle.set('2', 'again');
  assertEquals(handle.keys(), ['10', '2', 'b', '1', 'a'], 'keys() after overwriting "2" (keeps its place)');
  handle.remove('b');
  handle.set('b', 'back');
  assertEquals(handle.keys(), ['10', '2', '1', 'a', 'b'], 'keys() after removing and re-adding "b"');
  const keys = handle.keys();
  assert(Array.isArray(keys), 'keys() should return an array');
  keys.push('zz');
  assertSame(handle.has('zz'), false, 'has("zz") after pushing onto the array keys() returned');
});

test('handle: any string is a key: empty, spaces, unicode, dots, integer-like', async (tf) => {
  const handle = freshHandle(tf);
  const keys = ['', ' ', 'a.b', 'ключ', '😀', '0', '-1', '1e3', 'null', 'undefined'];
  keys.forEach((key, i) => handle.set(key, i));
  keys.forEach((key, i) => assertSame(handle.get(key), i, 'get(' + JSON.stringify(key) + ')'));
  assertEquals(handle.keys(), keys, 'keys()');
});

test('handle: getAll returns a fresh plain object holding the identical values', async (tf) => {
  const handle = freshHandle(tf);
  const object = {};
  const array = [];
  handle.set('o', object);
  handle.set('a', array);
  handle.set('n', 1);
  const all = handle.getAll();
  const again = handle.getAll();
  assertNotSame(all, again, 'a second getAll()');
  const proto = Object.getPrototypeOf(all);
  assert(proto === Object.prototype || proto === null, 'getAll() should be a plain object but has prototype ' + describe(proto));
  assertEquals(Object.keys(all).sort(), ['a', 'n', 'o'], 'the keys of getAll()');
  assertSame(all.o, object, 'getAll().o');
  assertSame(all.a, array, 'getAll().a');
  all.extra = 1;
  delete all.o;
  assertSame(handle.has('extra'), false, 'has("extra") after adding it to a getAll() result');
  assertSame(handle.get('o'), object, 'get("o") after deleting it from a getAll() result');
  assertEquals(Object.keys(freshHandle(tf).getAll()), [], 'the keys of getAll() of an empty handle');
});

test('handle: setAll sets each own enumerable property by reference and keeps other keys', async (tf) => {
  const handle = freshHandle(tf);
  handle.set('keep', 'kept');
  const source = Object.create({ inherited: 'no' });
  source.a = { a: true };
  source.b = [1];
  Object.defineProperty(source, 'hidden', { value: 'no', enumerable: false });
  handle.setAll(source);
  assertEquals(handle.keys(), ['keep', 'a', 'b'], 'keys() after setAll');
  assertSame(handle.get('a'), source.a, "get('a')");
  assertSame(handle.get('b'), source.b, "get('b')");
  assertSame(handle.get('keep'), 'kept', "get('keep')");
  assertSame(handle.has('inherited'), false, "has('inherited')");
  assertSame(handle.has('hidden'), false, "has('hidden')");
});

test('handle: update stores fn(current value) and returns the new value', async (tf) => {
  const handle = freshHandle(tf);
  let seen = 'not called';
  assertSame(handle.update('n', value => { seen = value; return 1; }), 1, "update('n', ...) of an absent key");
  assertSame(seen, undefined, 'the value update passed for an absent key');
  assertSame(handle.update('n', value => value + 1), 2, "update('n', v => v + 1)");
  assertSame(handle.get('n'), 2, "get('n')");
  const object = {};
  handle.set('o', object);
  const wrapped = handle.update('o', value => { seen = value; return [value]; });
  assertSame(seen, object, 'the value update passed');
  assertSame(handle.get('o'), wrapped, "get('o') after update");
  assertSame(wrapped[0], object, 'the new value holds the old object');
});

test('handle: subscribe calls listener(key, newValue, oldValue) for set, update and setAll', async (tf) => {
  const handle = freshHandle(tf);
  const calls = [];
  const unsubscribe = handle.subscribe((key, newValue, oldValue) => calls.push([key, newValue, oldValue]));
  assertType(unsubscribe, 'function', 'the result of subscribe');
  const a = { a: 1 };
  const b = { b: 2 };
  handle.set('x', a);
  handle.set('x', b);
  handle.update('y', () => 5);
  handle.setAll({ p: 'P', q: 'Q' });
  await waitUntil(() => calls.length >= 5, 'five notifications');
  assertEquals(calls, [['x', a, undefined], ['x', b, a], ['y', 5, undefined], ['p', 'P', undefined], ['q', 'Q', undefined]], 'the notifications');
});

test('handle: a subscriber sees the change already made', async (tf) => {
  const handle = freshHandle(tf);
  const seen = [];
  handle.subscribe((key, newValue) => seen.push(handle.get(key) === newValue));
  handle.set('k', {});
  await waitUntil(() => seen.length > 0, 'a notification');
  assertEquals(seen, [true], 'whether get(key) returned newValue inside the listener');
});

test('handle: subscribe reports remove and clear with newValue undefined', async (tf) => {
  const handle = freshHandle(tf);
  const one = {};
  handle.set('one', one);
  handle.set('two', 2);
  handle.set('three', 3);
  const calls = [];
  handle.subscribe((key, newValue, oldValue) => calls.push([key, newValue, oldValue]));
  handle.remove('one');
  handle.remove('absent');
  handle.clear();
  await waitUntil(() => calls.length >= 3, 'three notifications');
  assertEquals(calls[0], ['one', undefined, one], 'the notification of remove("one")');
  assertEquals(calls.slice(1).sort((x, y) => x[0] < y[0] ? -1 : 1), [['three', undefined, 3], ['two', undefined, 2]], 'the notifications of clear()');
  assertSame(calls.length, 3, 'the number of notifications (remove of an absent key changes nothing)');
});

test('handle: unsubscribe stops that listener only', async (tf) => {
  const handle = freshHandle(tf);
  const first = [];
  const second = [];
  const offFirst = handle.subscribe(key => first.push(key));
  handle.subscribe(key => second.push(key));
  handle.set('a', 1);
  await waitUntil(() => first.length === 1 && second.length === 1, 'both listeners to hear "a"');
  offFirst();
  assertDoesNotThrow(() => offFirst(), 'calling the unsubscribe function a second time');
  handle.set('b', 2);
  await waitUntil(() => second.length === 2, 'the remaining listener to hear "b"');
  assertEquals(first, ['a'], 'what the unsubscribed listener heard');
});

test('handle: __proto__, constructor, toString, hasOwnProperty and valueOf are plain keys', async (tf) => {
  const handle = freshHandle(tf);
  const keys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
  keys.forEach(key => assertSame(handle.has(key), false, 'has(' + JSON.stringify(key) + ') on an empty handle'));
  const values = keys.map(key => ({ key }));
  keys.forEach((key, i) => handle.set(key, values[i]));
  keys.forEach((key, i) => {
    assertSame(handle.get(key), values[i], 'get(' + JSON.stringify(key) + ')');
    assertSame(handle.has(key), true, 'has(' + JSON.stringify(key) + ')');
  });
  assertEquals(handle.keys(), keys, 'keys()');
  assertSame(handle.size, keys.length, 'size');
  const all = handle.getAll();
  keys.forEach((key, i) => {
    assert(Object.prototype.hasOwnProperty.call(all, key), 'getAll() should have an own property ' + JSON.stringify(key));
    assertSame(all[key], values[i], 'getAll()[' + JSON.stringify(key) + ']');
  });
  assertNotSame(Object.getPrototypeOf(all), values[0], 'the prototype of getAll() (must not be the "__proto__" value)');
  assertPrototypesUntouched();
  keys.forEach(key => assertSame(handle.remove(key), true, 'remove(' + JSON.stringify(key) + ')'));
  assertSame(handle.size, 0, 'size after removing them');
  assertPrototypesUntouched();
});

test('handle: setAll of JSON with a "__proto__" key stores a plain key and pollutes nothing', async (tf) => {
  const handle = freshHandle(tf);
  const payload = JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"ok":3}');
  const inner = Object.getOwnPropertyDescriptor(payload, '__proto__').value;
  handle.setAll(payload);
  assertPrototypesUntouched();
  assertSame(handle.get('__proto__'), inner, "get('__proto__')");
  assertSame(handle.has('__proto__'), true, "has('__proto__')");
  assertSame(handle.get('ok'), 3, "get('ok')");
  assertEquals(handle.keys(), ['__proto__', 'constructor', 'ok'], 'keys()');
  const all = handle.getAll();
  assert(Object.prototype.hasOwnProperty.call(all, '__proto__'), "getAll() should have an own property '__proto__'");
  assertSame(Object.getOwnPropertyDescriptor(all, '__proto__').value, inner, "getAll()['__proto__']");
  assertSame(all.polluted, undefined, 'getAll().polluted');
  assertPrototypesUntouched();
});

test('handle: one handle per node: net.state(id) === context.state on every run === this.state', async (tf) => {
  class Probe {
    inports = ['in'];
    outports = [];
    run(context) {
      context.config.seen.push([context.state, this.state]);
    }
  }
  const net = network(tf, { Probe });
  const seen = [];
  net.addNode('p', 'Probe', { seen });
  const handle = net.state('p');
  assertSame(net.state('p'), handle, "a second net.state('p')");
  await net.start();
  range(3).forEach(i => net.send('p', 'in', i));
  await net.idle();
  assertSame(seen.length, 3, 'runs');
  seen.forEach(([contextState, thisState], i) => {
    assertSame(contextState, handle, 'context.state in run ' + i);
    assertSame(thisState, handle, 'this.state in run ' + i);
  });
  assertSame(net.state('p'), handle, "net.state('p') after the runs");
});

test('handle: different nodes have different handles with separate contents', async (tf) => {
  const net = network(tf, { Sink });
  net.addNode('a', 'core/Counter');
  net.addNode('b', 'core/Counter');
  addSink(net, 'c');
  addSink(net, 'd');
  const handles = ['a', 'b', 'c', 'd'].map(id => net.state(id));
  assertSame(new Set(handles).size, 4, 'distinct handles among a, b, c, d');
  handles[0].set('only', 'a');
  handles[2].set('only', 'c');
  assertSame(handles[1].has('only'), false, "b has a's key");
  assertSame(handles[3].has('only'), false, "d has c's key");
});

test('handle: subscribers hear core/Counter update count from Java', async (tf) => {
  const net = network(tf);
  net.addNode('c', 'core/Counter');
  const handle = net.state('c');
  const counts = [];
  handle.subscribe((key, newValue, oldValue) => {
    if (key === 'count') counts.push([newValue, oldValue, handle.get('count')]);
  });
  await net.start();
  net.send('c', 'in', 'x');
  net.send('c', 'in', 'y');
  await net.idle();
  await waitUntil(() => counts.some(([newValue]) => newValue === 2), 'a notification of count 2');
  const last = counts[counts.length - 1];
  assertEquals(last, [2, 1, 2], 'the last notification of count [new, old, get inside the listener]');
  assert(counts.some(([newValue]) => newValue === 1), 'no notification of count 1 among ' + describe(counts));
});

test('handle: subscribers hear core/Collect push items from Java', async (tf) => {
  const net = network(tf);
  net.addNode('c', 'core/Collect');
  const handle = net.state('c');
  const items = [];
  handle.set('items', items);
  const notified = [];
  handle.subscribe((key, newValue) => { if (key === 'items') notified.push([newValue, newValue.length]); });
  await net.start();
  ['p1', 'p2', 'p3'].forEach(p => net.send('c', 'in', p));
  await net.idle();
  await waitUntil(() => notified.length >= 3, 'three notifications of items');
  notified.forEach(([value]) => assertSame(value, items, 'newValue of an items notification'));
  assertEquals(notified.map(([, length]) => length), [1, 2, 3], 'the length of items at each notification');
});


test('handle: a write is heard exactly while somebody subscribes, however often that changes', async (tf) => {
  // The page's get/set/has/update use the state's Map directly while nobody subscribes, and go
  // through Java (which tells the subscribers) while somebody does: every switch must be seen at once.
  const handle = freshHandle(tf);
  const first = [];
  const second = [];
  handle.set('a', 1);
  const stopFirst = handle.subscribe((key, value, old) => first.push([key, value, old]));
  handle.set('a', 2);
  const stopSecond = handle.subscribe((key, value, old) => second.push([key, value, old]));
  stopFirst();
  handle.set('a', 3);
  stopSecond();
  stopSecond();
  handle.set('a', 4);
  assertSame(handle.get('a'), 4, "get('a') after a write nobody heard");
  let stopThird;
  const third = [];
  assertSame(handle.update('a', value => {
    stopThird = handle.subscribe((key, next, old) => third.push([key, next, old]));
    return value + 1;
  }), 5, 'update that subscribes inside fn');
  handle.update('a', value => value * 2);
  stopThird();
  handle.update('a', value => value + 1);
  assertEquals(first, [['a', 2, 1]], 'the first subscriber heard its one write');
  assertEquals(second, [['a', 3, 2]], 'the second subscriber heard its one write');
  assertEquals(third, [['a', 5, 4], ['a', 10, 5]], 'the subscriber added inside update heard that write and the next');
  assertSame(handle.get('a'), 11, "get('a') at the end");
  assertSame(handle.has('a'), true, "has('a')");
  assertEquals(handle.getAll(), { a: 11 }, 'getAll() (read through Java) sees the page writes');
});

test('handle: a frozen handle still reads and writes its state', async (tf) => {
  const handle = freshHandle(tf);
  Object.freeze(handle);
  handle.set('k', 'v');
  assertSame(handle.get('k'), 'v', "get('k') on a frozen handle");
  assertSame(handle.has('k'), true, "has('k') on a frozen handle");
  assertSame(handle.update('k', value => value + '!'), 'v!', 'update on a frozen handle');
  assertSame(handle.size, 1, 'size (read through Java)');
});

test('handle: a node whose handle the page froze before its first run runs and sends', async (tf) => {
  class Counting {
    inports = ['in'];
    outports = ['out'];
    run(context) {
      context.state.set('seen', (context.state.get('seen') ?? 0) + 1);
      context.send({ out: context.input.in });
    }
  }
  const net = network(tf, { Counting, Sink });
  net.addNode('c', 'Counting');
  const into = addSinkAfter(net, 'c', 's');
  const errors = record(net, 'error');
  Object.freeze(net.state('c'));
  Object.freeze(net.state('s'));
  await net.start();
  net.send('c', 'in', 1);
  net.send('c', 'in', 2);
  await net.idle();
  assertNoErrorEvents(errors);
  assertEquals(into, [1, 2], 'the packets at the sink');
  assertSame(net.state('c').get('seen'), 2, "state 'seen' of the node with the frozen handle");
});

test('handle: its methods called on something else throw naming the method, and change no handle', async (tf) => {
  const handle = freshHandle(tf);
  handle.set('k', 1);
  const proto = tf.LiveMemoryStateHandle.prototype;
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const calls = {
    get: f => f('k'), set: f => f('k', 2), has: f => f('k'), update: f => f('k', v => v + 1), remove: f => f('k'),
    keys: f => f(), getAll: f => f(), setAll: f => f({ k: 3 }), clear: f => f(), subscribe: f => f(() => {}),
    toJSON: f => f(),
  };
  const report = [];
  for (const [name, call] of Object.entries(calls)) {
    for (const [what, other] of [['undefined', undefined], ['{}', {}], ['[]', []], ['a Proxy', new Proxy({}, {})],
      ['a revoked Proxy', revoked.proxy]]) {
      try {
        call((...args) => proto[name].apply(other, args));
        report.push(`${name} on ${what} returned`);
      } catch (error) {
        if (!(error instanceof TypeError) || !error.message.includes(`LiveMemoryStateHandle.${name}: called on `)) {
          report.push(`${name} on ${what} threw "${error.message}"`);
        }
      }
    }
  }
  const { get: size } = Object.getOwnPropertyDescriptor(proto, 'size');
  assertThrows(() => size.call({}), TypeError, ['LiveMemoryStateHandle.size', 'called on an object'], 'size read on {}');
  assertEquals(report, [], 'methods of LiveMemoryStateHandle.prototype called on no handle');
  const { get } = handle;
  assertThrows(() => get('k'), TypeError, ['LiveMemoryStateHandle.get', 'called on undefined', 'handle.get('],
    'get taken off its handle');
  assertSame(handle.get('k'), 1, "the real handle's get('k') afterwards");
  assertEquals(handle.getAll(), { k: 1 }, "the real handle's state afterwards");
});
