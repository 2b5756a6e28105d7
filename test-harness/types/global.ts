// The script-tag form: <script src="dist/teaflow.js"></script> defines the global `Teaflow`, and
// a page script uses it without any import. This file is a script (no import or export), so it
// sees the UMD global that `export as namespace Teaflow` declares, with the types under
// `Teaflow.*`.

void (async () => {
  const tf: Teaflow.Api = await Teaflow.init({ backend: 'js' });
  const version: string = Teaflow.version;

  class Greeter implements Teaflow.Actor<{ greeting: string }> {
    inports = ['name'];
    outports = ['out'];
    run(context: Teaflow.ActorContext<{ greeting: string }>): void {
      context.send({ out: `${context.config.greeting}, ${String(context.input.name)}` });
    }
  }

  const net: Teaflow.Network = new tf.Network()
    .registerActor('Greeter', Greeter)
    .addNode('greeter', 'Greeter', { greeting: 'Hello' })
    .addNode('log', 'core/Collect')
    .addConnection('greeter', 'out', 'log', 'in')
    .addInitial('greeter', 'name', 'world');
  const off = net.on('error', (event: Teaflow.ErrorEvent) => console.warn(event.node, event.message));
  await net.start();
  await net.idle();
  const log: Teaflow.LiveMemoryStateHandle = net.state('log');
  const items = log.get<string[]>('items');
  off();
  await net.stop();
  if (items?.[0] !== 'Hello, world' || tf.version !== version) {
    throw new Error(`global.ts: expected ['Hello, world'], got ${JSON.stringify(items)}`);
  }
  (globalThis as { teaflowGlobalOk?: boolean }).teaflowGlobalOk = true;
})();
