// NoFlo 1.5: real components (asComponent and the process API of noflo.Component) in a
// noflo.Graph, instantiated and started by noflo.createNetwork with a statically configured
// component loader. The source is a graph node too: the driver sends through its outport, so
// the edges from it (one, or four for S3's fan-out) are ordinary network connections.
import * as noflo from 'noflo';
import { components } from './noflo-loader.js';
import { tag } from './common.js';

// The source: the driver sends each packet through this node's outport (OutPort.data, what a
// process function's output.send ends in). Its process function has nothing to do; without one
// NoFlo would treat it as a legacy component.
components.set('Source', () => new noflo.Component({
  description: 'Sends what the benchmark driver gives it',
  inPorts: { start: { datatype: 'bang' } },
  outPorts: { out: { datatype: 'all' } },
  process(input, output) { input.getData('start'); output.done(); },
}));

// Passes each packet on unchanged (inport 'x' from the parameter name, outport 'out').
components.set('Forward', () => noflo.asComponent(function forward(x) { return x; }));

// S3: stage k tags each packet with its path.
for (let k = 0; k < 4; k++) {
  components.set(`Tag${k}`, () => noflo.asComponent(function tagged(x) { return tag(x, k); }));
}

// S2: counts packets in the component's own state and passes them on.
components.set('Count', () => {
  const c = new noflo.Component({
    description: 'Counts packets and passes them on',
    inPorts: { in: { datatype: 'all' } },
    outPorts: { out: { datatype: 'all' } },
  });
  c.count = 0;
  c.sum = 0;
  return c.process((input, output) => {
    if (!input.hasData('in')) return;
    const x = input.getData('in');
    c.count += 1;
    c.sum += x;
    output.sendDone({ out: x });
  });
});

// Hands every packet to the run's recorder (set on the instance after the network is up).
components.set('Sink', () => {
  const c = new noflo.Component({
    description: 'Checks and counts packets',
    inPorts: { in: { datatype: 'all' } },
  });
  c.recorder = null;
  return c.process((input, output) => {
    if (!input.hasData('in')) return;
    c.recorder.take(input.getData('in'));
    output.done();
  });
});

const loader = new noflo.ComponentLoader('/');

function graphFor(scenario) {
  const g = new noflo.Graph(`bench ${scenario}`);
  g.addNode('source', 'bench/Source');
  g.addNode('sink', 'bench/Sink');
  if (scenario === 'S1') {
    for (let i = 0; i < 10; i++) g.addNode(`s${i}`, 'bench/Forward');
    g.addEdge('source', 'out', 's0', 'x');
    for (let i = 1; i < 10; i++) g.addEdge(`s${i - 1}`, 'out', `s${i}`, 'x');
    g.addEdge('s9', 'out', 'sink', 'in');
  } else if (scenario === 'S2') {
    g.addNode('count', 'bench/Count');
    g.addEdge('source', 'out', 'count', 'in');
    g.addEdge('count', 'out', 'sink', 'in');
  } else {
    for (let k = 0; k < 4; k++) {
      g.addNode(`t${k}`, `bench/Tag${k}`);
      g.addEdge('source', 'out', `t${k}`, 'x');
      g.addEdge(`t${k}`, 'out', 'sink', 'in');
    }
  }
  return g;
}

async function run(scenario, { packets, rec, timeoutMs }) {
  const graph = graphFor(scenario);
  const network = await noflo.createNetwork(graph, { componentLoader: loader, baseDir: '/' });
  const ended = new Promise(resolve => network.once('end', resolve));
  network.on('process-error', e => rec.fail(e && e.error || e));
  network.on('error', e => rec.fail(e && e.error || e));
  try {
    const expectedEdges = { S1: 11, S2: 2, S3: 8 }[scenario];
    if (network.connections.length !== expectedEdges) {
      throw new Error(`noflo ${scenario}: ${network.connections.length} connections, expected ${expectedEdges}`);
    }
    network.getNode('sink').component.recorder = rec;
    const out = network.getNode('source').component.outPorts.out;
    const t0 = performance.now();
    for (let p = 0; p < packets.length; p++) out.data(packets[p]);
    await rec.wait(timeoutMs);
    // The network ends by itself once every process is idle (NoFlo debounces that by 50 ms).
    let timer;
    const end = await Promise.race([ended, new Promise(resolve => { timer = setTimeout(resolve, timeoutMs, null); })]);
    clearTimeout(timer);
    if (!end) throw new Error(`noflo ${scenario}: the network did not end after the last packet`);
    const count = scenario === 'S2' ? network.getNode('count').component : {};
    return { t0, counter: count.count, sum: count.sum };
  } finally {
    await network.stop();
  }
}

export const nofloRuntime = {
  S1: ctx => run('S1', ctx),
  S2: ctx => run('S2', ctx),
  S3: ctx => run('S3', ctx),
};

export const nofloVersion = __NOFLO_VERSION__;
