package io.teaflow.bridge;

import io.teaflow.runtime.TeaflowTypeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSString;

/**
 * What a Java value that did not come from JS becomes in JS, past the cases {@link PageValues#toJs}
 * takes itself: a {@link Map} with string keys becomes a new plain object and a {@link List} a new
 * array (copies, deep, made when the value crosses: a state entry set, a packet reaching a JS actor
 * or the page), a {@link Character} a one-character string. Any other Java object has no JS form and
 * is an error naming its class and where in the value it sits, so nothing half-converted reaches the
 * page. A cycle is an error too.
 */
final class JavaValuesToJs {
    private JavaValuesToJs() {
    }

    static JSObject copy(Object value) {
        return copy(value, "value", new ArrayList<>());
    }

    /**
     * open: the lists and maps being copied, outermost first, compared by identity. A stack scanned
     * rather than an IdentityHashMap: nesting is shallow, and the map was the only use of TeaVM's
     * IdentityHashMap in a bundle (1.6 KB of the JS backend).
     */
    private static JSObject copy(Object value, String path, ArrayList<Object> open) {
        if (value == null || value instanceof JsValueHolder || value instanceof Number || value instanceof String
                || value instanceof Boolean) {
            return PageValues.toJs(value);
        }
        if (value instanceof Character) {
            return JSString.valueOf(value.toString());
        }
        if (isOpen(open, value)) {
            throw new TeaflowTypeException("a Java value cannot go to JavaScript: " + path + " contains itself (a cycle)");
        }
        if (value instanceof List) {
            open.add(value);
            JSArray<JSObject> array = new JSArray<>();
            int index = 0;
            for (Object element : (List<?>) value) {
                array.push(copy(element, path + "[" + index++ + "]", open));
            }
            open.remove(open.size() - 1);
            return array;
        }
        if (value instanceof Map) {
            open.add(value);
            JSObject object = PageObjects.empty();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (!(entry.getKey() instanceof String)) {
                    throw new TeaflowTypeException("a Java value cannot go to JavaScript: " + path
                            + " has a key that is not a string (" + describe(entry.getKey()) + ")");
                }
                String key = (String) entry.getKey();
                PageObjects.define(object, key, copy(entry.getValue(), path + "." + key, open));
            }
            open.remove(open.size() - 1);
            return object;
        }
        throw new TeaflowTypeException("a Java value cannot go to JavaScript: " + path + " is a "
                + value.getClass().getName() + "; JavaScript takes null, numbers, strings, booleans, java.util.Map"
                + " (string keys), java.util.List, and values that came from JavaScript");
    }

    private static boolean isOpen(ArrayList<Object> open, Object value) {
        for (int i = open.size() - 1; i >= 0; i--) {
            if (open.get(i) == value) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Object key) {
        return key == null ? "null" : key.getClass().getName() + " " + key;
    }
}
