package io.teaflow.runtime;

import java.util.List;

/**
 * Where a node's state values physically live. The runtime's {@link LiveMemoryState} owns the
 * rules (notifications, errors); a storage only stores. The JVM uses {@link MapStateStorage};
 * the browser bridge keeps values in a JavaScript {@code Map} so that page scripts read and write
 * them without crossing into Java or boxing.
 */
public interface StateStorage {

    /** The value as Java sees it, {@code null} if absent. */
    Object get(String key);

    /** The JavaScript-style type name of the value: "number", "string", ..., "undefined" if absent. */
    String typeOf(String key);

    /** The value of a key whose {@link #typeOf} is "number". */
    double getNumber(String key);

    void put(String key, Object value);

    void putNumber(String key, double value);

    /** Appends to the list under {@code key}, creating it if absent; false if the value is not a list. */
    boolean append(String key, Object value);

    boolean has(String key);

    boolean remove(String key);

    int size();

    /** The keys in insertion order. */
    List<String> keys();
}
