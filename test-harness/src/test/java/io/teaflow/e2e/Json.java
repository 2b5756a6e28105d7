package io.teaflow.e2e;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import java.util.Map;

/**
 * Reads the JSON tests get back from Node scripts, pages and package.json, with Gson (strict):
 * objects become maps in key order, arrays lists, numbers {@link Double}s. Anything that is not
 * exactly one JSON value throws {@link IllegalArgumentException}.
 */
final class Json {
    private static final Gson GSON = new GsonBuilder().setStrictness(Strictness.STRICT).create();

    private Json() {
    }

    static Object parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("not JSON: no text");
        }
        try {
            return GSON.fromJson(text, Object.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage() + ": " + text, e);
        }
    }

    /** {@link #parse} of text that must be a JSON object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object, got: " + text);
        }
        return (Map<String, Object>) value;
    }
}
