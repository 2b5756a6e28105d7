package io.teaflow.bridge;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSString;

/**
 * A JS object as a Java component sees it: a live {@link Map} view of the object. {@code get}
 * reads the property ({@code undefined} reads as {@code null}); {@code put} and {@code remove}
 * change the object itself, so the page sees the change at once; the entries are its own
 * enumerable string keys. Values convert as packets do. The view goes back to JS as the very
 * object, so identity is kept.
 *
 * <p>Equality is identity, as in JS: two views are equal when they view the same object (a
 * content hash would walk a page's object graph, which may be cyclic or hostile). Every read and
 * write is guarded: a getter, setter or Proxy trap that throws becomes a TypeError naming the key.
 */
final class JsObjectMap extends AbstractMap<String, Object> implements JsValueHolder {
    private static final String WHERE = "a Java component's Map view of a JS object";

    private final JSObject object;

    JsObjectMap(JSObject object) {
        this.object = object;
    }

    @Override
    public JSObject jsValue() {
        return object;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String)) {
            return null;
        }
        return PageValues.toJavaOrNull(PageObjects.read(object, (String) key, WHERE));
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String && BridgeScripts.get().hasOwn(object, (String) key, WHERE);
    }

    @Override
    public Object put(String key, Object value) {
        if (key == null) {
            throw new NullPointerException(WHERE + ": a key must be a string, not null");
        }
        Object old = get(key);
        BridgeScripts.get().write(object, key, PageValues.toJs(value), WHERE);
        return old;
    }

    @Override
    public Object remove(Object key) {
        if (!containsKey(key)) {
            return null;
        }
        Object old = get(key);
        BridgeScripts.get().deleteKey(object, (String) key, WHERE);
        return old;
    }

    @Override
    public int size() {
        return keys().getLength();
    }

    private JSArray<JSString> keys() {
        return PageObjects.ownKeys(object, WHERE);
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Entries(keys());
            }

            @Override
            public int size() {
                return JsObjectMap.this.size();
            }
        };
    }

    /** The entries over the keys the object had when iteration began; each entry reads and writes through. */
    private final class Entries implements Iterator<Map.Entry<String, Object>> {
        private final JSArray<JSString> keys;
        private int next;
        private String last;

        Entries(JSArray<JSString> keys) {
            this.keys = keys;
        }

        @Override
        public boolean hasNext() {
            return next < keys.getLength();
        }

        @Override
        public Map.Entry<String, Object> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String key = keys.get(next++).stringValue();
            last = key;
            return new AbstractMap.SimpleEntry<>(key, get(key)) {
                @Override
                public Object setValue(Object value) {
                    put(key, value);
                    return super.setValue(value);
                }
            };
        }

        @Override
        public void remove() {
            if (last == null) {
                throw new IllegalStateException();
            }
            JsObjectMap.this.remove(last);
            last = null;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsValueHolder && PageValues.same(object, ((JsValueHolder) other).jsValue());
    }

    @Override
    public int hashCode() {
        return BridgeScripts.get().identityOf(object);
    }

    @Override
    public String toString() {
        return PageValues.describe(object);
    }
}
