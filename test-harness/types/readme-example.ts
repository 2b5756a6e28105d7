// The TypeScript example of README.md, kept compiling by `npm run typecheck`.
import { init, type Actor, type ActorContext } from 'teaflow';

class Doubler implements Actor<{ factor: number }> {
  inports = ['in'];
  outports = ['out'];
  run(context: ActorContext<{ factor: number }>) {
    context.send({ out: (context.input.in as number) * context.config.factor });
  }
}

export async function readmeExample(): Promise<number | undefined> {
  const tf = await init({ backend: 'auto' });
  const net = new tf.Network().registerActor('Doubler', Doubler).addNode('d', 'Doubler', { factor: 2 });
  net.on('data', e => console.log(e.node, e.port, e.value, e.from?.node));
  const seen: number | undefined = net.state('d').get<number>('seen');
  return seen;
}
