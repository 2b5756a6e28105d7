package io.teaflow.bridge;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSBoolean;
import org.teavm.jso.core.JSNumber;
import org.teavm.jso.core.JSString;

/**
 * Converts values at the JS ↔ Java edge. JS numbers, strings and booleans become Double, String
 * and Boolean (cheap, and what a Java component can use); every other JS value (object, array,
 * function, Symbol, BigInt, undefined) travels as an opaque {@link JsValue} and comes back identical.
 */
final class JsValues {
    private JsValues() {
    }

    private static final int NUMBER = 1;
    private static final int STRING = 2;
    private static final int BOOLEAN = 3;

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
            default:
                return new JsValue(value);
        }
    }

    @JSBody(params = "value", script = ""
            + "var kind = typeof value;"
            + "return kind === 'number' ? 1 : kind === 'string' ? 2 : kind === 'boolean' ? 3 : 0;")
    private static native int kind(JSObject value);

    static JSObject toJs(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsValue) {
            return ((JsValue) value).value;
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
        return (JSObject) value;
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

    @JSBody(params = "value", script = "try { return Array.isArray(value); } catch (revoked) { return false; }")
    static native boolean isArray(JSObject value);

    @JSBody(params = "value", script = ""
            + "try { return value !== null && typeof value === 'object' && !Array.isArray(value); }"
            + "catch (revoked) { return false; }")
    static native boolean isPlainObjectLike(JSObject value);

    /** Keeps any JS value (a thrown one, say) as it is on its way through Java, never wrapped by TeaVM. */
    static JsValue hold(JSObject value) {
        return new JsValue(value);
    }

    /**
     * {@code describe(value)}: a short description for error messages ({@code number 42},
     * {@code string "x"}, {@code an array}) that never throws. As a JS function declaration, so
     * other scripts can include it.
     */
    static final String DESCRIBE = ""
            + "function describe(value) {"
            + "  try {"
            + "    if (value === null) return 'null';"
            + "    var kind = typeof value;"
            + "    if (kind === 'undefined') return 'undefined';"
            + "    if (kind === 'string') return 'string \"' + (value.length > 80 ? value.slice(0, 77) + '...' : value) + '\"';"
            + "    if (kind === 'number' || kind === 'boolean' || kind === 'bigint') return kind + ' ' + String(value);"
            + "    if (kind === 'symbol') return 'a symbol';"
            + "    if (Array.isArray(value)) return 'an array';"
            + "    return kind === 'object' ? 'an object' : kind;"
            + "  } catch (revoked) { return 'a revoked Proxy'; }"
            + "}";

    /**
     * {@code messageOf(error)}: the message of a thrown value, its {@code message} if it has one,
     * else its string form; never throws (a value that cannot be inspected says so).
     */
    static final String MESSAGE_OF = ""
            + "function messageOf(error) {"
            + "  try {"
            + "    if (error !== null && typeof error === 'object' && 'message' in error) return String(error.message);"
            + "    if (typeof error === 'symbol') return error.toString();"
            + "    return String(error);"
            + "  } catch (unprintable) {"
            + "    return 'a value that cannot be inspected (a revoked Proxy, or one whose traps or getters throw)';"
            + "  }"
            + "}";

    @JSBody(params = "value", script = DESCRIBE + "return describe(value);")
    static native String describe(JSObject value);

    /**
     * {@link #MESSAGE_OF} as one JS function, made once and handed to every script that needs it
     * (as its {@code messageOf} parameter) instead of repeating its text in each: the wasm module
     * carries every script's text.
     */
    static final JSObject MESSAGE_OF_FUNCTION = messageOfFunction();

    @JSBody(script = MESSAGE_OF + "return messageOf;")
    private static native JSObject messageOfFunction();

    static String messageOf(JSObject error) {
        return callMessageOf(error, MESSAGE_OF_FUNCTION);
    }

    @JSBody(params = { "error", "messageOf" }, script = "return messageOf(error);")
    private static native String callMessageOf(JSObject error, JSObject messageOf);
}
