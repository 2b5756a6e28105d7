// What the profiling scripts print from a DevTools CPU profile: self time per function, frames of
// the JS backend mapped back to Java through dist/teaflow-js-backend.js.map (wasm frames are named
// by teaflow.debug.wasm), and optionally who calls one function.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sourceMap from 'source-map';

/** frame => 'Source.java:line' for the JS backend's frames, 'file:line' for others. */
export function frameLocator(root) {
  const mapFile = join(root, 'dist/teaflow-js-backend.js.map');
  const consumer = existsSync(mapFile)
    ? new sourceMap.SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8'))) : null;
  const backendLines = readFileSync(join(root, 'dist/teaflow-js-backend.js'), 'utf8').split('\n');
  return frame => {
    if (consumer && frame.url.endsWith('teaflow-js-backend.js')) {
      // A frame is where its function starts; the nearest mapping at or after that is its first line.
      const original = consumer.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber,
        bias: sourceMap.SourceMapConsumer.LEAST_UPPER_BOUND });
      if (original.source && original.source !== '.') {
        return `${original.source.replace(/^[a-z]+:\/\/\//, '').replace(/^.*\/(java|classlib)\//, '')}:${original.line}`;
      }
      const text = backendLines[frame.lineNumber] ?? '';
      return `teaflow-js-backend.js:${frame.lineNumber + 1} ${text.slice(frame.columnNumber, frame.columnNumber + 60)}`;
    }
    return `${frame.url.replace(/^.*\//, '').split('?')[0]}:${frame.lineNumber + 1}`;
  };
}

/** Prints the top self times of profile; with callersOf, the call paths into that function. */
export function printCpuProfile(profile, { root, title, top = 30, callersOf }) {
  const where = frameLocator(root);
  // Self time per node: samples × the interval between them.
  const self = new Map();
  const byId = new Map(profile.nodes.map(node => [node.id, node]));
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map();
  for (const [id, us] of self) {
    const frame = byId.get(id).callFrame;
    const key = `${frame.functionName || '(anonymous)'}  ${frame.url ? where(frame) : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  console.log(`\n${title}: ${(total / 1000).toFixed(0)} ms sampled; self time, top ${top}`);
  for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(100 * us / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(1).padStart(7)} ms  ${key}`);
  }
  if (!callersOf) return;
  // The call paths (up to 6 frames) that put self time into that function.
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const paths = new Map();
  for (const [id, us] of self) {
    if (byId.get(id).callFrame.functionName !== callersOf) continue;
    const frames = [];
    for (let at = parent.get(id); at !== undefined && frames.length < 6; at = parent.get(at)) {
      const frame = byId.get(at).callFrame;
      frames.push(`${frame.functionName || '(anonymous)'} ${frame.url ? where(frame).replace(/^.*\/io\/teaflow\//, '') : ''}`);
    }
    const key = frames.join(' < ');
    paths.set(key, (paths.get(key) ?? 0) + us);
  }
  console.log(`\ncallers of ${callersOf}:`);
  for (const [key, us] of [...paths].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`${(us / 1000).toFixed(1).padStart(7)} ms  ${key}`);
}
