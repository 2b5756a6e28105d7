// window.TeaflowBenchCompetitors: the benchmark scenarios S1-S3 in a hand-written baseline, in
// NoFlo and in XState, one run per call (the caller warms up and repeats).
import { Recorder, SCENARIOS, makePackets } from './common.js';
import { apiBaseline } from './api-baseline.js';
import { baseline } from './baseline.js';
import { nofloRuntime, nofloVersion } from './noflo.js';
import { xstateMachine, xstateTransition, xstateVersion } from './xstate.js';

const RUNTIMES = { baseline, apiBaseline, noflo: nofloRuntime, xstateMachine, xstateTransition };

// run(runtime, scenario, n[, options]) -> { nsPerHop, count, checksum, elapsedMs, ... }
// Throws (rejects) when a packet is missing, duplicated or out of order on its path, when the
// count or the checksum is off, or (S2) when the stage's counter is not n.
// options (for tests of the verification): { fault: 'drop' | 'swap' | 'dropLast', timeoutMs }.
async function run(runtime, scenario, n, options = {}) {
  const impl = RUNTIMES[runtime];
  if (!impl) throw new Error(`unknown runtime '${runtime}' (one of ${Object.keys(RUNTIMES).join(', ')})`);
  const shape = SCENARIOS[scenario];
  if (!shape) throw new Error(`unknown scenario '${scenario}' (one of ${Object.keys(SCENARIOS).join(', ')})`);
  if (!Number.isInteger(n) || n < 1) throw new Error(`n must be a positive integer, not ${n}`);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const rec = new Recorder(n, shape.paths);
  const packets = makePackets(n, options.fault);
  const started = await impl[scenario]({ packets, rec, timeoutMs });
  const { t0 } = started;
  await rec.wait(timeoutMs);
  // A runtime that delivers after the send returns reads its stage's state once the sink has everything.
  const { counter, sum } = started.stateOf ? started.stateOf() : started;
  const where = `${runtime} ${scenario}`;
  if (rec.error) throw new Error(`${where}: ${rec.error.message}`);
  if (rec.count !== rec.expected) throw new Error(`${where}: ${rec.count} packets at the sink, expected ${rec.expected}`);
  if (rec.checksum !== rec.expectedChecksum()) {
    throw new Error(`${where}: checksum ${rec.checksum}, expected ${rec.expectedChecksum()}`);
  }
  if (scenario === 'S2' && counter !== n) throw new Error(`${where}: the stage counted ${counter}, expected ${n}`);
  if (scenario === 'S2' && sum !== undefined && sum !== rec.expectedChecksum()) {
    throw new Error(`${where}: the stage summed ${sum}, expected ${rec.expectedChecksum()}`);
  }
  const elapsedMs = rec.endTime - t0;
  return {
    runtime,
    scenario,
    n,
    hops: n * shape.hops,
    nsPerHop: elapsedMs * 1e6 / (n * shape.hops),
    count: rec.count,
    checksum: rec.checksum,
    elapsedMs,
  };
}

const api = {
  version: { noflo: nofloVersion, xstate: xstateVersion },
  runtimes: Object.keys(RUNTIMES),
  scenarios: SCENARIOS,
  run(runtime, scenario, n, options) {
    // Always a promise, also for an argument error.
    return Promise.resolve().then(() => run(runtime, scenario, n, options));
  },
};

window.TeaflowBenchCompetitors = api;
