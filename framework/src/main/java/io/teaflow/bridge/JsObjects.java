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
}
