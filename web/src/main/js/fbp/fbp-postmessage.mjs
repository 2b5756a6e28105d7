// The FBP protocol over window.postMessage, so noflo-ui (Flowhub) can drive a page running
// Teaflow: in its iframe mode the page is the iframe and talks to window.parent; in its opener
// mode the page was opened by noflo-ui and talks to window.opener. Only messages from that
// window and from an allowed origin are read; replies go to that origin only.

/**
 * Serves `runtime` (from createFbpRuntime) to `peer` (default: the parent frame, else the opener).
 * `origins`: the exact origins allowed to drive the page (e.g. ['https://app.flowhub.io']);
 * `['*']` accepts any origin and is refused unless the runtime has a secret.
 * Returns `{ close() }`.
 */
export function servePostMessage(runtime, { peer, origins, window: win = globalThis.window } = {}) {
  if (!win || typeof win.addEventListener !== 'function') {
    throw new TypeError('servePostMessage: needs a window (run it in a page)');
  }
  if (!Array.isArray(origins) || origins.length === 0 || !origins.every(origin => typeof origin === 'string' && origin)) {
    throw new TypeError("servePostMessage: origins must be a non-empty array of origins, e.g. ['https://app.flowhub.io']");
  }
  const anyOrigin = origins.includes('*');
  if (anyOrigin && !runtime.secret) {
    throw new Error("servePostMessage: origins ['*'] lets any page drive this one; give the runtime a secret to allow it");
  }
  const target = peer || (win.parent && win.parent !== win ? win.parent : win.opener);
  if (!target || typeof target.postMessage !== 'function') {
    throw new Error('servePostMessage: no peer window (the page is neither in a frame nor opened by another page)');
  }
  const allowed = new Set(origins);
  let replyOrigin = anyOrigin ? null : (origins.length === 1 ? origins[0] : null);
  const client = runtime.connect(message => {
    if (replyOrigin !== null) {
      target.postMessage(message, replyOrigin);
    }
  });
  const listener = event => {
    if (event.source !== target || !(anyOrigin || allowed.has(event.origin))) {
      return;  // another window or origin: not ours to answer
    }
    replyOrigin = event.origin;
    client.receive(event.data);
  };
  win.addEventListener('message', listener);
  return {
    close() {
      win.removeEventListener('message', listener);
      client.close();
    },
  };
}
