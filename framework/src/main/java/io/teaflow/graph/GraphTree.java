package io.teaflow.graph;

import java.util.List;

/**
 * How {@link GraphJson} sees a JSON-shaped structure: plain Java maps and lists on the JVM
 * ({@link GraphJson#fromMap}, {@link GraphJson#toMap}), page objects in the browser bridge. The
 * codec reads and writes the FBP graph format only through this, so the format exists once.
 *
 * <p>Reading: {@code where} names the place being read (such as {@code graph: connection 2}): any
 * object whose string form does, made a string only when an error message needs it; an
 * implementation whose reads can fail (a page getter that throws) names it in its error.
 * {@link #keep} turns {@code properties}, metadata and packets into what the {@link Graph} holds,
 * untouched; {@link #kept} gives that very value back when writing.
 *
 * @param <V> a value of the structure
 */
public interface GraphTree<V> {
    /**
     * Reads a field of an object.
     *
     * @param object an object ({@link #isObject} is true)
     * @param key the field's name
     * @param where the place being read, for error messages (its string form; made only if needed)
     * @return the field's value; a value for which {@link #isAbsent} is true when the object has no such field
     */
    V field(V object, String key, Object where);

    /**
     * Lists the fields of an object.
     *
     * @param object an object ({@link #isObject} is true)
     * @param where the place being read, for error messages (its string form; made only if needed)
     * @return the object's own keys, in order
     * @throws GraphException naming {@code where}, when a key is not a string
     */
    List<String> keys(V object, Object where);

    /**
     * The length of an array.
     *
     * @param array an array ({@link #isArray} is true)
     * @param where the place being read, for error messages (its string form; made only if needed)
     * @return its number of elements
     */
    int length(V array, Object where);

    /**
     * Reads an element of an array.
     *
     * @param array an array ({@link #isArray} is true)
     * @param index from 0 to {@link #length} - 1
     * @param where the place being read, for error messages (its string form; made only if needed)
     * @return the element at {@code index}
     */
    V element(V array, int index, Object where);

    /**
     * Reads the fields of an endpoint object as {@link #field} would, one at a time and in this
     * order: {@code "process"}; {@code "port"} only when the process is a non-empty string;
     * {@code "index"} only when the port is one too. So a getter runs exactly when reading field by
     * field would run it. An implementation may do it in fewer steps (the browser's in one call).
     *
     * @param object an object ({@link #isObject} is true)
     * @param where the place being read, for error messages (its string form; made only if needed)
     * @param values where the values read go, at 0 (process), 1 (port) and 2 (index); what is there
     *        for a field not read is unspecified
     * @return the endpoint when both names are non-empty strings and the index is absent or null;
     *         otherwise null, for the caller to check {@code values}
     */
    default GraphEndpoint endpoint(V object, Object where, V[] values) {
        V process = field(object, "process", where);
        values[0] = process;
        String processName = asString(process);
        if (processName == null || processName.isEmpty()) {
            return null;
        }
        V port = field(object, "port", where);
        values[1] = port;
        String portName = asString(port);
        if (portName == null || portName.isEmpty()) {
            return null;
        }
        V index = field(object, "index", where);
        values[2] = index;
        return isAbsent(index) || isNull(index) ? new GraphEndpoint(processName, portName, null) : null;
    }

    /**
     * Reads process {@code ids.get(i)} of a {@code processes} object as {@link #field} would, one
     * field at a time and in this order: the process; its {@code "component"} only when the
     * process is an object ({@link #isObject}); its {@code "metadata"} only when the component is a
     * non-empty string. So a getter runs exactly when reading field by field would run it.
     *
     * @param processes an object ({@link #isObject} is true)
     * @param ids its keys, as {@link #keys} listed them
     * @param i the position in {@code ids} of the process to read
     * @param listing the place of {@code processes}, for error messages of reading the process
     * @param where the place of the process, for error messages of reading its fields
     * @param values where the values read go, at 0 (the process), 1 (component) and 2 (metadata);
     *        what is there for a field not read is unspecified
     * @return the component when it is a non-empty string (the metadata read is then in
     *         {@code values[2]}); otherwise null, for the caller to check {@code values}
     */
    default String process(V processes, List<String> ids, int i, Object listing, Object where, V[] values) {
        V process = field(processes, ids.get(i), listing);
        values[0] = process;
        if (!isObject(process)) {
            return null;
        }
        V component = field(process, "component", where);
        values[1] = component;
        String name = asString(component);
        if (name == null || name.isEmpty()) {
            return null;
        }
        values[2] = field(process, "metadata", where);
        return name;
    }

    /**
     * Whether a field was not there (JS: {@code undefined}).
     *
     * @param value a value {@link #field} gave
     * @return true if the field is absent, false if it is present (even if null)
     */
    boolean isAbsent(V value);

    /**
     * Whether a value is JSON {@code null}.
     *
     * @param value any value of the structure
     * @return true for {@code null}, false otherwise (an absent field included)
     */
    boolean isNull(V value);

    /**
     * Whether a value is an object with fields (not an array, not null).
     *
     * @param value any value of the structure
     * @return true for an object
     */
    boolean isObject(V value);

    /**
     * Whether a value is an array.
     *
     * @param value any value of the structure
     * @return true for an array
     */
    boolean isArray(V value);

    /**
     * Reads a string.
     *
     * @param value any value of the structure
     * @return the string, or null when the value is not one
     */
    String asString(V value);

    /**
     * Reads a boolean.
     *
     * @param value any value of the structure
     * @return the boolean, or null when the value is not one
     */
    Boolean asBoolean(V value);

    /**
     * Reads a number.
     *
     * @param value any value of the structure
     * @return the number, or null when the value is not one
     */
    Double asNumber(V value);

    /**
     * What the graph holds for properties, metadata or a packet: the value itself, unread.
     *
     * @param value the properties, a metadata object or a packet, as read
     * @return what the {@link Graph} keeps for it; {@link #kept} must give {@code value} back from it
     */
    Object keep(V value);

    /**
     * Says what a value is, for error messages ({@code got ...}).
     *
     * @param value any value of the structure
     * @return a short description, such as {@code the number 3}, {@code the string "x"} or {@code an array}
     */
    String describe(V value);

    // ---- writing ----

    /**
     * Makes an object to write into.
     *
     * @return a new empty object
     */
    V newObject();

    /**
     * Sets an own field of an object made by {@link #newObject()}.
     *
     * @param object an object made by {@link #newObject()}
     * @param key the field's name
     * @param value the field's value
     */
    void put(V object, String key, V value);

    /**
     * Makes an array to write into.
     *
     * @return a new empty array
     */
    V newArray();

    /**
     * Appends to an array made by {@link #newArray()}.
     *
     * @param array an array made by {@link #newArray()}
     * @param value the new last element
     */
    void push(V array, V value);

    /**
     * Makes a string value.
     *
     * @param text the text, possibly empty
     * @return it as a value of the structure
     */
    V string(String text);

    /**
     * Makes a boolean value.
     *
     * @param value true or false
     * @return it as a value of the structure
     */
    V bool(boolean value);

    /**
     * Makes a number value.
     *
     * @param value the number (indexes are whole numbers)
     * @return it as a value of the structure
     */
    V number(double value);

    /**
     * Gives back a value the graph holds.
     *
     * @param value properties, metadata or a packet, as {@link #keep} made it (or as set in Java)
     * @return the very value {@link #keep} was given; JSON null for null
     */
    V kept(Object value);

    /**
     * What to write for {@code properties} when the graph has none (the field is never left out).
     *
     * @return the value to write, such as a new empty object
     */
    V noProperties();

    /**
     * What to write for the metadata of a process that has none.
     *
     * @return the value to write, or null to leave the field out
     */
    V noProcessMetadata();
}
