package io.teaflow.bridge;

import io.teaflow.runtime.ActorContext;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSString;

/**
 * The {@code context} a JS actor's {@code run(context)} receives: {@code input}, {@code state}
 * (the node's one handle), {@code config} (the object given to addNode), {@code node} and
 * {@code send}. Made once per node and reused: a run only replaces {@code input}.
 */
final class ActorRunContext {
    /** The JS object the actor sees. */
    final JSObject object;
    /** {@code send(outputs)} as a JS function, made once; legacy actors get it as their callback. */
    final JSObject send;

    // The JS string of the inport of the last run: most nodes have one inport, so a run seldom
    // converts a port name (port names are the node's own String objects, compared by identity).
    private String lastPort;
    private JSString lastPortJs;

    ActorRunContext(ActorContext runtime, JSObject handle) {
        this.send = asFunction(outputs -> sendAll(runtime, outputs));
        this.object = newContext(handle, configOf(runtime), JSString.valueOf(runtime.node()), send);
    }

    /** Sets {@code input} to {@code {[port]: value}} for the coming run, and returns it. */
    JSObject prepare(String port, JSObject value) {
        if (port != lastPort) {
            lastPort = port;
            lastPortJs = JSString.valueOf(port);
        }
        JSObject input = inputObject(lastPortJs, value);
        setInput(object, input);
        return input;
    }

    /** Sets {@code input} to one packet per inport for a joining run, and returns it. */
    JSObject prepareJoined(ActorContext runtime) {
        JSObject input = emptyObject();
        for (String port : runtime.inports()) {
            setProperty(input, port, JsValues.toJs(runtime.packet(port)));
        }
        setInput(object, input);
        return input;
    }

    /** {@code send(outputs)}: checks every port first, so a call with a bad port sends nothing. */
    private static void sendAll(ActorContext runtime, JSObject outputs) {
        if (!JsValues.isPlainObjectLike(outputs)) {
            throw JsErrors.typeError("node '" + runtime.node() + "': send expects an object keyed by outport, got "
                    + JsValues.describe(outputs));
        }
        JSArray<JSString> ports = ownKeys(outputs);
        int count = ports.getLength();
        if (count == 1) {
            // The common case: one port, converted once, checked by the send itself.
            JSString port = ports.get(0);
            runtime.send(port.stringValue(), JsValues.toJava(property(outputs, port)));
            return;
        }
        for (int i = 0; i < count; i++) {
            runtime.checkOutport(ports.get(i).stringValue());
        }
        for (int i = 0; i < count; i++) {
            JSString port = ports.get(i);
            runtime.send(port.stringValue(), JsValues.toJava(property(outputs, port)));
        }
    }

    /** The config exactly as given to addNode, or a fresh empty object if none was given. */
    private static JSObject configOf(ActorContext runtime) {
        Object config = runtime.config();
        return config == null ? emptyObject() : JsValues.toJs(config);
    }

    @JSFunctor
    interface Send extends JSObject {
        void send(JSObject outputs);
    }

    @JSBody(params = "sendAll", script = "return function send(outputs) { sendAll(outputs); };")
    private static native JSObject asFunction(Send sendAll);

    @JSBody(params = { "handle", "config", "node", "send" }, script = ""
            + "return { input: undefined, state: handle, config: config, node: node, send: send };")
    private static native JSObject newContext(JSObject handle, JSObject config, JSString node, JSObject send);

    @JSBody(params = { "port", "value" }, script = "var input = {}; input[port] = value; return input;")
    private static native JSObject inputObject(JSString port, JSObject value);

    @JSBody(params = { "object", "key", "value" }, script = "object[key] = value;")
    private static native void setProperty(JSObject object, String key, JSObject value);

    @JSBody(params = { "context", "input" }, script = "context.input = input;")
    private static native void setInput(JSObject context, JSObject input);

    @JSBody(params = "object", script = "return Object.keys(object);")
    private static native JSArray<JSString> ownKeys(JSObject object);

    @JSBody(params = { "object", "key" }, script = "return object[key];")
    private static native JSObject property(JSObject object, JSString key);

    @JSBody(script = "return {};")
    private static native JSObject emptyObject();
}
