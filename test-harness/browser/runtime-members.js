// What a page can reach on each public object of Teaflow at run time, for DeclaredMembersTest,
// which compares it with what dist/teaflow.d.ts declares. A member is every property, own or
// inherited (up to Object.prototype or Function.prototype), of the object a user holds. Left out,
// each by a rule with its reason, and reported as `excluded` so a reader sees what was left out:
// what the language gives every function and prototype, and TeaVM's own bookkeeping.
'use strict';

/**
 * Own properties every function has by the language itself (TypeScript declares them on Function);
 * a class's `prototype` is not among them, since the declarations name it.
 */
const FUNCTION_OWN = new Set(['length', 'name']);

/**
 * wasm backend: TeaVM's JSO glue keys each exported object's link to its Java object and its
 * bound methods by these private Symbols; no page can name them.
 */
const TEAVM_WASM_SYMBOLS = new Set(['javaObject', 'functions']);

/**
 * Teaflow's entry keeps per-object bookkeeping under private Symbols made with Symbol() (not
 * Symbol.for, so no page can name them): a network's last accepted send, a handle's Map access.
 */
const isTeaflowPrivateSymbol = key => typeof key === 'symbol' && Symbol.keyFor(key) === undefined
  && /^teaflow\./.test(key.description ?? '');

/**
 * js backend: every exported Java class extends TeaVM's java.lang.Object, whose prototype it marks
 * with __teavm_class__ and which holds Java's Object methods under minified names.
 */
const isTeavmObjectPrototype = proto => Object.prototype.hasOwnProperty.call(proto, '__teavm_class__');

/**
 * js backend: a Java object's fields are own properties of its JS object, named `$id$` (its
 * identity hash) or by TeaVM's minifier (one to three characters), holding data, never functions.
 */
function isTeavmField(object, key) {
  if (typeof key !== 'string' || !(key === '$id$' || /^[A-Za-z_$][A-Za-z0-9_$]{0,2}$/.test(key))) return false;
  const descriptor = Object.getOwnPropertyDescriptor(object, key);
  return 'value' in descriptor && typeof descriptor.value !== 'function';
}

/** The sorted member names of `object`; what the rules leave out goes to `excluded`. */
function membersOf(surface, object, excluded) {
  const names = new Set();
  const leaveOut = (key, reason) => excluded.push({ surface, member: String(key), reason });
  let teavmInstance = false;
  for (let proto = Object.getPrototypeOf(object); proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (isTeavmObjectPrototype(proto)) teavmInstance = true;
  }
  for (let current = object; current !== null && current !== Object.prototype && current !== Function.prototype;
    current = Object.getPrototypeOf(current)) {
    if (current !== object && isTeavmObjectPrototype(current)) {
      Reflect.ownKeys(current).forEach(key => leaveOut(key, "TeaVM's java.lang.Object prototype (js backend)"));
      break;
    }
    for (const key of Reflect.ownKeys(current)) {
      if (current !== object && key === 'constructor') continue; // every prototype's link to its class
      if (key === Symbol.toStringTag && object[key] === 'Module') continue; // every module namespace's tag
      if (current === object && typeof object === 'function' && FUNCTION_OWN.has(key)) continue;
      if (typeof key === 'symbol' && TEAVM_WASM_SYMBOLS.has(key.description)) {
        leaveOut(key, "TeaVM's JSO link to the Java object (wasm backend)");
        continue;
      }
      if (isTeaflowPrivateSymbol(key)) {
        leaveOut(key, "Teaflow's own bookkeeping under a private Symbol");
        continue;
      }
      if (current === object && teavmInstance && isTeavmField(object, key)) {
        leaveOut(key, 'a Java field of the TeaVM object (js backend)');
        continue;
      }
      names.add(typeof key === 'symbol' ? key.toString() : key);
    }
  }
  return [...names].sort();
}

/** An ActorContext as an actor receives it. */
async function actorContext(tf) {
  let context = null;
  const net = new tf.Network();
  net.registerActor('Probe', class { inports = ['in']; run(given) { context = given; } });
  net.addNode('p', 'Probe');
  await net.start();
  net.send('p', 'in', 1);
  await net.idle();
  await net.stop();
  if (context === null) throw new Error('the probe actor never ran');
  return context;
}

/**
 * Resolves to { backend, surfaces: {name: [members]}, excluded: [{surface, member, reason}] }.
 * The surfaces: the script's global, the ES module's namespace, the Api, Network (static and an
 * instance), LiveMemoryStateHandle (static and an instance) and an ActorContext.
 */
window.__runtimeMembers = async () => {
  const backend = new URLSearchParams(location.search).get('backend') || 'js';
  const tf = await Teaflow.init({ backend });
  const net = new tf.Network();
  net.addNode('n', 'core/Drop');
  // A network and a handle as a page holds them after using them: what they keep then is listed too.
  await net.start();
  net.send('n', 'in', 1);
  net.state('n').get('k');
  await net.idle();
  const objects = {
    global: Teaflow,
    namespace: await import('/dist/teaflow.mjs'),
    Api: tf,
    NetworkConstructor: tf.Network,
    Network: net,
    LiveMemoryStateHandleConstructor: tf.LiveMemoryStateHandle,
    LiveMemoryStateHandle: net.state('n'),
    ActorContext: await actorContext(tf),
  };
  const excluded = [];
  const surfaces = {};
  for (const [surface, object] of Object.entries(objects)) surfaces[surface] = membersOf(surface, object, excluded);
  return { backend: tf.backend, surfaces, excluded };
};
