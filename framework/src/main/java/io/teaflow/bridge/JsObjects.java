package io.teaflow.bridge;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSString;

/** Plain JS objects used as records: made, read and written without touching any prototype. */
final class JsObjects {
    private JsObjects() {
    }

    @JSBody(script = "return {};")
    static native JSObject empty();

    /** Sets an own property, also for keys such as {@code __proto__}. */
    @JSBody(params = { "object", "key", "value" }, script = ""
            + "Object.defineProperty(object, key, { value: value, writable: true, enumerable: true, configurable: true });")
    static native void define(JSObject object, String key, JSObject value);

    @JSBody(params = { "object", "key" }, script = "return object[key];")
    static native JSObject get(JSObject object, String key);

    @JSBody(params = "object", script = "return Object.keys(object);")
    static native JSArray<JSString> keys(JSObject object);

    /**
     * The JSON-safe deep copy of one value: {@code {value}}, or {@code {failed: true, path, what}}
     * naming the first thing JSON cannot carry. Objects must be plain (prototype Object.prototype
     * or null); keys such as __proto__ are copied as own properties.
     */
    static final String COPY_JSON = ""
            + "function copyJson(original) {"
            + "  var visiting = new Set();"
            + "  function fail(where, what) { throw { teaflowUnserializable: true, path: where, what: what }; }"
            + "  function walk(value, where) {"
            + "    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;"
            + "    if (typeof value === 'number') {"
            + "      if (!isFinite(value)) fail(where, 'the number ' + String(value));"
            + "      return value;"
            + "    }"
            + "    if (typeof value !== 'object') fail(where, typeof value === 'undefined' ? 'undefined' : 'a ' + typeof value);"
            + "    if (visiting.has(value)) fail(where, 'a cycle');"
            + "    var proto = Object.getPrototypeOf(value);"
            + "    var copied;"
            + "    visiting.add(value);"
            + "    if (Array.isArray(value)) {"
            + "      copied = [];"
            + "      for (var index = 0; index < value.length; index++) copied.push(walk(value[index], where + '[' + index + ']'));"
            + "    } else if (proto === Object.prototype || proto === null) {"
            + "      copied = {};"
            + "      Object.keys(value).forEach(function (field) {"
            + "        Object.defineProperty(copied, field, { value: walk(value[field], where + '.' + field),"
            + "          writable: true, enumerable: true, configurable: true });"
            + "      });"
            + "    } else {"
            + "      fail(where, 'an instance of ' + ((proto && proto.constructor && proto.constructor.name) || 'a class'));"
            + "    }"
            + "    visiting.delete(value);"
            + "    return copied;"
            + "  }"
            + "  try { return { value: walk(original, '') }; }"
            + "  catch (problem) {"
            + "    if (problem && problem.teaflowUnserializable) {"
            + "      return { failed: true, path: problem.path, what: problem.what };"
            + "    }"
            + "    throw problem;"
            + "  }"
            + "}";

    @JSBody(params = "input", script = COPY_JSON + "return copyJson(input);")
    static native JSObject copyJson(JSObject input);

    @JSBody(params = "result", script = "return result.failed === true;")
    static native boolean failed(JSObject result);

    @JSBody(params = "result", script = "return result.value;")
    static native JSObject valueOf(JSObject result);

    @JSBody(params = "result", script = "return String(result.path);")
    static native String pathOf(JSObject result);

    @JSBody(params = "result", script = "return String(result.what);")
    static native String whatOf(JSObject result);
}
