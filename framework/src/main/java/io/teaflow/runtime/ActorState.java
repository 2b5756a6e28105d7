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
 *
 * <p>Every method that takes a key throws a {@link TeaflowTypeException} naming the node when the
 * key is null; any other string, the empty one included, is a key.
 */
public interface ActorState {

    /**
     * Reads a value of any type.
     *
     * @param key the state key: any string but null
     * @return the stored value (the same object that was stored), or {@code null} if absent
     * @throws TeaflowTypeException when {@code key} is null
     */
    Object get(String key);

    /**
     * Reads a number.
     *
     * @param key the state key: any string but null
     * @param fallback what to return when there is no entry under {@code key}
     * @return the stored number (any Java {@link Number}, as a double), or {@code fallback} when absent
     * @throws TeaflowTypeException naming the key and node, when the entry holds anything but a number
     *         ({@code null} included), or when {@code key} is null
     */
    double getNumber(String key, double fallback);

    /**
     * Reads a string.
     *
     * @param key the state key: any string but null
     * @param fallback what to return when the entry is absent or {@code null}
     * @return the stored string, or {@code fallback}
     * @throws TeaflowTypeException naming the key and node, when the entry holds another type, or when
     *         {@code key} is null
     */
    String getString(String key, String fallback);

    /**
     * Reads a boolean.
     *
     * @param key the state key: any string but null
     * @param fallback what to return when the entry is absent or {@code null}
     * @return the stored boolean, or {@code fallback}
     * @throws TeaflowTypeException naming the key and node, when the entry holds another type, or when
     *         {@code key} is null
     */
    boolean getBoolean(String key, boolean fallback);

    /**
     * The stored object as a live {@link java.util.Map} (in the browser a view of the JS object: a
     * {@code put} changes it for the page too), or {@code null} when absent; another type is an error
     * naming the key.
     *
     * @param key the state key: any string but null
     * @return the stored object, or {@code null} when the entry is absent or {@code null}
     * @throws TeaflowTypeException naming the key and node, when the entry holds something that is not
     *         an object (a number, a string, an array...), or when {@code key} is null
     */
    java.util.Map<String, Object> getMap(String key);

    /**
     * The stored array as a live {@link List} (in the browser a view of the JS array: an {@code add}
     * changes it for the page too), or {@code null} when absent.
     *
     * @param key the state key: any string but null
     * @return the stored list, or {@code null} when the entry is absent or {@code null}
     * @throws TeaflowTypeException naming the key and node, when the entry holds something that is not
     *         an array, or when {@code key} is null
     */
    List<Object> getList(String key);

    /**
     * Stores {@code value} by reference and notifies subscribers (also when the value is unchanged).
     *
     * @param key the state key: any string but null
     * @param value {@code null}, a {@link Number}, {@link String}, {@link Boolean}, {@link Character},
     *        {@link java.util.Map} with string keys, {@link List}, or a value that came from JavaScript
     * @throws TeaflowTypeException naming the key and node, when {@code value} is another Java object
     *         (the page could not read it), or when {@code key} is null; nothing is stored then
     */
    void set(String key, Object value);

    /**
     * Stores a number (kept as a JS number in the browser, never boxed there) and notifies
     * subscribers, who see it as a {@link Double}.
     *
     * @param key the state key: any string but null
     * @param value any double; NaN and the infinities are stored too, but a state snapshot cannot carry them
     * @throws TeaflowTypeException when {@code key} is null
     */
    void setNumber(String key, double value);

    /**
     * Appends {@code value} to the list stored under {@code key}, creating the list (a JS array
     * in the browser) if absent; the list stays the same object. Subscribers see the list as both
     * the new and the old value.
     *
     * @param key the state key: any string but null
     * @param value the new last element; the same values as for {@link #set} are allowed
     * @throws TeaflowTypeException naming the key and node, when the entry holds something that is not
     *         an array ({@code null} included), when {@code value} is a Java object the page could not
     *         read, or when {@code key} is null; nothing changes then
     */
    void append(String key, Object value);

    /**
     * Whether there is an entry under {@code key}.
     *
     * @param key the state key: any string but null
     * @return true if present, also when it holds {@code null}
     * @throws TeaflowTypeException when {@code key} is null
     */
    boolean has(String key);

    /**
     * Removes the key, notifying subscribers through {@link StateListener#removed} if it was there.
     *
     * @param key the state key: any string but null
     * @return true if it was there, false if there was nothing to remove
     * @throws TeaflowTypeException when {@code key} is null
     */
    boolean remove(String key);

    /** Removes every key, notifying subscribers once per removed key. */
    void clear();

    /**
     * Counts the entries.
     *
     * @return the number of keys
     */
    int size();

    /**
     * Lists the keys.
     *
     * @return a new list of the keys, in insertion order
     */
    List<String> keys();

    /**
     * Calls {@code listener} after every change, from Java or from JavaScript; a listener that
     * throws is reported as an {@code 'error'} event of the node, and the other listeners are still
     * told.
     *
     * @param listener told of each change, in the order subscribed
     * @return the subscription; {@link Subscription#cancel()} stops the calls
     * @throws TeaflowTypeException when {@code listener} is null
     */
    Subscription subscribe(StateListener listener);
}
