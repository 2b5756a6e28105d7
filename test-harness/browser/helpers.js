// Helpers shared by the browser cases (loaded after assert.js and runner.js by contract.html and
// adversarial.html): waiting, recording events, and the set-ups most cases start from.
'use strict';

/** Lets timers, the runtime's scheduler and promise jobs run once. */
const macrotask = () => new Promise(resolve => setTimeout(resolve, 0));

/** Waits (without asserting anything about time) until condition() holds; fails after timeoutMs. */
async function waitUntil(condition, what, timeoutMs = 5000) {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) fail('gave up waiting for ' + what + ' after ' + timeoutMs + ' ms');
    await macrotask();
  }
}

function deferred() {
  let resolve;
  const promise = new Promise(r => { resolve = r; });
  return { promise, resolve };
}

/** Every event of one type the network emits, in order. */
function record(net, type) {
  const events = [];
  net.on(type, event => events.push(event));
  return events;
}

function assertNoErrorEvents(errors) {
  if (errors.length > 0) {
    fail(errors.length + ' unexpected error events: ' + errors.slice(0, 5).map(e => e.node + ': ' + e.message).join('; ')
        + (errors.length > 5 ? '; …' : ''));
  }
}

/** A new network with the given actors registered (no chaining, so a chaining bug fails one case only). */
function network(tf, actors = {}) {
  const net = new tf.Network();
  for (const [name, actor] of Object.entries(actors)) net.registerActor(name, actor);
  return net;
}

/** A state handle of a node that never runs (core/Drop), for the handle's own rules. */
function freshHandle(tf) {
  const net = new tf.Network();
  net.addNode('n', 'core/Drop');
  return net.state('n');
}

const range = n => Array.from({ length: n }, (_, i) => i);

/** Records every packet on 'in' into config.into, the array the test passed to addNode. */
class Sink {
  inports = ['in'];
  outports = [];
  run(context) {
    context.config.into.push(context.input.in);
  }
}

/** Sends each packet on unchanged: a JS twin of core/Repeat. */
class Pass {
  inports = ['in'];
  outports = ['out'];
  run(context) {
    context.send({ out: context.input.in });
  }
}

/** Counts up: on packet n, sends n + 1 while n < config.limit, and keeps the last n in config.last. */
class CountUp {
  inports = ['in'];
  outports = ['out'];
  run(context) {
    const n = context.input.in;
    context.config.last.n = n;
    if (n < context.config.limit) context.send({ out: n + 1 });
  }
}

/**
 * net.idle(), or a failure at the first error event or uncaught exception: a stack overflow surfaces
 * as one of those and may leave idle() pending forever.
 */
async function idleOrFirstError(net) {
  let offError;
  let onUncaught;
  const failure = new Promise((resolve, reject) => {
    offError = net.on('error', e => reject(new AssertionError('error event from ' + e.node + ': ' + e.message)));
    onUncaught = event => reject(new AssertionError('uncaught: ' + (event.error && event.error.stack || event.message)));
    window.addEventListener('error', onUncaught);
  });
  try {
    await Promise.race([net.idle(), failure]);
  } finally {
    offError();
    window.removeEventListener('error', onUncaught);
  }
}

// ---------------------------------------------------------------------------------------------
// Set-ups: a Sink at the end of a node, the shape most cases share

/** Adds node `id` running Sink (registered on `net`) and returns the array it records its packets into. */
function addSink(net, id) {
  const into = [];
  net.addNode(id, 'Sink', { into });
  return into;
}

/** addSink, fed by outport `fromPort` of node `from`. */
function addSinkAfter(net, from, id, fromPort = 'out') {
  const into = addSink(net, id);
  net.addConnection(from, fromPort, id, 'in');
  return into;
}

/**
 * A network with `actors` and Sink registered, node `node` running `component` (a registered
 * actor or a core/* name), and its outport 'out' wired into a Sink node `sink` (default 's').
 * Returns { net, into }, `into` being the packets the sink received, in order.
 */
function nodeIntoSink(tf, node, component, actors = {}, sink = 's') {
  const net = network(tf, { ...actors, Sink });
  net.addNode(node, component);
  const into = addSinkAfter(net, node, sink);
  return { net, into };
}

/** One of the FBP graphs written by the npm package fbp-graph itself (framework/src/test/resources/graphs). */
async function fbpGraph(name) {
  const response = await fetch('/framework/src/test/resources/graphs/' + name);
  if (!response.ok) fail(`cannot fetch graph ${name}: ${response.status}`);
  return response.json();
}
