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

    /** Reads a property of an object the bridge made itself (no getter of the page's can run). */
    @JSBody(params = { "object", "key" }, script = "return object[key];")
    static native JSObject get(JSObject object, String key);

    /** The own enumerable keys of an object the bridge made itself. */
    @JSBody(params = "object", script = "return Object.keys(object);")
    static native JSArray<JSString> keys(JSObject object);

    /**
     * Reads a property of a page object: a getter or Proxy trap that throws becomes a TypeError
     * saying {@code where} and which property, never the page's own (possibly hostile) value.
     */
    static JSObject read(JSObject object, String key, String where) {
        return read(object, key, where, JsValues.MESSAGE_OF_FUNCTION);
    }

    @JSBody(params = { "object", "key", "where", "messageOf" }, script = ""
            + "try { return object == null ? undefined : object[key]; }"
            + "catch (thrown) {"
            + "  throw new TypeError(where + ': reading \"' + key + '\" threw: ' + messageOf(thrown));"
            + "}")
    private static native JSObject read(JSObject object, String key, String where, JSObject messageOf);

    /** The own enumerable keys of a page object; a Proxy that throws becomes a TypeError saying {@code where}. */
    static JSArray<JSString> ownKeys(JSObject object, String where) {
        return ownKeys(object, where, JsValues.MESSAGE_OF_FUNCTION);
    }

    @JSBody(params = { "object", "where", "messageOf" }, script = ""
            + "try { return Object.keys(object); }"
            + "catch (thrown) { throw new TypeError(where + ': listing its keys threw: ' + messageOf(thrown)); }")
    private static native JSArray<JSString> ownKeys(JSObject object, String where, JSObject messageOf);

    /**
     * The JSON-safe deep copy of one value: {@code {value}}, or {@code {failed: true, path, what}}
     * naming the first thing JSON cannot carry. Objects must be plain (prototype Object.prototype
     * or null); keys such as __proto__ are copied as own properties.
     */
    static final String COPY_JSON = ""
            + "function copyJson(original) {"
            + "  var visiting = new Set();"
            + "  var failure = null;"
            // Identity marks our own failure: instanceof or a property read on what a getter threw could throw.
            + "  function fail(where, what) { failure = { failed: true, path: where, what: what }; throw failure; }"
            + "  function walk(value, where) {"
            + "    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;"
            + "    if (typeof value === 'number') {"
            + "      if (!isFinite(value)) fail(where, 'the number ' + String(value));"
            + "      return value;"
            + "    }"
            + "    if (typeof value !== 'object') fail(where, typeof value === 'undefined' ? 'undefined' : 'a ' + typeof value);"
            + "    if (visiting.has(value)) fail(where, 'a cycle');"
            + "    var proto, isArray;"
            + "    try { proto = Object.getPrototypeOf(value); isArray = Array.isArray(value); }"
            + "    catch (hostile) { fail(where, 'an object that cannot be inspected (a revoked Proxy, or one whose traps throw)'); }"
            + "    var copied;"
            + "    visiting.add(value);"
            + "    if (isArray) {"
            + "      copied = [];"
            + "      var length = read(value, 'length', where);"
            + "      for (var index = 0; index < length; index++) copied.push(walk(read(value, index, where), where + '[' + index + ']'));"
            + "    } else if (proto === Object.prototype || proto === null) {"
            + "      copied = {};"
            + "      var fields;"
            + "      try { fields = Object.keys(value); }"
            + "      catch (hostile) { fail(where, 'an object whose keys cannot be listed'); }"
            + "      fields.forEach(function (field) {"
            + "        Object.defineProperty(copied, field, { value: walk(read(value, field, where), where + '.' + field),"
            + "          writable: true, enumerable: true, configurable: true });"
            + "      });"
            + "    } else {"
            + "      var name = 'a class';"
            + "      try { name = (proto && proto.constructor && typeof proto.constructor.name === 'string'"
            + "        && proto.constructor.name) || name; } catch (hostile) { /* keep the generic name */ }"
            + "      fail(where, 'an instance of ' + name);"
            + "    }"
            + "    visiting.delete(value);"
            + "    return copied;"
            + "  }"
            + "  function read(holder, field, where) {"
            + "    try { return holder[field]; }"
            + "    catch (hostile) { fail(where + (typeof field === 'number' ? '[' + field + ']' : '.' + field),"
            + "      'a property whose getter throws'); }"
            + "  }"
            + "  try { return { value: walk(original, '') }; }"
            + "  catch (problem) {"
            + "    if (problem === failure) return failure;"
            + "    throw problem;"
            + "  }"
            + "}";

    /** {@link #COPY_JSON} as one JS function, made once (see {@link JsValues#MESSAGE_OF_FUNCTION}). */
    static final JSObject COPY_JSON_FUNCTION = copyJsonFunction();

    @JSBody(script = COPY_JSON + "return copyJson;")
    private static native JSObject copyJsonFunction();

    static JSObject copyJson(JSObject input) {
        return callCopyJson(input, COPY_JSON_FUNCTION);
    }

    @JSBody(params = { "input", "copyJson" }, script = "return copyJson(input);")
    private static native JSObject callCopyJson(JSObject input, JSObject copyJson);

    @JSBody(params = "result", script = "return result.failed === true;")
    static native boolean failed(JSObject result);

    @JSBody(params = "result", script = "return result.value;")
    static native JSObject valueOf(JSObject result);

    @JSBody(params = "result", script = "return String(result.path);")
    static native String pathOf(JSObject result);

    @JSBody(params = "result", script = "return String(result.what);")
    static native String whatOf(JSObject result);
}
