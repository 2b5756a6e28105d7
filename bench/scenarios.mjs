// The Teaflow side of BENCHMARKS.md's scenarios, for one loaded Teaflow (tf: what init() gave):
// bench/teaflow.html runs them against the competitors, bench/ab.html runs two builds side by side.
// Runtimes: 'teaflow-java' (stages are the Java core/Repeat), 'teaflow-js' (stages are JS actors).
// Every run checks that every packet arrived, in order per path (count and checksum).

/**
 * The stages the JS-actor scenarios run, written as a page writes a Teaflow JS actor; new classes
 * on every call. bench/competitors/src/api-baseline.js runs the same ones on the baseline's runtime
 * (its bundle holds a copy of this code, so the two never share the JIT's feedback).
 */
export function benchActors() {
  class Stage {
    inports = ['in'];
    outports = ['out'];
    run(context) { context.send({ out: context.input.in }); }
  }

  class CountingStage {
    inports = ['in'];
    outports = ['out'];
    run(context) {
      // Two gets and two sets on the node's state handle per packet, as the baseline does on a Map.
      const state = context.state;
      const value = context.input.in;
      state.set('count', state.get('count') + 1);
      state.set('sum', state.get('sum') + value);
      context.send({ out: value });
    }
  }
  return { Stage, CountingStage };
}

/** The scenarios on `tf`: {runtimes: {'teaflow-java': {S1, S2, S3}, 'teaflow-js': …}, growth(n)}. */
export function teaflowScenarios(tf) {
  const STAGES = 10;

  const { Stage, CountingStage } = benchActors();

  /** Checks order and sums a checksum; resolves when `expected` packets arrived. */
  function makeSink(expected) {
    const sink = { count: 0, checksum: 0, next: 0, done: null, error: null };
    sink.finished = new Promise(resolve => { sink.done = resolve; });
    sink.actor = class Sink {
      inports = ['in'];
      run(context) {
        const value = context.input.in;
        if (value !== sink.next) sink.error = sink.error || new Error(`got ${value}, expected ${sink.next}`);
        sink.next = value + 1;
        sink.count++;
        sink.checksum += value;
        if (sink.count === expected) sink.done();
      }
    };
    return sink;
  }

  function verify(sink, expectedCount, expectedChecksum) {
    if (sink.error) throw sink.error;
    if (sink.count !== expectedCount || sink.checksum !== expectedChecksum) {
      throw new Error(`lost packets: count ${sink.count}/${expectedCount}, checksum ${sink.checksum}/${expectedChecksum}`);
    }
  }

  const triangle = n => (n * (n - 1)) / 2;

  async function s1(stage, n) {
    const sink = makeSink(n);
    const net = new tf.Network().registerActor('Stage', Stage).registerActor('Sink', sink.actor);
    for (let i = 0; i < STAGES; i++) net.addNode('s' + i, stage);
    net.addNode('sink', 'Sink');
    for (let i = 1; i < STAGES; i++) net.addConnection('s' + (i - 1), 'out', 's' + i, 'in');
    net.addConnection('s' + (STAGES - 1), 'out', 'sink', 'in');
    await net.start();
    const t0 = performance.now();
    for (let p = 0; p < n; p++) net.send('s0', 'in', p);
    await sink.finished;
    await net.idle();
    const elapsedMs = performance.now() - t0;
    await net.stop();
    verify(sink, n, triangle(n));
    return { nsPerHop: (elapsedMs * 1e6) / (n * (STAGES + 1)), count: sink.count, checksum: sink.checksum, elapsedMs };
  }

  async function s2(stage, n) {
    const sink = makeSink(n);
    const net = new tf.Network().registerActor('CountingStage', CountingStage).registerActor('Sink', sink.actor);
    net.addNode('stage', stage).addNode('sink', 'Sink').addConnection('stage', 'out', 'sink', 'in');
    net.state('stage').set('count', 0).set('sum', 0);
    await net.start();
    const t0 = performance.now();
    for (let p = 0; p < n; p++) net.send('stage', 'in', p);
    await sink.finished;
    await net.idle();
    const elapsedMs = performance.now() - t0;
    await net.stop();
    verify(sink, n, triangle(n));
    if (net.state('stage').get('count') !== n) throw new Error(`state count ${net.state('stage').get('count')} != ${n}`);
    if (net.state('stage').get('sum') !== triangle(n)) throw new Error(`state sum ${net.state('stage').get('sum')} != ${triangle(n)}`);
    return { nsPerHop: (elapsedMs * 1e6) / (n * 2), count: sink.count, checksum: sink.checksum, elapsedMs };
  }

  async function s3(stage, n) {
    // source -> 4 parallel stages -> one sink, stage k arriving on the sink's inport 'in' + k (so
    // Java stages need not tag packets: the port names the path). 9 deliveries per packet: the
    // source, 4 stages, 4 at the sink (the competitors' source hands packets to the 4 stages itself: 8).
    const PATHS = 4;
    let count = 0;
    let checksum = 0;
    let error = null;
    let done;
    const next = new Array(PATHS).fill(0);
    const finished = new Promise(resolve => { done = resolve; });
    const take = (path, value) => {
      if (value !== next[path]) error = error || new Error(`path ${path}: got ${value}, expected ${next[path]}`);
      next[path] = value + 1;
      checksum += value;
      if (++count === PATHS * n) done();
    };
    class FanInSink {
      inports = ['in0', 'in1', 'in2', 'in3'];
      run(context) {
        const input = context.input;
        if (input.in0 !== undefined) take(0, input.in0);
        else if (input.in1 !== undefined) take(1, input.in1);
        else if (input.in2 !== undefined) take(2, input.in2);
        else take(3, input.in3);
      }
    }
    const net = new tf.Network().registerActor('Stage', Stage).registerActor('Sink', FanInSink);
    net.addNode('source', stage).addNode('sink', 'Sink');
    for (let i = 0; i < PATHS; i++) {
      net.addNode('p' + i, stage).addConnection('source', 'out', 'p' + i, 'in').addConnection('p' + i, 'out', 'sink', 'in' + i);
    }
    await net.start();
    const t0 = performance.now();
    for (let p = 0; p < n; p++) net.send('source', 'in', p);
    await finished;
    await net.idle();
    const elapsedMs = performance.now() - t0;
    await net.stop();
    if (error) throw error;
    if (count !== PATHS * n || checksum !== PATHS * triangle(n)) {
      throw new Error(`lost packets: count ${count}/${PATHS * n}, checksum ${checksum}/${PATHS * triangle(n)}`);
    }
    return { nsPerHop: (elapsedMs * 1e6) / (n * (1 + 2 * PATHS)), count, checksum, elapsedMs };
  }

  /** S2 with the Java stage: core/Counter keeps count in its live state and sends it (1..n). */
  async function s2Java(n) {
    let count = 0;
    let checksum = 0;
    let next = 1;
    let error = null;
    let done;
    const finished = new Promise(resolve => { done = resolve; });
    class CountSink {
      inports = ['in'];
      run(context) {
        const value = context.input.in;
        if (value !== next) error = error || new Error(`got count ${value}, expected ${next}`);
        next = value + 1;
        count++;
        checksum += value;
        if (count === n) done();
      }
    }
    const net = new tf.Network().registerActor('CountSink', CountSink);
    net.addNode('stage', 'core/Counter').addNode('sink', 'CountSink').addConnection('stage', 'out', 'sink', 'in');
    await net.start();
    const t0 = performance.now();
    for (let p = 0; p < n; p++) net.send('stage', 'in', p);
    await finished;
    await net.idle();
    const elapsedMs = performance.now() - t0;
    await net.stop();
    if (error) throw error;
    if (count !== n || checksum !== (n * (n + 1)) / 2 || net.state('stage').get('count') !== n) {
      throw new Error(`lost packets: ${count}/${n}, state count ${net.state('stage').get('count')}`);
    }
    return { nsPerHop: (elapsedMs * 1e6) / (n * 2), count, checksum, elapsedMs };
  }

  const teaflow = {
    'teaflow-java': { S1: n => s1('core/Repeat', n), S2: s2Java, S3: n => s3('core/Repeat', n) },
    'teaflow-js': { S1: n => s1('Stage', n), S2: n => s2('CountingStage', n), S3: n => s3('Stage', n) },
  };

  /**
   * Growth: a chain of n nodes (even ones JS actors, odd ones core/Repeat) built with addNode +
   * addConnection, then loaded again with Network.fromGraph(net.toJSON()). Checked by sending one
   * packet through the loaded chain to a sink added after the timing.
   */
  const growth = async n => {
    class GrowthStage {
      inports = ['in'];
      outports = ['out'];
      run(context) { context.send({ out: context.input.in }); }
    }
    let t0 = performance.now();
    const net = new tf.Network().registerActor('GrowthStage', GrowthStage);
    for (let i = 0; i < n; i++) {
      net.addNode('n' + i, i % 2 === 0 ? 'GrowthStage' : 'core/Repeat');
      if (i > 0) net.addConnection('n' + (i - 1), 'out', 'n' + i, 'in');
    }
    const buildMs = performance.now() - t0;
    t0 = performance.now();
    const graph = net.toJSON();
    const toJsonMs = performance.now() - t0;
    t0 = performance.now();
    const loaded = tf.Network.fromGraph(graph, { actors: { GrowthStage } });
    const fromGraphMs = performance.now() - t0;
    if (Object.keys(graph.processes).length !== n || graph.connections.length !== n - 1) {
      throw new Error(`growth ${n}: toJSON has ${Object.keys(graph.processes).length} processes, ${graph.connections.length} connections`);
    }
    let arrived;
    const through = new Promise(resolve => { arrived = resolve; });
    class GrowthSink { inports = ['in']; run(context) { arrived(context.input.in); } }
    loaded.registerActor('GrowthSink', GrowthSink).addNode('sink', 'GrowthSink').addConnection('n' + (n - 1), 'out', 'sink', 'in');
    await loaded.start();
    loaded.send('n0', 'in', 42);
    if (await through !== 42) throw new Error(`growth ${n}: the packet did not come through the chain`);
    await loaded.stop();
    return { n, buildMs, toJsonMs, fromGraphMs };
  };

  return { runtimes: teaflow, growth };
}
