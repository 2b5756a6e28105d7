// Checks of what a client sends over the FBP network protocol, before anything acts on it.
// Written by hand against fbp-protocol 0.9.8's input schemas, but tolerant of the extra fields
// real clients send (fbp-test puts `baseDir` in graph:clear and `secret` in every payload):
// a field that is read must have the right type; fields nobody reads are ignored.

/** The error a message earns: its text is sent back as `<protocol>:error`. */
export class ProtocolError extends Error {}

const isObject = value => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Copies only own plain data from a parsed message (JSON.parse never makes getters or Proxies). */
function field(payload, name) {
  return Object.prototype.hasOwnProperty.call(payload, name) ? payload[name] : undefined;
}

function need(payload, name, type, command) {
  const value = field(payload, name);
  if (value === undefined) {
    throw new ProtocolError(`${command}: missing '${name}'`);
  }
  if (!hasType(value, type)) {
    throw new ProtocolError(`${command}: '${name}' must be ${describeType(type)}, got ${describeValue(value)}`);
  }
  return value;
}

function optional(payload, name, type, command) {
  const value = field(payload, name);
  if (value === undefined) {
    return undefined;
  }
  if (!hasType(value, type)) {
    throw new ProtocolError(`${command}: '${name}' must be ${describeType(type)}, got ${describeValue(value)}`);
  }
  return value;
}

function hasType(value, type) {
  switch (type) {
    case 'id': return typeof value === 'string' && value.length > 0 && value.length <= 1024;
    case 'string': return typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    case 'object': return isObject(value);
    case 'array': return Array.isArray(value);
    case 'index': return (typeof value === 'number' && Number.isInteger(value) && value >= 0) || typeof value === 'string';
    default: throw new Error(`unknown type ${type}`);
  }
}

function describeType(type) {
  return { id: 'a non-empty string (at most 1024 characters)', string: 'a string', boolean: 'a boolean',
    object: 'an object', array: 'an array', index: 'a non-negative integer' }[type];
}

/** A short, safe description of a bad value for an error message (never the whole value). */
export function describeValue(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** The graph a graph- or network-protocol command names; fbp-test expects these exact texts. */
export function graphId(payload) {
  const graph = field(payload, 'graph');
  if (graph === undefined) {
    throw new ProtocolError('No graph specified');
  }
  if (!hasType(graph, 'id')) {
    throw new ProtocolError(`'graph' must be ${describeType('id')}, got ${describeValue(graph)}`);
  }
  return graph;
}

/** `{node, port, index?}` of an edge end. */
export function endpoint(payload, name, command) {
  const end = need(payload, name, 'object', command);
  const result = {
    node: need(end, 'node', 'id', `${command} ${name}`),
    port: need(end, 'port', 'id', `${command} ${name}`),
  };
  const index = optional(end, 'index', 'index', `${command} ${name}`);
  if (index !== undefined) {
    result.index = index;
  }
  return result;
}

/** Metadata: an object of plain JSON values, or absent. */
export function metadata(payload, command, required = false) {
  return required ? need(payload, 'metadata', 'object', command) : optional(payload, 'metadata', 'object', command);
}

export { need, optional, field, isObject };
