package io.teaflow.graph;

/**
 * The place in a graph being read ({@code graph: connection 12}, {@code graph: process 'a'}, or one
 * of their endpoints, {@code graph: connection 12 src}), for error messages. One reading keeps one
 * of each and moves it from item to item: a large graph has tens of thousands of processes and
 * connections, and the text is made only when a message needs it. Its string form is the place
 * of the moment, so whoever builds a message from it does so when the message is thrown.
 */
final class Where {
    private final String root;
    /** The item this is an endpoint of; null for an item itself. */
    private final Where item;
    /** {@code src} or {@code tgt} for an endpoint. */
    private final String field;
    /** Of an item: a process id, or null for a connection. */
    private String process;
    /** Of an item: the index of a connection. */
    private int connection;

    /** The place of the items of a reading whose messages start with {@code root}. */
    Where(String root) {
        this.root = root;
        this.item = null;
        this.field = null;
    }

    private Where(Where item, String field) {
        this.root = item.root;
        this.item = item;
        this.field = field;
    }

    /** The place of endpoint {@code field} ({@code src} or {@code tgt}) of this item, wherever it is moved. */
    Where endpoint(String field) {
        return new Where(this, field);
    }

    /** Moves to process {@code id}. */
    Where atProcess(String id) {
        process = id;
        return this;
    }

    /** Moves to connection {@code index}. */
    Where atConnection(int index) {
        process = null;
        connection = index;
        return this;
    }

    @Override
    public String toString() {
        if (item != null) {
            return item + " " + field;
        }
        return process != null ? root + ": process '" + process + "'" : root + ": connection " + connection;
    }
}
