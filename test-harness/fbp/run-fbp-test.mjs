// Runs fbp-protocol's conformance suite (fbp-test, fbp-protocol 0.9.8) against the
// teaflow-runtime bin: once open on 127.0.0.1, once with a secret. A free port each time; the
// suite's config (fbp-config.json) is written to a temporary directory.
// Usage: node test-harness/fbp/run-fbp-test.mjs [path/to/teaflow-runtime.mjs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = resolve(process.argv[2] || process.env.TEAFLOW_RUNTIME_BIN || join(root, 'dist/teaflow-runtime.mjs'));

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

const quote = text => `'${text.replace(/'/g, `'\\''`)}'`;
let failed = false;
for (const secret of ['', 'fbp-test secret']) {
  const port = await freePort();
  const home = mkdtempSync(join(tmpdir(), 'teaflow-fbp-test-'));
  // `exec`, so that fbp-test's kill of its shell reaches the runtime itself.
  writeFileSync(join(home, 'fbp-config.json'), JSON.stringify({
    name: 'teaflow', command: `exec ${quote(process.execPath)} ${quote(bin)} --port ${port}`,
    host: '127.0.0.1', port, collection: 'core', version: '0.8',
  }, null, 2));
  console.log(`fbp-test against ${bin} on port ${port}${secret ? ' with a secret' : ''}`);
  const run = spawnSync(process.execPath, [join(root, 'node_modules/fbp-protocol/bin/fbp-test')], {
    cwd: root, stdio: 'inherit', env: { ...process.env, PROJECT_HOME: home, FBP_PROTOCOL_SECRET: secret },
  });
  rmSync(home, { recursive: true, force: true });
  if (run.status !== 0) {
    failed = true;
    console.error(`fbp-test failed (exit ${run.status}${secret ? ', with a secret' : ''})`);
  }
}
process.exit(failed ? 1 : 0);
