package io.teaflow.bridge;

import org.teavm.jso.core.JSString;

/**
 * JS strings of the state keys Java components use, converted once. A Java component names its
 * keys with the same few literals on every run ({@code "count"}, {@code "step"}); converting a Java
 * string to a JS one copies it character by character, which on wasm was a fifth of a
 * {@code core/Counter} hop. A small direct-mapped table, shared by all nodes (JS strings are
 * immutable), hit when the very same String object comes again.
 */
final class JsKeys {
    private static final int SLOTS = 64;
    private static final String[] JAVA = new String[SLOTS];
    private static final JSString[] JS = new JSString[SLOTS];

    private JsKeys() {
    }

    static JSString of(String key) {
        int slot = key.hashCode() & (SLOTS - 1);
        if (JAVA[slot] == key) {
            return JS[slot];
        }
        JSString converted = JSString.valueOf(key);
        JAVA[slot] = key;
        JS[slot] = converted;
        return converted;
    }
}
