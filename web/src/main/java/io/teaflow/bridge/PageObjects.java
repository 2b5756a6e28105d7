package io.teaflow.bridge;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSString;

/**
 * JS objects as the bridge handles them: the records it makes (made and filled without touching
 * any prototype), and the page's objects it reads (every read guarded: a getter or Proxy trap that
 * throws becomes a TypeError saying where).
 */
final class PageObjects {
    private PageObjects() {
    }

    @JSBody(script = "return {};")
    static native JSObject empty();

    /** Sets an own property, also for keys such as {@code __proto__}. */
    @JSBody(params = { "object", "key", "value" }, script = "Object.defineProperty(object, key,"
            + " { value: value, writable: true, enumerable: true, configurable: true });")
    static native void define(JSObject object, String key, JSObject value);

    /** Reads a property of an object the bridge made itself (no getter of the page's can run). */
    @JSBody(params = { "object", "key" }, script = "return object[key];")
    static native JSObject get(JSObject object, String key);

    /** The own enumerable keys of an object the bridge made itself. */
    @JSBody(params = "object", script = "return Object.keys(object);")
    static native JSArray<JSString> keys(JSObject object);

    /**
     * Reads a property of a page object: a getter or Proxy trap that throws becomes a TypeError
     * saying {@code where} (anything whose string form names the place, made a string only then)
     * and which property, never the page's own (possibly hostile) value.
     */
    static JSObject read(JSObject object, String key, Object where) {
        // where is handed to JS (converted) only when the read threw.
        JSObject value = BridgeScripts.get().readOrHold(object, key, JsCalls.FAILED);
        if (PageValues.same(value, JsCalls.FAILED)) {
            throw readThrew(where, key);
        }
        return value;
    }

    /** The TypeError of a read of {@code key} that threw what {@link JsCalls#FAILED} holds (taken out of it). */
    static RuntimeException readThrew(Object where, String key) {
        JSObject thrown = JsCalls.takeError(JsCalls.FAILED);
        return JsErrors.typeError(where + ": reading \"" + key + "\" threw: " + PageValues.messageOf(thrown));
    }

    /**
     * Reads element {@code index} of a page array, as {@link #read} reads key {@code "index"}: the
     * number crosses into JS, not its key's string (made, and converted, only for a message).
     */
    static JSObject readElement(JSObject array, int index, Object where) {
        JSObject value = BridgeScripts.get().readIndexOrHold(array, index, JsCalls.FAILED);
        if (PageValues.same(value, JsCalls.FAILED)) {
            throw readThrew(where, indexKey(index));
        }
        return value;
    }

    /**
     * The property key of array index {@code index} ({@code "0"}, {@code "1"}...), made by JS:
     * Java's String.valueOf(int) goes through a StringBuilder and a char array, per element read.
     */
    @JSBody(params = "index", script = "return String(index);")
    static native String indexKey(int index);

    /** The own enumerable keys of a page object; a Proxy that throws becomes a TypeError saying {@code where}. */
    static JSArray<JSString> ownKeys(JSObject object, String where) {
        return BridgeScripts.get().ownKeys(object, where);
    }

    /**
     * The JSON-safe deep copy of one value: {@code {value}}, or {@code {failed: true, path, what}}
     * naming the first thing JSON cannot carry (see bridge-scripts.js).
     */
    static JSObject copyJson(JSObject input) {
        return BridgeScripts.get().copyJson(input);
    }

    @JSBody(params = "result", script = "return result.failed === true;")
    static native boolean failed(JSObject result);

    @JSBody(params = "result", script = "return result.value;")
    static native JSObject valueOf(JSObject result);

    @JSBody(params = "result", script = "return String(result.path);")
    static native String pathOf(JSObject result);

    @JSBody(params = "result", script = "return String(result.what);")
    static native String whatOf(JSObject result);
}
