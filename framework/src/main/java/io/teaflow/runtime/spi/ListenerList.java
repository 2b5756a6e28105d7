package io.teaflow.runtime.spi;

import io.teaflow.runtime.Subscription;
import java.util.Arrays;

/**
 * A copy-on-write list of listeners: notifying iterates a snapshot, so a listener may add or
 * remove listeners (itself included) while being notified.
 *
 * @param <T> the listener type
 */
public final class ListenerList<T> {
    private static final Object[] EMPTY = {};

    private Object[] items = EMPTY;

    /**
     * Whether nobody listens, so a notifier can skip building what it would tell.
     *
     * @return true when there is no listener
     */
    public boolean isEmpty() {
        return items.length == 0;
    }

    /**
     * The listeners now, in the order added.
     *
     * @return an array never modified afterwards, safe to iterate while listeners come and go; do not
     *         modify it
     */
    public Object[] snapshot() {
        return items;
    }

    /**
     * Adds {@code listener} at the end; the same listener may be added more than once.
     *
     * @param listener the listener; the caller checks it is not null
     * @return a subscription whose {@code cancel()} removes one registration of {@code listener}
     */
    public Subscription add(T listener) {
        Object[] grown = Arrays.copyOf(items, items.length + 1);
        grown[items.length] = listener;
        items = grown;
        // Once only: a second cancel() must not remove another registration of the same listener.
        boolean[] cancelled = {false};
        return () -> {
            if (!cancelled[0]) {
                cancelled[0] = true;
                remove(listener);
            }
        };
    }

    private void remove(T listener) {
        for (int i = 0; i < items.length; i++) {
            if (items[i] == listener) {
                Object[] shrunk = new Object[items.length - 1];
                System.arraycopy(items, 0, shrunk, 0, i);
                System.arraycopy(items, i + 1, shrunk, i, items.length - i - 1);
                items = shrunk;
                return;
            }
        }
    }
}
