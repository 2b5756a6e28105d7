// The JavaScript the Java bridge (web/src/main/java/io/teaflow/bridge) calls that is more than a
// line: kept here as real code the linter sees, and handed to the compiled Java once, when a
// backend is loaded (TeaflowModule.installBridgeScripts; the Java side is BridgeScripts.java).
// Page values may be hostile (revoked Proxies, Proxies and getters that throw): every function
// here that looks at one does so in a way that cannot throw, or catches and says what happened.

/**
 * The scripts object the bridge calls: one per loaded backend. core is that backend's exports:
 * a JS actor's send calls core.actorSend (a static export: a plain function call into Java, where
 * a Java callback object would go through TeaVM's generic argument-copying wrapper).
 */
function bridgeScripts(core) {
  /** A short description for error messages ('number 42', 'string "x"', 'an array'); never throws. */
  function describe(value) {
    try {
      if (value === null) return 'null';
      const kind = typeof value;
      if (kind === 'undefined') return 'undefined';
      if (kind === 'string') return `string "${value.length > 80 ? value.slice(0, 77) + '...' : value}"`;
      if (kind === 'number' || kind === 'boolean' || kind === 'bigint') return kind + ' ' + String(value);
      if (kind === 'symbol') return 'a symbol';
      if (Array.isArray(value)) return 'an array';
      return kind === 'object' ? 'an object' : kind;
    } catch {
      return 'a revoked Proxy';
    }
  }

  /** The message of a thrown value: its message if it has one, else its string form; never throws. */
  function messageOf(error) {
    try {
      if (error !== null && typeof error === 'object' && 'message' in error) return String(error.message);
      if (typeof error === 'symbol') return error.toString();
      return String(error);
    } catch {
      return 'a value that cannot be inspected (a revoked Proxy, or one whose traps or getters throw)';
    }
  }

  /** object[key] of a page object; a getter or trap that throws becomes a TypeError saying where. */
  function read(object, key, where) {
    try {
      return object == null ? undefined : object[key];
    } catch (thrown) {
      throw new TypeError(`${where}: reading "${key}" threw: ${messageOf(thrown)}`);
    }
  }

  /**
   * object[key] of a page object, or holder with what a getter or trap threw in holder.error: the
   * bridge builds its message only then (a large graph reads tens of thousands of fields).
   */
  function readOrHold(object, key, holder) {
    try {
      return object == null ? undefined : object[key];
    } catch (thrown) {
      holder.error = thrown;
      return holder;
    }
  }

  /** array[index] of a page array, as readOrHold: a number crosses from Java, not the key's string (twice). */
  function readIndexOrHold(array, index, holder) {
    try {
      return array == null ? undefined : array[index];
    } catch (thrown) {
      holder.error = thrown;
      return holder;
    }
  }

  /** Object.keys of a page object; a Proxy that throws becomes a TypeError saying where. */
  function ownKeys(object, where) {
    try {
      return Object.keys(object);
    } catch (thrown) {
      throw new TypeError(`${where}: listing its keys threw: ${messageOf(thrown)}`);
    }
  }

  // Reading a large graph (JsGraphs): its names as codes, and an endpoint in one call.

  /** Codes of a name table below this; an endpoint's two codes travel as one number, process * CODES + port. */
  const CODES = 2 ** 26;

  /**
   * One graph reading's names (process ids, port names): each distinct string gets a code, its
   * position in names, so Java converts it to a Java string once and every endpoint naming it
   * gets that very string back.
   */
  function newNameTable() {
    return { codes: Object.create(null), names: [] };
  }

  /** The code of name in table, given one if new. */
  function nameCode(table, name) {
    let code = table.codes[name];
    if (code === undefined) {
      code = table.names.length;
      table.codes[name] = code;
      table.names.push(name);
    }
    return code;
  }

  /** The codes in table of object's own enumerable keys (see ownKeys), in order; the keys stay in table.keys. */
  function ownKeyCodes(object, where, table) {
    const keys = ownKeys(object, where);
    table.keys = keys;
    const codes = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) codes[i] = nameCode(table, keys[i]);
    return codes;
  }

  /** Whether a value is a non-null object and not an array; never throws (PageValues.isPlainObjectLike). */
  function isPlainObjectLike(value) {
    try {
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    } catch {
      return false;
    }
  }

  /**
   * Reads process table.keys[i] of processes, then its component only if it is an object (see
   * isPlainObjectLike), then its metadata only if the component is a non-empty string: the reads
   * the codec makes one at a time, in one call. Returns the component's code * 2, + 1 when the
   * metadata is neither undefined nor null (it is then in out.values[2]). Otherwise -1, with what
   * was read in out.values (0: the process, 1: component, 2: metadata); -2 when reading the
   * process threw, -3 when reading a field of it threw (the key in out.key), what was thrown in
   * holder.error (see readOrHold).
   */
  function readProcess(processes, i, table, out, holder) {
    const values = out.values;
    let process;
    try {
      process = processes[table.keys[i]];
    } catch (thrown) {
      holder.error = thrown;
      return -2;
    }
    values[0] = process;
    if (!isPlainObjectLike(process)) return -1;
    let key = 'component';
    try {
      const component = process.component;
      values[1] = component;
      if (typeof component !== 'string' || component === '') return -1;
      key = 'metadata';
      const metadata = process.metadata;
      values[2] = metadata;
      return nameCode(table, component) * 2 + (metadata === undefined || metadata === null ? 0 : 1);
    } catch (thrown) {
      holder.error = thrown;
      out.key = key;
      return -3;
    }
  }

  /**
   * Reads endpoint.process, then endpoint.port only if process is a non-empty string, then
   * endpoint.index only if port is one too: the reads the codec makes one at a time, in one call.
   * Both names non-empty strings and index undefined or null: returns their codes,
   * process * CODES + port. Otherwise -1, with what was read in out.values (0: process, 1: port,
   * 2: index; what was not read is left); or, when a getter or trap threw, -2 with the key being
   * read in out.key and what was thrown in holder.error (see readOrHold).
   */
  function readEndpoint(endpoint, table, out, holder) {
    const values = out.values;
    let key = 'process';
    try {
      const process = endpoint.process;
      values[0] = process;
      if (typeof process !== 'string' || process === '') return -1;
      key = 'port';
      const port = endpoint.port;
      values[1] = port;
      if (typeof port !== 'string' || port === '') return -1;
      key = 'index';
      const index = endpoint.index;
      values[2] = index;
      if (index !== undefined && index !== null) return -1;
    } catch (thrown) {
      holder.error = thrown;
      out.key = key;
      return -2;
    }
    const processCode = nameCode(table, values[0]);
    const portCode = nameCode(table, values[1]);
    // Beyond 67 million names the codes no longer fit: the caller then reads the values instead.
    return processCode < CODES && portCode < CODES ? processCode * CODES + portCode : -1;
  }

  // What a Java component's Map and List views of a page object or array do (JsObjectMap,
  // JsArrayList): each touch of the page's value guarded, a throw becoming a TypeError saying where.

  /** object[key] = value; a setter, trap or frozen object that throws becomes a TypeError saying where. */
  function write(object, key, value, where) {
    try {
      if (!Reflect.set(object, key, value)) throw new TypeError('the property is read-only');
    } catch (thrown) {
      throw new TypeError(`${where}: setting "${key}" threw: ${messageOf(thrown)}`);
    }
  }

  /** Whether key is an own property; a trap that throws becomes a TypeError saying where. */
  function hasOwn(object, key, where) {
    try {
      return Object.prototype.hasOwnProperty.call(object, key);
    } catch (thrown) {
      throw new TypeError(`${where}: looking for "${key}" threw: ${messageOf(thrown)}`);
    }
  }

  /** delete object[key]; a trap or non-configurable property becomes a TypeError saying where. */
  function deleteKey(object, key, where) {
    try {
      if (!Reflect.deleteProperty(object, key)) throw new TypeError('the property cannot be deleted');
    } catch (thrown) {
      throw new TypeError(`${where}: deleting "${key}" threw: ${messageOf(thrown)}`);
    }
  }

  /** array.length as an int; a Proxy that throws becomes a TypeError saying where. */
  function lengthOf(array, where) {
    try {
      return array.length >>> 0;
    } catch (thrown) {
      throw new TypeError(`${where}: reading its length threw: ${messageOf(thrown)}`);
    }
  }

  /** array.splice(index, removing, ...inserting?) through Array.prototype, guarded. */
  function spliceAt(array, index, removing, inserting, value, where) {
    try {
      if (inserting) Array.prototype.splice.call(array, index, removing, value);
      else Array.prototype.splice.call(array, index, removing);
    } catch (thrown) {
      throw new TypeError(`${where}: changing it at index ${index} threw: ${messageOf(thrown)}`);
    }
  }

  const identities = new WeakMap();
  let lastIdentity = 0;
  /** A number that stays the same for one object (a Java hashCode by identity); 0 for non-objects. */
  function identityOf(value) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return 0;
    let identity = identities.get(value);
    if (identity === undefined) {
      identity = lastIdentity = (lastIdentity + 1) | 0;
      identities.set(value, identity);
    }
    return identity;
  }

  /** Sets an own property, also for keys such as __proto__. */
  function define(object, key, value) {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  }

  /**
   * The JSON-safe deep copy of one value: {value}, or {failed: true, path, what} naming the first
   * thing JSON cannot carry. Objects must be plain (prototype Object.prototype or null).
   */
  function copyJson(original) {
    const visiting = new Set();
    let failure = null;
    // Identity marks our own failure: instanceof or a property read on what a getter threw could throw.
    const fail = (where, what) => {
      failure = { failed: true, path: where, what };
      throw failure;
    };
    const property = (holder, field, where) => {
      try {
        return holder[field];
      } catch {
        return fail(where + (typeof field === 'number' ? `[${field}]` : '.' + field), 'a property whose getter throws');
      }
    };
    const walk = (value, where) => {
      if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
      if (typeof value === 'number') {
        if (!isFinite(value)) fail(where, 'the number ' + String(value));
        return value;
      }
      if (typeof value !== 'object') fail(where, typeof value === 'undefined' ? 'undefined' : 'a ' + typeof value);
      if (visiting.has(value)) fail(where, 'a cycle');
      let proto;
      let isArray;
      try {
        proto = Object.getPrototypeOf(value);
        isArray = Array.isArray(value);
      } catch {
        fail(where, 'an object that cannot be inspected (a revoked Proxy, or one whose traps throw)');
      }
      let copied;
      visiting.add(value);
      if (isArray) {
        copied = [];
        const length = property(value, 'length', where);
        for (let index = 0; index < length; index++) copied.push(walk(property(value, index, where), `${where}[${index}]`));
      } else if (proto === Object.prototype || proto === null) {
        copied = {};
        let fields;
        try {
          fields = Object.keys(value);
        } catch {
          fail(where, 'an object whose keys cannot be listed');
        }
        for (const field of fields) define(copied, field, walk(property(value, field, where), where + '.' + field));
      } else {
        let name = 'a class';
        try {
          const constructorName = proto && proto.constructor && proto.constructor.name;
          if (typeof constructorName === 'string' && constructorName) name = constructorName;
        } catch {
          // keep the generic name
        }
        fail(where, 'an instance of ' + name);
      }
      visiting.delete(value);
      return copied;
    };
    try {
      return { value: walk(original, '') };
    } catch (problem) {
      if (problem === failure) return failure;
      throw problem;
    }
  }

  /** copyJson of every entry of a state's Map: {value: entries}, or the first failure with its key. */
  function copyStateJson(map, skipping) {
    const entries = {};
    let failure = null;
    map.forEach((entryValue, entryKey) => {
      if (failure) return;
      const result = copyJson(entryValue);
      if (result.failed) {
        if (!skipping) failure = { ...result, key: entryKey };
        return;
      }
      define(entries, entryKey, result.value);
    });
    return failure || { value: entries };
  }

  /** A fresh plain object of a Map's entries; keys such as __proto__ become own properties. */
  function entriesObject(map) {
    const entries = {};
    map.forEach((entryValue, entryKey) => define(entries, entryKey, entryValue));
    return entries;
  }

  /** The type of a state entry for messages: 'undefined' when absent, 'null', 'array' or typeof. */
  function typeOfEntry(map, key) {
    if (!map.has(key)) return 'undefined';
    const found = map.get(key);
    return found === null ? 'null' : Array.isArray(found) ? 'array' : typeof found;
  }

  /** Pushes onto the array under key, creating one if absent; false if the entry is not an array. */
  function appendTo(map, key, value) {
    let list = map.get(key);
    if (list === undefined && !map.has(key)) {
      list = [];
      map.set(key, list);
    }
    if (!Array.isArray(list)) return false;
    list.push(value);
    return true;
  }

  /**
   * A node's send(outputs), so a send costs one call into Java per packet: core.actorSend(node,
   * outport index, value), node being the key Java finds the node's run context by. It reads the
   * whole outputs object first (keys checked against the declared outports, every value read once),
   * so a call naming an undeclared port, or whose getter or Proxy throws, sends nothing and throws
   * (through the Java callbacks); then it delivers each value by outport index.
   */
  function makeSend(outports, node, undeclared, notOutputs, unreadable) {
    // A number crosses into Java as a number (on wasm, no further calls back to convert it).
    const { actorSend, actorSendNumber } = core;
    const hasOwn = Object.prototype.hasOwnProperty;
    const indexes = new Map();
    outports.forEach((name, position) => indexes.set(name, position));
    let lastPort;
    let lastIndex;
    return function send(outputs) {
      if (!isPlainObjectLike(outputs)) {
        notOutputs(outputs);
        return;
      }
      // Most sends name one port: counted with for-in over own keys, which allocates nothing.
      let only;
      let count = 0;
      try {
        for (const key in outputs) {
          if (hasOwn.call(outputs, key)) {
            if (count++ > 0) break;
            only = key;
          }
        }
      } catch (thrown) {
        unreadable(null, messageOf(thrown));
        return;
      }
      if (count === 0) return;
      if (count === 1) {
        // Most nodes send on one port again and again: the last one's index is at hand.
        let index = lastIndex;
        if (only !== lastPort) {
          index = indexes.get(only);
          if (index === undefined) {
            undeclared(only);
            return;
          }
          lastPort = only;
          lastIndex = index;
        }
        let value;
        try {
          value = outputs[only];
        } catch (thrown) {
          unreadable(only, messageOf(thrown));
          return;
        }
        if (typeof value === 'number') actorSendNumber(node, index, value);
        else actorSend(node, index, value);
        return;
      }
      let fields;
      try {
        fields = Object.keys(outputs);
      } catch (thrown) {
        unreadable(null, messageOf(thrown));
        return;
      }
      const targets = [];
      for (const field of fields) {
        const index = indexes.get(field);
        if (index === undefined) {
          undeclared(field);
          return;
        }
        targets.push(index);
      }
      const values = [];
      for (const field of fields) {
        try {
          values.push(outputs[field]);
        } catch (thrown) {
          unreadable(field, messageOf(thrown));
          return;
        }
      }
      for (let position = 0; position < targets.length; position++) {
        const value = values[position];
        if (typeof value === 'number') actorSendNumber(node, targets[position], value);
        else actorSend(node, targets[position], value);
      }
    };
  }

  /**
   * What makes a run's context.input for a packet on one inport: new maker(value) is a fresh plain
   * object {[port]: value} (prototype Object.prototype, as a literal's), but V8 sizes it for its one
   * property, where an empty literal reserves room for four. One maker per port name, shared by
   * every node: the inputs of all nodes' 'in' ports then have one shape, so an actor class's
   * context.input.in stays a monomorphic read (with a maker per node, a chain of ten nodes of one
   * class made that read, and the runner's new maker(value), megamorphic).
   */
  const inputMakers = new Map();
  function inputMaker(port) {
    let maker = inputMakers.get(port);
    if (maker === undefined) {
      // An inport named __proto__ is refused when the actor is registered, so this is a plain set.
      maker = function Input(value) {
        this[port] = value;
      };
      maker.prototype = Object.prototype;
      inputMakers.set(port, maker);
    }
    return maker;
  }

  /**
   * A node's runner, made once: its methods run the node's actor on one packet, so a run is a call
   * with two arguments (on wasm, every argument of a call out of Java costs glue). Each returns 0
   * when run returned, 1 with its promise in outcome.value, 2 with what it threw there.
   * on(makeInput, value): context.input becomes new makeInput(value) (a fresh object: an actor may
   * keep it). joined(input): a joining run's input, made by the caller.
   */
  function makeRunner(actor, legacy, context, send, outcome) {
    const callback = legacy ? function callback(outputs) {
      if (outputs != null) send(outputs);
    } : null;
    return new NodeRunner(actor, legacy, context, callback, outcome);
  }

  // A class, not closures per node: every node's on() is then one function, which V8 can inline
  // into the Java caller (closures of one source share their code, but each call site sees a
  // different function per node).
  class NodeRunner {
    constructor(actor, legacy, context, callback, outcome) {
      this.actor = actor;
      this.legacy = legacy;
      this.context = context;
      this.callback = callback;
      this.outcome = outcome;
    }

    joined(input) {
      try {
        const result = this.legacy ? this.actor.run(input, this.callback) : this.actor.run(this.context);
        if (result !== null && (typeof result === 'object' || typeof result === 'function')
            && typeof result.then === 'function') {
          this.outcome.value = result;
          return 1;
        }
        return 0;
      } catch (thrown) {
        this.outcome.value = thrown;
        return 2;
      }
    }

    on(makeInput, value) {
      const input = new makeInput(value);
      this.context.input = input;
      return this.joined(input);
    }
  }
  // Java calls onNumber for a number packet (on wasm it crosses as a number); the same run in JS.
  NodeRunner.prototype.onNumber = NodeRunner.prototype.on;

  function whenSettled(thenable, settled, failed) {
    Promise.resolve(thenable).then(() => settled(), reason => failed(reason));
  }

  /** Points the instance's this.state at the node's state: null, or why the instance refused (the caller throws). */
  function defineState(actor, state) {
    try {
      define(actor, 'state', state);
      return null;
    } catch (thrown) {
      return messageOf(thrown);
    }
  }

  /** The legacy actors' this.state: a live object view, s.k = v is set('k', v). */
  function legacyStateView(handle) {
    return new Proxy(Object.create(null), {
      get: (target, prop) => (typeof prop === 'string' ? handle.get(prop) : undefined),
      set: (target, prop, value) => {
        if (typeof prop !== 'string') return false;
        handle.set(prop, value);
        return true;
      },
      has: (target, prop) => typeof prop === 'string' && handle.has(prop),
      deleteProperty: (target, prop) => {
        if (typeof prop === 'string') handle.remove(prop);
        return true;
      },
      ownKeys: () => handle.keys(),
      getOwnPropertyDescriptor: (target, prop) => (typeof prop === 'string' && handle.has(prop)
        ? { value: handle.get(prop), writable: true, enumerable: true, configurable: true } : undefined),
      defineProperty: (target, prop, descriptor) => {
        if (typeof prop !== 'string') return false;
        handle.set(prop, descriptor.value);
        return true;
      },
    });
  }

  /** A class with a run method, or an object with one; false for anything that throws when looked at. */
  function isActor(actor) {
    try {
      if (typeof actor === 'function') return !!actor.prototype && typeof actor.prototype.run === 'function';
      return actor !== null && typeof actor === 'object' && typeof actor.run === 'function';
    } catch {
      return false;
    }
  }

  /** A new instance, or null with the thrown value in holder.error. */
  function instantiate(actor, holder) {
    try {
      return typeof actor === 'function' ? new actor() : Object.create(actor);
    } catch (thrown) {
      holder.error = thrown;
      return null;
    }
  }

  /**
   * Whether declared (an instance's inports or outports) is an array of exactly the names in last
   * (strings): the factory then reuses what it read from the previous instance of the class,
   * instead of reading each name into Java again (on wasm, a crossing per check and per character).
   * Anything else, or anything that throws, answers false: the full read checks it and says what is wrong.
   */
  function samePortNames(declared, last) {
    try {
      if (!Array.isArray(declared) || declared.length !== last.length) return false;
      for (let i = 0; i < last.length; i++) {
        if (declared[i] !== last[i]) return false;
      }
      return true;
    } catch {
      return false;
    }
  }

  /** A legacy actor's run takes (input, callback); a function whose length cannot be read is not one. */
  function isLegacyRun(run) {
    try {
      return typeof run === 'function' && run.length >= 2;
    } catch {
      return false;
    }
  }

  /** fn(first, second, third): null when it returned, else the holder with what it threw. */
  function callOrHold3(fn, first, second, third, holder) {
    try {
      fn(first, second, third);
      return null;
    } catch (thrown) {
      holder.error = thrown;
      return holder;
    }
  }

  /**
   * A function that runs task soon as a new task of the event loop: setImmediate in Node, a
   * MessageChannel message in browsers (neither is clamped to 4 ms like a nested setTimeout).
   */
  function newPoster(task) {
    if (typeof setImmediate === 'function') return () => setImmediate(() => task());
    if (typeof MessageChannel === 'function') {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => task();
      return () => channel.port2.postMessage(null);
    }
    return () => setTimeout(() => task(), 0);
  }

  /** {promise, resolve, reject}. */
  function deferred() {
    const made = {};
    made.promise = new Promise((resolve, reject) => {
      made.resolve = resolve;
      made.reject = reject;
    });
    return made;
  }

  return {
    describe, messageOf, read, readOrHold, readIndexOrHold, ownKeys, newNameTable, ownKeyCodes, readProcess, readEndpoint, write, hasOwn, deleteKey, lengthOf, spliceAt, identityOf, copyJson,
    copyStateJson, entriesObject, typeOfEntry, appendTo,
    makeSend, inputMaker, makeRunner, whenSettled, defineState, legacyStateView, isActor,
    instantiate, samePortNames, isLegacyRun, callOrHold3, newPoster, deferred,
  };
}
