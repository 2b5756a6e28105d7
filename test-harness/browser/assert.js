// Assertions for the in-page contract tests. Every failure throws an AssertionError whose message
// says what was expected and what was found; the Java runner shows it with the stack.
'use strict';

class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AssertionError';
  }
}

/** A short, unambiguous rendering of any JS value, for failure messages (-0, 1n, Symbol(x), cycles). */
function describe(value, depth = 0) {
  switch (typeof value) {
    case 'undefined': return 'undefined';
    case 'string': return JSON.stringify(value.length > 200 ? value.slice(0, 200) + '…' : value);
    case 'number': return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint': return value + 'n';
    case 'symbol': return value.toString();
    case 'boolean': return String(value);
    case 'function': return 'function ' + (value.name || '(anonymous)');
  }
  if (value === null) return 'null';
  if (value instanceof Error) return value.name + ': ' + value.message;
  if (depth > 2) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) {
    const shown = value.slice(0, 20).map(item => describe(item, depth + 1));
    return '[' + shown.join(', ') + (value.length > 20 ? ', … (' + value.length + ' items)' : '') + ']';
  }
  let keys;
  try {
    keys = Object.keys(value);
  } catch {
    return '[object]';
  }
  const proto = Object.getPrototypeOf(value);
  const name = proto === null ? 'null-prototype ' : (proto === Object.prototype ? '' : (proto.constructor && proto.constructor.name || '?') + ' ');
  const shown = keys.slice(0, 12).map(key => JSON.stringify(key) + ': ' + describe(value[key], depth + 1));
  return name + '{' + shown.join(', ') + (keys.length > 12 ? ', …' : '') + '}';
}

function fail(message) {
  throw new AssertionError(message);
}

function assert(condition, message) {
  if (!condition) fail(message);
}

/** Identity, as Object.is: NaN is NaN, -0 is not 0, objects must be the same object. */
function assertSame(actual, expected, what = 'value') {
  if (!Object.is(actual, expected)) {
    fail(what + ': expected ' + describe(expected) + ' (the identical value) but was ' + describe(actual));
  }
}

function assertNotSame(actual, unexpected, what = 'value') {
  if (Object.is(actual, unexpected)) {
    fail(what + ': expected something other than ' + describe(unexpected));
  }
}

/** Structural equality of arrays and plain objects; every leaf compared with Object.is (so object leaves must be identical). */
function assertEquals(actual, expected, what = 'value') {
  const difference = differenceBetween(actual, expected, '');
  if (difference !== null) {
    fail(what + ': expected ' + describe(expected) + ' but was ' + describe(actual) + difference);
  }
}

function differenceBetween(actual, expected, path) {
  if (Object.is(actual, expected)) return null; // also keeps cyclic structures from recursing forever
  const isPlain = v => v !== null && typeof v === 'object' &&
      (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
  if (isPlain(expected) && isPlain(actual) && Array.isArray(expected) === Array.isArray(actual)) {
    const expectedKeys = Object.keys(expected);
    const actualKeys = Object.keys(actual);
    if (expectedKeys.length !== actualKeys.length || expectedKeys.some(key => !Object.prototype.hasOwnProperty.call(actual, key))) {
      return ' (keys at ' + (path || 'top') + ' differ: expected ' + describe(expectedKeys) + ', found ' + describe(actualKeys) + ')';
    }
    for (const key of expectedKeys) {
      const difference = differenceBetween(actual[key], expected[key], path + '[' + JSON.stringify(key) + ']');
      if (difference !== null) return difference;
    }
    return null;
  }
  return Object.is(actual, expected) ? null : ' (first difference at ' + (path || 'top') + ': ' + describe(actual) + ')';
}

function assertType(value, type, what = 'value') {
  if (typeof value !== type) fail(what + ': expected typeof ' + type + ' but was ' + typeof value + ' (' + describe(value) + ')');
}

function assertInstanceOf(value, constructor, what = 'value') {
  if (!(value instanceof constructor)) {
    fail(what + ': expected an instance of ' + (constructor.name || 'the class') + ' but was ' + describe(value));
  }
}

/** The error's message must contain every one of the texts (the name, id or port the contract says it names). */
function assertMentions(error, texts, what) {
  const message = error && typeof error.message === 'string' ? error.message : String(error);
  for (const text of texts) {
    if (!message.includes(String(text))) {
      fail(what + ': the message should mention ' + describe(String(text)) + ' but was ' + describe(message));
    }
  }
}

/** fn() must throw, synchronously, an instance of errorClass whose message mentions every text; returns the error. */
function assertThrows(fn, errorClass, texts = [], what = 'the call') {
  let result;
  try {
    result = fn();
  } catch (error) {
    if (!(error instanceof errorClass)) {
      fail(what + ': expected a thrown ' + errorClass.name + ' but caught ' + describe(error) +
          ' (typeof ' + typeof error + ', constructor ' + (error && error.constructor && error.constructor.name) + ')');
    }
    assertMentions(error, texts, what);
    return error;
  }
  if (result && typeof result.then === 'function') {
    result.then(undefined, () => {}); // the rejection is not the expected behaviour; keep it from surfacing as unhandled
    fail(what + ': expected it to throw at the call, but it returned a Promise instead');
  }
  return fail(what + ': expected a ' + errorClass.name + ' to be thrown, but it returned ' + describe(result));
}

/** fn() must return a Promise (not throw) that rejects with an instance of errorClass mentioning every text; returns the error. */
async function assertRejects(fn, errorClass, texts = [], what = 'the call') {
  let promise;
  try {
    promise = fn();
  } catch (error) {
    fail(what + ': expected a rejected Promise but it threw at the call: ' + describe(error));
  }
  if (!promise || typeof promise.then !== 'function') {
    fail(what + ': expected a Promise but it returned ' + describe(promise));
  }
  try {
    const value = await promise;
    return fail(what + ': expected the Promise to reject, but it resolved to ' + describe(value));
  } catch (error) {
    if (error instanceof AssertionError) throw error;
    if (!(error instanceof errorClass)) {
      fail(what + ': expected a rejection with a ' + errorClass.name + ' but got ' + describe(error));
    }
    assertMentions(error, texts, what);
    return error;
  }
}

/** fn() must not throw; returns its result. Gives a clearer message than an escaping exception. */
function assertDoesNotThrow(fn, what = 'the call') {
  try {
    return fn();
  } catch (error) {
    return fail(what + ': expected no exception but it threw ' + describe(error));
  }
}

// Object.prototype as it was before any test ran, to prove that no key "__proto__" ever polluted it.
const PRISTINE_OBJECT_PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).sort();

function assertPrototypesUntouched() {
  assertSame(({}).polluted, undefined, '({}).polluted (prototype pollution)');
  assertEquals(Object.getOwnPropertyNames(Object.prototype).sort(), PRISTINE_OBJECT_PROTOTYPE, 'the own properties of Object.prototype');
  assertSame(Object.getPrototypeOf({}), Object.prototype, 'the prototype of a new object');
}
