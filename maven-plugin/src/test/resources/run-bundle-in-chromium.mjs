// BundleGoalIT: the "ok" fixture's bundle in Debian's Chromium, on both backends (Node cannot run
// the WebAssembly GC one). Prints one JSON line per backend. Usage: node run-bundle-in-chromium.mjs <bundle path from the repo root>
import { launchChromium, serveRepository } from '../../../../scripts/local-chromium.mjs';

const bundle = process.argv[2];
const { url, server } = await serveRepository();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${url}/${bundle}/teaflow.d.ts`); // any page of the same origin
  for (const backend of ['wasm', 'js']) {
    const result = await page.evaluate(async ({ bundle, backend }) => {
      const Teaflow = await import(`/${bundle}/teaflow.mjs`);
      const tf = await Teaflow.init({ backend });
      const net = new tf.Network();
      net.addNode('u', 'text/Upper').addNode('n', 'text/Length').addNode('c', 'core/Collect').addNode('d', 'core/Collect');
      net.addConnection('u', 'out', 'c', 'in').addConnection('u', 'out', 'n', 'in').addConnection('n', 'out', 'd', 'in');
      const errors = [];
      net.on('error', e => errors.push(`${e.node}: ${e.message}`));
      await net.start();
      net.send('u', 'in', 'hello');
      net.send('u', 'in', 42);
      await net.idle();
      let registered = 'no error';
      try {
        net.registerActor('text/Length', { inports: ['in'], run() {} });
      } catch (e) {
        registered = e.message;
      }
      return { backend: tf.backend, components: tf.components(), upper: net.state('c').get('items'),
        lengths: net.state('d').get('items'), errors, registered };
    }, { bundle, backend });
    console.log(JSON.stringify(result));
  }
} finally {
  await browser.close();
  server.kill();
}
