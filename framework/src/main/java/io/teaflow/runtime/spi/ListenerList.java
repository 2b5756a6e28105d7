package io.teaflow.runtime.spi;

import io.teaflow.runtime.Subscription;
import java.util.Arrays;

/**
 * A copy-on-write list of listeners: notifying iterates a snapshot, so a listener may add or
 * remove listeners (itself included) while being notified.
 */
public final class ListenerList<T> {
    private static final Object[] EMPTY = {};

    private Object[] items = EMPTY;

    public boolean isEmpty() {
        return items.length == 0;
    }

    /** The listeners now; never modified afterwards, safe to iterate. */
    public Object[] snapshot() {
        return items;
    }

    /** Adds {@code listener}; the returned subscription removes this one registration. */
    public Subscription add(T listener) {
        Object[] grown = Arrays.copyOf(items, items.length + 1);
        grown[items.length] = listener;
        items = grown;
        return () -> remove(listener);
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
