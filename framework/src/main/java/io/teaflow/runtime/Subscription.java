package io.teaflow.runtime;

/** Ends a subscription; calling it again does nothing. */
@FunctionalInterface
public interface Subscription {
    /** Stops the calls to the listener this subscription was made for. */
    void cancel();
}
