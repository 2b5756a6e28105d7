package io.teaflow.runtime;

/**
 * The packets waiting for one node, in arrival order, each with the connection it came on.
 * A growable ring buffer: no allocation per packet once warmed up. A number sent as a number
 * ({@link ActorContext#sendNumber}) waits unboxed in a parallel array, so a JS actor's number
 * packet goes from actor to actor without a {@code Double} made for each hop.
 */
final class Inbox {
    private static final Object[] NO_VALUES = {};
    private static final Connection[] NO_CONNECTIONS = {};

    // Empty until the first packet: most of a large network's nodes wait, and one pair of arrays
    // per node was a large part of building it.
    private Object[] values = NO_VALUES;
    private Connection[] via = NO_CONNECTIONS;
    /**
     * Made on the first unboxed number, as long as {@link #values}; a slot of {@link #values} that
     * holds this inbox itself (never a packet: the class is the runtime's own) has its packet here.
     * (Not a static marker: reading a static field costs a class-initialisation check per packet
     * in the browser.)
     */
    private double[] numbers;
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

    void addNumber(Connection connection, double value) {
        if (size == values.length) {
            grow();
        }
        if (numbers == null) {
            numbers = new double[values.length];
        }
        int tail = (head + size) & (values.length - 1);
        values[tail] = this;
        numbers[tail] = value;
        via[tail] = connection;
        size++;
    }

    /** The connection of the oldest packet; call before {@link #takeValue}. */
    Connection peekConnection() {
        return via[head];
    }

    /** Whether the oldest packet waits unboxed: take it with {@link #takeNumber}. */
    boolean peekIsUnboxed() {
        return values[head] == this;
    }

    /** Removes the oldest packet, one that {@link #peekIsUnboxed waits unboxed}, and returns it. */
    double takeNumber() {
        double value = numbers[head];
        values[head] = null;
        via[head] = null;
        head = (head + 1) & (values.length - 1);
        size--;
        return value;
    }

    /** Removes the oldest packet and returns its value (a number waiting unboxed as a {@code Double}). */
    Object takeValue() {
        if (values[head] == this) {
            return Double.valueOf(takeNumber());
        }
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
        int capacity = Math.max(8, values.length * 2);
        Object[] newValues = new Object[capacity];
        Connection[] newVia = new Connection[capacity];
        double[] newNumbers = numbers == null ? null : new double[capacity];
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (values.length - 1);
            newValues[i] = values[from];
            newVia[i] = via[from];
            if (newNumbers != null) {
                newNumbers[i] = numbers[from];
            }
        }
        values = newValues;
        via = newVia;
        numbers = newNumbers;
        head = 0;
    }
}
