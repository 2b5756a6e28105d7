// The FBP network protocol for pages: `teaflow/fbp` (ES module) and dist/teaflow-fbp.js (global
// TeaflowFbp). createFbpRuntime(tf, options) is the protocol handler; servePostMessage serves it
// to noflo-ui's iframe and opener transports.
export { createFbpRuntime, CAPABILITIES, PROTOCOL_VERSION } from './fbp-runtime.mjs';
export { servePostMessage } from './fbp-postmessage.mjs';
