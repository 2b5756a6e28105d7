package io.teaflow.runtime;

/** Told of every change to a node's state, whichever side made it. */
@FunctionalInterface
public interface StateListener {
    /** {@code key} now holds {@code newValue}; values are as {@link ActorState#get} gives them. */
    void changed(String key, Object newValue, Object oldValue);

    /** {@code key} was removed; by default told as a change to {@code null}. */
    default void removed(String key, Object oldValue) {
        changed(key, null, oldValue);
    }
}
