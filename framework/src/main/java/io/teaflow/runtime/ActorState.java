package io.teaflow.runtime;

import java.util.List;

/**
 * The live state of one node: the single source of truth that Java components, the runtime and
 * (through the bridge) page JavaScript all read and write.
 *
 * <p>Values are kept by reference. On the JVM a value is any Java object; in the browser the
 * storage keeps JavaScript values as they are, and these accessors convert at the edge: JS
 * numbers, strings and booleans come out as {@link Double}, {@link String} and {@link Boolean},
 * other JS values as opaque objects that go back into JS unchanged.
 */
public interface ActorState {

    /** The stored value, or {@code null} if absent. */
    Object get(String key);

    /** The stored number, or {@code fallback} when absent; a non-number is an error naming the key. */
    double getNumber(String key, double fallback);

    /** The stored string, or {@code fallback} when absent; another type is an error naming the key. */
    String getString(String key, String fallback);

    /** The stored boolean, or {@code fallback} when absent; another type is an error naming the key. */
    boolean getBoolean(String key, boolean fallback);

    /**
     * The stored object as a live {@link java.util.Map} (in the browser a view of the JS object: a
     * {@code put} changes it for the page too), or {@code null} when absent; another type is an error
     * naming the key.
     */
    java.util.Map<String, Object> getMap(String key);

    /** The stored array as a live {@link List} (in the browser a view of the JS array), or {@code null} when absent. */
    List<Object> getList(String key);

    /** Stores {@code value} by reference and notifies subscribers. */
    void set(String key, Object value);

    /** Stores a number (kept as a JS number in the browser, never boxed there). */
    void setNumber(String key, double value);

    /**
     * Appends {@code value} to the list stored under {@code key}, creating the list (a JS array
     * in the browser) if absent; the list stays the same object. Subscribers see the list as both
     * the new and the old value.
     */
    void append(String key, Object value);

    boolean has(String key);

    /** Removes the key; true if it was there. */
    boolean remove(String key);

    /** Removes every key, notifying subscribers once per removed key. */
    void clear();

    int size();

    /** The keys in insertion order. */
    List<String> keys();

    /** Calls {@code listener} after every change, from Java or from JavaScript. */
    Subscription subscribe(StateListener listener);
}
