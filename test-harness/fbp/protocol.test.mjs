// The teaflow-runtime bin over WebSocket, beyond fbp-test: exported ports, edge selection, JS
// components, live edits, errors for every kind of bad input, the secret and the listen address.
// Every message the runtime sends is checked against fbp-protocol's schemas.
// Run: node --test test-harness/fbp/protocol.test.mjs   (TEAFLOW_RUNTIME_BIN overrides the bin)
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { connect, startRuntime } from './fbp-client.mjs';

const bin = process.env.TEAFLOW_RUNTIME_BIN || fileURLToPath(new URL('../../dist/teaflow-runtime.mjs', import.meta.url));
const fixture = fileURLToPath(new URL('./components-fixture.mjs', import.meta.url));
const runtimes = [];
after(() => { for (const runtime of runtimes) runtime.child.kill(); });

async function runtimeWith(args, env) {
  const runtime = await startRuntime(bin, ['--port', '0', ...args], env);
  runtimes.push(runtime);
  return runtime;
}

function noProblems(client) {
  assert.deepEqual(client.problems, [], 'every message the runtime sent validates against fbp-protocol 0.9.8');
}

async function pipeline(client, graph) {
  await client.request('graph', 'clear', { id: graph, main: true });
  await client.request('graph', 'addnode', { id: 'double', component: 'test/Double', graph });
  await client.request('graph', 'addnode', { id: 'repeat', component: 'core/Repeat', graph });
  await client.request('graph', 'addedge', { src: { node: 'double', port: 'out' }, tgt: { node: 'repeat', port: 'in' }, graph });
  await client.request('graph', 'addinport', { public: 'in', node: 'double', port: 'in', graph });
  await client.request('graph', 'addoutport', { public: 'out', node: 'repeat', port: 'out', graph });
}

test('runtime metadata: capabilities, type, ports of the main graph', async () => {
  const runtime = await runtimeWith(['--components', fixture, '--label', 'test runtime']);
  const client = await connect(runtime.url);
  const info = await client.request('runtime', 'getruntime', {}, 'runtime');
  assert.equal(info.payload.type, 'teaflow');
  assert.equal(info.payload.label, 'test runtime');
  for (const capability of ['protocol:runtime', 'protocol:graph', 'protocol:component', 'protocol:network',
    'network:status', 'network:control', 'network:data']) {
    assert.ok(info.payload.capabilities.includes(capability), capability);
  }
  await pipeline(client, 'main');
  const since = client.received.length;
  client.send('runtime', 'getruntime', {});
  const ports = await client.next(m => m.command === 'ports', { since });
  assert.deepEqual(ports.payload, { graph: 'main', inPorts: [{ id: 'in', type: 'all' }], outPorts: [{ id: 'out', type: 'all' }] });
  noProblems(client);
  client.close();
});

test('components: core/* with their ports, and the JS actors of --components', async () => {
  const runtime = await runtimeWith(['--components', fixture]);
  const client = await connect(runtime.url);
  const since = client.received.length;
  client.send('component', 'list', {});
  const ready = await client.next(m => m.command === 'componentsready', { since });
  const components = client.received.slice(since).filter(m => m.command === 'component').map(m => m.payload);
  assert.equal(ready.payload, components.length);
  const byName = Object.fromEntries(components.map(c => [c.name, c]));
  assert.deepEqual(byName['core/Counter'].inPorts, [{ id: 'in', type: 'all' }]);
  assert.deepEqual(byName['core/Counter'].outPorts, [{ id: 'out', type: 'all' }]);
  assert.deepEqual(byName['test/Double'].outPorts, [{ id: 'out', type: 'all' }]);
  assert.ok(byName['core/Repeat'] && byName['core/Drop'] && byName['core/Collect'] && byName['core/Accumulate']);
  noProblems(client);
  client.close();
});

test('runtime:packet in through an exported inport, out through an exported outport', async () => {
  const runtime = await runtimeWith(['--components', fixture]);
  const client = await connect(runtime.url);
  await pipeline(client, 'main');
  await client.request('network', 'start', { graph: 'main' }, 'started');
  const since = client.received.length;
  client.send('runtime', 'packet', { graph: 'main', port: 'in', event: 'data', payload: 21 });
  const sent = await client.next(m => m.command === 'packetsent', { since });
  assert.deepEqual(sent.payload, { graph: 'main', port: 'in', event: 'data', payload: 21 });
  const out = await client.next(m => m.protocol === 'runtime' && m.command === 'packet', { since });
  assert.deepEqual(out.payload, { graph: 'main', port: 'out', event: 'data', payload: 42 });
  const data = await client.next(m => m.command === 'data' && m.payload.tgt.node === 'repeat', { since });
  assert.equal(data.payload.id, 'double() OUT -> IN repeat()');
  assert.equal(data.payload.data, 42);
  // Not an exported port, and a stopped network: errors naming them.
  const wrongPort = await client.request('runtime', 'packet', { graph: 'main', port: 'nope', event: 'data', payload: 1 }, 'packetsent');
  assert.equal(wrongPort.command, 'error');
  assert.match(wrongPort.payload.message, /no exported inport 'nope'/);
  await client.request('network', 'stop', { graph: 'main' }, 'stopped');
  const stopped = await client.request('runtime', 'packet', { graph: 'main', port: 'in', event: 'data', payload: 1 }, 'packetsent');
  assert.match(stopped.payload.message, /not running/);
  noProblems(client);
  client.close();
});

test('network:edges selects the edges whose data a client gets', async () => {
  const runtime = await runtimeWith(['--components', fixture]);
  const client = await connect(runtime.url);
  await pipeline(client, 'main');
  await client.request('graph', 'addnode', { id: 'drop', component: 'core/Drop', graph: 'main' });
  await client.request('graph', 'addedge', { src: { node: 'repeat', port: 'out' }, tgt: { node: 'drop', port: 'in' }, graph: 'main' });
  const edges = await client.request('network', 'edges', { graph: 'main', edges: [{ src: { node: 'repeat', port: 'out' }, tgt: { node: 'drop', port: 'in' } }] });
  assert.equal(edges.payload.edges.length, 1);
  await client.request('network', 'start', { graph: 'main' }, 'started');
  const since = client.received.length;
  client.send('runtime', 'packet', { graph: 'main', port: 'in', event: 'data', payload: 5 });
  const data = await client.next(m => m.command === 'data', { since });
  assert.deepEqual(data.payload.src, { node: 'repeat', port: 'out' });
  await client.next(m => m.command === 'status' && m.payload.running === false, { since });
  assert.equal(client.received.slice(since).filter(m => m.command === 'data').length, 1, 'only the selected edge');
  noProblems(client);
  client.close();
});

test('values JSON cannot carry and actors that throw: described, the runtime goes on', async () => {
  const runtime = await runtimeWith(['--components', fixture]);
  const client = await connect(runtime.url);
  const graph = 'hostile';
  await client.request('graph', 'clear', { id: graph });
  await client.request('graph', 'addnode', { id: 'h', component: 'test/Hostile', graph });
  await client.request('graph', 'addnode', { id: 'sink', component: 'core/Repeat', graph });
  await client.request('graph', 'addnode', { id: 'bad', component: 'test/Throws', graph });
  await client.request('graph', 'addedge', { src: { node: 'h', port: 'out' }, tgt: { node: 'sink', port: 'in' }, graph });
  await client.request('graph', 'addinitial', { src: { data: 1 }, tgt: { node: 'h', port: 'in' }, graph });
  await client.request('graph', 'addinitial', { src: { data: 1 }, tgt: { node: 'bad', port: 'in' }, graph });
  const since = client.received.length;
  client.send('network', 'start', { graph });
  const failed = await client.next(m => m.command === 'processerror', { since });
  assert.equal(failed.payload.id, 'bad');
  assert.match(failed.payload.error, /actor failed on purpose/);
  const first = await client.next(m => m.command === 'data' && m.payload.tgt.node === 'sink', { since });
  assert.deepEqual(first.payload.data, { fn: '[function fn]', big: '10n', symbol: 'Symbol(s)', cycle: { name: 'cycle', self: '[cycle]' } });
  const second = await client.next(m => m.command === 'data' && m.payload.tgt.node === 'sink' && m !== first, { since });
  assert.match(second.payload.data, /unserialisable object: hostile ownKeys/);
  const status = await client.request('network', 'getstatus', { graph }, 'status');
  assert.equal(status.payload.started, true);
  noProblems(client);
  client.close();
});

test('live edits reach a running network; a refused one changes nothing', async () => {
  const runtime = await runtimeWith(['--components', fixture]);
  const client = await connect(runtime.url);
  await pipeline(client, 'main');
  await client.request('network', 'start', { graph: 'main' }, 'started');
  await client.request('graph', 'addnode', { id: 'late', component: 'core/Drop', graph: 'main' });
  await client.request('graph', 'addedge', { src: { node: 'repeat', port: 'out' }, tgt: { node: 'late', port: 'in' }, graph: 'main' });
  const since = client.received.length;
  client.send('runtime', 'packet', { graph: 'main', port: 'in', event: 'data', payload: 1 });
  const late = await client.next(m => m.command === 'data' && m.payload.tgt.node === 'late', { since });
  assert.equal(late.payload.data, 2);
  const rename = await client.request('graph', 'renamenode', { from: 'late', to: 'later', graph: 'main' });
  assert.equal(rename.command, 'error');
  assert.match(rename.payload.message, /stop the network/);
  // The refused rename left 'late' in place: removing it by its old name works.
  const removed = await client.request('graph', 'removenode', { id: 'late', graph: 'main' });
  assert.equal(removed.command, 'removenode');
  noProblems(client);
  client.close();
});

test('bad input: a protocol error naming what was wrong, then the runtime goes on', async () => {
  const runtime = await runtimeWith([]);
  const client = await connect(runtime.url);
  const cases = [
    ['{not json', /Malformed JSON/],
    ['[1,2]', /must be an object/],
    ['"text"', /must be an object/],
    ['null', /must be an object/],
    [JSON.stringify({ protocol: 'nope', command: 'x', payload: {} }), /Unknown protocol 'nope'/],
    [JSON.stringify({ protocol: 'graph', command: 'explode', payload: {} }), /Unknown command 'explode'/],
    [JSON.stringify({ protocol: 'graph', command: 'constructor', payload: {} }), /Unknown command 'constructor'/],
    [JSON.stringify({ protocol: 'graph', command: '__proto__', payload: {} }), /Unknown command '__proto__'/],
    [JSON.stringify({ protocol: 7, command: 'x', payload: {} }), /string 'protocol' and 'command'/],
    [JSON.stringify({ protocol: 'graph', command: 'clear', payload: 'x' }), /'payload' must be an object/],
    [JSON.stringify({ protocol: 'graph', command: 'clear', payload: { id: 5 } }), /'id' must be a non-empty string/],
    [JSON.stringify({ protocol: 'graph', command: 'clear', payload: { id: 'g', main: 'yes' } }), /'main' must be a boolean/],
    [JSON.stringify({ protocol: 'graph', command: 'addnode', payload: { id: 'n', component: 'core/Repeat', graph: 'none' } }), /Requested graph not found/],
    [JSON.stringify({ protocol: 'graph', command: 'addnode', payload: { id: 'n', component: 'core/Repeat' } }), /No graph specified/],
    [JSON.stringify({ protocol: 'network', command: 'start', payload: { graph: ['g'] } }), /'graph' must be/],
    [JSON.stringify({ protocol: 'graph', command: 'clear', payload: { id: 'x'.repeat(2000) } }), /at most 1024/],
  ];
  for (const [text, expected] of cases) {
    const since = client.received.length;
    client.raw(text);
    const reply = await client.next(() => true, { since });
    assert.equal(reply.command, 'error', text);
    assert.match(reply.payload.message, expected, text);
  }
  // Graph-level misuse on a real graph.
  await client.request('graph', 'clear', { id: 'g' });
  await client.request('graph', 'addnode', { id: 'r', component: 'core/Repeat', graph: 'g' });
  const misuse = [
    ['addnode', { id: 'r', component: 'core/Repeat', graph: 'g' }, /node 'r' already exists/],
    ['addnode', { id: 'x', component: 'no/Such', graph: 'g' }, /unknown component 'no\/Such'/],
    ['addedge', { src: { node: 'r', port: 'nope' }, tgt: { node: 'r', port: 'in' }, graph: 'g' }, /has no outport 'nope'/],
    ['addedge', { src: { node: 'ghost', port: 'out' }, tgt: { node: 'r', port: 'in' }, graph: 'g' }, /no node 'ghost'/],
    ['addedge', { src: 'r.out', tgt: { node: 'r', port: 'in' }, graph: 'g' }, /'src' must be an object/],
    ['addinitial', { src: {}, tgt: { node: 'r', port: 'in' }, graph: 'g' }, /missing 'src.data'/],
    ['removeedge', { src: { node: 'r', port: 'out' }, tgt: { node: 'r', port: 'in' }, graph: 'g' }, /no edge/],
    ['changenode', { id: 'r', metadata: [1], graph: 'g' }, /'metadata' must be an object/],
    ['removeinport', { public: 'none', graph: 'g' }, /no exported inport 'none'/],
  ];
  for (const [command, payload, expected] of misuse) {
    const reply = await client.request('graph', command, payload);
    assert.equal(reply.command, 'error', command);
    assert.match(reply.payload.message, expected, command);
  }
  // Oversized: a protocol error naming the size, and the connection stays.
  const since = client.received.length;
  client.raw(JSON.stringify({ protocol: 'graph', command: 'clear', payload: { id: 'big', name: 'x'.repeat(1100 * 1024) } }));
  const big = await client.next(() => true, { since });
  assert.match(big.payload.message, /Message too large: \d+ characters, at most 1048576/);
  const alive = await client.request('runtime', 'getruntime', {}, 'runtime');
  assert.equal(alive.command, 'runtime');
  // And the graph is as it was: one node, which can still be removed.
  assert.equal((await client.request('graph', 'removenode', { id: 'r', graph: 'g' })).command, 'removenode');
  noProblems(client);
  client.close();
});

test('requestId is answered with responseTo', async () => {
  const runtime = await runtimeWith([]);
  const client = await connect(runtime.url);
  const since = client.received.length;
  client.send('runtime', 'getruntime', {}, { requestId: 'r-1' });
  const reply = await client.next(m => m.command === 'runtime', { since });
  assert.equal(reply.responseTo, 'r-1');
  noProblems(client);
  client.close();
});

test('a flood gets one error a second and is dropped; the runtime still answers', async () => {
  const runtime = await runtimeWith([]);
  const client = await connect(runtime.url);
  const since = client.received.length;
  for (let i = 0; i < 5000; i++) {
    client.send('runtime', 'getruntime', {});
  }
  await client.next(m => m.command === 'error' && /Too many messages/.test(m.payload.message), { since });
  await new Promise(resolve => setTimeout(resolve, 1200));
  const reply = await client.request('runtime', 'getruntime', {}, 'runtime');
  assert.equal(reply.command, 'runtime');
  const answers = client.received.slice(since).filter(m => m.command === 'runtime').length;
  assert.ok(answers >= 2000 && answers < 5000, `answered ${answers} of 5000 flooded messages (burst 2000)`);
  const errors = client.received.slice(since).filter(m => m.command === 'error').length;
  assert.ok(errors >= 1 && errors <= 3, `${errors} flood errors, at most one a second`);
  noProblems(client);
  client.close();
});

test('with a secret, a message without it (or with a wrong one) gets an error and does nothing', async () => {
  const runtime = await runtimeWith(['--secret', 'open sesame']);
  const stranger = await connect(runtime.url);
  const denied = await stranger.request('graph', 'clear', { id: 'stolen' });
  assert.equal(denied.command, 'error');
  assert.match(denied.payload.message, /not authorised/);
  const wrong = await connect(runtime.url, { secret: 'open sesame!' });
  assert.match((await wrong.request('graph', 'clear', { id: 'stolen' })).payload.message, /not authorised/);
  const owner = await connect(runtime.url, { secret: 'open sesame' });
  const missing = await owner.request('graph', 'addnode', { id: 'n', component: 'core/Repeat', graph: 'stolen' });
  assert.match(missing.payload.message, /Requested graph not found/, 'the refused clear made no graph');
  assert.equal((await owner.request('runtime', 'getruntime', {}, 'runtime')).command, 'runtime');
  // The secret may also travel in the payload (older clients).
  assert.equal((await stranger.request('runtime', 'getruntime', { secret: 'open sesame' }, 'runtime')).command, 'runtime');
  for (const client of [stranger, wrong, owner]) { noProblems(client); client.close(); }
});

test('the secret also comes from FBP_PROTOCOL_SECRET', async () => {
  const runtime = await runtimeWith([], { FBP_PROTOCOL_SECRET: 'from env' });
  const stranger = await connect(runtime.url);
  assert.equal((await stranger.request('runtime', 'getruntime', {}, 'runtime')).command, 'error');
  const owner = await connect(runtime.url, { secret: 'from env' });
  assert.equal((await owner.request('runtime', 'getruntime', {}, 'runtime')).command, 'runtime');
  stranger.close();
  owner.close();
});

test('listening beyond loopback without a secret is refused', async () => {
  await assert.rejects(startRuntime(bin, ['--port', '0', '--host', '0.0.0.0'], { FBP_PROTOCOL_SECRET: '' }),
    /refusing to listen on 0\.0\.0\.0 without a secret/);
  const runtime = await runtimeWith(['--host', '0.0.0.0', '--secret', 'x']);
  assert.match(runtime.url, /^ws:\/\/0\.0\.0\.0:\d+\/$/);
});

test('by default it listens on 127.0.0.1 only', async () => {
  const runtime = await runtimeWith([], { FBP_PROTOCOL_SECRET: '' });
  assert.match(runtime.url, /^ws:\/\/127\.0\.0\.1:\d+\/$/);
});

test('a web page from another origin cannot connect without the secret; localhost pages can', async () => {
  const runtime = await runtimeWith(['--allow-origin', 'https://app.flowhub.io'], { FBP_PROTOCOL_SECRET: '' });
  await assert.rejects(connect(runtime.url, { origin: 'https://evil.example' }), /HTTP 401/);
  const local = await connect(runtime.url, { origin: 'http://localhost:8080' });
  const allowed = await connect(runtime.url, { origin: 'https://app.flowhub.io' });
  assert.equal((await allowed.request('runtime', 'getruntime', {}, 'runtime')).command, 'runtime');
  local.close();
  allowed.close();
});

test('bad command lines: exit 2 with the reason', async () => {
  for (const [args, expected] of [[['--port', 'x'], /--port must be a number/], [['--bogus'], /unknown argument '--bogus'/],
    [['--components'], /--components needs a value/]]) {
    await assert.rejects(startRuntime(bin, args), expected);
  }
});

test('a network that floods data events: at most 2000 a second reach a client, the rest are counted', async () => {
  const runtime = await runtimeWith(['--components', fixture]);
  const client = await connect(runtime.url);
  const graph = 'fan';
  await client.request('graph', 'clear', { id: graph });
  await client.request('graph', 'addnode', { id: 'src', component: 'core/Repeat', graph });
  await client.request('graph', 'addinport', { public: 'in', node: 'src', port: 'in', graph });
  for (let i = 0; i < 10; i++) {
    await client.request('graph', 'addnode', { id: 'r' + i, component: 'core/Repeat', graph });
    await client.request('graph', 'addedge', { src: { node: 'src', port: 'out' }, tgt: { node: 'r' + i, port: 'in' }, graph });
  }
  await client.request('network', 'start', { graph }, 'started');
  const since = client.received.length;
  // 500 packets, 11 data events each (into src, then src to each of the 10): 5500 in well under a second.
  for (let i = 0; i < 500; i++) {
    client.send('runtime', 'packet', { graph, port: 'in', event: 'data', payload: i });
  }
  await client.next(m => m.command === 'packetsent' && m.payload.payload === 499, { since, timeout: 15000 });
  await new Promise(resolve => setTimeout(resolve, 1100));
  client.send('runtime', 'packet', { graph, port: 'in', event: 'data', payload: -1 });
  const output = await client.next(m => m.command === 'output', { since, timeout: 5000 });
  const match = /^(\d+) data events were not sent: more than 2000 a second/.exec(output.payload.message);
  assert.ok(match, output.payload.message);
  await client.next(m => m.command === 'data' && m.payload.data === -1 && m.payload.tgt.node === 'r9', { since });
  const data = client.received.slice(since).filter(m => m.command === 'data').length;
  const dropped = client.received.slice(since).filter(m => m.command === 'output')
    .reduce((sum, m) => sum + Number(/^(\d+)/.exec(m.payload.message)[1]), 0);
  assert.equal(data + dropped, 501 * 11, 'every data event either sent or counted as dropped');
  assert.ok(data < 501 * 11, `some were dropped (${data} sent)`);
  assert.equal((await client.request('runtime', 'getruntime', {}, 'runtime')).command, 'runtime');
  noProblems(client);
  client.close();
});
