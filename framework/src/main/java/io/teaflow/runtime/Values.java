package io.teaflow.runtime;

import java.util.List;

/** Names the type of a Java-side value the way a JavaScript user would, for error messages. */
final class Values {
    private Values() {
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
