// Graphs both ways between NoFlo's fbp-graph and Teaflow (JS backend, in Node):
//  - each graph fbp-graph wrote (framework/src/test/resources/graphs) loads into Teaflow, and
//    Teaflow's toJSON() is a graph fbp-graph loads back unchanged;
//  - a graph built with fbp-graph's API runs in Teaflow and round-trips;
//  - a network built with Teaflow's API exports a graph fbp-graph loads back unchanged.
// Prints one JSON line: { checks: [{name, ok, detail}] }. Run by FbpGraphRoundTripTest.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(root + 'package.json');
const fbp = require('fbp-graph');
const { init } = await import(root + 'dist/teaflow.mjs');
const tf = await init({ backend: 'js' });

const checks = [];
const check = (name, ok, detail = '') => checks.push({ name, ok: Boolean(ok), detail: String(detail) });
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const loadBack = json => new Promise((resolve, reject) =>
  fbp.graph.loadJSON(json, (error, graph) => (error ? reject(error) : resolve(graph))));

/** Pass-through actors for every component, with the ports the graph uses (format tests, not behaviour). */
function fixtureActors(graph) {
  const ports = {};
  const of = id => (ports[graph.processes[id].component] ??= { inports: new Set(), outports: new Set() });
  for (const c of graph.connections) {
    if (c.src) of(c.src.process).outports.add(c.src.port);
    of(c.tgt.process).inports.add(c.tgt.port);
  }
  for (const side of ['inports', 'outports']) for (const p of Object.values(graph[side])) of(p.process)[side].add(p.port);
  return Object.fromEntries(Object.entries(ports).map(([name, p]) => [name, class {
    inports = [...p.inports];
    outports = [...p.outports];
    run(context) { for (const port of this.outports) context.send({ [port]: context.input }); }
  }]));
}

const renamed = (graph, from, to) => {
  const copy = structuredClone(graph);
  for (const p of Object.values(copy.processes)) p.component = p.component.replace(from, to);
  return copy;
};

for (const name of ['counting-pipeline.json', 'case-sensitive.json', 'from-fbp-language.json']) {
  try {
    const written = JSON.parse(readFileSync(root + 'framework/src/test/resources/graphs/' + name, 'utf8'));
    // Components renamed 'fixture/…': the files test the format with ports core/* lack.
    const fixture = renamed(written, /^/, 'fixture/');
    const net = tf.Network.fromGraph(fixture, { actors: fixtureActors(fixture) });
    await net.start();
    await net.idle();
    const exported = renamed(net.toJSON(), /^fixture\//, '');
    check(`${name}: Teaflow's toJSON() equals what fbp-graph wrote`, same(exported, written), JSON.stringify(exported));
    const back = (await loadBack(exported)).toJSON();
    check(`${name}: fbp-graph loads Teaflow's export back unchanged`, same(back, exported), JSON.stringify(back));
  } catch (error) {
    check(`${name}: loads and exports`, false, error.stack);
  }
}

try {
  const g = new fbp.Graph('built with fbp-graph', { caseSensitive: true });
  g.addNode('double', 'Doubler', { x: 10 });
  g.addNode('count', 'core/Counter', { x: 20 });
  g.addNode('sum', 'core/Accumulate');
  g.addEdge('double', 'out', 'count', 'in', { route: 1 });
  g.addEdge('double', 'out', 'sum', 'in');
  g.addInitial(21, 'double', 'in', { note: 'first' });
  g.addInitial(0, 'double', 'in');
  g.addInport('IN', 'double', 'in', {});
  g.addOutport('COUNT', 'count', 'out', {});
  g.addGroup('maths', ['double', 'sum'], { color: 2 });
  const json = g.toJSON();
  class Doubler { inports = ['in']; outports = ['out']; run(c) { c.send({ out: c.input.in * 2 }); } }
  const net = tf.Network.fromGraph(json, { actors: { Doubler } });
  await net.start();
  await net.idle();
  check('fbp-graph API graph runs in Teaflow', net.state('count').get('count') === 2 && net.state('sum').get('total') === 42,
    JSON.stringify(net.snapshot().state));
  check('fbp-graph API graph: toJSON() equals fbp-graph\'s', same(net.toJSON(), json), JSON.stringify(net.toJSON()));
  const back = (await loadBack(net.toJSON())).toJSON();
  check('fbp-graph API graph: fbp-graph loads the export back unchanged', same(back, json), JSON.stringify(back));
} catch (error) {
  check('fbp-graph API graph round trip', false, error.stack);
}

try {
  const inner = { inports: { in: { process: 'c', port: 'in' } }, processes: { c: { component: 'core/Counter' } } };
  const net = new tf.Network().registerGraph('Counting', inner)
    .addNode('r', 'core/Repeat').addNode('sub', 'Counting').addConnection('r', 'out', 'sub', 'in').addInitial('r', 'in', 'go');
  await net.start();
  await net.idle();
  const exported = net.toJSON();
  const back = (await loadBack(exported)).toJSON();
  check('a Teaflow-built network exports a graph fbp-graph loads back unchanged', same(back, exported),
    JSON.stringify({ exported, back }));
  check('the subgraph ran', net.state('sub/c').get('count') === 1, net.state('sub/c').get('count'));
} catch (error) {
  check('Teaflow-built network export', false, error.stack);
}

console.log(JSON.stringify({ checks }));
