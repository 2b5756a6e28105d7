package io.teaflow.runtime.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a network needs from the environment it runs in: the JVM (the runtime's own direct host) or the
 * browser (the bridge's host, which stores state in JS and schedules on the event loop).
 */
public interface Host {

    /**
     * A new empty object for a Java component to fill and send or keep in state: a {@link LinkedHashMap}
     * on the JVM, a live view of a new JS object in the browser (so what is put in it later is seen by
     * whoever holds it, the page included).
     */
    default Map<String, Object> newObject() {
        return new LinkedHashMap<>();
    }

    /** A new empty array: an {@link ArrayList} on the JVM, a live view of a new JS array in the browser. */
    default List<Object> newArray() {
        return new ArrayList<>();
    }

    /** A new, empty storage for the state of node {@code node}. */
    StateStorage newStateStorage(String node);

    /**
     * Runs {@code task} right after the current call returns, before anything else happens (a
     * microtask in the browser). The network uses it to run what {@code send} queued, so a burst of
     * sends from a page is processed in one go.
     */
    void defer(Runnable task);

    /**
     * Runs {@code task} soon, after the current call returns, letting the host do other work first. The network uses it to continue a
     * long burst of work in slices, so a browser page stays responsive.
     */
    void schedule(Runnable task);

    /** Reports a failure that no listener took (an error event nobody listens to, a throwing listener). */
    void log(String message, Object error);
}
