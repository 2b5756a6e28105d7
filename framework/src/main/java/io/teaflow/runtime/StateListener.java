package io.teaflow.runtime;

/** Told of every change to a node's state, whichever side made it. */
@FunctionalInterface
public interface StateListener {
    /** {@code newValue} is {@code null} after a removal; values are as {@link ActorState#get} gives them. */
    void changed(String key, Object newValue, Object oldValue);
}
