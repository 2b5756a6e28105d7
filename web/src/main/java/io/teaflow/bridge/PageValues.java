package io.teaflow.bridge;

import io.teaflow.runtime.TeaflowTypeException;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSBoolean;
import org.teavm.jso.core.JSNumber;
import org.teavm.jso.core.JSString;

/**
 * The values a page hands the runtime, at the JS ↔ Java edge: converted (JS numbers, strings and
 * booleans become Double, String and Boolean, cheap and what a Java component can use; objects and
 * arrays become live {@link JsObjectMap} and {@link JsArrayList} views; every other JS value
 * travels as an opaque {@link HeldJsValue}; all of them come back identical), checked
 * (typeof-based tests that never throw) and described for messages.
 */
final class PageValues {
    private PageValues() {
    }

    private static final int NUMBER = 1;
    private static final int STRING = 2;
    private static final int BOOLEAN = 3;
    private static final int ARRAY = 4;
    private static final int OBJECT = 5;

    static Object toJava(JSObject value) {
        if (value == null) {
            return null;
        }
        // A small int, not typeof's string: this runs for every packet, and comparing strings
        // would first convert typeof's answer to a Java String.
        switch (kind(value)) {
            case NUMBER:
                return ((JSNumber) value).doubleValue();
            case STRING:
                return ((JSString) value).stringValue();
            case BOOLEAN:
                return ((JSBoolean) value).booleanValue();
            case ARRAY:
                return new JsArrayList(value);
            case OBJECT:
                return new JsObjectMap(value);
            default:
                return new HeldJsValue(value);
        }
    }

    @JSBody(params = "value", script = ""
            + "var kind = typeof value;"
            + "if (kind === 'object') { try { return Array.isArray(value) ? 4 : 5; } catch (revoked) { return 0; } }"
            + "return kind === 'number' ? 1 : kind === 'string' ? 2 : kind === 'boolean' ? 3 : 0;")
    private static native int kind(JSObject value);

    /** As {@link #toJava}, with {@code undefined} as {@code null}: what a field, element or state entry reads as. */
    static Object toJavaOrNull(JSObject value) {
        return isUndefined(value) ? null : toJava(value);
    }

    static JSObject toJs(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof HeldJsValue) {
            return ((HeldJsValue) value).value;
        }
        if (value instanceof Double) {
            return JSNumber.valueOf((Double) value);
        }
        if (value instanceof Number) {
            return JSNumber.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof String) {
            return JSString.valueOf((String) value);
        }
        if (value instanceof Boolean) {
            return JSBoolean.valueOf((Boolean) value);
        }
        if (value instanceof JsValueHolder) {
            return ((JsValueHolder) value).jsValue();
        }
        return JavaValuesToJs.copy(value);
    }

    /**
     * As {@link #toJs}, for those who only watch a packet ('data' events, undeliverable packets): a
     * Java object with no JS form (sent between two Java components) shows as a string naming its
     * class, instead of failing the event.
     */
    static JSObject toJsForObservers(Object value) {
        try {
            return toJs(value);
        } catch (TeaflowTypeException noJsForm) {
            return JSString.valueOf("[Java " + value.getClass().getName() + "]");
        }
    }

    @JSBody(params = { "first", "second" }, script = "return first === second;")
    static native boolean same(JSObject first, JSObject second);

    @JSBody(script = "return undefined;")
    static native JSObject undefined();

    @JSBody(params = "value", script = "return typeof value;")
    static native String typeOf(JSObject value);

    @JSBody(params = "value", script = "return typeof value === 'string';")
    static native boolean isString(JSObject value);

    @JSBody(params = "value", script = "return typeof value === 'function';")
    static native boolean isFunction(JSObject value);

    @JSBody(params = "value", script = "return typeof value === 'number' && Number.isInteger(value) && value > 0;")
    static native boolean isCount(JSObject value);

    @JSBody(params = "value", script = "return value === true;")
    static native boolean isTrue(JSObject value);

    @JSBody(params = "value", script = "return value === undefined;")
    static native boolean isUndefined(JSObject value);

    // Page values may be revoked Proxies, or Proxies and getters that throw: every inspection
    // below is one that cannot throw (typeof, ===) or is guarded, so a description never fails.
    // Why one-line scripts and not TeaVM's JSObjects: its helpers take Object parameters, and on
    // the wasm target a page value passed as an Object is wrapped, which reads a property of it
    // (a hostile Proxy's trap throws there) and costs a WeakRef per distinct value.

    @JSBody(params = "value", script = "try { return Array.isArray(value); } catch (revoked) { return false; }")
    static native boolean isArray(JSObject value);

    @JSBody(params = "value", script = ""
            + "try { return value !== null && typeof value === 'object' && !Array.isArray(value); }"
            + "catch (revoked) { return false; }")
    static native boolean isPlainObjectLike(JSObject value);

    /** Keeps any JS value (a thrown one, say) as it is on its way through Java, never wrapped by TeaVM. */
    static HeldJsValue hold(JSObject value) {
        return new HeldJsValue(value);
    }

    /** A short description for error messages ({@code number 42}, {@code string "x"}); never throws. */
    static String describe(JSObject value) {
        return BridgeScripts.get().describe(value);
    }

    /** The message of a thrown value: its {@code message} if it has one, else its string form; never throws. */
    static String messageOf(JSObject error) {
        return BridgeScripts.get().messageOf(error);
    }
}
