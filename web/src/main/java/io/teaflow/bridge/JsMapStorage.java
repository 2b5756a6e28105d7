package io.teaflow.bridge;

import io.teaflow.runtime.spi.StateStorage;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSMap;
import org.teavm.jso.core.JSString;

/**
 * A node's state values in a JavaScript {@code Map}: page scripts read and write it through the
 * node's {@link LiveMemoryStateHandle} without any conversion, and Java components through this
 * class's {@link StateStorage} methods, which convert at the edge (see {@link PageValues}).
 * A {@code Map} takes any string as a plain key, {@code __proto__} included.
 */
final class JsMapStorage implements StateStorage {
    /** Made on first use (see {@link #map()}): most nodes of a large network never touch their state. */
    private JSMap<JSString, JSObject> map;
    /** The node's one handle, made on first request (see {@link LiveMemoryStateHandle#of}). */
    LiveMemoryStateHandle handle;
    /**
     * {@code {map, observed, owner}} (owner: the handle), what the entry script's handle methods use directly
     * while nobody subscribes (on wasm, a call into Java and back out to the Map cost several times
     * the Map operation); made when the page first uses the handle.
     */
    private JSObject pageAccess;

    /** The node's Map of values, made on first use. */
    JSMap<JSString, JSObject> map() {
        if (map == null) {
            map = new JSMap<>();
        }
        return map;
    }

    /**
     * The {@code {map, observed, owner}} the entry script's handle methods use (see {@link #pageAccess});
     * {@code observedNow} is whether anybody subscribes now: {@link #observed} keeps it current after.
     */
    JSObject pageAccess(boolean observedNow) {
        if (pageAccess == null) {
            pageAccess = newPageAccess(map(), observedNow, (JSObject) (Object) handle);
        }
        return pageAccess;
    }

    @Override
    public void observed(boolean observed) {
        if (pageAccess != null) {
            setObserved(pageAccess, observed);
        }
    }

    // Raw access for the handle: JS values in and out, untouched.

    JSObject rawGet(JSObject key) {
        return map().get((JSString) key);
    }

    void rawSet(JSObject key, JSObject value) {
        map().set((JSString) key, value);
    }

    boolean rawHas(JSObject key) {
        return map().has((JSString) key);
    }

    // StateStorage, for Java.

    @Override
    public Object get(String key) {
        return PageValues.toJavaOrNull(map().get(JsKeys.of(key)));
    }

    @Override
    public String typeOf(String key) {
        return BridgeScripts.get().typeOfEntry(map(), key);
    }

    @Override
    public boolean isNumber(String key) {
        return numberAtIs(map(), JsKeys.of(key));
    }

    @Override
    public double getNumber(String key) {
        return numberAt(map(), JsKeys.of(key));
    }

    @Override
    public void put(String key, Object value) {
        map().set(JsKeys.of(key), PageValues.toJs(value));
    }

    @Override
    public void putNumber(String key, double value) {
        setNumber(map(), JsKeys.of(key), value);
    }

    @Override
    public boolean append(String key, Object value) {
        return BridgeScripts.get().appendTo(map(), JsKeys.of(key), PageValues.toJs(value));
    }

    @Override
    public boolean has(String key) {
        return map().has(JsKeys.of(key));
    }

    @Override
    public boolean remove(String key) {
        return map().delete(JsKeys.of(key));
    }

    @Override
    public int size() {
        return mapSize(map());
    }

    @Override
    public List<String> keys() {
        JSArray<JSString> keys = rawKeys();
        List<String> result = new ArrayList<>(keys.getLength());
        for (int i = 0; i < keys.getLength(); i++) {
            result.add(keys.get(i).stringValue());
        }
        return result;
    }

    @Override
    public Object snapshot(String node, boolean skipUnserializable) {
        JSObject result = BridgeScripts.get().copyStateJson(map(), skipUnserializable);
        if (PageObjects.failed(result)) {
            throw unserializable("snapshot()", node, result);
        }
        return PageValues.toJava(PageObjects.valueOf(result));
    }

    @Override
    public List<String> snapshotKeys(Object snapshot, String node) {
        JSObject entries = PageValues.toJs(snapshot);
        if (!PageValues.isPlainObjectLike(entries)) {
            throw JsErrors.typeError("restore(): the state of node '" + node + "' must be an object of entries, got "
                    + PageValues.describe(entries));
        }
        JSArray<JSString> keys = PageObjects.ownKeys(entries, "restore(): the state of node '" + node + "'");
        List<String> result = new ArrayList<>(keys.getLength());
        for (int i = 0; i < keys.getLength(); i++) {
            result.add(keys.get(i).stringValue());
        }
        return result;
    }

    @Override
    public Object snapshotValue(Object snapshot, String node, String key) {
        JSObject result = PageObjects.copyJson(PageObjects.read(PageValues.toJs(snapshot), key,
                "restore(): the state of node '" + node + "'"));
        if (PageObjects.failed(result)) {
            throw unserializable("restore()", node, withKey(result, key));
        }
        return PageValues.toJava(PageObjects.valueOf(result));
    }

    private static io.teaflow.runtime.TeaflowException unserializable(String call, String node, JSObject failure) {
        String path = PageObjects.pathOf(failure);
        return new io.teaflow.runtime.TeaflowException(call + ": node '" + node + "', key '" + keyOf(failure)
                + "' holds " + PageObjects.whatOf(failure) + (path.isEmpty() ? "" : " (at " + path + ")")
                + ", which JSON cannot carry");
    }

    JSArray<JSString> rawKeys() {
        return mapKeys(map());
    }

    @JSBody(params = "result", script = "return String(result.key);")
    private static native String keyOf(JSObject result);

    @JSBody(params = { "result", "key" }, script = "result.key = key; return result;")
    private static native JSObject withKey(JSObject result, String key);

    @JSBody(params = { "map", "key", "value" }, script = "map.set(key, value);")
    private static native void setNumber(JSObject map, JSString key, double value);

    @JSBody(params = "map", script = "return map.size;")
    private static native int mapSize(JSObject map);

    @JSBody(params = "map", script = "return Array.from(map.keys());")
    private static native JSArray<JSString> mapKeys(JSObject map);

    @JSBody(params = { "map", "key" }, script = "return map.get(key);")
    private static native double numberAt(JSObject map, JSString key);

    @JSBody(params = { "map", "key" }, script = "return typeof map.get(key) === 'number';")
    private static native boolean numberAtIs(JSObject map, JSString key);

    @JSBody(params = { "map", "observed", "owner" }, script = "return { map: map, observed: observed, owner: owner };")
    private static native JSObject newPageAccess(JSObject map, boolean observed, JSObject owner);

    @JSBody(params = { "access", "observed" }, script = "access.observed = observed;")
    private static native void setObserved(JSObject access, boolean observed);
}
