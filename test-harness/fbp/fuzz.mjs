// Fuzzes the FBP protocol runtime and prints what it tried. Two parts:
//  1. In process (the protocol handler from dist/teaflow-fbp.mjs on the JS backend, rate limit
//     raised): tens of thousands of messages, mostly valid commands with one field broken
//     (wrong type, missing, huge, odd strings, __proto__ keys), on a few graphs, with networks
//     started and stopped meanwhile. Checks: every reply validates against fbp-protocol's
//     schemas, no handler throws out, every graph stays consistent (edges, initial packets,
//     exported ports and groups name existing nodes and ports; no duplicate edges; the graph
//     loads into a Teaflow Network).
//  2. Over WebSocket against the teaflow-runtime bin: random bytes, binary frames, invalid
//     UTF-8, truncated and deeply nested JSON, a frame over the size limit; the runtime must
//     still answer afterwards.
// Usage: node test-harness/fbp/fuzz.mjs [messages=40000] [seed]
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { schemaProblems, startRuntime, connect } from './fbp-client.mjs';

const dist = new URL('../../dist/', import.meta.url);
const { init } = await import(new URL('teaflow.mjs', dist));
const { createFbpRuntime } = await import(new URL('teaflow-fbp.mjs', dist));
const bin = process.env.TEAFLOW_RUNTIME_BIN || fileURLToPath(new URL('teaflow-runtime.mjs', dist));

const total = Number(process.argv[2] || 40000);
const seed = Number(process.argv[3] || Date.now() % 1e9);
let state = seed >>> 0;
function random() {  // mulberry32: reproducible from the printed seed
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = items => items[Math.floor(random() * items.length)];

const GRAPHS = ['g1', 'g2', 'g3'];
const NODES = ['a', 'b', 'c', 'd', 'e', '__proto__', 'constructor', 'ü🙂', 'x/y'];
const COMPONENTS = ['core/Repeat', 'core/Repeat', 'core/Counter', 'core/Accumulate', 'core/Drop', 'core/Collect', 'no/Such', ''];
const PORTS = ['in', 'out', 'IN', 'nope', '__proto__'];
const JUNK = [undefined, null, true, 0, -1, 1.5, NaN, '', 'x', 'x'.repeat(5000), [], [1, 2], {}, { __proto__: { polluted: 1 } },
  JSON.parse('{"__proto__": {"polluted": true}}'), { toString: 1 }, '\u0000\ud800', 1e308];

function validCommand() {
  const graph = pick(GRAPHS);
  const node = () => pick(NODES);
  const end = side => ({ node: node(), port: random() < 0.8 ? side : pick(PORTS) });
  const choices = [
    ['graph', 'clear', { id: graph, main: random() < 0.5, name: 'fuzz' }],
    ['graph', 'addnode', { id: node(), component: pick(COMPONENTS), graph, metadata: { x: 1 } }],
    ['graph', 'removenode', { id: node(), graph }],
    ['graph', 'renamenode', { from: node(), to: node(), graph }],
    ['graph', 'changenode', { id: node(), metadata: { sort: pick([1, null]) }, graph }],
    ['graph', 'addedge', { src: end('out'), tgt: end('in'), graph }],
    ['graph', 'removeedge', { src: end('out'), tgt: end('in'), graph }],
    ['graph', 'changeedge', { src: end('out'), tgt: end('in'), metadata: { route: 1 }, graph }],
    ['graph', 'addinitial', { src: { data: pick(JUNK.filter(v => v !== undefined)) }, tgt: end('in'), graph }],
    ['graph', 'removeinitial', { tgt: end('in'), graph }],
    ['graph', 'addinport', { public: pick(PORTS), node: node(), port: pick(PORTS), graph }],
    ['graph', 'removeinport', { public: pick(PORTS), graph }],
    ['graph', 'renameinport', { from: pick(PORTS), to: pick(PORTS), graph }],
    ['graph', 'addoutport', { public: pick(PORTS), node: node(), port: pick(PORTS), graph }],
    ['graph', 'removeoutport', { public: pick(PORTS), graph }],
    ['graph', 'addgroup', { name: pick(['g', 'h']), nodes: [node(), node()], graph }],
    ['graph', 'removegroup', { name: pick(['g', 'h']), graph }],
    ['graph', 'renamegroup', { from: pick(['g', 'h']), to: pick(['g', 'h']), graph }],
    ['network', 'start', { graph }],
    ['network', 'stop', { graph }],
    ['network', 'getstatus', { graph }],
    ['network', 'debug', { enable: random() < 0.5, graph }],
    ['network', 'edges', { graph, edges: [{ src: end('out'), tgt: end('in') }] }],
    ['network', 'persist', {}],
    ['runtime', 'getruntime', {}],
    ['runtime', 'packet', { graph, port: pick(PORTS), event: pick(['data', 'connect', 'bogus']), payload: pick(JUNK) }],
    ['component', 'list', {}],
    ['component', 'getsource', { name: pick(COMPONENTS) }],
  ];
  // Adding nodes and edges is favoured, so graphs grow and the edits meet real nodes, edges and ports.
  const roll = random();
  const [protocol, command, payload] = roll < 0.01 ? choices[0] : roll < 0.3 ? pick([choices[1], choices[5]])
    : pick(choices.slice(1));
  return { protocol, command, payload };
}

/** Breaks one thing of a valid message, or (sometimes) leaves it valid. */
function mutate(message) {
  const roll = random();
  if (roll < 0.5) return message;
  const copy = JSON.parse(JSON.stringify(message));
  if (roll < 0.7) {
    const keys = Object.keys(copy.payload);
    const key = keys.length ? pick(keys) : 'graph';
    const junk = pick(JUNK);
    if (junk === undefined) delete copy.payload[key]; else copy.payload[key] = junk;
  } else if (roll < 0.8) {
    copy[pick(['protocol', 'command', 'payload'])] = pick(JUNK);
  } else if (roll < 0.9) {
    copy.command = pick(['', 'toString', '__proto__', 'constructor', 'hasOwnProperty', 'ADDNODE', copy.command + 'x']);
  } else {
    copy.payload.extra = pick(JUNK);
    copy.requestId = pick(['r', 5, null]);
  }
  return copy;
}

function checkGraph(model, tf) {
  const nodes = model.processes;
  for (const edge of model.edges) {
    assert.ok(nodes.has(edge.src.node) && nodes.has(edge.tgt.node), `edge ${JSON.stringify(edge)} names a missing node`);
  }
  const keys = model.edges.map(edge => JSON.stringify([edge.src, edge.tgt]));
  assert.equal(new Set(keys).size, keys.length, 'duplicate edges');
  for (const initial of model.initials) {
    assert.ok(nodes.has(initial.tgt.node), `initial packet into missing node ${initial.tgt.node}`);
  }
  for (const ports of [model.inports, model.outports]) {
    for (const target of ports.values()) assert.ok(nodes.has(target.process), `exported port to missing ${target.process}`);
  }
  for (const group of model.groups) {
    for (const node of group.nodes) assert.ok(nodes.has(node), `group ${group.name} names missing ${node}`);
  }
  assert.equal(Object.prototype.polluted, undefined, 'Object.prototype was polluted');
  tf.Network.fromGraph(model.toFbpJson());  // throws naming what is wrong, if anything is
}

async function inProcess() {
  const tf = await init({ backend: 'js' });
  const runtime = createFbpRuntime(tf, { limits: { burst: 1e9, perSecond: 1e9 } });
  const problems = [];
  const counts = { replies: 0, errors: 0 };
  const accepted = {};
  let peakNodes = 0;
  let peakEdges = 0;
  const client = runtime.connect(message => {
    counts.replies++;
    if (message.command === 'error') counts.errors++;
    else accepted[message.command] = (accepted[message.command] || 0) + 1;
    const found = schemaProblems(JSON.parse(JSON.stringify(message)));
    if (found.length && problems.length < 10) problems.push({ found, message });
  });
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const message = mutate(validCommand());
    const text = random() < 0.5 ? JSON.stringify(message) : message;
    await client.receive(text === undefined ? 'undefined' : text);
    if (i % 1000 === 999) {
      for (const model of runtime.graphs.values()) {
        checkGraph(model, tf);
        peakNodes = Math.max(peakNodes, model.processes.size);
        peakEdges = Math.max(peakEdges, model.edges.length);
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  for (const model of runtime.graphs.values()) checkGraph(model, tf);
  await runtime.close();
  assert.deepEqual(problems, [], 'replies that break fbp-protocol schemas');
  console.log(`fuzz in process: ${total} messages (seed ${seed}) in ${seconds.toFixed(1)} s (${Math.round(total / seconds)}/s),`
    + ` ${counts.replies} replies, ${counts.errors} protocol errors, 0 schema problems, graphs consistent`
    + ` after every 1000 messages (at most ${peakNodes} nodes and ${peakEdges} edges in a graph)`);
  console.log(`  accepted: ${Object.entries(accepted).map(([command, n]) => `${command} ${n}`).join(', ')}`);
}

async function overWebSocket() {
  const runtime = await startRuntime(bin, ['--port', '0'], { FBP_PROTOCOL_SECRET: '' });
  const frames = [];
  for (let i = 0; i < 300; i++) {
    const bytes = Buffer.alloc(1 + Math.floor(random() * 200));
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
    frames.push(['binary', bytes]);
  }
  frames.push(['text', '{"protocol":"runtime","command":"getruntime","payload":{']);
  frames.push(['text', '['.repeat(100000) + ']'.repeat(100000)]);
  frames.push(['text', JSON.stringify({ protocol: 'graph', command: 'clear', payload: { id: 'deep', name: 'n' } }).replace('"n"', '['.repeat(50000) + ']'.repeat(50000))]);
  let sentText = 0;
  const client = await connect(runtime.url);
  for (const [kind, data] of frames) {
    client.socket.send(data, { binary: kind === 'binary' });
    if (kind === 'text') sentText++;
  }
  // Invalid UTF-8 in a text frame: ws closes that connection (1007); the runtime must go on.
  const invalid = await connect(runtime.url);
  const closed = new Promise(resolve => invalid.socket.once('close', code => resolve(code)));
  invalid.socket._socket.write(Buffer.from([0x81, 0x82, 0x00, 0x00, 0x00, 0x00, 0xc3, 0x28]));
  const invalidCode = await closed;
  // A frame far over the limit: the connection is closed (1009) before it is buffered.
  const huge = await connect(runtime.url);
  const hugeClosed = new Promise(resolve => huge.socket.once('close', code => resolve(code)));
  huge.socket.send('x'.repeat(9 * 1024 * 1024));
  const hugeCode = await hugeClosed;
  const reply = await client.request('runtime', 'getruntime', {}, 'runtime');
  assert.equal(reply.command, 'runtime', 'the runtime answers after the fuzzing');
  const errors = client.received.filter(m => m.command === 'error').length;
  assert.deepEqual(client.problems, [], 'replies that break fbp-protocol schemas');
  assert.equal(runtime.child.exitCode, null, 'the runtime is still running');
  runtime.child.kill();
  console.log(`fuzz over WebSocket: ${frames.length} frames (300 random binary, ${sentText} broken or 100,000-deep JSON)`
    + ` -> ${errors} protocol errors, 0 schema problems; invalid UTF-8 closed that connection (${invalidCode}),`
    + ` a 9 MiB frame closed its connection (${hugeCode}); the runtime still answers`);
}

await inProcess();
await overWebSocket();
