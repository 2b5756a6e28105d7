package io.teaflow.runtime;

/**
 * The end of an asynchronous run (see {@link ActorContext#async()}). Only the first call counts:
 * a run ends once.
 */
public interface Completion {
    /** Ends the run: the node may run again on its next packet. */
    void complete();

    /**
     * Ends the run with an {@code 'error'} event of the node carrying {@code message} and the original
     * {@code error}; the node may run again on its next packet.
     *
     * @param message what went wrong: the error event's message
     * @param error the original error value (a {@link Throwable}, or whatever a script rejected with); may be null
     */
    void fail(String message, Object error);
}
