package io.teaflow.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * One inport of a node at run time: how many packets wait on it, how many it may hold before its
 * senders are paused (its capacity; 0 is unbounded), and who sends to it, so they can be resumed.
 * A joining node (see {@link Actor#awaitsAllInports}) keeps its packets here, one FIFO per port;
 * other nodes keep them in their {@link Inbox} and only count them here.
 */
final class InPort {
    final String name;
    final int index;
    final int capacity;
    /** Where packets from outside (initial packets, Network.send) come from. */
    final Connection entry;
    /** The connections into this port, in the order they were made (an empty list until the first; see {@link #addIncoming}). */
    List<Connection> incoming = List.of();
    /** Packets waiting on this port. */
    int waiting;
    /** The packets of a joining node, in arrival order; null for other nodes. */
    final Inbox queue;

    InPort(Node node, String name, int index, int capacity, boolean joins) {
        this.name = name;
        this.index = index;
        this.capacity = capacity;
        this.entry = new Connection(null, null, this, node);
        this.queue = joins ? new Inbox() : null;
    }

    void addIncoming(Connection connection) {
        if (incoming.isEmpty()) {
            // Most inports are fed by one connection: no ArrayList with room for ten until needed.
            incoming = new ArrayList<>(1);
        }
        incoming.add(connection);
    }

    /** Full: a sender to this port must wait before it runs again. */
    boolean isFull() {
        return capacity > 0 && waiting >= capacity;
    }
}
