package io.teaflow.runtime;

import io.teaflow.runtime.spi.StateStorage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** State storage for the JVM: an insertion-ordered map of Java objects. */
final class MapStateStorage implements StateStorage {
    private final Map<String, Object> values = new LinkedHashMap<>();

    @Override
    public Object get(String key) {
        return values.get(key);
    }

    @Override
    public String typeOf(String key) {
        if (!values.containsKey(key)) {
            return "undefined";
        }
        return Values.typeName(values.get(key));
    }

    @Override
    public boolean isNumber(String key) {
        return values.get(key) instanceof Number;
    }

    @Override
    public double getNumber(String key) {
        return ((Number) values.get(key)).doubleValue();
    }

    @Override
    public void put(String key, Object value) {
        Values.checkHasJsForm(value);
        values.put(key, value);
    }

    @Override
    public void putNumber(String key, double value) {
        values.put(key, value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean append(String key, Object value) {
        Values.checkHasJsForm(value);
        Object existing = values.get(key);
        if (existing == null && !values.containsKey(key)) {
            existing = new ArrayList<>();
            values.put(key, existing);
        }
        if (!(existing instanceof List)) {
            return false;
        }
        ((List<Object>) existing).add(value);
        return true;
    }

    @Override
    public boolean has(String key) {
        return values.containsKey(key);
    }

    @Override
    public boolean remove(String key) {
        if (!values.containsKey(key)) {
            return false;
        }
        values.remove(key);
        return true;
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public List<String> keys() {
        return new ArrayList<>(values.keySet());
    }

    @Override
    public Object snapshot(String node, boolean skipUnserializable) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            try {
                copy.put(entry.getKey(), JsonData.copy(entry.getValue()));
            } catch (JsonData.Unserializable e) {
                if (!skipUnserializable) {
                    throw unserializable("snapshot()", node, entry.getKey(), e);
                }
            }
        }
        return copy;
    }

    @Override
    public List<String> snapshotKeys(Object snapshot, String node) {
        if (!(snapshot instanceof Map)) {
            throw new TeaflowTypeException("restore(): the state of node '" + node + "' must be an object of entries");
        }
        List<String> keys = new ArrayList<>();
        for (Object key : ((Map<?, ?>) snapshot).keySet()) {
            if (!(key instanceof String)) {
                throw new TeaflowTypeException("restore(): the state of node '" + node + "' has a key that is not a string: "
                        + key);
            }
            keys.add((String) key);
        }
        return keys;
    }

    @Override
    public Object snapshotValue(Object snapshot, String node, String key) {
        try {
            return JsonData.copy(((Map<?, ?>) snapshot).get(key));
        } catch (JsonData.Unserializable e) {
            throw unserializable("restore()", node, key, e);
        }
    }

    private static TeaflowException unserializable(String call, String node, String key, JsonData.Unserializable e) {
        return new TeaflowException(call + ": node '" + node + "', key '" + key + "' holds " + e.what
                + (e.path.isEmpty() ? "" : " (at " + e.path + ")") + ", which JSON cannot carry");
    }
}
