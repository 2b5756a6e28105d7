package io.teaflow.runtime;

/**
 * One wire of a network and the packets delivered on it so far, for tools that watch a network:
 * a copy taken by {@link Network#connectionStats()}. The ids are those of the running nodes, so
 * a wire inside a subgraph node {@code a} runs between {@code a/x} and {@code a/y}.
 */
public final class ConnectionStats {
    /** The id of the sending node. */
    public final String from;
    /** The sending node's outport. */
    public final String fromPort;
    /** The id of the receiving node. */
    public final String to;
    /** The receiving node's inport. */
    public final String toPort;
    /** Packets delivered on this wire since it was made, at the time of the copy. */
    public final int delivered;

    ConnectionStats(String from, String fromPort, String to, String toPort, int delivered) {
        this.from = from;
        this.fromPort = fromPort;
        this.to = to;
        this.toPort = toPort;
        this.delivered = delivered;
    }
}
