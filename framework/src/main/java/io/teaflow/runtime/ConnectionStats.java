package io.teaflow.runtime;

/**
 * One wire of a network and the packets delivered on it so far, for tools that watch a network:
 * a copy taken by {@link Network#connectionStats()}. The ids are those of the running nodes, so
 * a wire inside a subgraph node {@code a} runs between {@code a/x} and {@code a/y}.
 */
public final class ConnectionStats {
    public final String from;
    public final String fromPort;
    public final String to;
    public final String toPort;
    public final int delivered;

    ConnectionStats(String from, String fromPort, String to, String toPort, int delivered) {
        this.from = from;
        this.fromPort = fromPort;
        this.to = to;
        this.toPort = toPort;
        this.delivered = delivered;
    }
}
