package io.teaflow.runtime;

/**
 * The packets waiting for one node, in arrival order, each with the connection it came on.
 * A growable ring buffer: no allocation per packet once warmed up.
 */
final class Inbox {
    private Object[] values = new Object[8];
    private Connection[] via = new Connection[8];
    private int head;
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void add(Connection connection, Object value) {
        if (size == values.length) {
            grow();
        }
        int tail = (head + size) & (values.length - 1);
        values[tail] = value;
        via[tail] = connection;
        size++;
    }

    /** The connection of the oldest packet; call before {@link #takeValue}. */
    Connection peekConnection() {
        return via[head];
    }

    /** Removes the oldest packet and returns its value. */
    Object takeValue() {
        Object value = values[head];
        values[head] = null;
        via[head] = null;
        head = (head + 1) & (values.length - 1);
        size--;
        return value;
    }

    /** Takes out every packet. */
    java.util.List<Object> removeAll() {
        java.util.List<Object> removed = new java.util.ArrayList<>();
        while (size > 0) {
            removed.add(takeValue());
        }
        return removed;
    }

    private void grow() {
        Object[] newValues = new Object[values.length * 2];
        Connection[] newVia = new Connection[values.length * 2];
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (values.length - 1);
            newValues[i] = values[from];
            newVia[i] = via[from];
        }
        values = newValues;
        via = newVia;
        head = 0;
    }
}
