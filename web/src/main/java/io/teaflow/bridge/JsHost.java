package io.teaflow.bridge;

import io.teaflow.runtime.spi.Host;
import io.teaflow.runtime.spi.StateStorage;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExceptions;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;

/**
 * The browser (or Node) as the runtime's host: state in JS {@code Map}s, the work a send caused
 * in a microtask, continuation slices on the event loop, failures nobody listened to on
 * {@code console.error}. Slices go through
 * {@code setImmediate} in Node and a {@code MessageChannel} message in browsers: neither is
 * clamped to 4 ms like a nested {@code setTimeout}.
 */
final class JsHost implements Host {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final ArrayDeque<Runnable> microtasks = new ArrayDeque<>();
    private JSObject post;
    private JSObject postMicrotask;

    @Override
    public StateStorage newStateStorage(String node) {
        return new JsMapStorage();
    }

    @Override
    public Map<String, Object> newObject() {
        return new JsObjectMap(PageObjects.empty());
    }

    @Override
    public List<Object> newArray() {
        return new JsArrayList(new JSArray<>());
    }

    @Override
    public void schedule(Runnable task) {
        tasks.add(task);
        if (post == null) {
            post = BridgeScripts.get().newPoster(this::runNext);
        }
        callPost(post);
    }

    @Override
    public void defer(Runnable task) {
        microtasks.add(task);
        if (postMicrotask == null) {
            postMicrotask = newMicrotaskPoster(this::runNextMicrotask);
        }
        callPost(postMicrotask);
    }

    private void runNextMicrotask() {
        Runnable task = microtasks.poll();
        if (task != null) {
            task.run();
        }
    }

    private void runNext() {
        Runnable task = tasks.poll();
        if (task != null) {
            task.run();
        }
    }

    @Override
    public void log(String message, Object error) {
        consoleError("Teaflow: " + message, toJsError(error));
    }

    /** The JS value to show for an error: the thrown JS value itself, or the JS Error of a Java exception. */
    static JSObject toJsError(Object error) {
        if (error instanceof Throwable) {
            JSObject js = JSExceptions.getJSException((Throwable) error);
            return js != null ? js : newError(String.valueOf(((Throwable) error).getMessage()));
        }
        return PageValues.toJs(error);
    }

    @JSFunctor
    interface Task extends JSObject {
        void run();
    }

    @JSBody(params = "task", script = "return function () { queueMicrotask(function () { task(); }); };")
    private static native JSObject newMicrotaskPoster(Task task);

    @JSBody(params = "post", script = "post();")
    private static native void callPost(JSObject post);

    @JSBody(params = { "message", "error" }, script = "console.error(message, error);")
    private static native void consoleError(String message, JSObject error);

    @JSBody(params = "message", script = "return new Error(message);")
    private static native JSObject newError(String message);
}
