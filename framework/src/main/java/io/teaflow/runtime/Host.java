package io.teaflow.runtime;

/**
 * What a network needs from the environment it runs in: the JVM ({@link DirectHost}) or the
 * browser (the bridge's host, which stores state in JS and schedules on the event loop).
 */
public interface Host {

    /** A new, empty storage for the state of node {@code node}. */
    StateStorage newStateStorage(String node);

    /**
     * Runs {@code task} soon, after the current call returns. The network uses it to continue a
     * long burst of work in slices, so a browser page stays responsive.
     */
    void schedule(Runnable task);

    /** Reports a failure that no listener took (an error event nobody listens to, a throwing listener). */
    void log(String message, Object error);
}
