// Short, safe text for any JS value, for the inspector's labels, state table and log. Never
// throws (hostile Proxies, throwing getters, cycles) and never shows more than `max` characters.

export function preview(value, max = 80) {
  let text;
  try {
    text = render(value, 0);
  } catch {
    text = '[value that cannot be shown]';
  }
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

function render(value, depth) {
  switch (typeof value) {
    case 'undefined': return 'undefined';
    case 'string': return JSON.stringify(value.length > 200 ? value.slice(0, 200) : value);
    case 'number': return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint': return `${value}n`;
    case 'symbol': return value.toString();
    case 'boolean': return String(value);
    case 'function': return `ƒ ${value.name || 'anonymous'}()`;
    default: break;
  }
  if (value === null) return 'null';
  if (depth > 1) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) {
    const items = value.slice(0, 8).map(item => render(item, depth + 1));
    return `[${items.join(', ')}${value.length > 8 ? `, … ${value.length} items` : ''}]`;
  }
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  const keys = Object.keys(value);
  const entries = keys.slice(0, 6).map(key => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${render(value[key], depth + 1)}`);
  return `{${entries.join(', ')}${keys.length > 6 ? ', …' : ''}}`;
}

/** JSON text for editing a value, or null if JSON cannot carry it exactly. */
export function editableJson(value) {
  try {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      return null;
    }
    const text = JSON.stringify(value);
    return text === undefined ? null : text;
  } catch {
    return null;
  }
}
