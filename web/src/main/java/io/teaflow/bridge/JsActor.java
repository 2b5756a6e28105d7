package io.teaflow.bridge;

import io.teaflow.runtime.AbstractActor;
import io.teaflow.runtime.ActorContext;
import io.teaflow.runtime.ActorState;
import io.teaflow.runtime.Completion;
import io.teaflow.runtime.spi.ForeignError;
import io.teaflow.runtime.spi.LiveMemoryState;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Runs one node's JS actor instance (class, object or legacy form) with its reused
 * {@link ActorRunContext}. A returned Promise keeps the node busy until it settles; what the
 * actor throws, or rejects with, becomes an {@code error} event carrying the original value.
 */
final class JsActor extends AbstractActor {
    private static final int RETURNED = 0;
    private static final int PROMISED = 1;
    private static final int THREW = 2;

    /** "actor 'Name'", for messages. */
    private final String where;
    private final JSObject instance;
    private final boolean legacy;
    /** Receives the thrown value or the returned promise of a run. */
    private final JSObject outcome = newOutcome();

    private LiveMemoryStateHandle handle;
    /** Runs the instance on one packet (bridge-scripts.js makeRunner); made with the context. */
    private JSObject runner;
    /** Made on the first run, when the runtime's context (config, node id) is at hand. */
    private ActorRunContext context;

    JsActor(String where, JSObject instance, List<String> inports, List<String> outports, Map<String, Integer> capacities,
            boolean joins, boolean legacy) {
        super(inports, outports, capacities, joins);
        this.where = where;
        this.instance = instance;
        this.legacy = legacy;
    }

    /** Copies the instance's own initial {@code state} object into the live state, then points {@code this.state} at it. */
    @Override
    public void created(ActorState state) {
        handle = LiveMemoryStateHandle.of((LiveMemoryState) state);
        JSObject initial = PageObjects.read(instance, "state", where);
        if (PageValues.isPlainObjectLike(initial)) {
            handle.setAll(initial);
        }
        JSObject page = (JSObject) (Object) handle;
        String refused = BridgeScripts.get().defineState(instance, legacy ? BridgeScripts.get().legacyStateView(page) : page);
        if (refused != null) {
            throw JsErrors.typeError(where + ": could not set this.state on the instance: " + refused);
        }
    }

    @Override
    public void run(ActorContext ctx) {
        if (context == null) {
            context = new ActorRunContext(ctx, handle);
            runner = BridgeScripts.get().makeRunner(instance, legacy, context.object, context.send, outcome);
        }
        // One call into JS per run: it makes the input object, sets it on the context and runs.
        int status = awaitsAllInports()
                ? joined(runner, context.prepareJoined(ctx))
                : ctx.packetIsNumber()
                ? onNumber(runner, context.inputMaker(ctx.port()), ctx.packetAsNumber())
                : on(runner, context.inputMaker(ctx.port()), PageValues.toJs(ctx.packet()));
        if (status == RETURNED) {
            return;
        }
        JSObject value = takeOutcome(outcome);
        if (status == THREW) {
            throw new ForeignError(PageValues.messageOf(value), PageValues.hold(value));
        }
        Completion completion = ctx.async();
        BridgeScripts.get().whenSettled(value, completion::complete,
                error -> completion.fail(PageValues.messageOf(error), PageValues.hold(error)));
    }

    // The runner's methods (bridge-scripts.js NodeRunner) each return RETURNED, PROMISED or THREW.
    // Called through JSBody functions, not a JSO interface: on wasm a call of an interface method
    // goes through TeaVM's one generic glue for every method of that arity (instance[method](...),
    // megamorphic), a JSBody through a function of its own.

    @JSBody(params = { "runner", "makeInput", "value" }, script = "return runner.on(makeInput, value);")
    private static native int on(JSObject runner, JSObject makeInput, JSObject value);

    /** {@link #on} with a number packet, passed as a number (no conversion call on wasm). */
    @JSBody(params = { "runner", "makeInput", "value" }, script = "return runner.onNumber(makeInput, value);")
    private static native int onNumber(JSObject runner, JSObject makeInput, double value);

    @JSBody(params = { "runner", "input" }, script = "return runner.joined(input);")
    private static native int joined(JSObject runner, JSObject input);

    @JSFunctor
    interface Settled extends JSObject {
        void run();
    }

    @JSFunctor
    interface Failed extends JSObject {
        void fail(JSObject error);
    }

    @JSBody(script = "return { value: undefined };")
    private static native JSObject newOutcome();

    @JSBody(params = "outcome", script = "var taken = outcome.value; outcome.value = undefined; return taken;")
    private static native JSObject takeOutcome(JSObject outcome);
}
