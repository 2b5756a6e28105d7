// The tight hand-written baseline: what a minimal actor runtime with Teaflow's delivery rules
// costs per hop. One ring-buffer FIFO per inport, a run queue of the inports that have pending
// packets, each inport given a turn of up to TURN packets, handlers called directly; sends are
// queued (never a nested call), so a hop costs one enqueue, one dequeue and one call.
import { tag } from './common.js';

const TURN = 64;

/** One inport: a growable ring buffer of packets and the handler that takes them. */
class Inport {
  constructor(runtime, handler) {
    this.runtime = runtime;
    this.handler = handler;
    this.buffer = new Array(16);
    this.mask = 15;
    this.head = 0;
    this.size = 0;
    this.queued = false;
  }

  push(value) {
    if (this.size === this.buffer.length) this.grow();
    this.buffer[(this.head + this.size) & this.mask] = value;
    this.size++;
    if (!this.queued) {
      this.queued = true;
      this.runtime.enqueue(this);
    }
  }

  grow() {
    const grown = new Array(this.buffer.length * 2);
    for (let i = 0; i < this.size; i++) grown[i] = this.buffer[(this.head + i) & this.mask];
    this.buffer = grown;
    this.mask = grown.length - 1;
    this.head = 0;
  }
}

/** The run queue: a ring buffer of inports with pending packets, drained in a microtask after a send. */
export class Runtime {
  constructor() {
    this.queue = new Array(16);
    this.mask = 15;
    this.head = 0;
    this.size = 0;
    this.drainRequested = false;
    this.draining = false;
  }

  inport(handler) {
    return new Inport(this, handler);
  }

  enqueue(inport) {
    if (this.size === this.queue.length) {
      const grown = new Array(this.queue.length * 2);
      for (let i = 0; i < this.size; i++) grown[i] = this.queue[(this.head + i) & this.mask];
      this.queue = grown;
      this.mask = grown.length - 1;
      this.head = 0;
    }
    this.queue[(this.head + this.size) & this.mask] = inport;
    this.size++;
    if (!this.draining && !this.drainRequested) {
      this.drainRequested = true;
      queueMicrotask(() => this.drain());
    }
  }

  drain() {
    this.drainRequested = false;
    this.draining = true;
    while (this.size > 0) {
      const inport = this.queue[this.head];
      this.queue[this.head] = undefined;
      this.head = (this.head + 1) & this.mask;
      this.size--;
      const { handler } = inport;
      for (let turn = 0; turn < TURN && inport.size > 0; turn++) {
        const value = inport.buffer[inport.head];
        inport.buffer[inport.head] = undefined;
        inport.head = (inport.head + 1) & inport.mask;
        inport.size--;
        handler(value);
      }
      if (inport.size > 0) this.enqueue(inport);
      else inport.queued = false;
    }
    this.draining = false;
  }
}

function s1({ packets, rec }) {
  const STAGES = 10;
  const runtime = new Runtime();
  const sink = runtime.inport(v => rec.take(v));
  let next = sink;
  for (let i = 0; i < STAGES; i++) {
    const to = next;
    next = runtime.inport(v => to.push(v));
  }
  const first = next;
  const t0 = performance.now();
  for (let p = 0; p < packets.length; p++) first.push(packets[p]);
  return { t0 };
}

function s2({ packets, rec }) {
  const runtime = new Runtime();
  const sink = runtime.inport(v => rec.take(v));
  // The state is a Map, as a Teaflow node's: two gets and two sets per packet.
  const state = new Map([['count', 0], ['sum', 0]]);
  const stage = runtime.inport(v => {
    state.set('count', state.get('count') + 1);
    state.set('sum', state.get('sum') + v);
    sink.push(v);
  });
  const t0 = performance.now();
  for (let p = 0; p < packets.length; p++) stage.push(packets[p]);
  return { t0, stateOf: () => ({ counter: state.get('count'), sum: state.get('sum') }) };
}

function s3({ packets, rec }) {
  const PATHS = 4;
  const runtime = new Runtime();
  // The sink has one inport per path, as Teaflow's sink node has: each gets its own turns, so the
  // four stages' packets never pile up behind one inport's turn of TURN packets.
  const stages = [];
  for (let k = 0; k < PATHS; k++) {
    const sink = runtime.inport(v => rec.take(v));
    stages.push(runtime.inport(v => sink.push(tag(v, k))));
  }
  const t0 = performance.now();
  for (let p = 0; p < packets.length; p++) {
    const v = packets[p];
    for (let k = 0; k < PATHS; k++) stages[k].push(v);
  }
  return { t0 };
}

export const baseline = { S1: s1, S2: s2, S3: s3 };
