package io.teaflow.runtime;

/**
 * A wire from an outport to an inport. Packets sent from outside the network (initial packets,
 * {@link Network#send}) travel on an entry connection whose source is {@code null}.
 */
public final class Connection {
    final Node from;
    final String fromPort;
    final Node to;
    final String toPort;
    private final InPort target;
    /** Packets delivered on this wire so far (read by {@link Network#connectionStats}). */
    int delivered;
    /** The wires made before and after this one ({@link Wiring}'s list of every wire); null for entries. */
    Connection previousWire;
    Connection nextWire;

    Connection(Node from, String fromPort, InPort target, Node to) {
        this.from = from;
        this.fromPort = fromPort;
        this.to = to;
        this.toPort = target.name;
        this.target = target;
    }

    /**
     * Where packets on this wire come from.
     *
     * @return the sending node's id, or {@code null} for a packet from outside
     */
    public String fromNode() {
        return from == null ? null : from.id;
    }

    /**
     * The outport packets on this wire leave by.
     *
     * @return the sending node's declared outport name, or {@code null} for a packet from outside
     */
    public String fromPort() {
        return fromPort;
    }

    /**
     * Where packets on this wire go.
     *
     * @return the receiving node's id
     */
    public String toNode() {
        return to.id;
    }

    /**
     * The inport packets on this wire arrive on.
     *
     * @return the receiving node's declared inport name
     */
    public String toPort() {
        return toPort;
    }

    /** The inport this connection leads to. */
    InPort target() {
        return target;
    }

    @Override
    public String toString() {
        return (from == null ? "(outside)" : from.id + "." + fromPort) + " -> " + to.id + "." + toPort;
    }
}
