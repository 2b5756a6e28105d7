// XState 5: every stage and the sink an actor of its own. xstateMachine: actors of state
// machines (createActor(createMachine(...))) that forward each event to the next actor with the
// sendTo action; xstateTransition: actors of fromTransition logic that forward with actor.send.
// Packets travel as events { type: 'packet', v }.
import { assign, createActor, createMachine, fromTransition, sendTo } from 'xstate';
import { tag } from './common.js';

const forwardTo = sendTo(({ context }) => context.next, ({ event }) => event);

const machines = {
  forward: createMachine({
    id: 'forward',
    context: ({ input }) => ({ next: input.next }),
    on: { packet: { actions: forwardTo } },
  }),
  tag: createMachine({
    id: 'tag',
    context: ({ input }) => ({ next: input.next, path: input.path }),
    on: {
      packet: {
        actions: sendTo(({ context }) => context.next,
          ({ context, event }) => ({ type: 'packet', v: tag(event.v, context.path) })),
      },
    },
  }),
  count: createMachine({
    id: 'count',
    context: ({ input }) => ({ next: input.next, count: 0, sum: 0 }),
    on: {
      packet: {
        actions: [assign({ count: ({ context }) => context.count + 1, sum: ({ context, event }) => context.sum + event.v }),
          forwardTo],
      },
    },
  }),
  sink: createMachine({
    id: 'sink',
    context: ({ input }) => ({ recorder: input.recorder }),
    on: { packet: { actions: ({ context, event }) => context.recorder.take(event.v) } },
  }),
};

// A transition function sees every event the actor gets, XState's own (xstate.stop) included.
const PACKET = 'packet';
const transitions = {
  forward: fromTransition((state, event) => {
    if (event.type === PACKET) state.next.send(event);
    return state;
  }, ({ input }) => ({ next: input.next })),
  tag: fromTransition((state, event) => {
    if (event.type !== PACKET) return state;
    state.next.send({ type: PACKET, v: tag(event.v, state.path) });
    return state;
  }, ({ input }) => ({ next: input.next, path: input.path })),
  count: fromTransition((state, event) => {
    if (event.type !== PACKET) return state;
    state.next.send(event);
    return { next: state.next, count: state.count + 1, sum: state.sum + event.v };
  }, ({ input }) => ({ next: input.next, count: 0, sum: 0 })),
  sink: fromTransition((state, event) => {
    if (event.type === PACKET) state.recorder.take(event.v);
    return state;
  }, ({ input }) => ({ recorder: input.recorder })),
};

async function run(logic, scenario, { packets, rec, timeoutMs }) {
  const actors = [];
  const start = (kind, input) => {
    const actor = createActor(logic[kind], { input });
    actor.subscribe({ error: e => rec.fail(e) });
    actors.push(actor.start());
    return actor;
  };
  const sink = start('sink', { recorder: rec });
  let firsts;
  let counter = null;
  if (scenario === 'S1') {
    let next = sink;
    for (let i = 0; i < 10; i++) next = start('forward', { next });
    firsts = [next];
  } else if (scenario === 'S2') {
    counter = start('count', { next: sink });
    firsts = [counter];
  } else {
    firsts = [0, 1, 2, 3].map(path => start('tag', { next: sink, path }));
  }
  try {
    const t0 = performance.now();
    if (firsts.length === 1) {
      const first = firsts[0];
      for (let p = 0; p < packets.length; p++) first.send({ type: 'packet', v: packets[p] });
    } else {
      for (let p = 0; p < packets.length; p++) {
        const event = { type: 'packet', v: packets[p] };
        for (let k = 0; k < firsts.length; k++) firsts[k].send(event);
      }
    }
    await rec.wait(timeoutMs);
    for (const actor of actors) {
      const status = actor.getSnapshot().status;
      if (status !== 'active') throw new Error(`xstate ${scenario}: actor ${actor.id} is ${status}`);
    }
    const context = counter ? counter.getSnapshot().context : {};
    return { t0, counter: context.count, sum: context.sum };
  } finally {
    for (const actor of actors) actor.stop();
  }
}

export const xstateMachine = {
  S1: ctx => run(machines, 'S1', ctx),
  S2: ctx => run(machines, 'S2', ctx),
  S3: ctx => run(machines, 'S3', ctx),
};

export const xstateTransition = {
  S1: ctx => run(transitions, 'S1', ctx),
  S2: ctx => run(transitions, 'S2', ctx),
  S3: ctx => run(transitions, 'S3', ctx),
};

export const xstateVersion = __XSTATE_VERSION__;
