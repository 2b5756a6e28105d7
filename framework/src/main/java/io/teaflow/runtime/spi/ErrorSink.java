package io.teaflow.runtime.spi;

/** Where failures inside a node (its run, its subscribers) are reported: the network's error event. */
@FunctionalInterface
public interface ErrorSink {
    /**
     * Reports one failure; the network emits it as an {@code 'error'} event.
     *
     * @param node the id of the node that failed
     * @param message what went wrong, naming the node and what it was doing
     * @param error the original error value (a {@link Throwable}, or whatever a script threw)
     */
    void report(String node, String message, Object error);
}
