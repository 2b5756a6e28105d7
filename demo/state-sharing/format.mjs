// How the demo shows values: a short type name and a one-line rendering of any JS value (BigInt,
// Symbol, functions and cycles included), and the text of an error.

export function typeOf(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}
export function fmt(v, max = 140) {
  let s;
  try {
    switch (typeof v) {
      case 'undefined': s = 'undefined'; break;
      case 'bigint': s = v + 'n'; break;
      case 'symbol': s = v.toString(); break;
      case 'function': s = 'ƒ ' + (v.name || 'anonymous') + '()'; break;
      case 'string': s = JSON.stringify(v); break;
      default: {
        const seen = new WeakSet();
        s = JSON.stringify(v, (k, x) => {
          if (typeof x === 'bigint') return x + 'n';
          if (typeof x === 'symbol' || typeof x === 'function') return String(x);
          if (x && typeof x === 'object') { if (seen.has(x)) return '[cycle]'; seen.add(x); }
          return x;
        });
        if (s === undefined) s = String(v);
      }
    }
  } catch { s = '[' + typeOf(v) + ']'; }
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
export function errText(e) {
  if (e && typeof e === 'object' && 'message' in e) return (e.name && e.name !== 'Error' ? e.name + ': ' : '') + e.message;
  return String(e);
}
