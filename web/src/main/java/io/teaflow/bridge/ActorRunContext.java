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
    private final ActorContext runtime;

    // One input maker per inport, made on its first packet; the last one used is kept apart, as
    // most nodes have one inport (port names are the node's own String objects: compared by identity).
    private final JSObject[] inputMakers;
    private String lastPort;
    private JSObject lastInputMaker;

    ActorRunContext(ActorContext runtime, LiveMemoryStateHandle handle) {
        this.runtime = runtime;
        this.inputMakers = new JSObject[runtime.inports().size()];
        JSArray<JSString> outports = new JSArray<>();
        for (String port : runtime.outports()) {
            outports.push(JSString.valueOf(port));
        }
        String node = "node '" + runtime.node() + "'";
        // The send function calls TeaflowModule.actorSend with the node's handle, which leads here.
        handle.sendTarget.runContext = this;
        this.send = BridgeScripts.get().makeSend(outports, (JSObject) (Object) handle,
                port -> runtime.checkOutport(port),
                outputs -> {
                    throw JsErrors.typeError(node + ": send expects an object keyed by outport, got "
                            + PageValues.describe(outputs));
                },
                (port, message) -> {
                    throw JsErrors.typeError(node + ": send could not read "
                            + (port == null ? "the outputs object" : "outputs." + port) + ", so nothing was sent: "
                            + message);
                });
        this.object = newContext((JSObject) (Object) handle, configOf(runtime), JSString.valueOf(runtime.node()), send);
    }

    /** One value the actor sent on the outport at {@code index}. */
    void deliver(int index, JSObject value) {
        runtime.send(index, PageValues.toJava(value));
    }

    /** One number the actor sent (it crossed as a number, and waits unboxed for its receivers). */
    void deliverNumber(int index, double value) {
        runtime.sendNumber(index, value);
    }

    /** What makes the run's {@code input} for a packet on {@code port} (bridge-scripts.js inputMaker). */
    JSObject inputMaker(String port) {
        if (port != lastPort) {
            lastPort = port;
            lastInputMaker = makerOf(port);
        }
        return lastInputMaker;
    }

    private JSObject makerOf(String port) {
        int index = runtime.inports().indexOf(port);
        if (index < 0) {
            return BridgeScripts.get().inputMaker(JSString.valueOf(port));
        }
        if (inputMakers[index] == null) {
            inputMakers[index] = BridgeScripts.get().inputMaker(JSString.valueOf(port));
        }
        return inputMakers[index];
    }

    /** Sets {@code input} to one packet per inport for a joining run, and returns it. */
    JSObject prepareJoined(ActorContext runtime) {
        JSObject input = PageObjects.empty();
        for (String port : runtime.inports()) {
            PageObjects.define(input, port, PageValues.toJs(runtime.packet(port)));
        }
        setInput(object, input);
        return input;
    }

    /** The config exactly as given to addNode, or a fresh empty object if none was given. */
    private static JSObject configOf(ActorContext runtime) {
        Object config = runtime.config();
        return config == null ? PageObjects.empty() : PageValues.toJs(config);
    }

    @JSFunctor
    interface Undeclared extends JSObject {
        void reject(String port);
    }

    @JSFunctor
    interface NotOutputs extends JSObject {
        void reject(JSObject outputs);
    }

    @JSFunctor
    interface Unreadable extends JSObject {
        void reject(String port, String message);
    }

    @JSBody(params = { "handle", "config", "node", "send" }, script = ""
            + "return { input: undefined, state: handle, config: config, node: node, send: send };")
    private static native JSObject newContext(JSObject handle, JSObject config, JSString node, JSObject send);

    @JSBody(params = { "context", "input" }, script = "context.input = input;")
    private static native void setInput(JSObject context, JSObject input);

}
