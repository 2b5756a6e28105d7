package io.teaflow.graph;

import java.util.List;

/**
 * How {@link GraphJson} sees a JSON-shaped structure: plain Java maps and lists on the JVM
 * ({@link GraphJson#fromMap}, {@link GraphJson#toMap}), page objects in the browser bridge. The
 * codec reads and writes the FBP graph format only through this, so the format exists once.
 *
 * <p>Reading: {@code where} names the place being read (such as {@code graph: connection 2}); an
 * implementation whose reads can fail (a page getter that throws) names it in its error.
 * {@link #keep} turns {@code properties}, metadata and packets into what the {@link Graph} holds,
 * untouched; {@link #kept} gives that very value back when writing.
 *
 * @param <V> a value of the structure
 */
public interface GraphTree<V> {
    /** The field {@code key} of an object; absent ({@link #isAbsent}) when it has none. */
    V field(V object, String key, String where);

    /** The own keys of an object, in order; every key must be a string. */
    List<String> keys(V object, String where);

    /** The length of an array. */
    int length(V array, String where);

    /** Element {@code index} of an array. */
    V element(V array, int index, String where);

    /** Whether a field was not there (JS: {@code undefined}). */
    boolean isAbsent(V value);

    /** Whether a value is {@code null}. */
    boolean isNull(V value);

    /** Whether a value is an object with fields (not an array, not null). */
    boolean isObject(V value);

    /** Whether a value is an array. */
    boolean isArray(V value);

    /** The string, or null when the value is not one. */
    String asString(V value);

    /** The boolean, or null when the value is not one. */
    Boolean asBoolean(V value);

    /** The number, or null when the value is not one. */
    Double asNumber(V value);

    /** What the graph holds for properties, metadata or a packet: the value itself, unread. */
    Object keep(V value);

    /** Says what a value is, for error messages ({@code got ...}). */
    String describe(V value);

    // ---- writing ----

    /** A new empty object. */
    V newObject();

    /** Sets an own field of an object made by {@link #newObject()}. */
    void put(V object, String key, V value);

    /** A new empty array. */
    V newArray();

    /** Appends to an array made by {@link #newArray()}. */
    void push(V array, V value);

    /** A string value. */
    V string(String text);

    /** A boolean value. */
    V bool(boolean value);

    /** A number value. */
    V number(double value);

    /** The very value {@link #keep} gave (properties, metadata, a packet; null for JSON null). */
    V kept(Object value);

    /** What to write for {@code properties} when the graph has none (never left out). */
    V noProperties();

    /** What to write for the metadata of a process that has none; null to leave it out. */
    V noProcessMetadata();
}
