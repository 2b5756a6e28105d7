// JS actors offered to the runtime in the protocol tests (--components).
export default {
  'test/Double': class {
    inports = ['in'];
    outports = ['out'];
    run(context) { context.send({ out: context.input.in * 2 }); }
  },
  // Sends what JSON cannot carry: the runtime must describe it, not crash.
  'test/Hostile': class {
    inports = ['in'];
    outports = ['out'];
    run(context) {
      const cycle = { name: 'cycle' };
      cycle.self = cycle;
      context.send({ out: { fn() {}, big: 10n, symbol: Symbol('s'), cycle } });
      context.send({ out: new Proxy({}, { ownKeys() { throw new Error('hostile ownKeys'); } }) });
    }
  },
  'test/Throws': class {
    inports = ['in'];
    run() { throw new Error('actor failed on purpose'); }
  },
};
