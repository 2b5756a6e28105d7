package io.teaflow.bridge;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** A native Promise with its resolve and reject functions, for answers that come later. */
interface Deferred extends JSObject {
    @JSProperty
    JSObject getPromise();

    void resolve(JSObject value);

    void reject(JSObject error);

    static Deferred create() {
        return BridgeScripts.get().deferred();
    }

    static JSObject rejected(String message) {
        return Promises.rejected(message);
    }

    static JSObject resolved() {
        return Promises.resolved();
    }

    /** The JS side of {@link Deferred}. */
    final class Promises {
        private Promises() {
        }

        @JSBody(params = "message", script = "return Promise.reject(new Error(message));")
        static native JSObject rejected(String message);

        @JSBody(script = "return Promise.resolve();")
        static native JSObject resolved();
    }
}
