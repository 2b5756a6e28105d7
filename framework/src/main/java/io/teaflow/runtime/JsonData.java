package io.teaflow.runtime;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep copies of Java values that JSON can carry: null, Boolean, finite numbers (as Double),
 * String, List and Map with String keys. Used for snapshots on the JVM.
 */
final class JsonData {
    private JsonData() {
    }

    /** Thrown for a value JSON cannot carry; {@link #path} says where inside the value it is. */
    static final class Unserializable extends RuntimeException {
        final String path;
        final String what;

        Unserializable(String path, String what) {
            super(what + " at " + path, null, false, false);
            this.path = path;
            this.what = what;
        }
    }

    static Object copy(Object value) {
        return copy(value, "", new IdentityHashMap<>());
    }

    private static Object copy(Object value, String path, IdentityHashMap<Object, Boolean> open) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new Unserializable(path, "the non-finite number " + number);
            }
            return number;
        }
        if (open.containsKey(value)) {
            throw new Unserializable(path, "a cycle");
        }
        if (value instanceof List) {
            open.put(value, Boolean.TRUE);
            List<Object> copy = new ArrayList<>();
            int index = 0;
            for (Object item : (List<?>) value) {
                copy.add(copy(item, path + "[" + index++ + "]", open));
            }
            open.remove(value);
            return copy;
        }
        if (value instanceof Map) {
            open.put(value, Boolean.TRUE);
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (!(entry.getKey() instanceof String)) {
                    throw new Unserializable(path, "a map key that is not a string");
                }
                String key = (String) entry.getKey();
                copy.put(key, copy(entry.getValue(), path + "." + key, open));
            }
            open.remove(value);
            return copy;
        }
        throw new Unserializable(path, "a " + value.getClass().getSimpleName());
    }
}
