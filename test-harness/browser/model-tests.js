// Model-based differential tests (issue 9), run on every backend by ModelTest.java: fast-check
// generates random networks (JS actors, asynchronous and bounded ones, joins, Java core/*
// components, cycles, fan-out, fan-in) and random operation sequences (sends in bursts and one by
// one, nodes and connections added and removed from the page and from inside runs, state set from
// JS and read by Java, throws of ordinary and hostile values, Promise runs settling in random
// order). A small reference model in plain JS predicts, for every phase between two idle points,
// which packets reach which inport, which errors are reported and what each state holds; what the
// scheduler may order freely is checked by invariants instead (conservation of every packet,
// FIFO per inport). Seeded: a failure prints its seed and path, shrunk to a minimal sequence.
import fc from '/node_modules/fast-check/lib/fast-check.js';

const RUNS = 500;
const SEED = 20261201;

const JS_KINDS = ['relay', 'async', 'bounded'];
const KINDS = [...JS_KINDS, 'joiner', 'repeat', 'collect', 'counter'];
/** Kinds with an 'out' port whose packets the model follows. */
const FORWARDING = new Set([...JS_KINDS, 'repeat']);

function trapProxy() {
  const boom = () => { throw new Error('a hostile thrown value was touched'); };
  return new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom });
}

// ---------------------------------------------------------------------------------------------
// Generated plans: plain data, indexes taken modulo what exists, so shrinking keeps them valid.

const nodeKind = fc.constantFrom(...KINDS);
const pick = fc.nat({ max: 40 });
const op = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('send'), to: pick, count: fc.integer({ min: 1, max: 5 }),
    burst: fc.boolean(), hops: fc.integer({ min: 0, max: 3 }), boom: fc.option(pick, { nil: undefined }),
    hostile: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('addNode'), kind: nodeKind }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('addConnection'), from: pick, to: pick, port: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('removeConnection'), which: pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('removeNode'), which: pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('quitOnNext'), which: pick, to: pick, count: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('cutAfterSend'), which: pick, to: pick, count: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('setState'), which: pick, value: fc.integer() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('step'), which: pick, step: fc.integer({ min: 1, max: 5 }) }) },
);
const plan = fc.record({
  kinds: fc.array(nodeKind, { minLength: 1, maxLength: 6 }),
  wires: fc.array(fc.tuple(pick, pick, fc.boolean()), { maxLength: 8 }),
  ops: fc.array(op, { minLength: 1, maxLength: 12 }),
  delays: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
});

// ---------------------------------------------------------------------------------------------
// One run of a plan: the real network, what it was seen doing, and the model beside it.

class World {
  constructor(tf, delays) {
    this.tf = tf;
    this.net = new tf.Network();
    this.delays = delays;
    this.delayIndex = 0;
    this.nodes = new Map();      // id -> {kind, removed, capacity, items?}
    this.wires = [];             // model connections: {from, to, port}
    this.nextId = 0;
    this.nextPacket = 0;
    this.arrived = new Map();    // 'id.port' -> packets, from 'data' events, in order
    this.processed = new Map();  // 'id.port' -> packets the node's runs took, in order
    this.lost = new Map();       // id -> packets reported undeliverable
    this.errors = [];            // error events without packets
    this.violations = [];        // what listeners saw wrong (a listener's throw would only be logged)
    this.phase = null;           // what the model predicts for the phase in progress
    this.net.on('data', e => push(this.arrived, e.node + '.' + e.port, e.value));
    this.net.on('error', e => {
      if (e.packets) {
        if (!this.nodes.has(e.node) || !this.nodes.get(e.node).removed) {
          this.violations.push(`packets reported undeliverable for node '${e.node}', which was not removed: ${e.message}`);
        }
        push(this.lost, e.node, ...e.packets);
      } else {
        this.errors.push(e);
      }
    });
    this.registerActors();
  }

  delay() {
    return this.delays[this.delayIndex++ % this.delays.length];
  }

  registerActors() {
    const world = this;
    // What every JS kind does with a packet: record it, then throw, quit, cut or forward.
    function handle(context, port, packet) {
      const id = context.node;
      push(world.processed, id + '.' + port, packet);
      context.state.update('seen', n => (n || 0) + 1);
      if (packet.boom === id) throw packet.thrown;
      if (packet.quit === id) {
        world.nodes.get(id).removed = true; // first: the report of what waited for it comes at once
        world.net.removeNode(id);
        return;
      }
      if (packet.hops > 0) {
        context.send({ out: { id: packet.id + '>' + id, hops: packet.hops - 1, boom: packet.boom, thrown: packet.thrown,
          quit: packet.quit, cut: packet.cut } });
      }
      if (packet.cut === id) world.cutFirstWireOf(id);
    }
    this.net.registerActor('relay', class { inports = ['in']; outports = ['out']; run(c) { handle(c, 'in', c.input.in); } });
    this.net.registerActor('bounded', class {
      inports = [{ name: 'in', capacity: 2 }];
      outports = ['out'];
      run(c) { handle(c, 'in', c.input.in); }
    });
    this.net.registerActor('async', class {
      inports = ['in'];
      outports = ['out'];
      run(c) {
        const packet = c.input.in;
        return new Promise(resolve => setTimeout(resolve, world.delay())).then(() => handle(c, 'in', packet));
      }
    });
    this.net.registerActor('joiner', class {
      inports = ['a', 'b'];
      awaitAllInports = true;
      run(c) {
        push(world.processed, c.node + '.a', c.input.a);
        push(world.processed, c.node + '.b', c.input.b);
      }
    });
  }

  live() {
    return [...this.nodes.keys()].filter(id => !this.nodes.get(id).removed);
  }

  addNode(kind) {
    const id = 'n' + this.nextId++;
    const component = kind === 'repeat' || kind === 'collect' || kind === 'counter' ? 'core/' + kind[0].toUpperCase() + kind.slice(1) : kind;
    this.net.addNode(id, component);
    const node = { kind, removed: false, step: 1, count: 0, seen: 0, note: undefined };
    if (kind === 'collect') {
      node.items = [];
      this.net.state(id).set('items', node.items); // Java pushes onto this very array
    }
    this.nodes.set(id, node);
    return id;
  }

  inportOf(id, flag) {
    const kind = this.nodes.get(id).kind;
    return kind === 'joiner' ? (flag ? 'a' : 'b') : 'in';
  }

  addConnection(fromPick, toPick, flag) {
    const senders = this.live().filter(id => FORWARDING.has(this.nodes.get(id).kind));
    const live = this.live();
    if (senders.length === 0 || live.length === 0) return;
    const from = senders[fromPick % senders.length];
    let to = live[toPick % live.length];
    // Every cycle passes a JS actor, which counts hops down: core/Repeat feeds no other Repeat.
    if (this.nodes.get(from).kind === 'repeat' && this.nodes.get(to).kind === 'repeat') return;
    // A bounded node feeding a bounded node (itself included) could wait on each other for ever.
    if (this.nodes.get(from).kind === 'bounded' && this.nodes.get(to).kind === 'bounded') return;
    const port = this.inportOf(to, flag);
    if (this.wires.some(w => w.from === from && w.to === to && w.port === port)) return;
    this.net.addConnection(from, 'out', to, port);
    this.wires.push({ from, to, port });
  }

  removeWire(index) {
    const [wire] = this.wires.splice(index, 1);
    this.net.removeConnection(wire.from, 'out', wire.to, wire.port);
  }

  cutFirstWireOf(id) {
    const index = this.wires.findIndex(w => w.from === id);
    if (index >= 0) this.removeWire(index);
  }

  removeNode(id) {
    this.nodes.get(id).removed = true; // first: the report of what waited for it comes at once
    this.net.removeNode(id);
    this.wires = this.wires.filter(w => w.from !== id && w.to !== id);
  }

  /** Packets for the page to send: fresh objects, some flagged to throw, quit or cut somewhere. */
  packets(count, hops, extra) {
    return Array.from({ length: count }, () => ({ id: 'p' + this.nextPacket++, hops, ...extra }));
  }

  async send(to, port, packets, burst) {
    for (const packet of packets) {
      this.net.send(to, port, packet);
      if (!burst) await this.idle();
    }
    await this.idle();
  }

  async idle() {
    let timer;
    const timeout = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new AssertionError('idle() did not resolve within 3 s')), 3000);
    });
    try {
      await Promise.race([this.net.idle(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function push(map, key, ...values) {
  let list = map.get(key);
  if (!list) map.set(key, list = []);
  list.push(...values);
}

// ---------------------------------------------------------------------------------------------
// The reference model: where a phase's packets go, when nothing in it depends on scheduling.

/** Expected arrivals per 'id.port' (as counts of packet ids), errors per node, and runs per node. */
function predict(world, injected) {
  const arrivals = new Map();
  const errors = new Map();
  const queue = injected.map(([id, port, packet]) => [id, port, packet]);
  const count = (map, key) => map.set(key, (map.get(key) || 0) + 1);
  while (queue.length > 0) {
    const [id, port, packet] = queue.shift();
    const node = world.nodes.get(id);
    if (node.removed) continue;
    count(arrivals, id + '.' + port + ' ' + packet.id);
    if (JS_KINDS.includes(node.kind)) {
      node.seen++;
      if (packet.boom === id) { count(errors, id); continue; }
      if (packet.hops === 0) continue;
      const child = { id: packet.id + '>' + id, hops: packet.hops - 1, boom: packet.boom };
      for (const w of world.wires) if (w.from === id) queue.push([w.to, w.port, child]);
    } else if (node.kind === 'repeat') {
      for (const w of world.wires) if (w.from === id) queue.push([w.to, w.port, packet]);
    } else if (node.kind === 'counter') {
      node.count += node.step;
    }
  }
  return { arrivals, errors };
}

/** Counts of 'id.port packetId' for what arrived since the marks. */
function observedArrivals(world, marks) {
  const seen = new Map();
  for (const [key, list] of world.arrived) {
    for (const packet of list.slice(marks.get(key) || 0)) {
      const name = key + ' ' + packet.id;
      seen.set(name, (seen.get(name) || 0) + 1);
    }
  }
  return seen;
}

function sortedEntries(map) {
  return [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Invariants that hold whatever the scheduler's order.

function checkInvariants(world) {
  assertEquals(world.violations, [], 'what the event listeners saw');
  for (const [id, node] of world.nodes) {
    const lost = world.lost.get(id) || [];
    if (!node.removed) {
      assertSame(lost.length, 0, `packets reported lost for node '${id}', which still exists`);
    }
    if (node.kind === 'joiner') {
      const rest = [];
      for (const port of ['a', 'b']) {
        const arrived = world.arrived.get(id + '.' + port) || [];
        const processed = world.processed.get(id + '.' + port) || [];
        assertSequencePrefix(processed, arrived, `joiner '${id}' inport ${port}: what it took against what arrived`);
        rest.push(...arrived.slice(processed.length));
      }
      // A live joiner may hold packets waiting for their partner; a removed one reports them.
      if (node.removed) assertSameMembers(lost, rest, `joiner '${id}' (removed): what was reported lost against what was left`);
      continue;
    }
    const arrived = world.arrived.get(id + '.in') || [];
    let processed = world.processed.get(id + '.in');
    if (node.kind === 'collect') processed = node.items;
    if (!processed) continue; // core/Repeat and core/Counter: checked through the model
    // FIFO and exactly once: the runs took a prefix of what arrived, in order, and the rest was reported.
    assertSequencePrefix(processed, arrived, `node '${id}': what its runs took against what arrived`);
    const left = arrived.slice(processed.length);
    if (node.removed) {
      assertSequence(lost, left, `node '${id}' (removed): what was reported lost against what was left`);
    } else {
      assertSame(left.length, 0, `node '${id}' still exists, yet ${left.length} packet(s) that reached it never ran`);
    }
  }
}

function assertSequencePrefix(prefix, whole, what) {
  assert(prefix.length <= whole.length, `${what}: took ${prefix.length}, only ${whole.length} arrived`);
  for (let i = 0; i < prefix.length; i++) {
    assert(prefix[i] === whole[i], `${what}: packet ${i} is ${prefix[i] && prefix[i].id}, expected ${whole[i] && whole[i].id}`);
  }
}

function assertSequence(actual, expected, what) {
  assertSame(actual.length, expected.length, what + ' (length)');
  assertSequencePrefix(actual, expected, what);
}

function assertSameMembers(actual, expected, what) {
  const ids = list => list.map(p => p.id).sort();
  assertEquals(ids(actual), ids(expected), what);
}

// ---------------------------------------------------------------------------------------------
// Running a plan.

async function runPlan(tf, { kinds, wires, ops, delays }) {
  const world = new World(tf, delays);
  for (const kind of kinds) world.addNode(kind);
  for (const [from, to, flag] of wires) world.addConnection(from, to, flag);
  await world.net.start();
  for (const step of ops) {
    const live = world.live();
    if (live.length === 0) break;
    const choose = n => live[n % live.length];
    const marks = new Map([...world.arrived].map(([key, list]) => [key, list.length]));
    const errorMark = world.errors.length;
    let injected = null; // [id, port, packet] when the phase is one the model predicts
    switch (step.op) {
      case 'send': {
        const to = choose(step.to);
        const port = world.inportOf(to, step.hops % 2 === 0);
        const boom = step.boom === undefined ? undefined : choose(step.boom);
        const thrown = step.hostile ? trapProxy() : new Error('planned throw');
        const packets = world.packets(step.count, step.hops, { boom, thrown });
        injected = packets.map(p => [to, port, p]);
        const expected = predict(world, injected);
        await world.send(to, port, packets, step.burst);
        assertEquals(sortedEntries(observedArrivals(world, marks)), sortedEntries(expected.arrivals),
          'arrivals per inport (node.port packet → count)');
        const errors = new Map();
        for (const e of world.errors.slice(errorMark)) {
          errors.set(e.node, (errors.get(e.node) || 0) + 1);
          assert(e.error === thrown, `error event of '${e.node}' carries the thrown value: ${e.message}`);
          assertType(e.message, 'string', 'error message');
        }
        assertEquals(sortedEntries(errors), sortedEntries(expected.errors), 'error events per node');
        break;
      }
      case 'quitOnNext':
      case 'cutAfterSend': {
        // A JS node removes itself (or its first outgoing connection) inside a run, in the middle
        // of a burst: what follows depends on the order of runs, so only the invariants judge it.
        const actors = live.filter(id => JS_KINDS.includes(world.nodes.get(id).kind));
        if (actors.length === 0) break;
        const actor = actors[step.which % actors.length];
        const to = choose(step.to);
        const field = step.op === 'quitOnNext' ? 'quit' : 'cut';
        const packets = world.packets(step.count, 2, { [field]: actor });
        await world.send(to, world.inportOf(to, true), packets, true);
        if (field === 'quit' && world.nodes.get(actor).removed) {
          world.wires = world.wires.filter(w => w.from !== actor && w.to !== actor);
        }
        resync(world);
        break;
      }
      case 'addNode': world.addNode(step.kind); break;
      case 'addConnection': world.addConnection(step.from, step.to, step.port); break;
      case 'removeConnection': if (world.wires.length > 0) world.removeWire(step.which % world.wires.length); break;
      case 'removeNode': world.removeNode(choose(step.which)); break;
      case 'setState': {
        const id = choose(step.which);
        world.net.state(id).set('note', step.value);
        world.nodes.get(id).note = step.value;
        break;
      }
      case 'step': {
        const counters = live.filter(id => world.nodes.get(id).kind === 'counter');
        if (counters.length === 0) break;
        const id = counters[step.which % counters.length];
        world.net.state(id).set('step', step.step); // read by Java on its next packet
        world.nodes.get(id).step = step.step;
        break;
      }
      default: fail('unknown op ' + step.op);
    }
    await world.idle();
    checkInvariants(world);
    checkStates(world);
  }
  await world.net.stop();
}

/** After a phase the model cannot predict, it takes the states the network reached. */
function resync(world) {
  for (const id of world.live()) {
    const node = world.nodes.get(id);
    const state = world.net.state(id);
    if (node.kind === 'counter') node.count = state.get('count') || 0;
    if (JS_KINDS.includes(node.kind)) node.seen = state.get('seen') || 0;
  }
}

function checkStates(world) {
  for (const id of world.live()) {
    const node = world.nodes.get(id);
    const state = world.net.state(id);
    assertSame(state.get('note'), node.note, `node '${id}': the value the page set`);
    if (node.kind === 'counter') assertSame(state.get('count') || 0, node.count, `core/Counter '${id}': count (Java, step set from JS)`);
    if (JS_KINDS.includes(node.kind)) assertSame(state.get('seen') || 0, node.seen, `JS node '${id}': seen`);
    if (node.kind === 'collect') assertSame(state.get('items'), node.items, `core/Collect '${id}': the same items array`);
  }
}

test(`model: ${RUNS} random networks and operation sequences agree with the reference model (seed ${SEED})`, async (tf) => {
  const details = await fc.check(fc.asyncProperty(plan, p => runPlan(tf, p)), { numRuns: RUNS, seed: SEED });
  if (details.failed) {
    const error = details.errorInstance;
    fail(fc.defaultReportMessage(details) + '\nThe shrunk case failed with: '
      + (error instanceof Error ? error.message : String(error)));
  }
}, { timeoutMs: 240000, allowErrorLogs: true });

// ---------------------------------------------------------------------------------------------
// Named regressions: what the model-based tests found, kept as plain cases.

class Sink {
  inports = ['in'];
  run(context) {
    context.config.into.push(context.input.in);
  }
}

/** k forwards packets, and removes itself while handling 3. */
function quitterNetwork(tf, into) {
  const net = new tf.Network();
  net.registerActor('Quitter', class {
    inports = ['in'];
    outports = ['out'];
    run(context) {
      if (context.input.in === 3) net.removeNode(context.node);
      else context.send({ out: context.input.in });
    }
  }).registerActor('Sink', Sink);
  net.addNode('k', 'Quitter').addNode('s', 'Sink', { into }).addConnection('k', 'out', 's', 'in');
  return net;
}

test('regression: a node removing itself mid-burst still has what it sent delivered (burst and one by one agree)', async (tf) => {
  const outcomes = [];
  for (const burst of [true, false]) {
    const into = [];
    const net = quitterNetwork(tf, into);
    const lost = [];
    net.on('error', e => lost.push(...(e.packets || [])));
    await net.start();
    for (let n = 1; n <= 6; n++) {
      net.send('k', 'in', n);
      if (!burst) await net.idle().catch(() => {});
      if (!burst && n === 3) break; // k is gone: later sends to it are refused
    }
    await net.idle();
    outcomes.push({ delivered: into, lost });
  }
  assertEquals(outcomes[0].delivered, [1, 2], 'delivered when the page sent 1..6 in one burst');
  assertEquals(outcomes[0].lost, [4, 5, 6], 'reported: the packets still waiting for the removed k');
  assertEquals(outcomes[1].delivered, [1, 2], 'delivered when the page sent one at a time');
});

test('regression: removeConnection right after a send on it still delivers that packet', async (tf) => {
  const into = [];
  const net = new tf.Network();
  net.registerActor('Cutter', class {
    inports = ['in'];
    outports = ['out'];
    cut = false;
    run(context) {
      context.send({ out: context.input.in });
      if (!this.cut) net.removeConnection('c', 'out', 's', 'in');
      this.cut = true;
    }
  }).registerActor('Sink', Sink);
  net.addNode('c', 'Cutter').addNode('s', 'Sink', { into }).addConnection('c', 'out', 's', 'in');
  const errors = [];
  net.on('error', e => errors.push(e));
  await net.start();
  net.send('c', 'in', 'first');
  net.send('c', 'in', 'second');
  await net.idle();
  assertEquals(into, ['first'], 'the packet sent before the cut arrives; nothing after');
  assertEquals(errors, [], 'nothing is reported lost');
});

test('regression: a send from a node after it was removed fails loudly instead of vanishing', async (tf) => {
  const net = new tf.Network();
  let later;
  net.registerActor('Late', class {
    inports = ['in'];
    outports = ['out'];
    run(context) { later = () => context.send({ out: 1 }); }
  });
  net.addNode('l', 'Late').addNode('c', 'core/Collect').addConnection('l', 'out', 'c', 'in');
  await net.start();
  net.send('l', 'in', 0);
  await net.idle();
  net.removeNode('l');
  assertThrows(later, Error, ["'l'", 'removed'], 'a send after removal');
  assertSame(net.state('c').get('items'), undefined, 'nothing reached the collector');
});
