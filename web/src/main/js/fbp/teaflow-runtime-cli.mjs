// `teaflow-runtime`: Teaflow's JS backend in Node as an FBP network protocol runtime over
// WebSocket, for NoFlo's tools (noflo-ui / Flowhub, fbp-test, fbp-spec). See --help.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { init } from 'teaflow';
import { createFbpRuntime } from './fbp-runtime.mjs';
import { serveWebSocket } from './fbp-websocket.mjs';

const USAGE = `Usage: teaflow-runtime [--port 3569] [--host 127.0.0.1] [--secret TEXT]
                       [--components file.mjs]... [--allow-origin URL]... [--label TEXT]

Runs Teaflow (JS backend) as an FBP network protocol runtime over WebSocket (sub-protocol noflo).
Prints the address it listens on once it is listening.

  --port N            port to listen on (0 picks a free one); default 3569
  --host H            address to listen on; default 127.0.0.1. Any other than loopback needs a secret
  --secret TEXT       every message must carry it (default: $FBP_PROTOCOL_SECRET)
  --components FILE   an ES module whose default export is an object of name -> JS actor,
                      offered beside core/*; may be given several times
  --allow-origin URL  a web page origin allowed to connect without the secret (e.g.
                      https://app.flowhub.io); pages on localhost are always allowed
  --label TEXT        the runtime's label, shown by the tools`;

function parse(argv) {
  const options = { port: 3569, host: '127.0.0.1', components: [], allowedOrigins: [],
    secret: process.env.FBP_PROTOCOL_SECRET || undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const given = inline !== undefined ? inline : argv[++i];
      if (given === undefined || given === '') {
        throw new Error(`${name} needs a value`);
      }
      return given;
    };
    switch (name) {
      case '--port': {
        const text = value();
        const port = Number(text);
        if (!/^\d+$/.test(text) || port > 65535) {
          throw new Error(`--port must be a number from 0 to 65535, got '${text}'`);
        }
        options.port = port;
        break;
      }
      case '--host': options.host = value(); break;
      case '--secret': options.secret = value(); break;
      case '--components': options.components.push(value()); break;
      case '--allow-origin': options.allowedOrigins.push(value()); break;
      case '--label': options.label = value(); break;
      case '--help': case '-h': options.help = true; break;
      default: throw new Error(`unknown argument '${arg}'`);
    }
  }
  return options;
}

async function loadActors(files) {
  const actors = {};
  for (const file of files) {
    const module = await import(pathToFileURL(resolve(file)).href);
    const exported = module.default;
    if (exported === null || typeof exported !== 'object') {
      throw new Error(`--components ${file}: the default export must be an object of name -> actor`);
    }
    for (const name of Object.keys(exported)) {
      if (name.startsWith('core/')) {
        throw new Error(`--components ${file}: '${name}': names starting with core/ are Teaflow's own`);
      }
      if (Object.prototype.hasOwnProperty.call(actors, name)) {
        throw new Error(`--components ${file}: '${name}' is also exported by an earlier --components module`);
      }
      actors[name] = exported[name];
    }
  }
  return actors;
}

async function main() {
  let options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    console.error(`teaflow-runtime: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const tf = await init({ backend: 'js' });
  const actors = await loadActors(options.components);
  // Check every actor now, so a broken module fails at start and not at the first graph.
  const probe = new tf.Network();
  for (const name of Object.keys(actors)) {
    probe.registerActor(name, actors[name]);
  }
  const runtime = createFbpRuntime(tf, { actors, secret: options.secret, label: options.label });
  const server = await serveWebSocket(runtime, options);
  console.log(`teaflow-runtime listening on ${server.url}`);
  const shutdown = async () => {
    await runtime.close();
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch(error => {
  console.error(`teaflow-runtime: ${error && error.message ? error.message : error}`);
  process.exit(1);
});
