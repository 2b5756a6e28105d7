// The page's self-check: what the demo promises, each check on a fresh Network, its result shown on
// the page and published in window.__results. The assertions (assert, assertSame, assertEquals,
// assertThrows, fail, AssertionError) are the test harness's own, test-harness/browser/assert.js,
// which the page loads as a classic script before this module.
import { fmt, typeOf } from './format.mjs';

/**
 * The checks, each { name, run() } resolving to a line saying what it saw, for `api`, the Api of
 * Teaflow.init({ backend: requestedBackend }).
 */
export function selfChecks(api, requestedBackend) {
  /** Runs body(net, errors) on a fresh, started network built by build(net); always stops it. */
  async function withNetwork(build, body, { allowErrors = false } = {}) {
    const net = new api.Network();
    build(net);
    const errors = [];
    net.on('error', (e) => errors.push(e));
    await net.start();
    try {
      const detail = await body(net, errors);
      if (!allowErrors && errors.length) {
        fail(`unexpected 'error' event(s): ` + errors.map(e => `${e.node}: ${e.message}`).join('; '));
      }
      return detail;
    } finally {
      try { await net.stop(); } catch (e) { console.warn('stop() failed', e); }
    }
  }

  /** A JS actor that records what it finds in its state on each run, and passes the packet on. */
  function makeTickerClass(record) {
    return class CheckTicker {
      inports = ['in'];
      outports = ['out'];
      state = { runs: 0, label: 'from class field' };
      run(context) {
        const s = context.state;
        record.push({ runsBefore: s.get('runs'), packet: context.input.in });
        if (!s.has('firstPacket')) s.set('firstPacket', context.input.in);
        s.set('lastPacket', context.input.in);
        s.set('runs', s.get('runs') + 1);
        context.send({ out: context.input.in });
      }
    };
  }

  return [
    {
      name: 'API: Teaflow.init gives backend, version, classes and Java components',
      async run() {
        assert(api.backend === 'js' || api.backend === 'wasm', `api.backend must be 'js' or 'wasm', got ${fmt(api.backend)}`);
        if (requestedBackend === 'js' || requestedBackend === 'wasm') assertSame(api.backend, requestedBackend, 'api.backend vs requested ?backend=');
        assert(typeof api.version === 'string' && api.version.length > 0, `api.version must be a non-empty string, got ${fmt(api.version)}`);
        assertSame(typeof api.Network, 'function', 'typeof api.Network');
        assertSame(typeof api.LiveMemoryStateHandle, 'function', 'typeof api.LiveMemoryStateHandle');
        const comps = api.components();
        assert(Array.isArray(comps), `components() must return an array, got ${fmt(comps)}`);
        for (const c of ['core/Counter', 'core/Collect', 'core/Drop']) assert(comps.includes(c), `components() lacks ${c}: ${fmt(comps)}`);
        const again = await window.Teaflow.init({ backend: requestedBackend });
        assertSame(again, api, 'second Teaflow.init() with the same backend');
        return `backend ${api.backend}, version ${api.version}, components ${fmt(comps, 200)}; init twice → same Api`;
      },
    },
    {
      name: 'JS → Java: page sets step on the counter, the Java Counter adds it',
      async run() {
        return withNetwork(
          (net) => net.registerActor('T', makeTickerClass([])).addNode('t', 'T').addNode('counter', 'core/Counter')
            .addConnection('t', 'out', 'counter', 'in'),
          async (net) => {
            const c = net.state('counter');
            c.set('step', 5);
            net.send('t', 'in', 'a');
            await net.idle();
            assertSame(c.get('count'), 5, "count after 1 packet with step 5 (from 0)");
            c.set('step', -2);            // changed live, between runs
            net.send('t', 'in', 'b');
            await net.idle();
            assertSame(c.get('count'), 3, "count after step changed to -2 and 1 more packet");
            assertSame(typeof c.get('count'), 'number', 'typeof count');
            return "step=5 → count 0→5; step=-2 → count 5→3 (Java read the page's writes)";
          });
      },
    },
    {
      name: 'Java → JS: the Java-written count is visible at once, and subscribers hear it',
      async run() {
        const seenInFlow = [];
        let counterHandle = null;
        class Probe {
          inports = ['in'];
          run(ctx) { seenInFlow.push([ctx.input.in, counterHandle.get('count')]); }
        }
        return withNetwork(
          (net) => net.registerActor('Probe', Probe).addNode('counter', 'core/Counter').addNode('probe', 'Probe')
            .addConnection('counter', 'out', 'probe', 'in'),
          async (net) => {
            const c = counterHandle = net.state('counter');
            c.set('count', 10);
            const calls = [];
            const off = c.subscribe((k, v, o) => calls.push([k, v, o]));
            net.send('counter', 'in', 1);
            await net.idle();
            assertSame(c.get('count'), 11, "handle.get('count') right after await net.idle()");
            const hit = calls.find(([k, v, o]) => k === 'count' && v === 11 && o === 10);
            assert(hit, `subscriber did not receive ('count', 11, 10) from the Java write; calls: ${fmt(calls)}`);
            assertSame(seenInFlow.length, 1, 'runs of the JS probe downstream of the Counter');
            assertSame(seenInFlow[0][0], 11, 'packet the Counter sent');
            assertSame(seenInFlow[0][1], 11, "counter's count read from JS while the flow is running");
            off();
            net.send('counter', 'in', 1);
            await net.idle();
            assertSame(c.get('count'), 12, 'count after a 2nd packet');
            assertSame(calls.filter(([k]) => k === 'count').length, 1, "subscriber calls for 'count' after unsubscribe()");
            return `get('count') = 11 after idle; subscriber got ${fmt(hit)}; JS probe read ${fmt(seenInFlow[0])}; no calls after unsubscribe`;
          });
      },
    },
    {
      name: "Persistence: the JS actor's live state grows over runs and survives between them",
      async run() {
        const record = [];
        return withNetwork(
          (net) => net.registerActor('T', makeTickerClass(record)).addNode('t', 'T'),
          async (net) => {
            const h = net.state('t');
            const calls = [];
            h.subscribe((k, v, o) => calls.push([k, v, o]));
            for (const p of ['p1', 'p2', 'p3']) { net.send('t', 'in', p); await net.idle(); }
            net.send('t', 'in', 'p4'); net.send('t', 'in', 'p5');
            await net.idle();
            assertSame(record.length, 5, 'number of runs');
            assertEquals(record.map(r => r.runsBefore), [0, 1, 2, 3, 4], "'runs' the actor found at the start of each run");
            assertSame(h.get('runs'), 5, "net.state('t').get('runs')");
            assertSame(h.get('firstPacket'), 'p1', 'firstPacket (set in run 1, kept since)');
            assertSame(h.get('lastPacket'), 'p5', 'lastPacket');
            assertSame(h.get('label'), 'from class field', 'label copied from the class field state = {…}');
            assert(calls.some(([k, v, o]) => k === 'runs' && v === 5 && o === 4), `page subscriber did not see ('runs', 5, 4); saw ${fmt(calls.filter(c => c[0] === 'runs'))}`);
            return `runs seen by the actor: ${fmt(record.map(r => r.runsBefore))} → ${h.get('runs')}; firstPacket kept; page subscriber saw the actor's writes`;
          });
      },
    },
    {
      name: "Identity: context.state === this.state === net.state(id), inside run, on every run",
      async run() {
        const caps = [];
        class Probe {
          inports = ['in'];
          state = { x: 1 };
          run(ctx) { caps.push({ ctx: ctx.state, self: this.state, node: ctx.node }); }
        }
        const objActor = {
          inports: ['in'],
          run(ctx) { caps.push({ ctx: ctx.state, self: this.state, node: ctx.node }); },
        };
        return withNetwork(
          (net) => net.registerActor('Probe', Probe).registerActor('Obj', objActor)
            .addNode('a', 'Probe').addNode('b', 'Obj').addNode('b2', 'Obj'),
          async (net) => {
            for (const n of ['a', 'b', 'b2']) { net.send(n, 'in', 1); net.send(n, 'in', 2); }
            await net.idle();
            for (const n of ['a', 'b', 'b2']) {
              const mine = caps.filter(c => c.node === n);
              assertSame(mine.length, 2, `runs of node ${n}`);
              const h = net.state(n);
              for (const [i, c] of mine.entries()) {
                assertSame(c.ctx, h, `${n} run ${i + 1}: context.state vs net.state('${n}')`);
                assertSame(c.self, h, `${n} run ${i + 1}: this.state vs net.state('${n}')`);
              }
            }
            assert(net.state('b') !== net.state('b2'), 'two nodes of one object-form actor share a handle');
            assertSame(net.state('a').get('x'), 1, "class-field state copied into a's live state");
            return "class actor and object actor: context.state === this.state === net.state(id) on runs 1 and 2; b and b2 have distinct handles";
          });
      },
    },
    {
      name: 'Identity: one handle per node for its whole life, instanceof LiveMemoryStateHandle',
      async run() {
        const net = new api.Network()
          .registerActor('T', makeTickerClass([]))
          .addNode('t', 'T').addNode('counter', 'core/Counter')
          .addConnection('t', 'out', 'counter', 'in');
        const before = net.state('counter');
        const tBefore = net.state('t');
        await net.start();
        try {
          assertSame(net.state('counter'), net.state('counter'), "net.state('counter') twice");
          assertSame(net.state('counter'), before, "net.state('counter') before vs after start()");
          assertSame(net.state('t'), tBefore, "net.state('t') before vs after start()");
          assert(before instanceof api.LiveMemoryStateHandle, 'Java node handle is not instanceof api.LiveMemoryStateHandle');
          assert(tBefore instanceof api.LiveMemoryStateHandle, 'JS node handle is not instanceof api.LiveMemoryStateHandle');
          assert(net.state('t') !== net.state('counter'), 'two nodes share one handle');
          net.send('t', 'in', 1);
          await net.idle();
          assertSame(net.state('counter'), before, "net.state('counter') after a run");
          assertSame(before.get('count'), 1, 'count through the handle taken before start()');
        } finally {
          await net.stop().catch(() => {});
        }
        assertSame(net.state('counter'), before, "net.state('counter') after stop()");
        return 'same handle before start, after runs and after stop; both JS and Java node handles are instanceof api.LiveMemoryStateHandle';
      },
    },
    {
      name: 'By reference: a page object is the identical object inside the JS actor, and back',
      async run() {
        const seen = [];
        class Mutator {
          inports = ['in'];
          run(ctx) {
            const o = ctx.state.get('shared');
            seen.push({ o, hits: o.hits });
            o.hits += 1;                 // mutate in place, no set()
            o.tags.push(ctx.input.in);
            ctx.state.set('echo', o);    // hand the same object back
          }
        }
        return withNetwork(
          (net) => net.registerActor('M', Mutator).addNode('m', 'M'),
          async (net) => {
            const h = net.state('m');
            const obj = { hits: 0, tags: [] };
            h.set('shared', obj);
            assertSame(h.get('shared'), obj, 'get right after set');
            net.send('m', 'in', 'first');
            await net.idle();
            assertSame(seen[0].o, obj, "object read inside the actor");
            assertSame(obj.hits, 1, "actor's in-place mutation seen on the page");
            assertEquals(obj.tags, ['first'], 'tags pushed by the actor');
            assertSame(h.get('echo'), obj, "object the actor set back, read by the page");
            obj.hits = 100;              // page mutates in place, no set()
            net.send('m', 'in', 'second');
            await net.idle();
            assertSame(seen[1].hits, 100, "page's in-place mutation seen inside the actor");
            assertSame(obj.hits, 101, 'hits after the 2nd run');
            assertSame(h.getAll().shared, obj, 'getAll().shared');
            return 'obj === state inside run === echo; in-place mutations visible both ways (hits 0→1, page 100 → actor saw 100 → 101)';
          });
      },
    },
    {
      name: 'By reference: any JS value stored in a Java node’s state comes back identical',
      async run() {
        return withNetwork(
          (net) => net.addNode('counter', 'core/Counter'),
          async (net) => {
            const c = net.state('counter');
            const values = {
              obj: { deep: { n: 1 } }, arr: [1, 'two', { three: 3 }], fn: function hello() { return 42; },
              sym: Symbol('s'), big: 12345678901234567890n, nul: null, yes: true, str: 'text', num: 1.5,
            };
            c.setAll(values);
            for (const [k, v] of Object.entries(values)) assertSame(c.get(k), v, `get('${k}')`);
            net.send('counter', 'in', 1);           // Java runs and writes count on the same state
            await net.idle();
            const all = c.getAll();
            for (const [k, v] of Object.entries(values)) assertSame(all[k], v, `getAll().${k} after a Java run`);
            assertSame(c.get('count'), 1, 'count');
            assertSame(c.get('fn')(), 42, 'calling the stored function');
            values.obj.deep.n = 2;
            assertSame(c.get('obj').deep.n, 2, 'in-place mutation of a stored object');
            assertSame(c.size, Object.keys(values).length + 1, 'size');
            assertSame(c.update('num', (x) => x * 2), 3, 'update() result');
            assertSame(c.get('num'), 3, 'value after update()');
            assertSame(c.remove('num'), true, "remove('num')");
            assertSame(c.has('num'), false, "has('num') after remove");
            return 'object, array, function, Symbol, BigInt, null, boolean, string, number: all === after a Java run; update/remove/has/size behave';
          });
      },
    },
    {
      name: 'By reference: core/Collect (Java) fills the very array the page put in',
      async run() {
        return withNetwork(
          (net) => net.addNode('collect', 'core/Collect').addNode('fresh', 'core/Collect'),
          async (net) => {
            const items = [];
            const h = net.state('collect');
            h.set('items', items);
            const packetObj = { id: 'object packet' };
            net.send('collect', 'in', 'x');
            net.send('collect', 'in', packetObj);
            net.send('collect', 'in', 3);
            for (const p of ['a', 'b']) net.send('fresh', 'in', p);
            await net.idle();
            assertSame(h.get('items'), items, "get('items') vs the page's array");
            assertSame(items.length, 3, "items.length (the page's own array)");
            assertSame(items[0], 'x', 'items[0]');
            assertSame(items[1], packetObj, 'items[1] vs the object packet sent');
            assertSame(items[2], 3, 'items[2]');
            const made = net.state('fresh').get('items');
            assert(Array.isArray(made), `Collect without items should create an array, got ${typeOf(made)} ${fmt(made)}`);
            assertEquals(made, ['a', 'b'], 'items created by Collect');
            return `page array === items, now ${fmt(items)}; object packet identical; a fresh Collect created ${fmt(made)}`;
          });
      },
    },
    {
      name: 'Burst: 1000 packets through the JS actor into the Java Counter',
      async run() {
        return withNetwork(
          (net) => net.registerActor('T', makeTickerClass([])).addNode('t', 'T').addNode('counter', 'core/Counter')
            .addConnection('t', 'out', 'counter', 'in'),
          async (net) => {
            net.state('counter').set('step', 3);
            const t0 = performance.now();
            for (let i = 0; i < 1000; i++) net.send('t', 'in', i);
            await net.idle();
            const ms = performance.now() - t0;
            assertSame(net.state('t').get('runs'), 1000, 'JS actor runs');
            assertSame(net.state('counter').get('count'), 3000, 'Java count (1000 × step 3)');
            assertSame(net.state('t').get('lastPacket'), 999, 'lastPacket');
            return `1000 packets in ${ms.toFixed(1)} ms; runs 1000, count 3000`;
          });
      },
    },
    {
      name: 'Network events: start, data (with node/port/from/value), idle, stop',
      async run() {
        const net = new api.Network()
          .registerActor('T', makeTickerClass([]))
          .addNode('t', 'T').addNode('counter', 'core/Counter')
          .addConnection('t', 'out', 'counter', 'in');
        const events = [];
        const off = net.on('*', (e) => events.push(e));
        const pkt = { hello: 1 };
        await net.start();
        net.send('t', 'in', pkt);
        await net.idle();
        await net.stop();
        off();
        const types = events.map(e => e.type);
        for (const t of ['start', 'data', 'idle', 'stop']) assert(types.includes(t), `no '${t}' event; got ${fmt(types)}`);
        assert(events.every(e => e && typeof e.type === 'string'), 'an event without a type field');
        const d = events.find(e => e.type === 'data' && e.node === 'counter');
        assert(d, `no data event for counter; data events: ${fmt(events.filter(e => e.type === 'data'))}`);
        assertSame(d.port, 'in', 'data.port');
        assertSame(d.value, pkt, 'data.value vs the packet sent');
        assert(d.from && d.from.node === 't' && d.from.port === 'out', `data.from should be {node:'t', port:'out'}, got ${fmt(d.from)}`);
        return `events: ${types.join(', ')}`;
      },
    },
    {
      name: "Actor error: a throwing JS actor emits 'error', the network goes on",
      async run() {
        const thrown = new Error('fragile actor exploded');
        class Fragile {
          inports = ['in'];
          outports = ['out'];
          run(ctx) {
            if (ctx.input.in === 'boom') throw thrown;
            if (ctx.input.in === 'badport') { ctx.send({ undeclaredPort: 1 }); return; }
            ctx.send({ out: ctx.input.in });
          }
        }
        return withNetwork(
          (net) => net.registerActor('F', Fragile).addNode('f', 'F').addNode('counter', 'core/Counter')
            .addConnection('f', 'out', 'counter', 'in'),
          async (net, errors) => {
            net.send('f', 'in', 1);
            net.send('f', 'in', 'boom');
            net.send('f', 'in', 2);
            net.send('f', 'in', 'badport');
            net.send('f', 'in', 3);
            await net.idle();
            assertSame(errors.length, 2, "number of 'error' events (one throw, one send on an undeclared port)");
            const [e, p] = errors;
            assertSame(e.type, 'error', 'event.type');
            assertSame(e.node, 'f', 'event.node');
            assert(String(e.message).includes('fragile actor exploded'), `thrown Error: event.message should carry the thrown message, got ${fmt(e.message)}`);
            assertSame(e.error, thrown, 'thrown Error: event.error vs the Error the actor threw');
            assertSame(p.node, 'f', 'undeclared port: event.node');
            assert(String(p.message).includes('undeclaredPort'), `undeclared port: event.message should name 'undeclaredPort', got ${fmt(p.message)}`);
            assertSame(net.state('counter').get('count'), 3, 'count (packets before, between and after the failures)');
            return `throw → {node:'f', message:${JSON.stringify(e.message)}, error: the thrown Error}; ` +
              `undeclared port → ${JSON.stringify(p.message)}; count still reached 3`;
          }, { allowErrors: true });
      },
    },
    {
      name: "Bad input: net.state('nope') and other misuse throw a clear Error",
      async run() {
        const net = new api.Network().addNode('counter', 'core/Counter');
        const msgs = [];
        msgs.push(assertThrows(() => net.state('nope'), Error, ['nope'], "net.state('nope')").message);
        msgs.push(assertThrows(() => net.addNode('x', 'core/NoSuchThing'), Error, ['core/NoSuchThing'], "addNode with unknown component").message);
        msgs.push(assertThrows(() => net.addNode('counter', 'core/Counter'), Error, ['counter'], 'addNode with a duplicate id').message);
        msgs.push(assertThrows(() => net.addConnection('counter', 'bogusPort', 'counter', 'in'), Error, ['bogusPort'], 'addConnection with an undeclared port').message);
        msgs.push(assertThrows(() => net.registerActor('Bad', 42), Error, ['Bad'], 'registerActor with a non-actor').message);
        return msgs.map(m => JSON.stringify(m)).join('\n');
      },
    },
    {
      name: 'Keys: __proto__, constructor, toString are plain keys on a Java node’s state',
      async run() {
        return withNetwork(
          (net) => net.addNode('counter', 'core/Counter'),
          async (net) => {
            const c = net.state('counter');
            const p = { marker: true };
            c.set('__proto__', p);
            c.set('constructor', 'c');
            c.set('toString', 7);
            assertSame(c.get('__proto__'), p, "get('__proto__')");
            assertSame(c.get('constructor'), 'c', "get('constructor')");
            assertSame(c.get('toString'), 7, "get('toString')");
            assertSame(c.has('hasOwnProperty'), false, "has('hasOwnProperty') (never set)");
            assertSame(c.get('valueOf'), undefined, "get('valueOf') (never set)");
            const all = c.getAll();
            assert(Object.prototype.hasOwnProperty.call(all, '__proto__'), "getAll() lacks an own '__proto__' property");
            assertSame(Object.getOwnPropertyDescriptor(all, '__proto__').value, p, "getAll()'s own '__proto__' value");
            assert(Object.getPrototypeOf(all) === Object.prototype || Object.getPrototypeOf(all) === null, 'getAll() prototype changed');
            assertSame(({}).marker, undefined, 'Object.prototype untouched');
            assertEquals(c.keys(), ['__proto__', 'constructor', 'toString'], 'keys() in insertion order');
            return "__proto__/constructor/toString stored as ordinary keys; getAll() has them as own properties; no prototype changed";
          });
      },
    },
  ];
}
