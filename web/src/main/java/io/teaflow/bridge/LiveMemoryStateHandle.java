package io.teaflow.bridge;

import io.teaflow.runtime.StateListener;
import io.teaflow.runtime.Subscription;
import io.teaflow.runtime.spi.ForeignError;
import io.teaflow.runtime.spi.LiveMemoryState;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSString;

/**
 * The page's view of one node's live state: exactly one per node, so {@code net.state(id)},
 * {@code context.state} and an actor's {@code this.state} are the same object. It reads and
 * writes the node's {@link JsMapStorage} directly (no conversion, no boxing) and tells the node's
 * {@link LiveMemoryState} subscribers (Java ones and page ones alike) of every change.
 */
public final class LiveMemoryStateHandle {
    private final LiveMemoryState state;
    private final JsMapStorage storage;
    /**
     * Where the sends of the node's JS actor go once it has run. In an object of its own, made with
     * the handle: a page may freeze the handle before the node first runs.
     */
    final SendTarget sendTarget = new SendTarget();

    /** The run context of the node's JS actor, if it is one and has run. */
    static final class SendTarget {
        ActorRunContext runContext;
    }

    /**
     * Not for pages: a handle belongs to a node ({@code net.state(id)}). Exported only because the
     * WebAssembly target exports a class (and so {@code instanceof}) only with a constructor.
     */
    @JSExport
    public LiveMemoryStateHandle() {
        throw JsErrors.typeError("LiveMemoryStateHandle cannot be constructed: every node has its own,"
                + " get it with net.state(id)");
    }

    private LiveMemoryStateHandle(LiveMemoryState state, JsMapStorage storage) {
        this.state = state;
        this.storage = storage;
    }

    /** The one handle of {@code state}'s node. */
    static LiveMemoryStateHandle of(LiveMemoryState state) {
        JsMapStorage storage = (JsMapStorage) state.storage();
        if (storage.handle == null) {
            storage.handle = new LiveMemoryStateHandle(state, storage);
        }
        return storage.handle;
    }

    /** See {@link JsMapStorage#pageAccess(boolean)}. */
    JSObject pageAccess() {
        return storage.pageAccess(state.hasSubscribers());
    }

    @JSExport
    public JSObject get(JSObject key) {
        return storage.rawGet(checkKey(key, "get"));
    }

    @JSExport
    public LiveMemoryStateHandle set(JSObject key, JSObject value) {
        checkKey(key, "set");
        if (!state.hasSubscribers()) {
            storage.rawSet(key, value);
            return this;
        }
        JSObject old = storage.rawGet(key);
        storage.rawSet(key, value);
        state.changed(((JSString) key).stringValue(), PageValues.toJava(value), PageValues.toJava(old));
        return this;
    }

    @JSExport
    public boolean has(JSObject key) {
        return storage.rawHas(checkKey(key, "has"));
    }

    @JSExport
    public boolean remove(JSObject key) {
        return state.remove(((JSString) checkKey(key, "remove")).stringValue());
    }

    @JSExport
    public void clear() {
        state.clear();
    }

    /** handle.size, a getter the entry defines (TeaflowModule.stateSize): TeaVM's own could not be redefined to check its this. */
    int size() {
        return storage.size();
    }

    @JSExport
    public JSArray<JSString> keys() {
        return storage.rawKeys();
    }

    /** A fresh plain object of every entry; keys such as {@code __proto__} become own properties. */
    @JSExport
    public JSObject getAll() {
        return BridgeScripts.get().entriesObject(storage.map());
    }

    /** {@code JSON.stringify(handle)} gives the state's entries, not the handle's internals. */
    @JSExport
    public JSObject toJSON() {
        return getAll();
    }

    /**
     * Sets each own enumerable property of {@code values}, in order, each notified like {@link #set}.
     * All or nothing: if listing or reading {@code values} throws, nothing is set.
     */
    @JSExport
    public LiveMemoryStateHandle setAll(JSObject values) {
        if (!PageValues.isPlainObjectLike(values)) {
            throw JsErrors.typeError("state.setAll: expected an object of key/value pairs, got "
                    + PageValues.describe(values));
        }
        // Every value is read before the first is set: a getter that throws changes nothing.
        String where = "state.setAll (node '" + state.node() + "')";
        JSArray<JSString> keys = PageObjects.ownKeys(values, where);
        JSArray<JSObject> read = new JSArray<>();
        for (int i = 0; i < keys.getLength(); i++) {
            read.push(PageObjects.read(values, keys.get(i).stringValue(), where));
        }
        for (int i = 0; i < keys.getLength(); i++) {
            set(keys.get(i), read.get(i));
        }
        return this;
    }

    /**
     * {@code set(key, fn(get(key)))}; returns the new value. If {@code fn} throws, nothing changes
     * and what it threw is rethrown. Pages reach the entry script's version of this (which calls
     * {@link #valueForUpdate}, then {@code fn} in JS, then {@code set}), so a page's exception never
     * crosses TeaVM's WebAssembly glue, which would inspect it.
     */
    @JSExport
    public JSObject update(JSObject key, JSObject fn) {
        JSObject next = JsCalls.callOrHold(fn, valueForUpdate(key, fn));
        if (PageValues.same(next, JsCalls.FAILED)) {
            JSObject thrown = JsCalls.takeError(next);
            throw new ForeignError("state.update: fn threw " + PageValues.messageOf(thrown), PageValues.hold(thrown));
        }
        set(key, next);
        return next;
    }

    /** The value {@code update(key, fn)} passes to {@code fn}, once the key and {@code fn} are checked. */
    JSObject valueForUpdate(JSObject key, JSObject fn) {
        checkKey(key, "update");
        if (!PageValues.isFunction(fn)) {
            throw JsErrors.typeError("state.update('" + ((JSString) key).stringValue()
                    + "', fn): fn must be a function, got " + PageValues.describe(fn));
        }
        return storage.rawGet(key);
    }

    /** Calls {@code listener(key, newValue, oldValue)} after every change from JS or Java. */
    @JSExport
    public JSObject subscribe(JSObject listener) {
        if (!PageValues.isFunction(listener)) {
            throw JsErrors.typeError("state.subscribe: the listener must be a function, got "
                    + PageValues.describe(listener));
        }
        Subscription subscription = state.subscribe(new PageListener(listener));
        return JsUnsubscribe.of(subscription);
    }

    private JSObject checkKey(JSObject key, String method) {
        if (!PageValues.isString(key)) {
            throw JsErrors.typeError("state." + method + ": the key must be a string, got " + PageValues.describe(key)
                    + " (node '" + state.node() + "')");
        }
        return key;
    }

    /** A page function subscribed to the state, called with JS values. */
    private static final class PageListener implements StateListener {
        private final JSObject function;

        PageListener(JSObject function) {
            this.function = function;
        }

        @Override
        public void changed(String key, Object newValue, Object oldValue) {
            JsCalls.callOrThrow(function, JSString.valueOf(key), PageValues.toJs(newValue), PageValues.toJs(oldValue));
        }

        /** A removed key reads as {@code undefined}, so that is its new value. */
        @Override
        public void removed(String key, Object oldValue) {
            JsCalls.callOrThrow(function, JSString.valueOf(key), PageValues.undefined(), PageValues.toJs(oldValue));
        }
    }

}
