// What the Node scripts that drive a page share (screenshots, the inspector benchmark): the
// repository served on 127.0.0.1 by scripts/serve.mjs, and Debian's Chromium launched headless
// through playwright-core (never a downloaded browser; TEAFLOW_CHROMIUM names another binary).
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';

/** Starts scripts/serve.mjs on a free port: {url, server} once it listens. */
export async function serveRepository() {
  const server = spawn(process.execPath, ['scripts/serve.mjs', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    server.stdout.on('data', chunk => {
      const match = /http:\/\/\S+/.exec(String(chunk));
      if (match) resolve(match[0]);
    });
    server.on('exit', code => reject(new Error(`server exited ${code}`)));
  });
  return { url, server };
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.TEAFLOW_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}
