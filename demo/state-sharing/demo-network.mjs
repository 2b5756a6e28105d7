// The demo network: the page sends packets to a JS actor (Ticker), which passes them to the compiled
// Java core/Counter, then to core/Drop. Both state tables and the event log follow it live, and the
// controls write into the very state objects the actor and Java use.
import { $, guarded } from './dom.mjs';
import { errText, fmt } from './format.mjs';
import { makeLog, makeStateView } from './views.mjs';

/** Counts its runs and keeps the last packet in its own live state, then passes the packet on. */
class Ticker {
  inports = ['in'];
  outports = ['out'];
  state = { runs: 0, lastPacket: null, label: 'ticker' };
  run(context) {
    const s = context.state;
    s.set('runs', s.get('runs') + 1);
    s.set('lastPacket', context.input.in);
    context.send({ out: context.input.in });
  }
}

/** Builds and starts the demo network with the Api of Teaflow.init(), and wires the controls to it. */
export async function startDemo(api) {
  const net = new api.Network()
    .registerActor('Ticker', Ticker)
    .addNode('ticker', 'Ticker')
    .addNode('counter', 'core/Counter')
    .addNode('sink', 'core/Drop')
    .addConnection('ticker', 'out', 'counter', 'in')
    .addConnection('counter', 'out', 'sink', 'in')
    .addInitial('ticker', 'in', { seq: 0, initial: true });   // sent at start(), so the tables fill in at once

  const log = makeLog($('log'), $('log-counts'));
  net.on('*', (ev) => log.add(ev));

  const views = {
    ticker: makeStateView(net.state('ticker'), $('tbody-ticker'), $('changes-ticker'),
      'empty — the class field state is copied in before the first run'),
    counter: makeStateView(net.state('counter'), $('tbody-counter'), $('changes-counter'),
      'empty — Counter uses step = 1 and count = 0 until they are set'),
  };

  await net.start();
  await net.idle();
  let seq = 0;
  const counter = net.state('counter');
  const sendMsg = $('msg-send');
  const run = async (label, fn) => {
    sendMsg.className = 'msg';
    try {
      const t0 = performance.now();
      await fn();
      await net.idle();
      sendMsg.textContent = `${label}: done in ${(performance.now() - t0).toFixed(1)} ms, count = ${fmt(counter.get('count'))}`;
    } catch (e) {
      sendMsg.className = 'msg err';
      sendMsg.textContent = errText(e);
    }
  };
  $('btn-send').onclick = () => run('1 packet', () => net.send('ticker', 'in', { seq: ++seq }));
  $('btn-burst').onclick = () => run('1000 packets', () => { for (let i = 0; i < 1000; i++) net.send('ticker', 'in', { seq: ++seq }); });
  $('btn-step').onclick = () => guarded($('msg-send'), () => counter.set('step', Number($('in-step').value)));
  $('btn-count').onclick = () => guarded($('msg-send'), () => counter.set('count', Number($('in-count').value)));
  $('btn-reset').onclick = () => guarded($('msg-send'), () => counter.set('count', 0));
  $('btn-set').onclick = () => guarded($('msg-set'), () => {
    const key = $('in-key').value;
    let value;
    try { value = JSON.parse($('in-val').value); }
    catch (e) { throw new Error('value is not valid JSON: ' + e.message); }
    net.state($('in-node').value).set(key, value);
    return `set ${$('in-node').value}.${key} = ${fmt(value)}`;
  });
  $('btn-remove').onclick = () => guarded($('msg-set'), () => {
    const node = $('in-node').value, key = $('in-key').value;
    const was = net.state(node).remove(key);
    return `remove(${JSON.stringify(key)}) on ${node} → ${was}`;
  });
  for (const id of ['btn-send', 'btn-burst', 'btn-step', 'btn-count', 'btn-reset', 'btn-set', 'btn-remove']) $(id).disabled = false;
  window.__demo = { net, views };   // handy from the devtools console
  return { net, views, log };
}
