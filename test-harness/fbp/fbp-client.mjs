// Test helpers: start a teaflow-runtime, talk to it over WebSocket, and check every message it
// sends against fbp-protocol 0.9.8's JSON schemas (the ones fbp-test uses).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import WebSocket from 'ws';

const require = createRequire(import.meta.url);
const tv4 = require('fbp-protocol/schema/index.js');

/** Schema problems of one message the runtime sent ([] when it is valid). */
export function schemaProblems(message) {
  if (!message || typeof message.protocol !== 'string' || typeof message.command !== 'string') {
    return ['not a protocol message: ' + JSON.stringify(message)];
  }
  const schema = `/${message.protocol}/output/${message.command}`;
  if (!tv4.getSchema(schema)) {
    return [`no schema ${schema} (the runtime sent a command the protocol does not have)`];
  }
  const result = tv4.validateMultiple(message, schema);
  const problems = result.errors.map(error => `${schema}: ${error.message} at ${error.dataPath}`);
  if (result.missing.length) problems.push(`${schema}: missing schemas ${result.missing}`);
  if ('secret' in message || (message.payload && typeof message.payload === 'object' && 'secret' in message.payload)) {
    problems.push(`${schema}: carries a secret`);
  }
  return problems;
}

/** Starts the bin; resolves to { url, child, stdout, stderr, exited } once it printed its address. */
export function startRuntime(bin, args = [], env = {}) {
  return new Promise((resolve, reject) => {
    // No secret from the environment unless a test gives one.
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, FBP_PROTOCOL_SECRET: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const exited = new Promise(done => child.once('exit', (code, signal) => done({ code, signal })));
    child.stdout.on('data', chunk => {
      stdout += chunk;
      const match = /ws:\/\/\S+/.exec(stdout);
      if (match) resolve({ url: match[0], child, get stdout() { return stdout; }, get stderr() { return stderr; }, exited });
    });
    child.stderr.on('data', chunk => { stderr += chunk; });
    exited.then(({ code }) => reject(new Error(`runtime exited (${code}) before listening: ${stderr}`)));
    setTimeout(() => reject(new Error(`runtime did not print its address in 15 s: ${stdout} ${stderr}`)), 15000).unref();
  });
}

/** A connected client; every message received is schema-checked into `problems`. */
export async function connect(url, { secret, origin } = {}) {
  const socket = new WebSocket(url, 'noflo', origin ? { headers: { Origin: origin } } : {});
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
    socket.once('unexpected-response', (request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
  });
  const client = {
    socket,
    received: [],
    problems: [],
    waiters: [],
    send(protocol, command, payload = {}, extra = {}) {
      const message = { protocol, command, payload, ...extra };
      if (secret !== undefined && !('secret' in extra)) message.secret = secret;
      socket.send(JSON.stringify(message));
    },
    raw(text) {
      socket.send(text);
    },
    /** Resolves with the first message (from now on, or already received after `since`) matching `predicate`. */
    next(predicate, { timeout = 5000, since = client.received.length } = {}) {
      const found = client.received.slice(since).find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve };
        client.waiters.push(waiter);
        setTimeout(() => {
          client.waiters = client.waiters.filter(other => other !== waiter);
          reject(new Error('timed out; last messages: ' + JSON.stringify(client.received.slice(-5))));
        }, timeout).unref();
      });
    },
    /** Sends and waits for the reply `protocol:command` (or that protocol's error). */
    async request(protocol, command, payload, replyCommand = command) {
      const since = client.received.length;
      client.send(protocol, command, payload);
      return client.next(m => m.protocol === protocol && (m.command === replyCommand || m.command === 'error'), { since });
    },
    close() {
      socket.close();
    },
  };
  socket.on('message', data => {
    let message;
    try {
      message = JSON.parse(data.toString('utf8'));
    } catch {
      client.problems.push(`not JSON: ${data}`);
      return;
    }
    client.problems.push(...schemaProblems(message));
    client.received.push(message);
    for (const waiter of [...client.waiters]) {
      if (waiter.predicate(message)) {
        client.waiters = client.waiters.filter(other => other !== waiter);
        waiter.resolve(message);
      }
    }
  });
  return client;
}
