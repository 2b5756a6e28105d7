package io.teaflow.bridge;

import io.teaflow.runtime.spi.ForeignError;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * Calls page functions from Java while keeping what they throw: the thrown value is caught in JS
 * (so it is not turned into a Java exception that loses it) and carried on as a {@link ForeignError}.
 */
final class JsCalls {
    private JsCalls() {
    }

    /** Calls {@code fn(a, b, c)}; if it throws, throws a ForeignError carrying the thrown value. */
    static void callOrThrow(JSObject fn, JSObject a, JSObject b, JSObject c) {
        JSObject thrown = BridgeScripts.get().callOrHold3(fn, a, b, c, FAILED);
        if (thrown != null) {
            JSObject error = takeError(FAILED);
            throw new ForeignError(PageValues.messageOf(error), PageValues.hold(error));
        }
    }

    /**
     * Calls {@code fn(value)} and returns its result; if it throws, returns {@link #FAILED} with the
     * thrown value in it (for the caller to hand back to the page, untouched).
     */

    static JSObject callOrHold(JSObject fn, JSObject value) {
        return callOrHold(fn, value, FAILED);
    }

    // One line, and on state.update's path: a static script costs less than a call through BridgeScripts.
    @JSBody(params = { "fn", "value", "holder" },
            script = "try { return fn(value); } catch (thrown) { holder.error = thrown; return holder; }")
    private static native JSObject callOrHold(JSObject fn, JSObject value, JSObject holder);

    /** Holds the last thrown value; a JS object so the error never becomes a Java exception. */
    static final JSObject FAILED = newHolder();

    @JSBody(script = "return { error: undefined };")
    private static native JSObject newHolder();

    @JSBody(params = "holder", script = "var taken = holder.error; holder.error = undefined; return taken;")
    static native JSObject takeError(JSObject holder);

}
