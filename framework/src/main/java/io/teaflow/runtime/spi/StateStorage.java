package io.teaflow.runtime.spi;

import java.util.List;

/**
 * Where a node's state values physically live. The runtime's {@link LiveMemoryState} owns the
 * rules (notifications, errors); a storage only stores. The JVM uses a {@code LinkedHashMap};
 * the browser bridge keeps values in a JavaScript {@code Map} so that page scripts read and write
 * them without crossing into Java or boxing.
 */
public interface StateStorage {

    /** The value as Java sees it, {@code null} if absent. */
    Object get(String key);

    /** The JavaScript-style type name of the value: "number", "string", ..., "undefined" if absent. */
    String typeOf(String key);

    /** Whether the value under {@code key} is a number (the hot check of {@link io.teaflow.runtime.ActorState#getNumber}). */
    boolean isNumber(String key);

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

    /**
     * A deep copy of the entries as plain data JSON can carry (null, booleans, finite numbers,
     * strings, arrays, plain objects), in this platform's form: a {@code Map} on the JVM, a plain
     * object in JS. A value that cannot be carried (a function, Symbol, BigInt, cycle, class
     * instance, non-finite number) is left out if {@code skipUnserializable}, else an error
     * naming {@code node}, the key and where in the value it is.
     */
    Object snapshot(String node, boolean skipUnserializable);

    /** The keys of a snapshot made by {@link #snapshot} (or parsed from its JSON), in order. */
    List<String> snapshotKeys(Object snapshot, String node);

    /** A fresh deep copy of one value of a snapshot, as {@link #get} would give it; errors name node and key. */
    Object snapshotValue(Object snapshot, String node, String key);
}
