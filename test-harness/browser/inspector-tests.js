// The inspector (contract §10) and the FBP protocol over postMessage (§9), on every backend.
// The inspector's data- hooks are what a test may rely on; numbers refresh four times a second.
'use strict';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const host = () => document.getElementById('host');

async function until(condition, what, timeoutMs = 8000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (performance.now() > deadline) fail('gave up waiting for ' + what + ' after ' + timeoutMs + ' ms');
    await sleep(25);
  }
}

const nodeElement = id => document.querySelector(`[data-teaflow-node="${CSS.escape(id)}"]`);
const edgeElement = key => document.querySelector(`[data-teaflow-edge="${CSS.escape(key)}"]`);
const packetsOf = key => { const e = edgeElement(key); return e ? Number(e.getAttribute('data-packets')) : -1; };

class Doubler {
  inports = ['in'];
  outports = ['out'];
  state = { seen: 0 };
  run(context) {
    context.state.update('seen', n => n + 1);
    context.send({ out: context.input.in * 2 });
  }
}

/** A JS actor, Java components (with fan-out), and a subgraph with a Java and a JS process. */
function sampleNetwork(tf) {
  return new tf.Network()
    .registerActor('Doubler', Doubler)
    .registerGraph('Pair', {
      inports: { in: { process: 'first', port: 'in' } },
      outports: { out: { process: 'second', port: 'out' } },
      processes: { first: { component: 'core/Repeat' }, second: { component: 'Doubler' } },
      connections: [{ src: { process: 'first', port: 'out' }, tgt: { process: 'second', port: 'in' } }],
    })
    .addNode('d', 'Doubler')
    .addNode('count', 'core/Counter')
    .addNode('all', 'core/Collect')
    .addNode('pair', 'Pair')
    .addNode('sum', 'core/Accumulate')
    .addConnection('d', 'out', 'count', 'in')
    .addConnection('d', 'out', 'all', 'in')
    .addConnection('d', 'out', 'pair', 'in')
    .addConnection('pair', 'out', 'sum', 'in');
}

test('net.stats(): kind, parent, ports, runs and queued per node', async tf => {
  const net = sampleNetwork(tf);
  const byId = () => Object.fromEntries(net.stats().nodes.map(node => [node.id, node]));
  let stats = byId();
  assertEquals(Object.keys(stats).sort(), ['all', 'count', 'd', 'pair', 'pair/first', 'pair/second', 'sum'], 'nodes');
  assertEquals(stats.d.kind, 'js', 'a JS actor');
  assertEquals(stats.count.kind, 'java', 'core/Counter');
  assertEquals(stats.pair.kind, 'graph', 'a subgraph node');
  assertEquals(stats['pair/first'].kind, 'java', 'core/Repeat inside the subgraph');
  assertEquals(stats['pair/second'].kind, 'js', 'a JS actor inside the subgraph');
  assertEquals(stats['pair/first'].parent, 'pair', 'parent of a subgraph process');
  assertEquals(stats.d.parent, null, 'parent of a top-level node');
  assertEquals(stats.count.inports, ['in'], 'inports');
  assertEquals(stats.pair.outports, ['out'], 'exported outports');
  await net.start();
  net.send('d', 'in', 1);
  net.send('d', 'in', 2);
  net.send('d', 'in', 3);
  stats = byId();
  assertEquals(stats.d.queued, 3, 'packets waiting before the network ran');
  assertEquals(stats.d.runs, 0, 'runs before');
  await net.idle();
  stats = byId();
  assertEquals([stats.d.runs, stats.d.queued, stats.d.running], [3, 0, false], 'd after idle');
  assertEquals(stats['pair/second'].runs, 3, 'runs inside the subgraph');
  assertEquals(stats.sum.runs, 3, 'runs after the subgraph');
  assertNotSame(net.stats(), net.stats(), 'a fresh object on every call');
  await net.stop();
});

test('net.stats(): packets delivered per wire, inside subgraphs too', async tf => {
  const net = sampleNetwork(tf);
  const wires = () => Object.fromEntries(net.stats().connections.map(c => [`${c.from}.${c.fromPort}>${c.to}.${c.toPort}`, c.delivered]));
  assertEquals(wires(), { 'd.out>count.in': 0, 'd.out>all.in': 0, 'd.out>pair/first.in': 0,
    'pair/first.out>pair/second.in': 0, 'pair/second.out>sum.in': 0 }, 'wires before any packet');
  await net.start();
  for (let i = 0; i < 7; i++) net.send('d', 'in', i);
  await net.idle();
  assertEquals(wires(), { 'd.out>count.in': 7, 'd.out>all.in': 7, 'd.out>pair/first.in': 7,
    'pair/first.out>pair/second.in': 7, 'pair/second.out>sum.in': 7 }, 'wires after 7 packets');
  net.removeConnection('d', 'out', 'all', 'in');
  assertEquals('d.out>all.in' in wires(), false, 'a removed connection is gone');
  await net.stop();
});

test('net.stats(): a pending async run is reported as running', async tf => {
  let release;
  const net = new tf.Network().registerActor('Slow', class {
    inports = ['in'];
    run() { return new Promise(resolve => { release = resolve; }); }
  }).addNode('s', 'Slow');
  await net.start();
  net.send('s', 'in', 1);
  net.send('s', 'in', 2);
  await until(() => release, 'the first run');
  const stats = net.stats().nodes[0];
  assertEquals([stats.runs, stats.queued, stats.running], [1, 1, true], 'runs, queued, running while pending');
  release();
  await until(() => net.stats().nodes[0].runs === 2, 'the second run');
  release();
  await net.idle();
  assertEquals(net.stats().nodes[0].running, false, 'running after idle');
  await net.stop();
});

test('inspector: every node and connection has its data- hook, with kind', async tf => {
  const net = sampleNetwork(tf);
  await net.start();
  const inspection = TeaflowInspector.inspect(net, host());
  try {
    await until(() => nodeElement('sum'), 'the nodes drawn');
    for (const [id, kind] of [['d', 'js'], ['count', 'java'], ['all', 'java'], ['pair', 'graph'], ['sum', 'java']]) {
      const element = nodeElement(id);
      assertSame(Boolean(element), true, `node ${id} drawn`);
      assertEquals(element.getAttribute('data-kind'), kind, `kind of ${id}`);
      assertSame(element.textContent.includes(id), true, `node ${id} shows its id`);
    }
    for (const key of ['d.out>count.in', 'd.out>all.in', 'd.out>pair.in', 'pair.out>sum.in']) {
      assertSame(Boolean(edgeElement(key)), true, `connection ${key} drawn`);
      assertEquals(packetsOf(key), 0, `packets of ${key} before any`);
    }
    assertEquals(document.querySelectorAll('[data-teaflow-node]').length, 5, 'nodes drawn (the subgraph closed)');
    assertEquals(document.querySelectorAll('[data-teaflow-edge]').length, 4, 'connections drawn');
    assertSame(nodeElement('pair').textContent.includes('Pair'), true, 'the subgraph shows its component');
    assertSame(nodeElement('count').textContent.includes('core/Counter'), true, 'a Java node shows its component');
  } finally {
    inspection.close();
    await net.stop();
  }
});

test('inspector: packets per connection, through fan-out and across a subgraph boundary', async tf => {
  const net = sampleNetwork(tf);
  await net.start();
  const inspection = TeaflowInspector.inspect(net, host());
  try {
    await until(() => edgeElement('pair.out>sum.in'), 'the connections drawn');
    for (let i = 0; i < 25; i++) net.send('d', 'in', i);
    await net.idle();
    for (const key of ['d.out>count.in', 'd.out>all.in', 'd.out>pair.in', 'pair.out>sum.in']) {
      await until(() => packetsOf(key) === 25, `25 packets on ${key} (shows ${packetsOf(key)})`);
    }
    await until(() => nodeElement('d').getAttribute('data-runs') === '25', 'runs of d');
    assertEquals(nodeElement('d').getAttribute('data-queued'), '0', 'queued of d');
    assertEquals(nodeElement('count').getAttribute('data-runs'), '25', 'runs of the Java counter');
    assertSame(nodeElement('d').textContent.includes('runs 25'), true, 'runs shown in the node');
  } finally {
    inspection.close();
    await net.stop();
  }
});

test('inspector: errors per node, and an error inside a subgraph also on the subgraph node', async tf => {
  const net = new tf.Network()
    .registerActor('Fails', class { inports = ['in']; outports = ['out']; run() { throw new Error('no <b>luck</b>'); } })
    .registerGraph('Wrapped', { inports: { in: { process: 'f', port: 'in' } }, processes: { f: { component: 'Fails' } } })
    .addNode('f', 'Fails')
    .addNode('w', 'Wrapped');
  net.on('error', () => {});
  await net.start();
  const inspection = TeaflowInspector.inspect(net, host());
  try {
    await until(() => nodeElement('w'), 'drawn');
    net.send('f', 'in', 1);
    net.send('f', 'in', 2);
    net.send('w', 'in', 3);
    await net.idle();
    await until(() => nodeElement('f').getAttribute('data-errors') === '2', 'two errors on f');
    await until(() => nodeElement('w').getAttribute('data-errors') === '1', 'one error on the subgraph node');
    assertSame(nodeElement('f').classList.contains('tfi-has-errors'), true, 'f marked');
    const log = document.querySelector('[data-teaflow-log]');
    await until(() => log.querySelector('li[data-type=error]'), 'errors in the log');
    assertSame(log.textContent.includes('no <b>luck</b>'), true, 'the message shown as text');
    assertEquals(log.querySelectorAll('b').length, 0, 'no markup from the message');
  } finally {
    inspection.close();
    await net.stop();
  }
}, { allowErrorLogs: true });

test('inspector: a subgraph opens in place, with its inner connection', async tf => {
  const net = sampleNetwork(tf);
  await net.start();
  const inspection = TeaflowInspector.inspect(net, host());
  try {
    await until(() => nodeElement('pair'), 'drawn');
    assertSame(nodeElement('pair/first'), null, 'inner nodes hidden while closed');
    nodeElement('pair').dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    await until(() => nodeElement('pair/first') && nodeElement('pair/second'), 'inner nodes drawn in place');
    assertEquals(nodeElement('pair/second').getAttribute('data-kind'), 'js', 'kind of an inner node');
    await until(() => edgeElement('pair/first.out>pair/second.in'), 'the inner connection drawn');
    for (let i = 0; i < 4; i++) net.send('d', 'in', i);
    await net.idle();
    await until(() => packetsOf('pair/first.out>pair/second.in') === 4, 'the inner connection with its 4 packets');
    nodeElement('pair').dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    await until(() => !nodeElement('pair/first'), 'closed again');
  } finally {
    inspection.close();
    await net.stop();
  }
});

test('inspector: selecting a node shows its live state; edits go through the handle', async tf => {
  const net = sampleNetwork(tf);
  await net.start();
  const inspection = TeaflowInspector.inspect(net, host());
  try {
    await until(() => nodeElement('count'), 'drawn');
    nodeElement('count').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const table = await until(() => document.querySelector('[data-teaflow-state="count"]'), 'the state of count');
    net.send('d', 'in', 5);
    await net.idle();
    await until(() => table.querySelector('tr[data-key="count"]'), 'Java set count: shown through subscribe');
    assertSame(table.querySelector('tr[data-key="count"] .tfi-value').textContent, '1', 'count shown');
    // Edit: set step to 10 from the panel's form; the Java counter reads it on its next packet.
    const form = document.querySelector('.tfi-add');
    form.querySelector('input[placeholder=key]').value = 'step';
    form.querySelector('input[placeholder="JSON value"]').value = '10';
    form.requestSubmit();
    assertEquals(net.state('count').get('step'), 10, 'step set through the handle');
    net.send('d', 'in', 5);
    await net.idle();
    assertEquals(net.state('count').get('count'), 11, 'the Java counter used the edited step');
    // Editing an existing value in place, and bad JSON refused with a message.
    await until(() => table.querySelector('tr[data-key="step"]'), 'step shown');
    table.querySelector('tr[data-key="step"] button').click();
    const input = table.querySelector('tr[data-key="step"] textarea');
    input.value = '{not json';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    assertEquals(net.state('count').get('step'), 10, 'bad JSON changed nothing');
    assertSame(/not JSON/.test(document.querySelector('.tfi-problem').textContent), true, 'the problem shown');
    input.value = '{"by": [1, 2]}';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    assertEquals(net.state('count').get('step'), { by: [1, 2] }, 'edited value stored');
    table.querySelector('tr[data-key="step"] button[title^="remove"]').click();
    assertEquals(net.state('count').has('step'), false, 'removed from the panel');
  } finally {
    inspection.close();
    await net.stop();
  }
});

test('inspector: escapes every user string (ids, components, ports, state, log)', async tf => {
  const evil = '<img src=x onerror="window.__pwned=1">';
  const net = new tf.Network()
    .registerActor(evil, class { inports = [evil]; outports = ['out']; run(c) { c.send({ out: evil }); } })
    .addNode(evil, evil)
    .addNode('sink', 'core/Repeat')
    .addConnection(evil, 'out', 'sink', 'in');
  net.state(evil).set(evil, evil);
  await net.start();
  const inspection = TeaflowInspector.inspect(net, host());
  try {
    const element = await until(() => nodeElement(evil), 'the node with a hostile id');
    net.send(evil, evil, 1);
    await net.idle();
    element.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await until(() => document.querySelector('.tfi-state tr[data-key]'), 'its state');
    await until(() => packetsOf(`${evil}.out>sink.in`) === 1, 'the packet counted');
    await sleep(300);
    assertEquals(host().querySelectorAll('img').length, 0, 'no element made from user strings');
    assertSame(window.__pwned, undefined, 'no handler ran');
    assertSame(host().textContent.includes('<img src=x'), true, 'the strings shown as text');
  } finally {
    inspection.close();
    await net.stop();
  }
});

test('inspector: follows live changes of the network', async tf => {
  const net = sampleNetwork(tf);
  await net.start();
  const inspection = TeaflowInspector.inspect(net, host());
  try {
    await until(() => nodeElement('sum'), 'drawn');
    net.addNode('late', 'core/Drop').addConnection('sum', 'out', 'late', 'in');
    await until(() => nodeElement('late') && edgeElement('sum.out>late.in'), 'the added node and connection');
    net.removeNode('all');
    await until(() => !nodeElement('all') && !edgeElement('d.out>all.in'), 'the removed node gone');
  } finally {
    inspection.close();
    await net.stop();
  }
});

test('inspector: close() removes it and its listeners', async tf => {
  const net = sampleNetwork(tf);
  await net.start();
  const before = host().childElementCount;
  // Records the listeners the inspector adds and whether it removes them.
  const added = [];
  const on = net.on;
  net.on = function (type, listener) {
    const off = on.call(this, type, listener);
    const record = { type, removed: false };
    added.push(record);
    return () => { record.removed = true; off(); };
  };
  const inspection = TeaflowInspector.inspect(net, host());
  net.on = on;
  await until(() => nodeElement('d'), 'drawn');
  assertSame(added.length > 0, true, 'the inspector listens to the network');
  inspection.close();
  inspection.close();
  assertEquals(host().childElementCount, before, 'its elements removed');
  assertSame(document.querySelector('[data-teaflow-inspector]'), null, 'no inspector left');
  assertEquals(added.filter(record => !record.removed).map(record => record.type), [], 'listeners left on the network');
  net.send('d', 'in', 1);
  await net.idle();
  assertEquals(net.state('count').get('count'), 1, 'the network still runs');
  assertThrows(() => TeaflowInspector.inspect({}, host()), TypeError, ['network must be a Teaflow Network']);
  assertThrows(() => TeaflowInspector.inspect(net, null), TypeError, ['element must be a DOM element']);
  await net.stop();
});

test('inspector: the event log filters by type and text', async tf => {
  const net = sampleNetwork(tf);
  await net.start();
  const inspection = TeaflowInspector.inspect(net, host());
  try {
    const log = await until(() => document.querySelector('[data-teaflow-log]'), 'the log');
    net.send('d', 'in', 7);
    await net.idle();
    await until(() => log.querySelector('li[data-type=data]') && log.querySelector('li[data-type=idle]'), 'data and idle lines');
    const dataBox = document.querySelector('input[data-filter=data]');
    dataBox.checked = false;
    dataBox.dispatchEvent(new Event('change'));
    await until(() => !log.querySelector('li[data-type=data]'), 'data lines hidden');
    assertSame(Boolean(log.querySelector('li[data-type=idle]')), true, 'idle lines stay');
    dataBox.checked = true;
    dataBox.dispatchEvent(new Event('change'));
    const search = document.querySelector('.tfi-log-bar input[type=search]');
    search.value = 'sum.in';
    search.dispatchEvent(new Event('input'));
    await until(() => [...log.querySelectorAll('li')].every(li => li.textContent.includes('sum.in')) && log.querySelector('li'), 'only lines with sum.in');
  } finally {
    inspection.close();
    await net.stop();
  }
});

test('inspector: draws a 500-node network', async tf => {
  const net = new tf.Network().registerActor('Doubler', Doubler);
  for (let i = 0; i < 500; i++) {
    net.addNode('n' + i, i % 2 ? 'core/Repeat' : 'Doubler');
    if (i > 0 && i % 25 !== 0) net.addConnection('n' + (i - 1), 'out', 'n' + i, 'in');
  }
  await net.start();
  const inspection = TeaflowInspector.inspect(net, host());
  try {
    await until(() => document.querySelectorAll('[data-teaflow-node]').length === 500, '500 nodes drawn', 30000);
    assertEquals(document.querySelectorAll('[data-teaflow-edge]').length, 480, 'connections drawn');
    for (let c = 0; c < 20; c++) net.send('n' + c * 25, 'in', 1);
    await net.idle();
    await until(() => packetsOf('n498.out>n499.in') === 1, 'a packet at the end of a chain');
  } finally {
    inspection.close();
    await net.stop();
  }
}, { timeoutMs: 40000 });

// ---- FBP protocol over postMessage (noflo-ui's iframe mode) ----

async function framedRuntime() {
  const frame = document.createElement('iframe');
  const ready = new Promise(resolve => {
    const listener = event => {
      if (event.source === frame.contentWindow && event.data && event.data.ready) {
        window.removeEventListener('message', listener);
        resolve(event.data);
      }
    };
    window.addEventListener('message', listener);
  });
  frame.src = 'fbp-frame.html?backend=' + BACKEND;
  document.body.appendChild(frame);
  const info = await ready;
  const received = [];
  window.addEventListener('message', event => {
    if (event.source === frame.contentWindow && event.data && event.data.protocol) received.push(event.data);
  });
  const send = (protocol, command, payload) => frame.contentWindow.postMessage({ protocol, command, payload }, location.origin);
  const next = (predicate, since) => until(() => received.slice(since).find(predicate), 'a reply');
  return { frame, info, received, send, next };
}

test('FBP over postMessage: a page in a frame is driven by its parent', async () => {
  const { frame, info, received, send, next } = await framedRuntime();
  try {
    assertEquals(info.backend, BACKEND, 'the framed page runs the backend under test');
    let since = received.length;
    send('runtime', 'getruntime', {});
    const runtime = await next(m => m.command === 'runtime', since);
    assertSame(runtime.payload.capabilities.includes('protocol:graph'), true, 'capabilities');
    send('graph', 'clear', { id: 'main', main: true });
    send('graph', 'addnode', { id: 'up', component: 'Upper', graph: 'main' });
    send('graph', 'addnode', { id: 'keep', component: 'core/Collect', graph: 'main' });
    send('graph', 'addedge', { src: { node: 'up', port: 'out' }, tgt: { node: 'keep', port: 'in' }, graph: 'main' });
    send('graph', 'addinitial', { src: { data: 'hello' }, tgt: { node: 'up', port: 'in' }, graph: 'main' });
    since = received.length;
    send('network', 'start', { graph: 'main' });
    const data = await next(m => m.command === 'data' && m.payload.tgt.node === 'keep', since);
    assertEquals(data.payload.data, 'HELLO', 'data event from the framed network');
    assertEquals(data.payload.id, 'up() OUT -> IN keep()', 'edge id');
    since = received.length;
    send('graph', 'addnode', { id: 'x', component: 'no/Such', graph: 'main' });
    const error = await next(m => m.command === 'error', since);
    assertSame(/unknown component 'no\/Such'/.test(error.payload.message), true, 'an error naming the component');
  } finally {
    frame.remove();
  }
});

test('FBP over postMessage: messages from another window are ignored; origins are required', async tf => {
  const { frame, received } = await framedRuntime();
  const other = document.createElement('iframe');
  other.srcdoc = '<p>another frame</p>';
  document.body.appendChild(other);
  try {
    await until(() => other.contentWindow && other.contentDocument && other.contentDocument.readyState === 'complete', 'the other frame');
    // The framed runtime answers only its parent; a message relayed by a sibling frame is not its parent's.
    other.contentWindow.eval(`parent.frames[0].postMessage({ protocol: 'runtime', command: 'getruntime', payload: {} }, '*')`);
    await sleep(300);
    assertEquals(received.length, 0, 'no reply to a message from a sibling frame');
    const runtime = TeaflowFbp.createFbpRuntime(tf);
    assertThrows(() => TeaflowFbp.servePostMessage(runtime, { peer: window }), TypeError, ['origins must be a non-empty array']);
    assertThrows(() => TeaflowFbp.servePostMessage(runtime, { peer: window, origins: ['*'] }), Error, ['give the runtime a secret']);
  } finally {
    frame.remove();
    other.remove();
  }
});
