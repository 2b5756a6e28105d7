// The physical limit of a hop, as in bench/hops.html: each stage a plain function, each
// connection a FIFO array, the source pushes a packet and runs the stages in order.
import { tag } from './common.js';

function s1({ packets, rec }) {
  const STAGES = 10;
  const queues = Array.from({ length: STAGES + 1 }, () => []);
  const stages = queues.map((queue, i) => i < STAGES
    ? () => { while (queue.length) queues[i + 1].push(queue.shift()); }
    : () => { while (queue.length) rec.take(queue.shift()); });
  const first = queues[0];
  const t0 = performance.now();
  for (let p = 0; p < packets.length; p++) {
    first.push(packets[p]);
    for (let s = 0; s < stages.length; s++) stages[s]();
  }
  return { t0 };
}

function s2({ packets, rec }) {
  const input = [];
  const toSink = [];
  const state = { count: 0 };
  const counter = () => { while (input.length) { state.count++; toSink.push(input.shift()); } };
  const sink = () => { while (toSink.length) rec.take(toSink.shift()); };
  const t0 = performance.now();
  for (let p = 0; p < packets.length; p++) {
    input.push(packets[p]);
    counter();
    sink();
  }
  return { t0, counter: state.count };
}

function s3({ packets, rec }) {
  const PATHS = 4;
  const inputs = Array.from({ length: PATHS }, () => []);
  const toSink = [];
  const stages = inputs.map((queue, k) => () => { while (queue.length) toSink.push(tag(queue.shift(), k)); });
  const sink = () => { while (toSink.length) rec.take(toSink.shift()); };
  const t0 = performance.now();
  for (let p = 0; p < packets.length; p++) {
    const v = packets[p];
    for (let k = 0; k < PATHS; k++) inputs[k].push(v);
    for (let k = 0; k < PATHS; k++) stages[k]();
    sink();
  }
  return { t0 };
}

export const baseline = { S1: s1, S2: s2, S3: s3 };
