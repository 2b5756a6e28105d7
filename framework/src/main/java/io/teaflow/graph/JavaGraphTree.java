package io.teaflow.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link GraphTree} over plain Java values: {@code Map<String, Object>} objects (kept in insertion
 * order when written), {@code List<Object>} arrays, {@code String}, any {@code Number},
 * {@code Boolean} and {@code null}, which is what JSON libraries such as Gson or Jackson give.
 */
final class JavaGraphTree implements GraphTree<Object> {
    static final JavaGraphTree INSTANCE = new JavaGraphTree();

    private static final Object ABSENT = GraphValidator.ABSENT;

    private JavaGraphTree() {
    }

    @Override
    public Object field(Object object, String key, Object where) {
        Map<?, ?> map = (Map<?, ?>) object;
        Object value = map.get(key);
        return value == null && !map.containsKey(key) ? ABSENT : value;
    }

    @Override
    public List<String> keys(Object object, Object where) {
        List<String> keys = new ArrayList<>();
        for (Object key : ((Map<?, ?>) object).keySet()) {
            if (!(key instanceof String)) {
                throw new GraphException(where + " has a key that is not a string (got "
                        + GraphValidator.describe(key) + ")");
            }
            keys.add((String) key);
        }
        return keys;
    }

    @Override
    public int length(Object array, Object where) {
        return ((List<?>) array).size();
    }

    @Override
    public Object element(Object array, int index, Object where) {
        return ((List<?>) array).get(index);
    }

    @Override
    public boolean isAbsent(Object value) {
        return value == ABSENT;
    }

    @Override
    public boolean isNull(Object value) {
        return value == null;
    }

    @Override
    public boolean isObject(Object value) {
        return value instanceof Map;
    }

    @Override
    public boolean isArray(Object value) {
        return value instanceof List;
    }

    @Override
    public String asString(Object value) {
        return value instanceof String ? (String) value : null;
    }

    @Override
    public Boolean asBoolean(Object value) {
        return value instanceof Boolean ? (Boolean) value : null;
    }

    @Override
    public Double asNumber(Object value) {
        return value instanceof Number ? Double.valueOf(((Number) value).doubleValue()) : null;
    }

    @Override
    public Object keep(Object value) {
        return value == ABSENT ? null : value;
    }

    @Override
    public String describe(Object value) {
        return GraphValidator.describe(value);
    }

    @Override
    public Object newObject() {
        return new LinkedHashMap<String, Object>();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void put(Object object, String key, Object value) {
        ((Map<String, Object>) object).put(key, value);
    }

    @Override
    public Object newArray() {
        return new ArrayList<Object>();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void push(Object array, Object value) {
        ((List<Object>) array).add(value);
    }

    @Override
    public Object string(String text) {
        return text;
    }

    @Override
    public Object bool(boolean value) {
        return Boolean.valueOf(value);
    }

    @Override
    public Object number(double value) {
        return Double.valueOf(value);
    }

    @Override
    public Object kept(Object value) {
        return value;
    }

    @Override
    public Object noProperties() {
        return new LinkedHashMap<String, Object>();
    }

    @Override
    public Object noProcessMetadata() {
        return null;
    }
}
