package io.teaflow.runtime;

/** Told of every change to a node's state, whichever side made it. */
@FunctionalInterface
public interface StateListener {
    /**
     * {@code key} now holds {@code newValue}; values are as {@link ActorState#get} gives them.
     *
     * @param key the key that was set
     * @param newValue the value now stored
     * @param oldValue the value before; {@code null} if there was none. For {@link ActorState#append},
     *        both values are the list itself
     */
    void changed(String key, Object newValue, Object oldValue);

    /**
     * {@code key} was removed; by default told as a change to {@code null}.
     *
     * @param key the key that was removed
     * @param oldValue the value it held
     */
    default void removed(String key, Object oldValue) {
        changed(key, null, oldValue);
    }
}
