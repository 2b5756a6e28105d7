package io.teaflow.runtime.spi;

import java.util.List;

/**
 * Where a node's state values physically live. The runtime's {@link LiveMemoryState} owns the
 * rules (notifications, errors); a storage only stores. The JVM uses a {@code LinkedHashMap};
 * the browser bridge keeps values in a JavaScript {@code Map} so that page scripts read and write
 * them without crossing into Java or boxing.
 */
public interface StateStorage {

    /**
     * Reads a value.
     *
     * @param key the state key; never null (the caller checks)
     * @return the value as Java sees it (as listed for {@link io.teaflow.runtime.ActorState}), {@code null} if absent
     */
    Object get(String key);

    /**
     * Names the type of a value, for error messages.
     *
     * @param key the state key; never null
     * @return the JavaScript-style type name of the value: "number", "string", "boolean", "object", "array",
     *         "null", ...; "undefined" if absent
     */
    String typeOf(String key);

    /**
     * Whether the value under {@code key} is a number (the hot check of
     * {@link io.teaflow.runtime.ActorState#getNumber}, so it must not box or convert).
     *
     * @param key the state key; never null
     * @return true if a number is stored there, false if anything else or nothing is
     */
    boolean isNumber(String key);

    /**
     * Reads a number without boxing it.
     *
     * @param key a key for which {@link #isNumber} is true
     * @return the number stored there
     */
    double getNumber(String key);

    /**
     * Stores a value by reference, replacing any value under {@code key}.
     *
     * @param key the state key; never null
     * @param value the value as Java holds it; null included
     * @throws io.teaflow.runtime.TeaflowTypeException when {@code value} has no JavaScript form (a Java
     *         object other than null, a number, string, boolean, {@code Map}, {@code List} or a value that came
     *         from JavaScript); the message need not name the key, {@link LiveMemoryState} adds it
     */
    void put(String key, Object value);

    /**
     * Stores a number (a JS number in the browser, never boxed there).
     *
     * @param key the state key; never null
     * @param value the number, NaN and infinities included
     */
    void putNumber(String key, double value);

    /**
     * Appends to the list under {@code key}, creating it (a JS array in the browser) if absent; the
     * list stays the same object.
     *
     * @param key the state key; never null
     * @param value the new last element
     * @return true if appended; false, changing nothing, if the value under {@code key} is not a list
     * @throws io.teaflow.runtime.TeaflowTypeException when {@code value} has no JavaScript form (as for
     *         {@link #put})
     */
    boolean append(String key, Object value);

    /**
     * Whether a value is stored under {@code key}.
     *
     * @param key the state key; never null
     * @return true if present, null values included
     */
    boolean has(String key);

    /**
     * Removes a value.
     *
     * @param key the state key; never null
     * @return true if it was there
     */
    boolean remove(String key);

    /**
     * Counts the entries.
     *
     * @return the number of keys
     */
    int size();

    /**
     * Lists the keys.
     *
     * @return a new list of the keys in insertion order
     */
    List<String> keys();

    /**
     * A deep copy of the entries as plain data JSON can carry (null, booleans, finite numbers,
     * strings, arrays, plain objects), in this platform's form: a {@code Map} on the JVM, a plain
     * object in JS. A value that cannot be carried (a function, Symbol, BigInt, cycle, class
     * instance, non-finite number) is left out if {@code skipUnserializable}, else an error
     * naming {@code node}, the key and where in the value it is.
     *
     * @param node the id of the node this storage belongs to, for error messages
     * @param skipUnserializable true to leave out an entry JSON cannot carry, false to fail on it
     * @return the copy: key to value, in insertion order
     * @throws io.teaflow.runtime.TeaflowException when an entry cannot be carried and
     *         {@code skipUnserializable} is false
     */
    Object snapshot(String node, boolean skipUnserializable);

    /**
     * The keys of a snapshot made by {@link #snapshot} (or parsed from its JSON), in order.
     *
     * @param snapshot one node's entries, as {@link #snapshot} made them
     * @param node the id of the node being restored, for error messages
     * @return the snapshot's keys, in order
     * @throws io.teaflow.runtime.TeaflowTypeException when {@code snapshot} is not an object of entries
     *         (or, on the JVM, has a key that is not a string)
     */
    List<String> snapshotKeys(Object snapshot, String node);

    /**
     * A fresh deep copy of one value of a snapshot, as {@link #get} would give it.
     *
     * @param snapshot one node's entries, as {@link #snapshot} made them
     * @param node the id of the node being restored, for error messages
     * @param key one of {@link #snapshotKeys}
     * @return a fresh deep copy of the value under {@code key}
     * @throws io.teaflow.runtime.TeaflowException naming node and key, when the value is one JSON cannot carry
     */
    Object snapshotValue(Object snapshot, String node, String key);

    /**
     * Tells the storage whether anybody subscribes to its node's state, each time that changes: a
     * bridge that lets a page write the storage directly does so only while nobody needs telling.
     *
     * @param observed true from the first subscriber on, false once the last one cancelled
     */
    default void observed(boolean observed) {
    }
}
