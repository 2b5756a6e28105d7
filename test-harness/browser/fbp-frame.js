// Runs inside an iframe of inspector.html: Teaflow with the FBP protocol served to the parent
// frame (noflo-ui's iframe mode), allowing only the parent's origin.
'use strict';
const backend = new URLSearchParams(location.search).get('backend') || 'js';
Teaflow.init({ backend }).then(tf => {
  const runtime = TeaflowFbp.createFbpRuntime(tf, {
    actors: { Upper: class { inports = ['in']; outports = ['out']; run(c) { c.send({ out: String(c.input.in).toUpperCase() }); } } },
  });
  TeaflowFbp.servePostMessage(runtime, { origins: [location.origin] });
  parent.postMessage({ ready: true, backend: tf.backend }, location.origin);
});
