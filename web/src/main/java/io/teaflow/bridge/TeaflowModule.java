package io.teaflow.bridge;

import io.teaflow.runtime.ActorFactory;
import io.teaflow.runtime.ComponentLibraries;
import java.util.Map;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSExportClasses;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSString;

/**
 * What TeaVM exports: the classes {@code Network} and {@code LiveMemoryStateHandle}, and the
 * statics the entry script (web/src/main/js) needs to build the public {@code Api}. Nothing here
 * is public API by itself; the entry script decides what users see.
 */
@JSExportClasses({ JsNetwork.class, LiveMemoryStateHandle.class })
public final class TeaflowModule {
    /** Every library's components, merged once: TeaVM's ServiceLoader makes new library objects on each load. */
    private static Map<String, ActorFactory> javaComponents;

    private TeaflowModule() {
    }

    /**
     * The components of every {@code ComponentLibrary} compiled into this build (the built-ins and
     * the user's, listed in META-INF/services and linked by TeaVM at compile time), by name.
     */
    static Map<String, ActorFactory> javaComponents() {
        if (javaComponents == null) {
            javaComponents = ComponentLibraries.onClassPath();
        }
        return javaComponents;
    }

    /** The names of the Java components: the built-ins and those of the libraries compiled in. */
    @JSExport
    public static JSArray<JSString> components() {
        JSArray<JSString> names = new JSArray<>();
        for (String name : javaComponents().keySet()) {
            names.push(JSString.valueOf(name));
        }
        return names;
    }

    // The hot operations (state get/set/has/update, and net.send) as static exports. TeaVM's JS target exports instance methods
    // through a generic wrapper (arguments copied into an array, then apply: ~120 ns a call),
    // statics as plain functions (~5 ns). The entry script points the handle prototype's
    // get/set/has/update at these; the Java code run is the same.

    @JSExport
    public static JSObject stateGet(LiveMemoryStateHandle handle, JSObject key) {
        return handle.get(key);
    }

    /** Returns nothing: the caller returns the handle it already has (no Java object crosses back). */
    @JSExport
    public static void stateSet(LiveMemoryStateHandle handle, JSObject key, JSObject value) {
        handle.set(key, value);
    }

    @JSExport
    public static boolean stateHas(LiveMemoryStateHandle handle, JSObject key) {
        return handle.has(key);
    }

    /** The number of keys in the node's state: the entry's handle.size getter. */
    @JSExport
    public static int stateSize(LiveMemoryStateHandle handle) {
        return handle.size();
    }

    /**
     * The node's {@code {map, observed, owner}}: the entry script's get, set and has use the state's Map
     * directly, and come here (stateGet, stateSet, ...) for what needs Java: a key that is not a
     * string (the error), and every write while somebody subscribes (the notification).
     */
    @JSExport
    public static JSObject statePageAccess(LiveMemoryStateHandle handle) {
        return handle.pageAccess();
    }

    /**
     * A JS actor's send of one value on outport {@code outport}: the node's send function (see
     * bridge-scripts.js makeSend) calls this with the node's handle, which knows its run context.
     */
    @JSExport
    public static void actorSend(LiveMemoryStateHandle node, int outport, JSObject value) {
        node.sendTarget.runContext.deliver(outport, value);
    }

    /** {@link #actorSend} of a number, which crosses as a number (on wasm, no call back to convert it). */
    @JSExport
    public static void actorSendNumber(LiveMemoryStateHandle node, int outport, double value) {
        node.sendTarget.runContext.deliverNumber(outport, value);
    }

    /**
     * net.send of a page value; returns the send's token for {@link #networkSendAgain} (see the
     * entry's installSendFastPath).
     */
    @JSExport
    public static int networkSend(JsNetwork network, JSObject node, JSObject port, JSObject value) {
        return network.sendValue(node, port, PageValues.toJava(value));
    }

    /** {@link #networkSend} of a number, which crosses as a number. */
    @JSExport
    public static int networkSendNumber(JsNetwork network, JSObject node, JSObject port, double value) {
        return network.sendValue(node, port, Double.valueOf(value));
    }

    /** net.send to the node and inport of the send that returned {@code token}: 1, or 0 if that pair changed. */
    @JSExport
    public static int networkSendAgain(JsNetwork network, int token, JSObject value) {
        return network.sendAgain(token, value);
    }

    /** {@link #networkSendAgain} of a number. */
    @JSExport
    public static int networkSendNumberAgain(JsNetwork network, int token, double value) {
        return network.sendNumberAgain(token, value);
    }

    // Building a network: addNode and addConnection as static exports too (the entry points the
    // Network prototype at them), since a page building thousands of nodes paid the generic
    // wrapper's copy of the arguments on every call.

    @JSExport
    public static void networkAddNode(JsNetwork network, JSObject id, JSObject component, JSObject config) {
        network.addNode(id, component, config);
    }

    @JSExport
    public static void networkAddConnection(JsNetwork network, JSObject from, JSObject fromPort, JSObject to,
            JSObject toPort) {
        network.addConnection(from, fromPort, to, toPort);
    }

    /**
     * Hands the bridge its scripts ({@code bridgeScripts()} of web/src/main/js/bridge-scripts.js):
     * the entry script calls this first, before anything else of this backend runs.
     */
    @JSExport
    public static void installBridgeScripts(BridgeScripts scripts) {
        BridgeScripts.Installed.scripts = scripts;
    }

    /** update's first half: checks the key and fn, and returns the value fn is called with (by the entry, in JS). */
    @JSExport
    public static JSObject stateUpdateStart(LiveMemoryStateHandle handle, JSObject key, JSObject fn) {
        return handle.valueForUpdate(key, fn);
    }
}
