// Contract §1, loading: Teaflow.init(), the Api and its backends (docs/api/init.md).
'use strict';

test('init: the global Teaflow.init is a function returning a Promise', async () => {
  assertType(Teaflow.init, 'function', 'Teaflow.init');
  const pending = Teaflow.init({ backend: BACKEND });
  assertInstanceOf(pending, Promise, 'the result of Teaflow.init(...)');
  await pending;
});

test('init: Api.Network is a constructor of networks', async (tf) => {
  assertType(tf.Network, 'function', 'Api.Network');
  const net = new tf.Network();
  assertInstanceOf(net, tf.Network, 'new Api.Network()');
  assertNotSame(new tf.Network(), net, 'a second new Network()');
});

test('init: Api.LiveMemoryStateHandle is a class usable with instanceof', async (tf) => {
  assertType(tf.LiveMemoryStateHandle, 'function', 'Api.LiveMemoryStateHandle');
  assertSame({} instanceof tf.LiveMemoryStateHandle, false, '{} instanceof LiveMemoryStateHandle');
  assertInstanceOf(freshHandle(tf), tf.LiveMemoryStateHandle, 'net.state(id)');
});

test('init: Api.backend is the backend that was asked for', async (tf) => {
  assertSame(tf.backend, BACKEND, 'Api.backend');
});

test('init: Api.version is a non-empty string', async (tf) => {
  assertType(tf.version, 'string', 'Api.version');
  assert(tf.version.length > 0, 'Api.version is empty');
});

test('init: components() names the five core components', async (tf) => {
  const names = tf.components();
  assert(Array.isArray(names), 'components() should return an array but returned ' + describe(names));
  for (const name of ['core/Repeat', 'core/Drop', 'core/Counter', 'core/Collect', 'core/Accumulate']) {
    assert(names.includes(name), 'components() ' + describe(names) + ' lacks ' + name);
  }
});

test('init: a second init with the same backend resolves to the same Api object', async (tf) => {
  assertSame(await Teaflow.init({ backend: BACKEND }), tf, 'the Api of the second init');
});

test('init: both backends load in one page, each its own Api with the same members', async (tf) => {
  const js = await Teaflow.init({ backend: 'js' });
  const wasm = await Teaflow.init({ backend: 'wasm' });
  assertSame(js.backend, 'js', "init({backend: 'js'}).backend");
  assertSame(wasm.backend, 'wasm', "init({backend: 'wasm'}).backend");
  assert(js !== wasm, 'the two backends are different Api objects');
  assertEquals(Object.keys(wasm).sort(), Object.keys(js).sort(), 'Api members');
  assertEquals(wasm.components(), js.components(), 'components()');
  assertSame(await Teaflow.init({ backend: BACKEND }), tf, 'the Api of this backend');
});

test('init: auto picks wasm in a browser with WebAssembly GC', async () => {
  const auto = await Teaflow.init();
  assertSame(auto.backend, 'wasm', 'Teaflow.init().backend');
  assertSame(await Teaflow.init({ backend: 'auto' }), auto, "init({backend: 'auto'})");
});

test('init: a wasmUrl that is not a wasm build rejects naming it, and is tried again later', async (tf) => {
  // Not a missing file: a 404 would put a console error in the page, which fails every case.
  const notWasm = '/dist/teaflow.mjs';
  if (BACKEND === 'wasm') {
    // Already loaded in this page: the same Api, whatever URL is asked for.
    assertSame(await Teaflow.init({ backend: 'wasm', wasmUrl: notWasm }), tf, 'init with another wasmUrl');
    return;
  }
  await assertRejects(() => Teaflow.init({ backend: 'wasm', wasmUrl: notWasm }), Error, [notWasm],
    'init with a wasmUrl that is not wasm');
  const wasm = await Teaflow.init({ backend: 'wasm' });
  assertSame(wasm.backend, 'wasm', 'a later init with the right URL');
});

test('init: an unknown backend rejects with an Error naming it, and the loaded Api stays usable', async (tf) => {
  await assertRejects(() => Teaflow.init({ backend: 'bogus' }), Error, ['bogus'], "init({backend: 'bogus'})");
  assertSame(await Teaflow.init({ backend: BACKEND }), tf, 'the Api after a failed init');
});


test('init: wasm downloads teaflow.wasm once, starting before TeaVM\'s loader is fetched', async () => {
  // A fresh frame, so that nothing is loaded yet: init() starts compiling teaflow.wasm at once and
  // hands the compiled module to the loader, which then fetches nothing more.
  const frame = document.createElement('iframe');
  frame.srcdoc = '<script src="/dist/teaflow.js"></script>';
  const loaded = new Promise(resolve => { frame.onload = resolve; });
  document.body.appendChild(frame);
  try {
    await loaded;
    const api = await frame.contentWindow.Teaflow.init({ backend: 'wasm' });
    assertSame(api.backend, 'wasm', 'the frame\'s Api.backend');
    const entries = frame.contentWindow.performance.getEntriesByType('resource');
    const named = file => entries.filter(entry => new URL(entry.name).pathname === `/dist/${file}`);
    const wasm = named('teaflow.wasm');
    const loader = named('teaflow-wasm-runtime.mjs');
    assertSame(wasm.length, 1, 'requests of teaflow.wasm');
    assertSame(loader.length, 1, 'requests of teaflow-wasm-runtime.mjs');
    assert(wasm[0].startTime <= loader[0].startTime,
      `teaflow.wasm was requested at ${wasm[0].startTime} ms, after the loader (${loader[0].startTime} ms)`);
  } finally {
    frame.remove();
  }
});
