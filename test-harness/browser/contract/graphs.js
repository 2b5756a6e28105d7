// Contract §7, graphs and subgraphs: FBP JSON graphs in and out, graphs as components (docs/api/graphs.md).
'use strict';

/** The FBP graphs written by the npm package fbp-graph itself (framework/src/test/resources/graphs). */
const FBP_GRAPHS = ['counting-pipeline.json', 'case-sensitive.json', 'from-fbp-language.json'];

/**
 * The example graphs use core/* names with ports the built-in components lack (they test the
 * format, not the components): run them with every component renamed 'fixture/…'.
 */
function asFixture(graph) {
  const copy = structuredClone(graph);
  for (const process of Object.values(copy.processes)) process.component = 'fixture/' + process.component;
  return copy;
}

function fromFixture(json) {
  for (const process of Object.values(json.processes)) process.component = process.component.replace(/^fixture\//, '');
  return json;
}

/** Pass-through JS actors for the graph's components that are not core/*, with the ports the graph uses. */
function actorsFor(graph) {
  const ports = {};
  const portsOf = component => (ports[component] ??= { inports: new Set(), outports: new Set() });
  const componentOf = id => graph.processes[id].component;
  for (const connection of graph.connections) {
    if (connection.src) portsOf(componentOf(connection.src.process)).outports.add(connection.src.port);
    portsOf(componentOf(connection.tgt.process)).inports.add(connection.tgt.port);
  }
  for (const side of ['inports', 'outports']) {
    for (const exported of Object.values(graph[side])) portsOf(componentOf(exported.process))[side].add(exported.port);
  }
  const actors = {};
  for (const [component, { inports, outports }] of Object.entries(ports)) {
    if (component.startsWith('core/')) continue;
    actors[component] = class {
      inports = [...inports];
      outports = [...outports];
      run(context) {
        for (const port of this.outports) context.send({ [port]: context.input });
      }
    };
  }
  return actors;
}

test('graphs: graphs written by fbp-graph load, run, and come back from toJSON unchanged', async (tf) => {
  for (const name of FBP_GRAPHS) {
    const graph = await fbpGraph(name);
    const fixture = asFixture(graph);
    const net = tf.Network.fromGraph(fixture, { actors: actorsFor(fixture) });
    assertEquals(fromFixture(net.toJSON()), graph, `${name}: toJSON() before a run`);
    const errors = record(net, 'error');
    await net.start();
    await net.idle();
    assertNoErrorEvents(errors);
    assertEquals(fromFixture(JSON.parse(JSON.stringify(net.toJSON()))), graph, `${name}: toJSON() after a run`);
  }
});

test('graphs: metadata, properties and initial packets come back as the very objects given', async (tf) => {
  const metadata = { x: 1, label: 'counter' };
  const properties = { name: 'identity' };
  const packet = { start: true };
  const graph = {
    properties,
    processes: { c: { component: 'core/Counter', metadata }, k: { component: 'core/Collect' } },
    connections: [
      { src: { process: 'c', port: 'out' }, tgt: { process: 'k', port: 'in' } },
      { data: packet, tgt: { process: 'c', port: 'in' } },
      { data: 0, tgt: { process: 'c', port: 'in' } },
      { data: null, tgt: { process: 'c', port: 'in' } },
    ],
  };
  const net = tf.Network.fromGraph(graph);
  await net.start();
  await net.idle();
  assertSame(net.state('c').get('count'), 3, 'the packets {…}, 0 and null all ran');
  const json = net.toJSON();
  assertSame(json.processes.c.metadata, metadata, 'process metadata');
  assertSame(json.properties, properties, 'properties');
  assertSame(json.connections[1].data, packet, 'the initial packet');
  assertSame(json.connections[3].data, null, 'a null initial packet stays a packet');
});

test('graphs: an invalid graph throws one Error naming the process, connection or field', async (tf) => {
  const base = () => ({
    processes: { a: { component: 'core/Repeat' }, b: { component: 'core/Drop' } },
    connections: [{ src: { process: 'a', port: 'out' }, tgt: { process: 'b', port: 'in' } }],
  });
  const unknownComponent = base();
  unknownComponent.processes.b.component = 'Nope';
  assertThrows(() => tf.Network.fromGraph(unknownComponent), Error, ["'b'", 'Nope'], 'an unknown component');
  const missingProcess = base();
  missingProcess.connections[0].tgt.process = 'zz';
  assertThrows(() => tf.Network.fromGraph(missingProcess), Error, ['connection 0', "'zz'"], 'a missing process');
  const badPort = base();
  badPort.connections[0].src.port = 'sideways';
  assertThrows(() => tf.Network.fromGraph(badPort), Error, ['connection 0', "'sideways'"], 'an undeclared port');
  const badField = base();
  badField.processes.a.component = 42;
  assertThrows(() => tf.Network.fromGraph(badField), Error, ["'a'", 'component'], 'a component that is not a string');
  assertThrows(() => tf.Network.fromGraph('not a graph'), Error, ['graph'], 'a string');
  assertThrows(() => tf.Network.fromGraph({ connections: {} }), Error, ['connections'], 'connections not an array');
  const both = base();
  both.connections[0].data = 1;
  assertThrows(() => tf.Network.fromGraph(both), Error, ['connection 0', 'src', 'data'], 'a connection with both src and data');
  for (const index of [-1, 1.5, '1', NaN]) {
    const badIndex = base();
    badIndex.connections[0].tgt.index = index;
    assertThrows(() => tf.Network.fromGraph(badIndex), Error, ['connection 0', 'tgt.index'], `index ${String(index)}`);
  }
  const badMetadata = base();
  badMetadata.processes.a.metadata = 3;
  assertThrows(() => tf.Network.fromGraph(badMetadata), Error, ["'a'", 'metadata'], 'metadata that is not an object');
  assertThrows(() => tf.Network.fromGraph({ caseSensitive: 'yes' }), Error, ['caseSensitive'], 'caseSensitive not a boolean');
  // null counts as left out, for every optional field
  const nulls = tf.Network.fromGraph({ caseSensitive: null, properties: null, processes: null, connections: null,
    inports: null, outports: null, groups: null });
  assertEquals(nulls.toJSON().processes, {}, 'a graph of nulls is empty');
});

test('subgraphs: a registered graph is a component; packets cross its ports; inner nodes keep their own state', async (tf) => {
  const counting = {
    inports: { in: { process: 'tag', port: 'in' } },
    outports: { out: { process: 'count', port: 'out' } },
    processes: { tag: { component: 'Tag' }, count: { component: 'core/Counter' } },
    connections: [{ src: { process: 'tag', port: 'out' }, tgt: { process: 'count', port: 'in' } }],
  };
  class Tag {
    inports = ['in'];
    outports = ['out'];
    run(context) { context.state.update('seen', n => (n ?? 0) + 1); context.send({ out: context.input.in }); }
  }
  const into = [];
  const net = network(tf, { Tag, Sink }).registerGraph('Counting', counting);
  assertSame(net.registerGraph('Again', counting), net, 'registerGraph returns the network');
  net.addNode('a', 'Counting').addNode('b', 'Counting').addNode('s', 'Sink', { into })
    .addConnection('a', 'out', 's', 'in').addConnection('b', 'out', 's', 'in');
  await net.start();
  net.send('a', 'in', 'x');
  net.send('a', 'in', 'y');
  net.send('b', 'in', 'z');
  await net.idle();
  assertEquals([...into].sort(), [1, 1, 2], 'the counts that left the subgraphs (fan-in interleaves)');
  assertSame(net.state('a/count').get('count'), 2, "a's inner counter");
  assertSame(net.state('b/count').get('count'), 1, "b's inner counter");
  assertSame(net.state('a/tag').get('seen'), 2, 'a JS actor inside the subgraph has its own state');
  assert(net.state('a') instanceof tf.LiveMemoryStateHandle, 'the subgraph node has its own handle');
  assert(net.state('a') !== net.state('a/count') && net.state('a') === net.state('a'), 'one handle of its own');
  assertEquals(Object.keys(net.toJSON().processes), ['a', 'b', 's'], 'toJSON shows the subgraph nodes, not their insides');
  assertThrows(() => net.addNode('c', 'Counting').addConnection('c', 'nope', 's', 'in'), Error, ["'nope'"],
    'an unexported port');
  assertThrows(() => net.removeNode('a/count'), Error, ["'a'"], 'removing a node inside a subgraph');
  net.removeNode('a');
  assertThrows(() => net.state('a/count'), Error, ["'a/count'"], 'inner nodes go with their subgraph node');
});

test('subgraphs: graphs nest, and fromGraph takes graphs for subgraph components', async (tf) => {
  const inner = {
    inports: { in: { process: 'count', port: 'in' } },
    processes: { count: { component: 'core/Counter' } },
  };
  const middle = {
    inports: { in: { process: 'twice', port: 'in' } },
    processes: { twice: { component: 'Inner' } },
  };
  const top = {
    processes: { m: { component: 'Middle' } },
    connections: [{ data: 5, tgt: { process: 'm', port: 'in' } }],
  };
  const net = tf.Network.fromGraph(top, { graphs: { Inner: inner, Middle: middle } });
  await net.start();
  await net.idle();
  assertSame(net.state('m/twice/count').get('count'), 1, 'the packet crossed two graph boundaries');
  assertEquals(net.toJSON().processes, { m: { component: 'Middle', metadata: {} } }, 'toJSON of the top level');
  assertThrows(() => tf.Network.fromGraph(top, { graphs: { Middle: middle } }), Error, ['Inner'],
    'a missing nested graph is named');
});

