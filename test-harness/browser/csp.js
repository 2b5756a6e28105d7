// Runs under csp.html's policy (script-src 'self'): no eval, no new Function, no inline scripts.
// csp.html?scenario=js   — init({backend: 'js'}) and a small network must work with no violation;
// csp.html?scenario=wasm — init({backend: 'wasm'}) must settle (reject with an Error), not hang;
// csp.html?scenario=auto — init() must end up with a working backend ('js' when wasm is refused).
// Publishes window.__result = {ok, message, backend, items, violations, rejection, settled}.
'use strict';

(function () {
  const violations = [];
  document.addEventListener('securitypolicyviolation', event => {
    violations.push({ directive: event.effectiveDirective || event.violatedDirective, blockedURI: event.blockedURI,
      sample: event.sample || '', source: event.sourceFile || '' });
  });

  const scenario = new URLSearchParams(location.search).get('scenario') || 'js';
  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
  const INIT_TIMEOUT_MS = 10000;

  class Doubler {
    constructor() {
      this.inports = ['in'];
      this.outports = ['out'];
    }
    run(context) {
      context.send({ out: context.input.in * context.config.factor });
    }
  }

  async function smallNetwork(tf) {
    const net = new tf.Network();
    net.registerActor('Doubler', Doubler);
    net.addNode('d', 'Doubler', { factor: 2 });
    net.addNode('r', 'core/Repeat');
    net.addNode('c', 'core/Collect');
    net.addConnection('d', 'out', 'r', 'in');
    net.addConnection('r', 'out', 'c', 'in');
    net.addInitial('d', 'in', 21);
    const errors = [];
    net.on('error', e => errors.push(e.node + ': ' + e.message));
    await net.start();
    net.send('d', 'in', 5);
    await net.idle();
    await net.stop();
    return { items: net.state('c').get('items'), errors };
  }

  /** {settled, value} or {settled, rejection}; settled false when init neither resolved nor rejected in time. */
  async function initWithin(options) {
    const timeout = sleep(INIT_TIMEOUT_MS).then(() => ({ settled: false }));
    const attempt = Teaflow.init(options).then(
      value => ({ settled: true, value }),
      error => ({ settled: true, rejection: {
        isError: error instanceof Error, name: error && error.name, message: String(error && error.message !== undefined ? error.message : error),
      } }));
    return Promise.race([attempt, timeout]);
  }

  async function main() {
    const result = { ok: false, message: '', scenario, backend: null, items: null, errors: null, rejection: null, settled: null };
    try {
      if (typeof Teaflow === 'undefined') throw new Error('the global Teaflow is missing: did /dist/teaflow.js load?');
      const options = scenario === 'auto' ? undefined : { backend: scenario };
      const outcome = await initWithin(options);
      result.settled = outcome.settled;
      if (outcome.rejection) result.rejection = outcome.rejection;
      if (outcome.value) {
        result.backend = outcome.value.backend;
        const run = await smallNetwork(outcome.value);
        result.items = run.items;
        result.errors = run.errors;
      }
      result.ok = true;
    } catch (error) {
      result.message = String(error && error.stack || error);
    }
    await sleep(100); // securitypolicyviolation events are dispatched asynchronously
    result.violations = violations;
    window.__result = result;
  }

  main();
})();
