package io.teaflow.testing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Page values as plain Java values: the page encodes a value as JSON text ({@link #ENCODE}), Java
 * decodes it with Gson. Objects become maps in key order, arrays lists, every number a
 * {@link Double} (as a Java component sees JS numbers), so a test never meets Playwright's mix of
 * Integer and Double. What JSON has no form for is described by a string instead of failing.
 */
final class PageValues {
    /**
     * A JS function value → JSON text. Like JSON.stringify, but: NaN and the infinities kept (Gson reads
     * them leniently); bigint, symbol and functions as strings; Map as an object, Set as an array;
     * Errors as {name, message}; a cycle as "[circular]"; anything that throws on reading (a revoked
     * Proxy, a throwing getter) as "[unreadable: ...]" instead of failing the test's read. The result
     * is always one JSON value, so Java reads it strictly.
     */
    static final String ENCODE = """
            (value) => {
              const seen = new Set();
              const text = (v, depth) => {
                if (v === null || v === undefined) return 'null';
                switch (typeof v) {
                  case 'number': return v === v && v !== Infinity && v !== -Infinity ? String(v) : '{"\\\\u0000number":"' + v + '"}';
                  case 'string': return JSON.stringify(v);
                  case 'boolean': return v ? 'true' : 'false';
                  case 'bigint': return JSON.stringify(String(v) + 'n');
                  case 'symbol': return JSON.stringify(String(v));
                  case 'function': return JSON.stringify('[function ' + (v.name || 'anonymous') + ']');
                  default: break;
                }
                if (seen.has(v)) return '"[circular]"';
                if (depth > 64) return '"[too deep]"';
                seen.add(v);
                try {
                  if (Array.isArray(v)) return '[' + Array.from(v, item => text(item, depth + 1)).join(',') + ']';
                  if (v instanceof Set) return '[' + Array.from(v, item => text(item, depth + 1)).join(',') + ']';
                  if (v instanceof Error) return text({ name: v.name, message: v.message }, depth + 1);
                  if (v instanceof Date) return JSON.stringify(Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString());
                  const entries = v instanceof Map ? Array.from(v, ([key, item]) => [String(key), item])
                    : typeof v.toJSON === 'function' ? null : Object.keys(v).map(key => [key, v[key]]);
                  if (entries === null) return text(v.toJSON(), depth + 1);
                  return '{' + entries.filter(([, item]) => item !== undefined)
                    .map(([key, item]) => JSON.stringify(key) + ':' + text(item, depth + 1)).join(',') + '}';
                } catch (e) {
                  let why;
                  try { why = String(e && e.message); } catch (again) { why = 'unknown'; }
                  return JSON.stringify('[unreadable: ' + why + ']');
                } finally {
                  seen.delete(v);
                }
              };
              return text(value, 0);
            }""";

    private static final Gson GSON = new GsonBuilder().setStrictness(Strictness.STRICT).create();
    /** The key of the object {@link #ENCODE} writes for NaN and the infinities, which JSON cannot write. */
    private static final String NUMBER_KEY = "\u0000number";

    private PageValues() {
    }

    /**
     * A script for Playwright that runs {@code source} (a function, called with the argument; or an
     * expression), awaits the result if it is a Promise, and gives back its result as JSON text.
     */
    static String encodingScript(String source) {
        String trimmed = source.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("no script to evaluate: \"" + source + "\"");
        }
        // The page's code runs first in a scope of its own, so no name of ours can shadow one of the page's.
        return "async (__teaflowArgument) => {\n"
                + "  const __teaflowTarget = (\n" + trimmed + "\n);\n"
                + "  let __teaflowValue = typeof __teaflowTarget === 'function' ? __teaflowTarget(__teaflowArgument) : __teaflowTarget;\n"
                // Only a real Promise is awaited: awaiting looks up .then, which throws on a revoked Proxy.
                + "  let __teaflowPromise = false;\n"
                + "  try { __teaflowPromise = __teaflowValue instanceof Promise; } catch (e) { __teaflowPromise = false; }\n"
                + "  if (__teaflowPromise) __teaflowValue = await __teaflowValue;\n"
                + "  return (" + ENCODE + ")(__teaflowValue);\n"
                + "}";
    }

    private static Object restoreNumbers(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get(NUMBER_KEY) instanceof String number) {
                return Double.valueOf(number);
            }
            Map<String, Object> restored = new LinkedHashMap<>();
            map.forEach((key, item) -> restored.put((String) key, restoreNumbers(item)));
            return restored;
        }
        if (value instanceof List<?> list) {
            List<Object> restored = new ArrayList<>(list.size());
            list.forEach(item -> restored.add(restoreNumbers(item)));
            return restored;
        }
        return value;
    }

    /**
     * {@code value} as Playwright can pass it to a page: every number an Integer or a Double (it
     * refuses Long and Float), lists, maps and arrays taken apart the same way.
     */
    static Object argument(Object value) {
        if (value instanceof Long || value instanceof Float || value instanceof java.math.BigDecimal
                || value instanceof java.math.BigInteger) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((key, item) -> converted.put(String.valueOf(key), argument(item)));
            return converted;
        }
        if (value instanceof Collection<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(item -> converted.add(argument(item)));
            return converted;
        }
        if (value instanceof Object[] array) {
            return argument(Arrays.asList(array));
        }
        return value;
    }

    /** The Java form of JSON text written by {@link #ENCODE}. */
    static Object decode(Object json) {
        if (!(json instanceof String text)) {
            throw new IllegalStateException("the page gave back no encoded value: " + json);
        }
        try {
            return restoreNumbers(GSON.fromJson(text, Object.class));
        } catch (JsonParseException e) {
            throw new IllegalStateException("the page gave back a value that is not JSON: " + text, e);
        }
    }
}
