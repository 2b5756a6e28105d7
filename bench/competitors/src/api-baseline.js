// The baseline's runtime with the JS-actor API's shape: what the shape of a Teaflow JS actor's run
// costs by itself, with no runtime beyond the baseline's (so Teaflow's JS-actor rows can be read
// as "the API's own cost" plus "the runtime's"). The stages are the classes of bench/scenarios.mjs;
// each run gets a fresh context.input keyed by inport (a plain object made by one constructor per
// port name, as Teaflow's runner makes it), returns through a try/catch and a promise check, and
// sends with context.send({ port: value }), read as tightly as the API allows: a plain object, its
// one own key (for-in, no allocation), a declared outport (the last one cached), its value
// delivered to every inport wired to it. S2's state is a Map, as the baseline's.
import { tag } from './common.js';
import { Runtime } from './baseline.js';
import { benchActors } from '../../scenarios.mjs';

const hasOwn = Object.prototype.hasOwnProperty;
const inputMakers = new Map();

/** One constructor per inport name, shared by every node: every node's inputs on 'in' have one shape. */
function inputMaker(port) {
  let maker = inputMakers.get(port);
  if (maker === undefined) {
    maker = function Input(value) {
      this[port] = value;
    };
    maker.prototype = Object.prototype;
    inputMakers.set(port, maker);
  }
  return maker;
}

/** A node: its actor's inports as the runtime's inports, its outports wired with connect(). */
class ActorNode {
  constructor(runtime, actor, { state = null, rec } = {}) {
    const outports = actor.outports ?? [];
    this.actor = actor;
    this.rec = rec;
    this.targets = outports.map(() => []);
    this.indexes = new Map(outports.map((port, index) => [port, index]));
    this.lastPort = undefined;
    this.lastIndex = -1;
    this.context = { input: undefined, state, config: {}, node: 'n', send: outputs => this.send(outputs) };
    this.inports = {};
    for (const port of actor.inports) {
      const Input = inputMaker(port);
      this.inports[port] = runtime.inport(value => this.run(new Input(value)));
    }
  }

  connect(outport, inport) {
    this.targets[this.indexes.get(outport)].push(inport);
  }

  run(input) {
    this.context.input = input;
    try {
      const result = this.actor.run(this.context);
      if (result !== undefined && result !== null && typeof result.then === 'function') {
        throw new Error('the API baseline has no asynchronous runs');
      }
    } catch (error) {
      this.rec.fail(error);
    }
  }

  send(outputs) {
    if (outputs === null || typeof outputs !== 'object' || Array.isArray(outputs)) {
      throw new TypeError('send expects an object keyed by outport');
    }
    let only;
    let count = 0;
    for (const key in outputs) {
      if (hasOwn.call(outputs, key)) {
        if (count++ > 0) break;
        only = key;
      }
    }
    if (count !== 1) throw new Error('the API baseline sends on one port at a time');
    let index = this.lastIndex;
    if (only !== this.lastPort) {
      index = this.indexes.get(only);
      if (index === undefined) throw new TypeError(`'${only}' is not a declared outport`);
      this.lastPort = only;
      this.lastIndex = index;
    }
    const value = outputs[only];
    for (const target of this.targets[index]) target.push(value);
  }
}

// The stages of Teaflow's JS-actor scenarios, the very same classes.
const { Stage, CountingStage } = benchActors();

function sinkOf(rec) {
  return {
    inports: ['in'],
    run(context) { rec.take(context.input.in); },
  };
}

/**
 * S3's sink, as bench/scenarios.mjs's FanInSink: one inport per path, the stages untagged (the
 * sink's port names the path; the recorder takes the tagged value).
 */
function fanInSinkOf(rec) {
  return {
    inports: ['in0', 'in1', 'in2', 'in3'],
    run(context) {
      const input = context.input;
      if (input.in0 !== undefined) rec.take(tag(input.in0, 0));
      else if (input.in1 !== undefined) rec.take(tag(input.in1, 1));
      else if (input.in2 !== undefined) rec.take(tag(input.in2, 2));
      else rec.take(tag(input.in3, 3));
    },
  };
}

function s1({ packets, rec }) {
  const runtime = new Runtime();
  let next = new ActorNode(runtime, sinkOf(rec), { rec });
  for (let i = 0; i < 10; i++) {
    const stage = new ActorNode(runtime, new Stage(), { rec });
    stage.connect('out', next.inports.in);
    next = stage;
  }
  const first = next.inports.in;
  const t0 = performance.now();
  for (let p = 0; p < packets.length; p++) first.push(packets[p]);
  return { t0 };
}

function s2({ packets, rec }) {
  const runtime = new Runtime();
  const state = new Map([['count', 0], ['sum', 0]]);
  const sink = new ActorNode(runtime, sinkOf(rec), { rec });
  const stage = new ActorNode(runtime, new CountingStage(), { state, rec });
  stage.connect('out', sink.inports.in);
  const first = stage.inports.in;
  const t0 = performance.now();
  for (let p = 0; p < packets.length; p++) first.push(packets[p]);
  return { t0, stateOf: () => ({ counter: state.get('count'), sum: state.get('sum') }) };
}

function s3({ packets, rec }) {
  const PATHS = 4;
  const runtime = new Runtime();
  const sink = new ActorNode(runtime, fanInSinkOf(rec), { rec });
  const stages = [];
  for (let k = 0; k < PATHS; k++) {
    const stage = new ActorNode(runtime, new Stage(), { rec });
    stage.connect('out', sink.inports[`in${k}`]);
    stages.push(stage.inports.in);
  }
  const t0 = performance.now();
  for (let p = 0; p < packets.length; p++) {
    const v = packets[p];
    for (let k = 0; k < PATHS; k++) stages[k].push(v);
  }
  return { t0 };
}

export const apiBaseline = { S1: s1, S2: s2, S3: s3 };
