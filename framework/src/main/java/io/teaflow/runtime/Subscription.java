package io.teaflow.runtime;

/** Ends a subscription; calling it again does nothing. */
@FunctionalInterface
public interface Subscription {
    void cancel();
}
