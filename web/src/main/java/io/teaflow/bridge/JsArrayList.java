package io.teaflow.bridge;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.teavm.jso.JSObject;

/**
 * A JS array as a Java component sees it: a live {@link java.util.List} view of the array. Every
 * change ({@code add}, {@code set}, {@code remove}) changes the array itself, so the page sees it
 * at once; elements convert as packets do (a hole or {@code undefined} reads as {@code null}). The
 * view goes back to JS as the very array, so identity is kept. Equality is identity, as in JS (see
 * {@link JsObjectMap}); every touch of the array is guarded like there.
 */
final class JsArrayList extends AbstractList<Object> implements RandomAccess, JsValueHolder {
    private static final String WHERE = "a Java component's List view of a JS array";

    private final JSObject array;

    JsArrayList(JSObject array) {
        this.array = array;
    }

    @Override
    public JSObject jsValue() {
        return array;
    }

    @Override
    public Object get(int index) {
        checkIndex(index, size(), false);
        return PageValues.toJavaOrNull(PageObjects.read(array, Integer.toString(index), WHERE));
    }

    @Override
    public int size() {
        return BridgeScripts.get().lengthOf(array, WHERE);
    }

    @Override
    public Object set(int index, Object value) {
        Object old = get(index);
        BridgeScripts.get().write(array, Integer.toString(index), PageValues.toJs(value), WHERE);
        return old;
    }

    @Override
    public void add(int index, Object value) {
        checkIndex(index, size(), true);
        BridgeScripts.get().spliceAt(array, index, 0, true, PageValues.toJs(value), WHERE);
        modCount++;
    }

    @Override
    public Object remove(int index) {
        Object old = get(index);
        BridgeScripts.get().spliceAt(array, index, 1, false, null, WHERE);
        modCount++;
        return old;
    }

    /** Index checks as {@link java.util.ArrayList} makes them, naming the index and the size. */
    private static void checkIndex(int index, int size, boolean atEndAllowed) {
        if (index < 0 || index > size || (index == size && !atEndAllowed)) {
            throw new IndexOutOfBoundsException(WHERE + ": index " + index + " is out of range (size " + size + ")");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsValueHolder && PageValues.same(array, ((JsValueHolder) other).jsValue());
    }

    @Override
    public int hashCode() {
        return BridgeScripts.get().identityOf(array);
    }

    @Override
    public String toString() {
        return PageValues.describe(array);
    }
}
