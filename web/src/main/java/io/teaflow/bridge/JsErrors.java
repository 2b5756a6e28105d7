package io.teaflow.bridge;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSString;

/**
 * Throws native JS errors from the bridge. Errors of the runtime ({@code TeaflowException}) reach
 * JS as TeaVM's {@code Error} subclass carrying the Java message; argument type checks done here
 * throw a real {@code TypeError}, as a JS library would.
 */
final class JsErrors {
    private JsErrors() {
    }

    @JSBody(params = "message", script = "throw new TypeError(message);")
    private static native void throwTypeError(String message);

    /** Throws a JS TypeError; declared to return an exception so callers can write {@code throw typeError(..)}. */
    static RuntimeException typeError(String message) {
        throwTypeError(message);
        return new IllegalStateException("unreachable");
    }

    /** Checks a string argument, naming the call and the argument in the TypeError. */
    static String string(JSObject value, String call, String what) {
        if (!PageValues.isString(value)) {
            throw typeError(call + ": " + what + " must be a string, got " + PageValues.describe(value));
        }
        return ((JSString) value).stringValue();
    }

    /** Like {@link #string}, and not empty. */
    static String name(JSObject value, String call, String what) {
        String text = string(value, call, what);
        if (text.isEmpty()) {
            throw typeError(call + ": " + what + " must be a non-empty string");
        }
        return text;
    }
}
