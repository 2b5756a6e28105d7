package io.teaflow.runtime;

/** Told of the events of a network it subscribed to with {@link Network#on}. */
@FunctionalInterface
public interface NetworkListener {
    /**
     * Handles one event. A listener that throws is logged by the network and does not stop it or the
     * other listeners.
     *
     * @param event what happened; events of type start, stop and idle are shared instances
     */
    void on(NetworkEvent event);
}
