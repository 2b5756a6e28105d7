// One small network: a JavaScript actor doubles each number and Java's core/Accumulate sums them.
// The page's ?backend= picks the backend (default 'auto'); the outcome is shown and kept in
// window.__teaflowResult for the tests.
import { init } from 'teaflow';

class Doubler {
  inports = ['in'];
  outports = ['out'];
  run(context) {
    context.send({ out: context.input.in * 2 });
  }
}

async function main() {
  const backend = new URLSearchParams(location.search).get('backend') || 'auto';
  const tf = await init({ backend });
  const net = new tf.Network()
    .registerActor('Doubler', Doubler)
    .addNode('double', 'Doubler')
    .addNode('sum', 'core/Accumulate')
    .addConnection('double', 'out', 'sum', 'in')
    .addInitial('double', 'in', 21);
  await net.start();
  net.send('double', 'in', 4);
  await net.idle();
  return { backend: tf.backend, version: tf.version, total: net.state('sum').get('total') };
}

main().then(
  result => {
    document.querySelector('#output').textContent =
      `Teaflow ${result.version} on the ${result.backend} backend: 21 and 4, doubled in JavaScript and summed in Java, make ${result.total}.`;
    window.__teaflowResult = result;
  },
  error => {
    document.querySelector('#output').textContent = `Teaflow failed: ${error.message}`;
    window.__teaflowResult = { error: String(error && error.stack || error) };
  });
