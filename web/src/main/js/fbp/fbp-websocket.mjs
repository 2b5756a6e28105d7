// The FBP protocol over WebSocket (sub-protocol `noflo`), in Node, with the `ws` package.
// Security: a host other than loopback needs a secret; browsers (which send an Origin header)
// may connect without the secret only from loopback pages or origins the user allowed, so a web
// page the user happens to visit cannot drive a runtime on their machine.
import { WebSocketServer } from 'ws';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;
/** Past this many bytes waiting to be sent to a client, data events for it are dropped (and counted). */
const CONGESTED_BYTES = 8 * 1024 * 1024;

export function isLoopback(host) {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Serves `runtime` on ws://host:port. Resolves to `{ url, close() }` once listening.
 * options: host, port, secret (the runtime's), allowedOrigins (array of exact origins).
 */
export function serveWebSocket(runtime, { host = '127.0.0.1', port = 3569, secret, allowedOrigins = [] } = {}) {
  if (!isLoopback(host) && !secret) {
    return Promise.reject(new Error(`refusing to listen on ${host} without a secret: anyone who can reach it could`
      + ' run code in this process. Give --secret (or FBP_PROTOCOL_SECRET), or listen on 127.0.0.1'));
  }
  const origins = new Set(allowedOrigins);
  const server = new WebSocketServer({
    host,
    port,
    // A message a little over the runtime's limit gets a protocol error naming its size; one
    // over 8 bytes per allowed character closes the connection (code 1009) before it is buffered.
    maxPayload: runtime.limits.messageChars * 8,
    handleProtocols: protocols => (protocols.has('noflo') ? 'noflo' : false),
    verifyClient: ({ origin }) => !origin || Boolean(secret) || LOOPBACK_ORIGIN.test(origin) || origins.has(origin),
  });
  server.on('connection', socket => {
    const client = runtime.connect(message => socket.send(JSON.stringify(message)),
      { congested: () => socket.bufferedAmount > CONGESTED_BYTES });
    socket.on('message', (data, isBinary) => {
      client.receive(isBinary ? new Uint8Array(data) : data.toString('utf8'));
    });
    socket.on('close', () => client.close());
    socket.on('error', () => client.close());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      server.on('error', error => console.error(`teaflow-runtime: ${error.message}`));
      const address = server.address();
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `ws://${shown}:${address.port}/`,
        close: () => new Promise(done => {
          for (const socket of server.clients) socket.terminate();
          server.close(() => done());
        }),
      });
    });
  });
}
