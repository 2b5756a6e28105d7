package io.teaflow.runtime;

/**
 * The end of an asynchronous run (see {@link ActorContext#async()}). Only the first call counts:
 * a run ends once.
 */
public interface Completion {
    void complete();

    /** Ends the run with an error event carrying {@code message} and the original {@code error}. */
    void fail(String message, Object error);
}
