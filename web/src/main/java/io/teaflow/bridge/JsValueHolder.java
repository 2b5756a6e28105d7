package io.teaflow.bridge;

import org.teavm.jso.JSObject;

/**
 * A Java object standing for a JS value on its way through Java code ({@link HeldJsValue}, and the
 * {@link JsObjectMap} and {@link JsArrayList} views a Java component reads): it goes back to JS as
 * the very value it holds.
 */
interface JsValueHolder {
    JSObject jsValue();
}
