// The types of the tools beside the runtime: net.stats(), the inspector and the FBP protocol.
import { init, type NetworkStats, type NodeStats } from 'teaflow';
import { inspect, type Inspection } from 'teaflow/inspector';
import { createFbpRuntime, servePostMessage, type FbpMessage } from 'teaflow/fbp';

const tf = await init();
const net = new tf.Network().addNode('c', 'core/Counter');
const stats: NetworkStats = net.stats();
const first: NodeStats | undefined = stats.nodes[0];
const kind: 'js' | 'java' | 'graph' | undefined = first?.kind;
const delivered: number = stats.connections.reduce((sum, wire) => sum + wire.delivered, 0);

const inspection: Inspection = inspect(net, document.body, { layoutWorkerUrl: new URL('/dist/teaflow-inspector-layout.js', location.href) });
inspection.close();

const runtime = createFbpRuntime(tf, { secret: 'x', actors: { Echo: { inports: ['in'], run() {} } } });
const client = runtime.connect((message: FbpMessage) => console.log(message.protocol, message.command));
await client.receive('{"protocol":"runtime","command":"getruntime","payload":{}}');
servePostMessage(runtime, { origins: ['https://app.flowhub.io'] }).close();

// @ts-expect-error: the inspector needs an element
inspect(net, 'body');
// @ts-expect-error: origins are required
servePostMessage(runtime, {});
void kind;
void delivered;
