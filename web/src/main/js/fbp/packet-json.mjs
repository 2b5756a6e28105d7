// A packet as it can travel in a protocol message. Packets are any JS value, passed by reference
// inside the network; a client gets a JSON copy, and what JSON cannot carry (functions, Symbols,
// BigInts, cycles, throwing getters, revoked Proxies) becomes a short description, never a crash.

const MAX_CHARS = 64 * 1024;

/** A JSON-safe copy of `value`, at most about 64 KiB of text. */
export function packetJson(value) {
  let text;
  try {
    const seen = new WeakSet();
    text = JSON.stringify(value, (key, item) => {
      if (typeof item === 'bigint') return `${item}n`;
      if (typeof item === 'function') return `[function ${item.name || 'anonymous'}]`;
      if (typeof item === 'symbol') return item.toString();
      if (item !== null && typeof item === 'object') {
        if (seen.has(item)) return '[cycle]';
        seen.add(item);
      }
      return item;
    });
  } catch (error) {
    return `[unserialisable ${kindOf(value)}: ${messageOf(error)}]`;
  }
  if (text === undefined) {
    return null;
  }
  if (text.length > MAX_CHARS) {
    return `[${kindOf(value)} of ${text.length} characters as JSON, too large to show]`;
  }
  return JSON.parse(text);
}

function kindOf(value) {
  try {
    return Array.isArray(value) ? 'array' : typeof value;
  } catch {
    return 'value';  // a revoked Proxy throws even here
  }
}

function messageOf(error) {
  try {
    return String(error && error.message !== undefined ? error.message : error).slice(0, 200);
  } catch {
    return 'an error that cannot be shown';
  }
}
