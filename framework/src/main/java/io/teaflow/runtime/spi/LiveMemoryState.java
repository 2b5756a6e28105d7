package io.teaflow.runtime.spi;

import io.teaflow.runtime.ActorState;
import io.teaflow.runtime.StateListener;
import io.teaflow.runtime.Subscription;
import io.teaflow.runtime.TeaflowTypeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one live state of a node. Every reader and writer (Java components, the runtime, the page
 * through the bridge) goes through this object or its storage, so there is nothing to copy or sync.
 * It adds to the storage what the storage should not know: subscriber notification and clear
 * errors naming the node and key.
 */
public final class LiveMemoryState implements ActorState {
    private final String node;
    private final StateStorage storage;
    private final ErrorSink errors;
    private final ListenerList<StateListener> listeners = new ListenerList<>();

    /**
     * The state of one node, over its storage.
     *
     * @param node the node's id, named in every error message
     * @param storage where the values live, from {@link Host#newStateStorage}; from now on written only
     *        through this object (or, by a bridge, followed by {@link #changed})
     * @param errors where a throwing subscriber is reported
     */
    public LiveMemoryState(String node, StateStorage storage, ErrorSink errors) {
        this.node = node;
        this.storage = storage;
        this.errors = errors;
    }

    /**
     * The node this state belongs to.
     *
     * @return the node's id
     */
    public String node() {
        return node;
    }

    /**
     * The storage itself, for a bridge that reads and writes it directly and then calls {@link #changed}.
     *
     * @return the storage given to the constructor
     */
    public StateStorage storage() {
        return storage;
    }

    /**
     * Whether anyone listens; lets writers skip computing old values when no one does.
     *
     * @return true if at least one subscription is active
     */
    public boolean hasSubscribers() {
        return !listeners.isEmpty();
    }

    @Override
    public Object get(String key) {
        return storage.get(checkKey(key));
    }

    @Override
    public double getNumber(String key, double fallback) {
        if (storage.isNumber(checkKey(key))) {
            return storage.getNumber(key);
        }
        if (!storage.has(key)) {
            return fallback;
        }
        String type = storage.typeOf(key);
        throw new TeaflowTypeException("state '" + key + "' of node '" + node + "' holds a " + type
                + ", not a number");
    }

    @Override
    public String getString(String key, String fallback) {
        Object value = storage.get(checkKey(key));
        if (value == null) {
            return fallback;
        }
        if (value instanceof String) {
            return (String) value;
        }
        throw wrongType(key, "a string");
    }

    @Override
    public boolean getBoolean(String key, boolean fallback) {
        Object value = storage.get(checkKey(key));
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        throw wrongType(key, "a boolean");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> getMap(String key) {
        Object value = storage.get(checkKey(key));
        if (value == null || value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw wrongType(key, "an object");
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Object> getList(String key) {
        Object value = storage.get(checkKey(key));
        if (value == null || value instanceof List) {
            return (List<Object>) value;
        }
        throw wrongType(key, "an array");
    }

    private TeaflowTypeException wrongType(String key, String expected) {
        String type = storage.typeOf(key);
        String article = "aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ";
        return new TeaflowTypeException("state '" + key + "' of node '" + node + "' holds " + article + type
                + ", not " + expected);
    }

    @Override
    public void set(String key, Object value) {
        checkKey(key);
        try {
            if (listeners.isEmpty()) {
                storage.put(key, value);
                return;
            }
            Object old = storage.get(key);
            storage.put(key, value);
            changed(key, value, old);
        } catch (TeaflowTypeException noJsForm) {
            throw named(key, noJsForm);
        }
    }

    /** A storage's refusal of a value (one with no JS form), now naming the key and node. */
    private TeaflowTypeException named(String key, TeaflowTypeException refusal) {
        return refusal.getMessage().startsWith("state '") ? refusal
                : new TeaflowTypeException("state '" + key + "' of node '" + node + "': " + refusal.getMessage());
    }

    @Override
    public void setNumber(String key, double value) {
        checkKey(key);
        if (listeners.isEmpty()) {
            storage.putNumber(key, value);
            return;
        }
        Object old = storage.get(key);
        storage.putNumber(key, value);
        changed(key, value, old);
    }

    @Override
    public void append(String key, Object value) {
        checkKey(key);
        boolean appended;
        try {
            appended = storage.append(key, value);
        } catch (TeaflowTypeException noJsForm) {
            throw named(key, noJsForm);
        }
        if (!appended) {
            throw new TeaflowTypeException("state '" + key + "' of node '" + node + "' holds a "
                    + storage.typeOf(key) + ", not an array to append to");
        }
        if (!listeners.isEmpty()) {
            Object list = storage.get(key);
            changed(key, list, list);
        }
    }

    @Override
    public boolean has(String key) {
        return storage.has(checkKey(key));
    }

    @Override
    public boolean remove(String key) {
        checkKey(key);
        if (!storage.has(key)) {
            return false;
        }
        Object old = listeners.isEmpty() ? null : storage.get(key);
        storage.remove(key);
        if (!listeners.isEmpty()) {
            notify(key, null, old, true);
        }
        return true;
    }

    @Override
    public void clear() {
        for (String key : storage.keys()) {
            remove(key);
        }
    }

    @Override
    public int size() {
        return storage.size();
    }

    @Override
    public List<String> keys() {
        return storage.keys();
    }

    /**
     * A deep, JSON-safe copy of the entries (see {@link StateStorage#snapshot}).
     *
     * @param skipUnserializable true to leave out an entry JSON cannot carry, false to fail on it
     * @return the copy, in the platform's form (a {@code Map} on the JVM, a plain object in JS)
     * @throws io.teaflow.runtime.TeaflowException naming node, key and place, when an entry cannot be
     *         carried and {@code skipUnserializable} is false
     */
    public Object snapshot(boolean skipUnserializable) {
        return storage.snapshot(node, skipUnserializable);
    }

    /**
     * The values a restore would put in, copied and checked first, so a bad snapshot fails before
     * anything changes.
     *
     * @param snapshot this node's entries, as {@link #snapshot} made them (or as parsed from their JSON)
     * @return key to a fresh copy of its value, in order; for {@link #restore}
     * @throws io.teaflow.runtime.TeaflowException naming the node (and key) when {@code snapshot} is not an
     *         object of entries or holds a value JSON cannot carry
     */
    public Map<String, Object> prepareRestore(Object snapshot) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : storage.snapshotKeys(snapshot, node)) {
            values.put(key, storage.snapshotValue(snapshot, node, key));
        }
        return values;
    }

    /**
     * Makes the state equal to {@code values} (from {@link #prepareRestore}), telling subscribers of
     * each change: keys not in {@code values} are removed, the others set.
     *
     * @param values what {@link #prepareRestore} returned
     */
    public void restore(Map<String, Object> values) {
        for (String key : storage.keys()) {
            if (!values.containsKey(key)) {
                remove(key);
            }
        }
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            set(entry.getKey(), entry.getValue());
        }
    }

    @Override
    public Subscription subscribe(StateListener listener) {
        if (listener == null) {
            throw new TeaflowTypeException("subscribe on node '" + node + "' needs a listener, got null");
        }
        boolean first = listeners.isEmpty();
        Subscription subscription = listeners.add(listener);
        if (first) {
            storage.observed(true);
        }
        return () -> {
            boolean had = !listeners.isEmpty();
            subscription.cancel();
            if (had && listeners.isEmpty()) {
                storage.observed(false);
            }
        };
    }

    /**
     * Tells every subscriber of a change. A subscriber that throws is reported as an error of this
     * node and the others are still told: one faulty listener must not hide changes from the rest.
     * For a bridge that wrote the storage directly; this object's own writes call it themselves.
     *
     * @param key the key that changed
     * @param newValue the value now stored, as {@link #get} gives it
     * @param oldValue the value before, as {@link #get} gave it; {@code null} if there was none
     */
    public void changed(String key, Object newValue, Object oldValue) {
        notify(key, newValue, oldValue, false);
    }

    private void notify(String key, Object newValue, Object oldValue, boolean removal) {
        for (Object listener : listeners.snapshot()) {
            try {
                if (removal) {
                    ((StateListener) listener).removed(key, oldValue);
                } else {
                    ((StateListener) listener).changed(key, newValue, oldValue);
                }
            } catch (RuntimeException e) {
                errors.report(node, "state subscriber of node '" + node + "' failed on key '" + key + "': "
                        + e.getMessage(), ForeignError.unwrap(e));
            }
        }
    }

    private String checkKey(String key) {
        if (key == null) {
            throw new TeaflowTypeException("state key of node '" + node + "' must be a string, got null");
        }
        return key;
    }
}
