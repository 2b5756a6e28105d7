package io.teaflow.bridge;

import io.teaflow.runtime.Subscription;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** The {@code unsubscribe()} function that {@code on()} and {@code subscribe()} return to the page. */
final class JsUnsubscribe {
    private JsUnsubscribe() {
    }

    @JSFunctor
    interface Action extends JSObject {
        void run();
    }

    /** A JS function named {@code unsubscribe} that cancels {@code subscription} (again: nothing). */
    static JSObject of(Subscription subscription) {
        return named(subscription::cancel);
    }

    @JSBody(params = "action", script = "return function unsubscribe() { action(); };")
    private static native JSObject named(Action action);
}
