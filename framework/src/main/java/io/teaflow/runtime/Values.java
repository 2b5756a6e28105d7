package io.teaflow.runtime;

import java.util.List;
import java.util.Map;

/** Java-side values seen the way a JavaScript user would: their type names, and whether they have a JS form. */
final class Values {
    private Values() {
    }

    /**
     * Fails, as the browser does, for a state value with no JS form (the state is shared with the
     * page): so a component that keeps, say, an {@code ArrayDeque} in its state fails its JVM test
     * instead of only in the browser. Maps and lists are taken as they are (their contents are
     * checked in the browser, where they are copied).
     */
    static void checkHasJsForm(Object value) {
        if (value == null || value instanceof Number || value instanceof String || value instanceof Boolean
                || value instanceof Character || value instanceof Map || value instanceof List) {
            return;
        }
        throw new TeaflowTypeException("a Java value cannot go to JavaScript: value is a " + value.getClass().getName()
                + "; JavaScript takes null, numbers, strings, booleans, java.util.Map (string keys), java.util.List,"
                + " and values that came from JavaScript");
    }

    static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof List) {
            return "array";
        }
        return "object";
    }
}
