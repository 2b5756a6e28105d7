package io.teaflow.bridge;

import org.teavm.jso.JSObject;

/**
 * A JS value that is neither a number, string, boolean or null nor an object or array a Java
 * component sees as a {@link java.util.Map} or {@link java.util.List} (a function, Symbol, BigInt,
 * undefined, a revoked Proxy) on its way through Java code: a packet, a state value read by a Java
 * component, a config. It goes back to JS as the very value it holds.
 *
 * <p>Why not let TeaVM wrap it (a JSObject assigned to an Object is wrapped implicitly)? Its
 * wrapper keeps one wrapper per JS object alive through a WeakMap and a WeakRef, about a
 * microsecond per new object; this is one small allocation. Java code needs no identity of the
 * holder, only of the value, which is kept.
 */
final class HeldJsValue implements JsValueHolder {
    final JSObject value;

    HeldJsValue(JSObject value) {
        this.value = value;
    }

    @Override
    public JSObject jsValue() {
        return value;
    }

    @Override
    public String toString() {
        return PageValues.describe(value);
    }
}
