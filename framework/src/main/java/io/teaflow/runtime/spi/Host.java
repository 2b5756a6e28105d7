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
     *
     * @return a new empty object; what {@code ActorContext.newObject()} returns
     */
    default Map<String, Object> newObject() {
        return new LinkedHashMap<>();
    }

    /**
     * A new empty array: an {@link ArrayList} on the JVM, a live view of a new JS array in the browser.
     *
     * @return a new empty array; what {@code ActorContext.newArray()} returns
     */
    default List<Object> newArray() {
        return new ArrayList<>();
    }

    /**
     * Makes the storage of one node's state; called once per node (and per node made of a graph).
     *
     * @param node the id of the node being added, such as {@code counter} or {@code sub/counter}
     * @return a new, empty storage
     */
    StateStorage newStateStorage(String node);

    /**
     * Runs {@code task} right after the current call returns, before anything else happens (a
     * microtask in the browser). The network uses it to run what {@code send} queued, so a burst of
     * sends from a page is processed in one go.
     *
     * @param task what to run, once
     */
    void defer(Runnable task);

    /**
     * Runs {@code task} soon, after the current call returns, letting the host do other work first. The network uses it to continue a
     * long burst of work in slices, so a browser page stays responsive.
     *
     * @param task what to run, once
     */
    void schedule(Runnable task);

    /**
     * Reports a failure that no listener took (an error event nobody listens to, a throwing listener).
     *
     * @param message what failed, naming the node or listener
     * @param error the original error value (a {@link Throwable}, or whatever a script threw); may be null
     */
    void log(String message, Object error);
}
