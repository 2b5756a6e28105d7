// The TypeScript quickstart of README.md, word for word: kept compiling by `npm run typecheck`
// (against the source typings) and by test-harness/node/bundler-apps.mjs (against the packed
// package, under moduleResolution node16 and bundler).
import { init, type Actor, type ActorContext } from 'teaflow';

type DoublerConfig = { factor: number };

class Doubler implements Actor<DoublerConfig> {
  inports = ['in'];
  outports = ['out'];
  state = { seen: 0 };                       // copied into the node's live state
  run(context: ActorContext<DoublerConfig>) {
    context.state.update<number>('seen', n => (n ?? 0) + 1);
    context.send({ out: (context.input.in as number) * context.config.factor });
  }
}

const tf = await init();
const net = new tf.Network()
  .registerActor('Doubler', Doubler)
  .addNode('d', 'Doubler', { factor: 2 })
  .addNode('c', 'core/Counter')              // a component written in Java
  .addConnection('d', 'out', 'c', 'in')
  .addInitial('d', 'in', 21);
net.on('error', e => console.warn(e.node, e.message));
net.state('c').subscribe((key, value) => console.log(`Java set ${key} =`, value));
await net.start();
net.state('c').set('step', 10);              // Java's Counter reads it on its next packet
net.send('d', 'in', 5);
await net.idle();
const count: number | undefined = net.state('c').get<number>('count');
console.log(count);                          // 11
