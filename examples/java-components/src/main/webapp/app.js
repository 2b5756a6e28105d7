// The page: JavaScript actors around the project's Java components, one network built in code and
// one loaded from poem.fbp.json. window.app gives tests (and the console) the networks:
// await window.app.ready  ->  { tf, net, graph }
// Query: ?backend=js|wasm|auto (default auto), ?tick=<ms> (a RateLimit window per tick; 0: ticks by hand only).
'use strict';

const params = new URLSearchParams(location.search);
const backend = params.get('backend') || 'auto';
const tickMs = Number(params.get('tick') ?? 5000);

/** A word's length in characters (code points, so an emoji counts once). */
class WordLength {
  inports = ['in'];
  outports = ['out'];
  run(context) {
    context.send({ out: [...context.input.in].length });
  }
}

/** Shows each word that passed the rate limit, newest last, as chips. */
class WordFeed {
  inports = ['in'];
  state = { shown: 0 };
  run(context) {
    const feed = document.getElementById('feed');
    const chip = document.createElement('span');
    chip.className = 'chip';
    chip.textContent = context.input.in;
    feed.append(chip);
    while (feed.childElementCount > 60) feed.firstElementChild.remove();
    context.state.update('shown', n => n + 1);
  }
}

/** Keeps the word count of each text (Tokenize's outport 'count') in state 'counts' and shows the last ten. */
class TextLog {
  inports = ['in'];
  state = { counts: [] };
  run(context) {
    const counts = context.state.get('counts');
    counts.push(context.input.in);
    document.getElementById('counts').textContent = counts.slice(-10).join(' · ');
  }
}

/** Sends a tick every config.ms milliseconds once it gets its start packet (no timer for 0). */
class Ticker {
  inports = ['start'];
  outports = ['tick'];
  run(context) {
    if (this.timer || !(context.config.ms > 0)) return;
    this.timer = setInterval(() => context.send({ tick: Date.now() }), context.config.ms);
  }
}

/** Keeps the averages it gets in state 'points' (the last 60) and draws them into config.svg. */
class Plot {
  inports = ['in'];
  state = { points: [] };
  run(context) {
    const points = context.state.get('points');
    points.push(context.input.in);
    if (points.length > 60) points.shift();
    drawLine(document.getElementById(context.config.svg), points);
  }
}

function drawLine(svg, points) {
  const max = Math.max(1, ...points);
  const step = 300 / Math.max(1, points.length - 1);
  const coords = points.map((p, i) => `${(i * step).toFixed(1)},${(76 - (p / max) * 70).toFixed(1)}`);
  svg.innerHTML = points.length < 2
    ? ''
    : `<polyline points="${coords.join(' ')}" fill="none" stroke="currentColor" stroke-width="2" vector-effect="non-scaling-stroke"/>`
      + `<text x="296" y="12" text-anchor="end">max ${max.toFixed(1)}</text>`;
}

function showState(net, node, key, value) {
  const cell = document.querySelector(`[data-state="${node}.${key}"]`);
  if (!cell) return;
  if (Array.isArray(value)) cell.textContent = value.length ? value.join(' · ') : '–';
  else if (typeof value === 'number') cell.textContent = Number.isInteger(value) ? String(value) : value.toFixed(2);
  else cell.textContent = value === '' || value == null ? '–' : String(value);
}

function showError(event) {
  const list = document.getElementById('errors');
  list.querySelector('.none')?.remove();
  const item = document.createElement('li');
  item.innerHTML = '<code></code> ';
  item.firstChild.textContent = event.node;
  item.append(event.message);
  list.append(item);
}

/** The main network: text → Tokenize → RateLimit → (WordFeed, WordLength → MovingAverage → Plot); Tokenize's counts → TextLog. */
function buildNetwork(tf) {
  const net = new tf.Network()
    .registerActor('WordLength', WordLength)
    .registerActor('WordFeed', WordFeed)
    .registerActor('Ticker', Ticker)
    .registerActor('Plot', Plot)
    .registerActor('TextLog', TextLog)
    .addNode('tok', 'text/Tokenize')
    .addNode('limit', 'flow/RateLimit')
    .addNode('ticker', 'Ticker', { ms: tickMs })
    .addNode('feed', 'WordFeed')
    .addNode('length', 'WordLength')
    .addNode('avg', 'stats/MovingAverage')
    .addNode('plot', 'Plot', { svg: 'plot' })
    .addNode('log', 'TextLog')
    .addConnection('tok', 'out', 'limit', 'in')
    .addConnection('ticker', 'tick', 'limit', 'tick')
    .addConnection('limit', 'out', 'feed', 'in')
    .addConnection('limit', 'out', 'length', 'in')
    .addConnection('length', 'out', 'avg', 'in')
    .addConnection('avg', 'out', 'plot', 'in')
    .addConnection('tok', 'count', 'log', 'in')
    .addInitial('ticker', 'start', true);
  // The page writes these before start; the Java components read them on every packet.
  net.state('limit').set('limit', Number(document.getElementById('limit').value));
  net.state('avg').set('size', Number(document.getElementById('size').value));
  return net;
}

function wireControls(net) {
  const text = document.getElementById('text');
  document.getElementById('send').addEventListener('click', () => net.send('tok', 'in', text.value));
  document.getElementById('send-bad').addEventListener('click', () => net.send('tok', 'in', 42));
  document.getElementById('tick').addEventListener('click', () => net.send('limit', 'tick', Date.now()));
  document.getElementById('lowercase').addEventListener('change', e => net.state('tok').set('lowercase', e.target.checked));
  for (const [id, node, key] of [['limit', 'limit', 'limit'], ['size', 'avg', 'size']]) {
    const input = document.getElementById(id);
    input.addEventListener('change', () => {
      const value = Number(input.value);
      if (Number.isInteger(value) && value >= 1) net.state(node).set(key, value);
      else input.value = net.state(node).get(key);   // leave the component's state as it was
    });
  }
  for (const node of ['tok', 'limit', 'avg']) {
    const state = net.state(node);
    for (const key of state.keys()) showState(net, node, key, state.get(key));
    // Java writes these (and the page's own inputs): one subscription shows both.
    state.subscribe((key, value) => showState(net, node, key, value));
  }
  // The inputs follow state the Java side (or a test) changes, too.
  net.state('limit').subscribe((key, value) => { if (key === 'limit') document.getElementById('limit').value = value; });
  net.state('avg').subscribe((key, value) => { if (key === 'size') document.getElementById('size').value = value; });
}

async function loadGraph(tf) {
  const response = await fetch('poem.fbp.json');
  if (!response.ok) throw new Error(`poem.fbp.json: HTTP ${response.status}`);
  const graph = await response.json();
  const net = tf.Network.fromGraph(graph, { actors: { WordLength } });
  net.on('error', showError);
  const poem = graph.connections.find(c => c.tgt.process === 'tok' && 'data' in c).data;
  document.getElementById('poem').textContent = poem;
  await net.start();
  await net.idle();
  drawLine(document.getElementById('graph-plot'), net.state('averages').get('items'));
  return net;
}

async function main() {
  const tf = await Teaflow.init({ backend });
  document.getElementById('backend').textContent = tf.backend;
  const net = buildNetwork(tf);
  net.on('error', showError);
  wireControls(net);
  await net.start();
  net.send('tok', 'in', document.getElementById('text').value);
  await net.idle();
  const graph = await loadGraph(tf);
  return { tf, net, graph };
}

window.app = { ready: main() };
window.app.ready.catch(e => {
  console.error('word stats failed to start:', e);
  document.body.prepend(Object.assign(document.createElement('p'), { className: 'fatal', textContent: String(e) }));
});
