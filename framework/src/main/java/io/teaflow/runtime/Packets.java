package io.teaflow.runtime;

import java.util.List;
import java.util.Map;

/**
 * Typed reads of a packet (or of a field or element of one) for Java components, the same on the
 * JVM and in the browser: a JS object is a {@link Map}, an array a {@link List}, a number a
 * {@link Double}, a string a {@link String}, a boolean a {@link Boolean}. A value of another type
 * is a {@link TeaflowTypeException} saying what was expected and what came, which the network
 * reports as the node's {@code 'error'} event.
 *
 * <pre>{@code
 * Map<String, Object> order = Packets.asMap(context.packet());
 * double total = Packets.asNumber(order.get("total"));
 * }</pre>
 */
public final class Packets {
    private Packets() {
    }

    /**
     * The value as an object (a live view of the JS object in the browser).
     *
     * @param value a packet, or a field or element of one
     * @return the same value, typed: a {@code put} changes the object the sender holds too
     * @throws TeaflowTypeException when {@code value} is not a {@link Map} ({@code null} included)
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        if (value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw wrongType(value, "an object");
    }

    /**
     * The value as an array (a live view of the JS array in the browser).
     *
     * @param value a packet, or a field or element of one
     * @return the same value, typed: an {@code add} changes the array the sender holds too
     * @throws TeaflowTypeException when {@code value} is not a {@link List} ({@code null} included)
     */
    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object value) {
        if (value instanceof List) {
            return (List<Object>) value;
        }
        throw wrongType(value, "an array");
    }

    /**
     * The value as a string.
     *
     * @param value a packet, or a field or element of one
     * @return the string
     * @throws TeaflowTypeException when {@code value} is not a {@link String} ({@code null} included;
     *         a number is not converted)
     */
    public static String asString(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        throw wrongType(value, "a string");
    }

    /**
     * The value as a number; any Java {@link Number} counts (JS numbers arrive as {@link Double}).
     *
     * @param value a packet, or a field or element of one
     * @return the number as a double
     * @throws TeaflowTypeException when {@code value} is not a {@link Number} ({@code null} included;
     *         a numeric string is not parsed)
     */
    public static double asNumber(Object value) {
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        throw wrongType(value, "a number");
    }

    /**
     * The value as a boolean.
     *
     * @param value a packet, or a field or element of one
     * @return the boolean
     * @throws TeaflowTypeException when {@code value} is not a {@link Boolean} ({@code null} included;
     *         no truthiness as in JavaScript)
     */
    public static boolean asBoolean(Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        throw wrongType(value, "a boolean");
    }

    private static TeaflowTypeException wrongType(Object value, String expected) {
        String type = Values.typeName(value);
        String article = "aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ";
        return new TeaflowTypeException("expected " + expected + ", got " + (value == null ? "null" : article + type)
                + (value instanceof String ? " \"" + value + "\"" : value instanceof Number || value instanceof Boolean
                        ? " " + value : ""));
    }
}
